import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './app-config';
import { COMMITTED_SECRETS, isCommittedSecret } from './committed-secrets';

const ROOT = join(__dirname, '..', '..', '..', '..');

/**
 * Every deployment secret written in a tracked file: values given to JWT_SECRET, MFA_ENCRYPTION_KEY,
 * ADMIN_PASSWORD or POSTGRES_PASSWORD anywhere, the demo's public passwords (README), and the `password` of the test and
 * benchmark admins (test/setup, bench/lib). Passwords of users made inside single tests are not scanned.
 */
function committedValues(): Map<string, string> {
  const files = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' })
    .split('\n')
    .filter((f) => /\.(ts|js|mjs|json|ya?ml|md|example|env)$|Dockerfile$/.test(f))
    .filter((f) => !f.endsWith('package-lock.json') && !f.endsWith('committed-secrets.spec.ts'));
  const everywhere = [
    /(?<![A-Za-z0-9_])(?:JWT_SECRET|MFA_ENCRYPTION_KEY|ADMIN_PASSWORD|POSTGRES_PASSWORD)\s*[:=]\s*['"]?([^'"\s,}]+)/g,
    /`(demo-[a-z-]+-\d{4})`/g,
  ];
  const adminFiles = [/\bpassword\s*:\s*'([^'$]{6,})'/g];
  const found = new Map<string, string>();
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(join(ROOT, file), 'utf8');
    } catch {
      continue; // listed but deleted in the work tree
    }
    const patterns = /^(test\/setup|bench\/lib)\//.test(file) ? [...everywhere, ...adminFiles] : everywhere;
    for (const pattern of patterns) {
      for (const m of text.matchAll(pattern)) {
        const value = m[1];
        // interpolations, placeholders and identifiers (`admin.password`, `TEST_ADMIN.password`) are not values
        if (!/^[A-Za-z0-9]/.test(value) || value.includes('${') || /^[A-Za-z_]+\.[A-Za-z_]+$/.test(value))
          continue;
        if (!found.has(value)) found.set(value, file);
      }
    }
  }
  return found;
}

const production = (extra: Record<string, string>) =>
  loadConfig({
    NODE_ENV: 'production',
    DATABASE_URL: 'postgres://u@localhost/db',
    JWT_SECRET: 'x'.repeat(8) + 'a-random-looking-secret-7fQ2pL9zK',
    ...extra,
  });

describe('issue 11 item 9: production refuses secrets written in the repository', () => {
  it('knows every secret and password value written in a tracked file', () => {
    const found = committedValues();
    expect(found.size).toBeGreaterThan(5);
    const unknown = [...found].filter(([value]) => !isCommittedSecret(value));
    expect(unknown).toEqual([]);
  });

  it.each(COMMITTED_SECRETS.filter((s) => s.length >= 32))('refuses JWT_SECRET=%s', (secret) => {
    expect(() => production({ JWT_SECRET: secret })).toThrow(ConfigError);
    expect(() => production({ JWT_SECRET: secret })).toThrow(
      /JWT_SECRET is a value written in the repository/,
    );
  });

  it.each(COMMITTED_SECRETS.filter((s) => s.length >= 16))('refuses ADMIN_PASSWORD=%s', (password) => {
    const env = { ADMIN_EMAIL: 'admin@example.org', ADMIN_PASSWORD: password };
    expect(() => production(env)).toThrow(/ADMIN_PASSWORD is a value written in the repository/);
  });

  it('refuses the old compose file values and a short admin password in production', () => {
    expect(() => production({ JWT_SECRET: 'change-me-to-a-long-random-secret-0123456789' })).toThrow(
      'JWT_SECRET',
    );
    const short = { ADMIN_EMAIL: 'admin@example.org', ADMIN_PASSWORD: 'change-me-please' };
    expect(() => production(short)).toThrow('ADMIN_PASSWORD');
    const brief = { ADMIN_EMAIL: 'admin@example.org', ADMIN_PASSWORD: 'Zq8#kL2mW9' };
    expect(() => production(brief)).toThrow(/ADMIN_PASSWORD must be at least 16 characters in production/);
    expect(() => production({ JWT_SECRET: 'short' })).toThrow(/JWT_SECRET must be at least 32/);
  });

  it('accepts random values, and keeps development and tests working with the committed ones', () => {
    const c = production({ ADMIN_EMAIL: 'admin@example.org', ADMIN_PASSWORD: 'k3Jq9-ZpXw7_vLm2Rt' });
    expect(c.adminPassword).toBe('k3Jq9-ZpXw7_vLm2Rt');
    const dev = loadConfig({
      DATABASE_URL: 'postgres://u@localhost/db',
      JWT_SECRET: 'test-secret-that-is-long-enough-0123456789',
      ADMIN_EMAIL: 'admin@tests.example.org',
      ADMIN_PASSWORD: 'admin-password-for-tests',
    });
    expect(dev.nodeEnv).toBe('development');
  });

  it('binds to 127.0.0.1 unless HOST says otherwise', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@localhost/db' }).host).toBe('127.0.0.1');
    expect(loadConfig({ DATABASE_URL: 'postgres://u@localhost/db', HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u@localhost/db', HOST: 'a b' })).toThrow('HOST');
  });

  it('the compose file holds no secret and publishes the API on loopback only', () => {
    const compose = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');
    for (const name of ['JWT_SECRET', 'ADMIN_PASSWORD', 'POSTGRES_PASSWORD']) {
      expect(compose).toMatch(new RegExp(`${name}: \\$\\{${name}:\\?`));
    }
    expect(compose).toContain("'127.0.0.1:3000:3000'");
    expect(compose).not.toMatch(/^\s*- '3000:3000'/m);
  });
});
