import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

/**
 * The catalogs' staff-only top-level keys, kept out of the first load of every page: a catalog imported with
 * `?part=base` holds every other key, one imported with `?part=<key>` that key alone (lib/i18n/setup.ts
 * loads it with the pages that need it). The six JSON files stay the one source, checked whole by
 * catalogs.test.ts; this only decides which chunk carries which strings.
 */
export const DEFERRED_PARTS = ['finance'] as const;

export function catalogParts(): Plugin {
  return {
    name: 'tfg-catalog-parts',
    enforce: 'pre',
    load(id) {
      const [file, query] = id.split('?');
      if (!file.endsWith('.json') || !query) return null;
      const part = new URLSearchParams(query).get('part');
      if (!part) return null;
      const catalog = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      const picked =
        part === 'base'
          ? Object.fromEntries(
              Object.entries(catalog).filter(([k]) => !(DEFERRED_PARTS as readonly string[]).includes(k)),
            )
          : { [part]: catalog[part] ?? {} };
      // A plain module (Vite does not take a JSON file with a query for JSON).
      return { code: `export default ${JSON.stringify(picked)};`, moduleType: 'js' };
    },
  };
}
