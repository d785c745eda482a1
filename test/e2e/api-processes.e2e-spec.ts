import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

/**
 * API_PROCESSES (ADR 0018), run as production runs it: `main.ts` as a plain process, whose primary forks
 * the API processes with node:cluster and watches them. One that dies after it listened is started again;
 * one that dies before (here: the database cannot be reached) stops them all with exit code 1, so that a
 * supervisor sees the failure instead of a primary forking forever.
 */
describe('API_PROCESSES: the primary and its API processes', () => {
  const LISTENING = /API listening on [^ ]+ \(API process (\d+) of 2, pid (\d+)\)/g;

  function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
      server.once('error', reject);
    });
  }

  interface Primary {
    child: ChildProcess;
    output: () => string;
    until: <T>(found: (text: string) => T | undefined, ms: number) => Promise<T>;
    exited: Promise<number | null>;
  }

  function startPrimary(env: NodeJS.ProcessEnv): Primary {
    const child = spawn(process.execPath, ['-r', './test/setup/swc-register.js', 'apps/api/src/main.ts'], {
      cwd: process.cwd(),
      env: { ...process.env, API_PROCESSES: '2', LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    child.stdout!.on('data', (d: Buffer) => (text += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (text += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const until = async <T>(found: (text: string) => T | undefined, ms: number): Promise<T> => {
      const end = Date.now() + ms;
      for (;;) {
        const value = found(text);
        if (value !== undefined) return value;
        if (Date.now() > end) throw new Error(`not seen within ${ms} ms; the processes printed:\n${text}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    return { child, output: () => text, until, exited };
  }

  /** The pids of the API processes that said they listen, in order. */
  const listening = (text: string) => [...text.matchAll(LISTENING)].map((m) => Number(m[2]));
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const health = (port: number) =>
    fetch(`http://127.0.0.1:${port}/api/health`, { headers: { connection: 'close' } }).then((r) => r.status);

  it('shares the port between two processes, starts another when one is killed, and stops all on SIGTERM', async () => {
    const port = await freePort();
    const primary = startPrimary({ PORT: String(port) });
    try {
      const [first, second] = await primary.until(
        (t) => (listening(t).length >= 2 ? listening(t) : undefined),
        90_000,
      );
      expect(first).not.toBe(second);
      expect(first).not.toBe(primary.child.pid);
      // new connections go to one process and then the other; each answers
      for (let i = 0; i < 4; i++) await expect(health(port)).resolves.toBe(200);

      process.kill(first, 'SIGKILL');
      await primary.until(
        (t) =>
          t.includes(`API process ${first} stopped (signal SIGKILL); starting another`) ? true : undefined,
        10_000,
      );
      await expect(health(port)).resolves.toBe(200); // the other one still serves meanwhile
      const third = await primary.until((t) => listening(t)[2], 90_000);
      expect([first, second]).not.toContain(third);
      expect(alive(first)).toBe(false);
      for (let i = 0; i < 4; i++) await expect(health(port)).resolves.toBe(200);

      primary.child.kill('SIGTERM');
      await expect(primary.exited).resolves.toBe(0);
      expect(primary.output()).toContain('stopping the API processes (SIGTERM)');
      expect([second, third].filter(alive)).toEqual([]);
      await expect(health(port)).rejects.toThrow();
    } finally {
      primary.child.kill('SIGKILL');
    }
  }, 180_000);

  it('stops them all with exit code 1 when an API process dies before it listens', async () => {
    const port = await freePort();
    // nothing listens on port 1: each API process fails its database connection at boot
    const primary = startPrimary({
      PORT: String(port),
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none',
    });
    try {
      let timer: NodeJS.Timeout | undefined;
      const code = await Promise.race([
        primary.exited,
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(primary.output())), 90_000);
        }),
      ]).finally(() => clearTimeout(timer));
      expect(code).toBe(1);
      expect(primary.output()).toMatch(/API process \d+ stopped before it listened \(code 1\): stopping/);
      expect(listening(primary.output())).toEqual([]);
      await expect(health(port)).rejects.toThrow();
    } finally {
      primary.child.kill('SIGKILL');
    }
  }, 120_000);
});
