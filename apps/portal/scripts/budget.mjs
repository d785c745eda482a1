// The low-bandwidth budget: what a first visit to a public page downloads before it shows (the entry chunk,
// its static imports, the CSS, English and the largest other catalog, and the page's own chunk), gzipped,
// must stay within 200 KB. The home page's chart (recharts) is not part of it: it is loaded only when the
// chart scrolls into view, and is printed apart. Prints every file's size and fails the build over budget.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET = 200 * 1024;
const dist = resolve(dirname(fileURLToPath(import.meta.url)), '../../../dist/portal');
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));
const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** A chunk and everything it imports statically (what the browser must load before it runs). */
function closure(key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dep of manifest[key].imports ?? []) closure(dep, seen);
  return seen;
}
const files = (keys) => [
  ...new Set([...keys].flatMap((k) => [manifest[k].file, ...(manifest[k].css ?? [])])),
];

const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
const byName = (part) => Object.keys(manifest).find((k) => k.includes(part));
const pages = {
  home: ['features/public/HomePage.tsx'],
  calls: ['features/calls/CallsPage.tsx'],
  'call detail': ['features/calls/CallDetailPage.tsx'],
  impact: ['features/public/ImpactPage.tsx'],
  'sign-in': ['features/account/SignInPage.tsx'],
};
let failed = false;
console.log('portal: gzipped first load of each public page (JS + CSS; budget 200 KB)');
for (const [page, parts] of Object.entries(pages)) {
  const keys = new Set(closure(entry));
  // the catalogs' first-load part (scripts/catalog-parts.ts): staff-only strings come with their pages
  for (const part of [...parts, 'i18n/en.json?part=base', 'i18n/ru.json?part=base']) {
    const key = byName(part);
    if (!key) throw new Error(`budget: no chunk for ${part} in the manifest`);
    closure(key, keys);
  }
  const list = files(keys).filter((f) => /\.(js|css)$/.test(f));
  const total = list.reduce((sum, f) => sum + gz(f), 0);
  const over = total > BUDGET;
  failed ||= over;
  console.log(
    `  ${page.padEnd(12)} ${kb(total).padStart(9)} ${over ? 'OVER BUDGET' : 'ok'}  (${list.length} files)`,
  );
}
const chart = files(closure(byName('components/ImpactChart.tsx'))).filter((f) => /\.js$/.test(f));
console.log(
  `  deferred: the home page's chart, when scrolled into view: ${kb(chart.reduce((s, f) => s + gz(f), 0))}`,
);
console.log('  files:');
for (const f of readdirSync(join(dist, 'assets')).sort()) {
  if (/\.(js|css)$/.test(f))
    console.log(`    ${`assets/${f}`.padEnd(48)} ${kb(gz(`assets/${f}`)).padStart(9)}`);
}
if (failed) {
  console.error('portal: a public page is over the 200 KB budget');
  process.exit(1);
}
