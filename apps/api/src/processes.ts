import cluster, { Worker } from 'node:cluster';

const RESTART_DELAY_MS = 1000;
const STOP_TIMEOUT_MS = 15_000;

function log(line: string): void {
  console.log(`[api ${process.pid}] ${line}`);
}

/**
 * API_PROCESSES > 1 (docs/adr/0018-api-processes.md): this process forks `count` API processes with
 * node:cluster and does nothing else; they share PORT (the primary hands each new connection to one of
 * them in turn). Each is a whole API as with one process: its own database pool, Redis connections, public
 * cache and LISTEN connection, metrics. A process that dies after it listened is started again; one that
 * dies before (it could not boot: the database or Redis unreachable) stops them all, with exit code 1, for
 * the supervisor to see. SIGTERM or SIGINT stops them all the way one process stops (Nest's shutdown hooks).
 */
export function runPrimary(count: number): Promise<void> {
  const listened = new Set<number>();
  let stopping = false;

  const fork = (): Worker => {
    const worker = cluster.fork();
    worker.once('listening', () => listened.add(worker.id));
    return worker;
  };

  const stop = (signal: NodeJS.Signals, exitCode: number): void => {
    if (stopping) return;
    stopping = true;
    log(`stopping the API processes (${signal})`);
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(signal);
    setTimeout(() => {
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGKILL');
      process.exit(exitCode || 1);
    }, STOP_TIMEOUT_MS).unref();
    const done = () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
    };
    cluster.on('exit', done);
    done();
  };

  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    const how = signal ? `signal ${signal}` : `code ${code}`;
    if (!listened.has(worker.id)) {
      log(`API process ${worker.process.pid} stopped before it listened (${how}): stopping`);
      stop('SIGTERM', 1);
      return;
    }
    log(`API process ${worker.process.pid} stopped (${how}); starting another`);
    setTimeout(() => {
      if (!stopping) fork();
    }, RESTART_DELAY_MS);
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => stop(signal, 0));

  log(`starting ${count} API processes`);
  for (let i = 0; i < count; i++) fork();
  return new Promise(() => undefined); // runs until a signal
}
