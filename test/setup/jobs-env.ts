// Imported first by the jobs tests: short stalled-job intervals, read when the processors load, so a job
// whose worker was SIGKILLed is recovered within seconds rather than the production 30 s.
process.env.JOB_LOCK_MS = '3000';
process.env.JOB_STALLED_INTERVAL_MS = '1000';

export {};
