import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Api } from '../setup/harness';
import { bearer } from './grant-cycle';

export const LIST_V1 = join(__dirname, '..', 'fixtures', 'un-sc-consolidated-list.xml');
export const LIST_V2 = join(__dirname, '..', 'fixtures', 'un-sc-consolidated-list-v2.xml');

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** Every field a complete profile has (the bank in Germany, so the IBAN is checked). */
export function completeProfile(
  legalName: string,
  over: Record<string, unknown> = {},
): Record<string, unknown> {
  const year = new Date().getUTCFullYear();
  return {
    legalName,
    otherNames: [],
    acronyms: [],
    registration: { number: `REG-${legalName}`, authority: 'Registry', country: 'NG', date: '2012-03-01' },
    yearFounded: 2012,
    office: { type: 'headquarters' },
    head: { name: 'Amina Okafor', role: 'Executive Director' },
    keyPeople: [{ name: 'Chidi Balogun', role: 'Finance Officer' }],
    mandate: 'Shelter and legal aid for survivors of trafficking',
    populations: ['survivors of trafficking'],
    budgets: [1, 2, 3].map((k) => ({ year: year - k, amount: 50_000_000, currency: 'USD' })),
    psea: { hasPolicy: true, focalPoint: { name: 'Grace Obi', email: 'psea@ngo.example.org' } },
    antiFraudPolicy: true,
    declaration: { signedBy: 'Amina Okafor', signedAt: new Date().toISOString(), version: '2026-1' },
    bank: {
      holder: legalName,
      bankName: 'Deutsche Bank',
      bic: 'DEUTDEFF',
      iban: 'DE89 3704 0044 0532 0130 00',
      country: 'DE',
    },
    ...over,
  };
}

export const REQUIRED_DOCS = [
  'registration_certificate',
  'statutes',
  'audited_financials',
  'audited_financials',
  'psea_policy',
  'bank_letter',
];

export function uploadDocument(
  api: Api,
  organizationId: string,
  token: string,
  fields: { type: string; issuedOn: string; expiresOn?: string },
  bytes: Buffer = PDF,
) {
  let req = api.http().post(`/api/partners/${organizationId}/documents`).set(bearer(token));
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) req = req.field(k, v);
  return req.attach('file', bytes, { filename: `${fields.type}.pdf`, contentType: 'application/pdf' });
}

/** The profile saved and its required documents uploaded (valid for three more years). */
export async function fillProfile(
  api: Api,
  organizationId: string,
  token: string,
  profile: Record<string, unknown>,
): Promise<void> {
  const res = await api
    .http()
    .patch(`/api/partners/${organizationId}/profile`)
    .set(bearer(token))
    .send(profile);
  if (res.status !== 200) throw new Error(`profile: ${res.status} ${JSON.stringify(res.body)}`);
  const expires = `${new Date().getUTCFullYear() + 3}-01-01`;
  for (const type of REQUIRED_DOCS) {
    const d = await uploadDocument(api, organizationId, token, {
      type,
      issuedOn: '2025-01-01',
      expiresOn: expires,
    });
    if (d.status !== 201) throw new Error(`document: ${d.status} ${JSON.stringify(d.body)}`);
  }
}

export function importList(api: Api, adminToken: string, file: string) {
  return api
    .http()
    .post('/api/sanctions-lists')
    .set(bearer(adminToken))
    .attach('file', readFileSync(file), { filename: 'consolidated.xml', contentType: 'text/xml' });
}
