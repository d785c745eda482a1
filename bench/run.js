// `npm run bench` (not part of npm test) runs every benchmark present, one after another:
// - every `bench:<name>` script of package.json (benchmarks that run through their own jest config), then
// - every bench/*.bench.ts that is a plain script (no jest `describe`), each in its own node process with
//   bench/register.js (swc, @app paths). A new benchmark is a new file or a new bench:<name> script; each
//   writes its own `##` section of bench/RESULTS.md. `npm run bench -- calls` runs only names with "calls".
const { spawnSync } = require('node:child_process');
const { readdirSync, readFileSync } = require('node:fs');
const path = require('node:path');

const only = process.argv.slice(2);
const wanted = (name) => only.length === 0 || only.some((o) => name.includes(o));
const scripts = Object.keys(require('../package.json').scripts || {})
  .filter((s) => s.startsWith('bench:'))
  .filter(wanted)
  .sort();
const files = readdirSync(__dirname)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !/\bdescribe\(/.test(readFileSync(path.join(__dirname, f), 'utf8')))
  .filter(wanted)
  .sort();

const runs = [
  ...scripts.map((s) => ({
    label: `npm run ${s}`,
    cmd: process.platform === 'win32' ? 'npm.cmd' : 'npm',
    args: ['run', s],
  })),
  ...files.map((f) => ({
    label: `bench/${f}`,
    cmd: process.execPath,
    args: ['-r', path.join(__dirname, 'register.js'), path.join(__dirname, f)],
  })),
];
let failed = 0;
for (const run of runs) {
  console.log(`\n=== ${run.label}`);
  const r = spawnSync(run.cmd, run.args, {
    stdio: 'inherit',
    cwd: path.join(__dirname, '..'),
    env: process.env,
  });
  if (r.status !== 0) {
    failed += 1;
    console.error(`${run.label} failed (${r.status ?? r.signal})`);
  }
}
if (runs.length === 0) console.log('no benchmark matches');
process.exit(failed ? 1 : 0);
