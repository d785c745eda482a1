import { ConfigError, loadConfig } from './app-config';

describe('configuration', () => {
  const base = { DATABASE_URL: 'postgres://u@localhost/db' };

  it('applies defaults', () => {
    const c = loadConfig({ ...base });
    expect(c).toMatchObject({ port: 3000, redisUrl: 'redis://127.0.0.1:6379', rateLimitPerMinute: 600 });
    expect(c.apiProcesses).toBe(1);
    expect(loadConfig({ ...base, API_PROCESSES: '4' }).apiProcesses).toBe(4);
    expect(c.databaseReadUrl).toBeUndefined();
    expect(loadConfig({ ...base, DATABASE_READ_URL: 'postgres://u@replica/db' }).databaseReadUrl).toBe(
      'postgres://u@replica/db',
    );
  });

  it('reads MFA_REQUIRED_ROLES (default admin, fund_manager, finance; empty: none) and TRUST_PROXY', () => {
    expect(loadConfig({ ...base }).mfaRequiredRoles).toEqual(['admin', 'fund_manager', 'finance']);
    expect(loadConfig({ ...base, MFA_REQUIRED_ROLES: '' }).mfaRequiredRoles).toEqual([]);
    expect(loadConfig({ ...base }).trustProxy).toEqual([]);
    expect(loadConfig({ ...base, TRUST_PROXY: '10.0.0.0/8, ::1, 192.168.1.7' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '::1',
      '192.168.1.7',
    ]);
  });

  it.each([
    [{}, 'DATABASE_URL'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ ...base, PORT: 'abc' }, 'PORT'],
    [{ ...base, REDIS_URL: 'http://x' }, 'REDIS_URL'],
    [{ ...base, DATABASE_READ_URL: 'mysql://replica' }, 'DATABASE_READ_URL'],
    [{ ...base, NODE_ENV: 'production' }, 'JWT_SECRET'],
    [{ ...base, ADMIN_EMAIL: 'a@b.org' }, 'ADMIN_PASSWORD'],
    [{ ...base, RATE_LIMIT_PER_MINUTE: '0' }, 'RATE_LIMIT_PER_MINUTE'],
    [{ ...base, API_PROCESSES: '0' }, 'API_PROCESSES'],
    [{ ...base, API_PROCESSES: '65' }, 'API_PROCESSES'],
    [{ ...base, SMTP_URL: 'nope' }, 'SMTP_URL'],
    [{ ...base, MFA_REQUIRED_ROLES: 'admin,boss' }, 'MFA_REQUIRED_ROLES'],
    [{ ...base, TRUST_PROXY: '10.0.0.0/33' }, 'TRUST_PROXY'],
    [{ ...base, TRUST_PROXY: 'balancer.local' }, 'TRUST_PROXY'],
  ])('a bad or missing value stops with a message naming it: %j', (env, name) => {
    expect(() => loadConfig(env as NodeJS.ProcessEnv)).toThrow(ConfigError);
    expect(() => loadConfig(env as NodeJS.ProcessEnv)).toThrow(name);
  });
});
