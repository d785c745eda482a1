import { ConfigError, loadConfig } from './app-config';

describe('configuration', () => {
  const base = { DATABASE_URL: 'postgres://u@localhost/db' };

  it('applies defaults', () => {
    const c = loadConfig({ ...base });
    expect(c).toMatchObject({ port: 3000, redisUrl: 'redis://127.0.0.1:6379', rateLimitPerMinute: 600 });
  });

  it.each([
    [{}, 'DATABASE_URL'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ ...base, PORT: 'abc' }, 'PORT'],
    [{ ...base, REDIS_URL: 'http://x' }, 'REDIS_URL'],
    [{ ...base, NODE_ENV: 'production' }, 'JWT_SECRET'],
    [{ ...base, ADMIN_EMAIL: 'a@b.org' }, 'ADMIN_PASSWORD'],
    [{ ...base, RATE_LIMIT_PER_MINUTE: '0' }, 'RATE_LIMIT_PER_MINUTE'],
    [{ ...base, SMTP_URL: 'nope' }, 'SMTP_URL'],
  ])('a bad or missing value stops with a message naming it: %j', (env, name) => {
    expect(() => loadConfig(env as NodeJS.ProcessEnv)).toThrow(ConfigError);
    expect(() => loadConfig(env as NodeJS.ProcessEnv)).toThrow(name);
  });
});
