import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The catalogs' sections only signed-in staff and donors read (their pages' strings): the language files stay
 * whole in src/i18n, but `<locale>.json?core` leaves these sections out and `<locale>.json?pages` holds only
 * them, so a public page's first load does not carry them (lib/i18n/setup.ts loads the second part after).
 */
export const PAGE_SECTIONS = [
  // the staff's and donors' pages (issues 15 and 16)
  'donor',
  'admin',
  'download',
  'finance',
  'fund',
  'callsAdmin',
  'grantsAdmin',
  'notices',
  'screening',
  'ranking',
  'decision',
  'reviewer',
  // the post-award sections of the grant pages, both sides (issue 18)
  'postAward',
  // the NGO's and every signed-in reader's own pages (issue 14)
  'ngo',
  'attachments',
  'mfa',
  'profile',
  'dashboard',
  // partner due diligence: the NGO's profile wizard and the verifiers' pages (issue 17)
  'partners',
];

function catalogParts(): Plugin {
  return {
    name: 'tfg-catalog-parts',
    enforce: 'pre',
    load(id) {
      const m = /^(.*[\\/]i18n[\\/][a-z]{2}\.json)\?(core|pages)$/.exec(id);
      if (!m) return null;
      const catalog = JSON.parse(readFileSync(m[1], 'utf8')) as Record<string, unknown>;
      const keep = (key: string) => PAGE_SECTIONS.includes(key) === (m[2] === 'pages');
      return `export default ${JSON.stringify(Object.fromEntries(Object.entries(catalog).filter(([key]) => keep(key))))};`;
    },
  };
}

// The portal: built into dist/portal, which the API serves at `/`. In dev mode Vite proxies /api to the API.
export default defineConfig({
  root,
  plugins: [catalogParts()],
  // Vite 8 (oxc) compiles TSX with React's automatic runtime itself (tsconfig "jsx": "react-jsx").
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/portal', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    manifest: true,
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: process.env.API_URL ?? 'http://localhost:3000', changeOrigin: false } },
  },
  test: {
    root,
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
