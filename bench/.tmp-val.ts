import 'reflect-metadata';
import { getMetadataStorage } from 'class-validator';
import { ApiModule } from '../apps/api/src/api.module';
import { validationPipe } from '../apps/api/src/http/validation';
import { UpdateApplicationDto } from '@app/applications/dto/application.dto';
void ApiModule;
const st = getMetadataStorage() as any;
let adds = 0;
const pipe = validationPipe();
for (const k of ['addValidationMetadata', 'addConstraintMetadata']) { const o = st[k]; st[k] = (m: any) => { adds++; return o(m); }; }
const orig = st.getTargetValidationMetadatas; let calls = 0; st.getTargetValidationMetadatas = (...a: any[]) => { calls++; if (calls < 6) console.log('args', a[0]?.name, a[1], a[2], a[3], a[4]); return orig(...a); };
console.log('targets', st.validationMetadatas.size);
const body = { title: 'Draft abc v1', budget: [
  { category: 'shelter', description: 'Rent v1', amount: 1000001 },
  { category: 'legal_aid', description: 'Lawyers', amount: 300000 },
  { category: 'psychological_support', description: 'Counselling 1', amount: 200000 } ] };
(async () => {
  const meta = { type: 'body' as const, metatype: UpdateApplicationDto, data: '' };
  for (let i = 0; i < 2000; i++) await pipe.transform(JSON.parse(JSON.stringify(body)), meta);
  const n = 5000; const t0 = process.cpuUsage();
  for (let i = 0; i < n; i++) await pipe.transform(JSON.parse(JSON.stringify(body)), meta);
  const u = process.cpuUsage(t0); console.log('ms per validation', (u.user + u.system) / 1000 / n, 'adds', adds, 'calls', calls);
})();
