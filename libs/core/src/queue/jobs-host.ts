import { WorkerHost } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import { JobName, JobPayload } from './jobs';

/** A job of one name, its data typed as that job's payload. */
export type JobOf<N extends JobName> = Job<JobPayload<N>, unknown, N>;

/** The handler of one job name: it receives that job's payload type. */
export type JobHandler<N extends JobName = JobName> = (job: JobOf<N>) => Promise<unknown>;

/** A processor's handlers by job name, each typed by its own job's payload. */
export type JobHandlers = { [N in JobName]?: JobHandler<N> };

/**
 * Base of every processor: it names the jobs it handles and dispatches on the job name to a service call.
 * No business logic lives here. The worker checks at startup that each job name has exactly one handler.
 */
export abstract class JobsHost extends WorkerHost {
  abstract readonly handlers: JobHandlers;

  async process(job: Job): Promise<unknown> {
    // The name picks the handler, so the job's data is that handler's payload type (as far as a payload
    // read back from Redis can be trusted: the handler validates it).
    const handler = this.handlers[job.name as JobName] as ((job: Job) => Promise<unknown>) | undefined;
    if (!handler) throw new UnrecoverableError(`no handler for job ${job.name}`);
    return handler(job);
  }
}

/** Throws unless every known job name has exactly one handler among the processors. */
export function checkJobHandlers(hosts: readonly JobsHost[], known: readonly string[]): void {
  const counts = new Map<string, number>();
  for (const host of hosts)
    for (const name of Object.keys(host.handlers)) counts.set(name, (counts.get(name) ?? 0) + 1);
  const problems: string[] = [];
  for (const name of known) {
    const n = counts.get(name) ?? 0;
    if (n !== 1) problems.push(`${name} has ${n} handlers`);
  }
  for (const name of counts.keys())
    if (!known.includes(name)) problems.push(`${name} is handled but not a known job`);
  if (problems.length) throw new Error(`Job handler check failed: ${problems.join('; ')}`);
}
