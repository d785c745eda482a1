// `npm run bench`: runs every bench/*.bench.ts in turn, each in its own node process (not part of npm test).
// A new benchmark is a new bench/<name>.bench.ts; bench/lib/results.ts writes its section of RESULTS.md.
const { spawnSync } = require('node:child_process');
const { readdirSync } = require('node:fs');
const path = require('node:path');

const only = process.argv.slice(2);
const files = readdirSync(__dirname)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
let failed = 0;
for (const file of files) {
  console.log(`\n=== bench/${file}`);
  const r = spawnSync(
    process.execPath,
    ['-r', path.join(__dirname, 'register.js'), path.join(__dirname, file)],
    {
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: process.env.NODE_ENV || 'production' },
    },
  );
  if (r.status !== 0) {
    failed += 1;
    console.error(`bench/${file} failed (${r.status ?? r.signal})`);
  }
}
process.exit(failed ? 1 : 0);
