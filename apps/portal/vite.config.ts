import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { catalogParts } from './scripts/catalog-parts';

const root = fileURLToPath(new URL('.', import.meta.url));

// The portal: built into dist/portal, which the API serves at `/`. In dev mode Vite proxies /api to the API.
export default defineConfig({
  root,
  // Vite 8 (oxc) compiles TSX with React's automatic runtime itself (tsconfig "jsx": "react-jsx").
  oxc: { jsx: { runtime: 'automatic' } },
  // Staff-only strings load with the staff pages, not with every public page (scripts/catalog-parts.ts).
  plugins: [catalogParts()],
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
