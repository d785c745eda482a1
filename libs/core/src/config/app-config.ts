/**
 * The operators' configuration, read once from the environment and validated before anything starts.
 * A bad or missing value stops the process with a message naming the variable.
 */
export interface AppConfig {
  nodeEnv: 'production' | 'development' | 'test';
  databaseUrl: string;
  redisUrl: string;
  /** Prefix for every Redis key this deployment writes (BullMQ queues, rate-limit counters). */
  redisPrefix: string;
  port: number;
  jwtSecret: string;
  adminEmail?: string;
  adminPassword?: string;
  rateLimitPerMinute: number;
  smtpUrl?: string;
  mailFrom: string;
  logLevel: string;
  /** Where people open the links of account mails (invitations, e-mail confirmation). */
  publicUrl: string;
  /** NGO self-registrations per client address per hour, counted in Redis across API processes. */
  registrationsPerHour: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

const DEV_JWT_SECRET = 'dev-only-secret-change-me-0123456789abcdef';

function parseUrl(name: string, value: string, protocols: string[], problems: string[]): string {
  try {
    const url = new URL(value);
    if (!protocols.includes(url.protocol)) {
      problems.push(`${name} must be a ${protocols.join(' or ')} URL (got protocol "${url.protocol}")`);
    }
  } catch {
    problems.push(`${name} is not a valid URL`);
  }
  return value;
}

function parsePositiveInt(
  name: string,
  raw: string | undefined,
  fallback: number,
  problems: string[],
): number {
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || !Number.isSafeInteger(Number(raw))) {
    problems.push(`${name} must be a positive integer (got "${raw}")`);
    return fallback;
  }
  return Number(raw);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const nodeEnvRaw = env.NODE_ENV ?? 'development';
  const nodeEnv = (['production', 'development', 'test'] as const).find((v) => v === nodeEnvRaw);
  if (!nodeEnv) problems.push(`NODE_ENV must be production, development or test (got "${nodeEnvRaw}")`);

  const databaseUrl = env.DATABASE_URL ?? '';
  if (!databaseUrl) problems.push('DATABASE_URL is required (for example postgres://user:pass@host:5432/db)');
  else parseUrl('DATABASE_URL', databaseUrl, ['postgres:', 'postgresql:'], problems);

  const redisUrl = env.REDIS_URL || 'redis://127.0.0.1:6379';
  parseUrl('REDIS_URL', redisUrl, ['redis:', 'rediss:'], problems);

  const port = parsePositiveInt('PORT', env.PORT, 3000, problems);
  if (port > 65535) problems.push(`PORT must be at most 65535 (got ${port})`);

  let jwtSecret = env.JWT_SECRET ?? '';
  if (!jwtSecret) {
    if (nodeEnv === 'production') problems.push('JWT_SECRET is required in production');
    jwtSecret = DEV_JWT_SECRET;
  } else if (jwtSecret.length < 32) {
    problems.push('JWT_SECRET must be at least 32 characters');
  }

  const adminEmail = env.ADMIN_EMAIL || undefined;
  const adminPassword = env.ADMIN_PASSWORD || undefined;
  if (Boolean(adminEmail) !== Boolean(adminPassword)) {
    problems.push('ADMIN_EMAIL and ADMIN_PASSWORD must be set together');
  }
  if (adminEmail && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(adminEmail))
    problems.push('ADMIN_EMAIL is not an email');
  if (adminPassword && adminPassword.length < 10)
    problems.push('ADMIN_PASSWORD must be at least 10 characters');

  const rateLimitPerMinute = parsePositiveInt(
    'RATE_LIMIT_PER_MINUTE',
    env.RATE_LIMIT_PER_MINUTE,
    600,
    problems,
  );

  const smtpUrl = env.SMTP_URL || undefined;
  if (smtpUrl) parseUrl('SMTP_URL', smtpUrl, ['smtp:', 'smtps:'], problems);
  const mailFrom = env.MAIL_FROM || 'Trust Fund Grants <no-reply@trust-fund-grants.local>';

  const redisPrefix = env.REDIS_PREFIX || 'tfg';
  if (!/^[A-Za-z0-9_-]+$/.test(redisPrefix))
    problems.push('REDIS_PREFIX may hold only letters, digits, _ and -');

  const publicUrl = (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, '');
  parseUrl('PUBLIC_URL', publicUrl, ['http:', 'https:'], problems);
  const registrationsPerHour = parsePositiveInt(
    'REGISTRATIONS_PER_HOUR',
    env.REGISTRATIONS_PER_HOUR,
    20,
    problems,
  );

  if (problems.length) throw new ConfigError(problems);
  return {
    nodeEnv: nodeEnv!,
    databaseUrl,
    redisUrl,
    redisPrefix,
    port,
    jwtSecret,
    adminEmail: adminEmail?.toLowerCase(),
    adminPassword,
    rateLimitPerMinute,
    smtpUrl,
    mailFrom,
    logLevel: env.LOG_LEVEL || (nodeEnv === 'test' ? 'silent' : 'info'),
    publicUrl,
    registrationsPerHour,
  };
}
