/**
 * The unit tier (`npm run test:unit`) has no database and no Redis: the settings point at a closed port, so
 * a spec that reaches for either fails at once instead of quietly using a server that happens to run.
 */
Object.assign(process.env, {
  NODE_ENV: 'test',
  DATABASE_URL: 'postgres://unit-tier@127.0.0.1:9/no_database',
  REDIS_URL: 'redis://127.0.0.1:9',
  LOG_LEVEL: 'silent',
});
