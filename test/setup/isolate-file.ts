import { basename } from 'node:path';
import { Client } from 'pg';
import { TEST_DATABASE_URL, TEST_REDIS_PREFIX } from './test-env';

/**
 * Each test file that runs the API or the worker starts from a quiet queue. The files of one jest worker share
 * its database and (before this) one Redis prefix, so a file's worker inherited every job that earlier files had left behind:
 * outbox rows no worker relayed (files that run the API alone) and queued jobs no worker finished (hundreds of
 * receipt PDFs after the 200-contribution test, hundreds of grant and mail jobs after the grant journeys). A
 * traced full run showed platform's worker rendering 215 inherited receipts and accounts-sessions' worker
 * running 189 inherited grant jobs while a test waited 10-40 s for its own mail: the "worker stall".
 *
 * So each file gets its own Redis prefix (its queues, schedulers and rate-limit counters), and before the
 * file starts, the outbox rows earlier files left unrelayed are marked sent: they belong to finished tests.
 */
const testPath = expect.getState().testPath ?? '';
if (/[\\/]test[\\/](e2e|medium|browser)[\\/]/.test(testPath)) {
  const file = basename(testPath)
    .replace(/\..*$/, '')
    .replace(/[^A-Za-z0-9_-]/g, '_');
  process.env.REDIS_PREFIX = `${TEST_REDIS_PREFIX}-${file}`;

  beforeAll(async () => {
    const pg = new Client({ connectionString: TEST_DATABASE_URL });
    await pg.connect();
    try {
      await pg.query(`UPDATE outbox SET sent_at = now() WHERE sent_at IS NULL`);
    } finally {
      await pg.end();
    }
  });
}
