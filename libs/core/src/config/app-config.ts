import ipaddr from 'ipaddr.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROLES } from '../auth/actor';
import type { Role } from '../auth/actor';

/**
 * The operators' configuration, read once from the environment and validated before anything starts.
 * A bad or missing value stops the process with a message naming the variable.
 */
export interface AppConfig {
  nodeEnv: 'production' | 'development' | 'test';
  databaseUrl: string;
  /**
   * A streaming replica for reads that may lag (reports, public figures): DATABASE_READ_URL. Unset: they
   * read the primary like everything else (docs/adr/0015-read-replica-routing.md).
   */
  databaseReadUrl?: string;
  redisUrl: string;
  /** Prefix for every Redis key this deployment writes (BullMQ queues, rate-limit counters). */
  redisPrefix: string;
  port: number;
  /** Address the API binds to: 127.0.0.1 by default; containers set HOST=0.0.0.0. */
  host: string;
  /**
   * How many API processes `npm run start:api` runs on PORT (API_PROCESSES, default 1): more than one forks
   * them with node:cluster, which shares the port (docs/adr/0018-api-processes.md).
   */
  apiProcesses: number;
  jwtSecret: string;
  /** Key material for sealing TOTP secrets at rest (MFA_ENCRYPTION_KEY); JWT_SECRET when not set. */
  mfaEncryptionKey: string;
  adminEmail?: string;
  adminPassword?: string;
  rateLimitPerMinute: number;
  smtpUrl?: string;
  mailFrom: string;
  logLevel: string;
  /** Roles whose sign-in needs a second factor (TOTP); empty: nobody's. */
  mfaRequiredRoles: Role[];
  /**
   * Addresses or CIDRs of the load balancers in front of the API: only a request from one of them has its
   * client address taken from X-Forwarded-For. Empty: the socket's address, always.
   */
  trustProxy: string[];
  /** Where people open the links of account mails (invitations, e-mail confirmation). */
  publicUrl: string;
  /** NGO self-registrations per client address per hour, counted in Redis across API processes. */
  registrationsPerHour: number;
  /** Where resumable uploads (tus) keep their chunks until the file is complete (UPLOADS_DIR). */
  uploadsDir: string;
  /** Where the nightly open-data job writes the public IATI files, one folder per fund (OPEN_DATA_DIR). */
  openDataDir: string;
  /** Addresses or CIDRs that may read GET /api/metrics without a token (METRICS_ALLOW; default loopback). */
  metricsAllow: string[];
  /** The operators' bearer token for GET /api/metrics from anywhere else (METRICS_TOKEN); none: no token. */
  metricsToken?: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

import { isCommittedSecret, MIN_ADMIN_PASSWORD_PRODUCTION, MIN_JWT_SECRET } from './committed-secrets';

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

function parseRoles(name: string, raw: string, problems: string[]): Role[] {
  const roles = raw
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (unknown.length)
    problems.push(`${name} names unknown roles: ${unknown.join(', ')} (roles: ${ROLES.join(', ')})`);
  return [...new Set(roles)] as Role[];
}

function parseTrustProxy(raw: string, problems: string[], name = 'TRUST_PROXY'): string[] {
  const entries = raw
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const ok = entry.includes('/') ? canParseCidr(entry) : ipaddr.isValid(entry);
    if (!ok) problems.push(`${name} entries must be IP addresses or CIDRs (got "${entry}")`);
  }
  return entries;
}

function canParseCidr(value: string): boolean {
  try {
    ipaddr.parseCIDR(value);
    return true;
  } catch {
    return false;
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const nodeEnvRaw = env.NODE_ENV ?? 'development';
  const nodeEnv = (['production', 'development', 'test'] as const).find((v) => v === nodeEnvRaw);
  if (!nodeEnv) problems.push(`NODE_ENV must be production, development or test (got "${nodeEnvRaw}")`);

  const databaseUrl = env.DATABASE_URL ?? '';
  if (!databaseUrl) problems.push('DATABASE_URL is required (for example postgres://user:pass@host:5432/db)');
  else parseUrl('DATABASE_URL', databaseUrl, ['postgres:', 'postgresql:'], problems);

  const databaseReadUrl = env.DATABASE_READ_URL || undefined;
  if (databaseReadUrl) parseUrl('DATABASE_READ_URL', databaseReadUrl, ['postgres:', 'postgresql:'], problems);

  const redisUrl = env.REDIS_URL || 'redis://127.0.0.1:6379';
  parseUrl('REDIS_URL', redisUrl, ['redis:', 'rediss:'], problems);

  const port = parsePositiveInt('PORT', env.PORT, 3000, problems);
  if (port > 65535) problems.push(`PORT must be at most 65535 (got ${port})`);

  const host = env.HOST || '127.0.0.1';
  if (!/^[A-Za-z0-9.:_-]{1,253}$/.test(host)) problems.push(`HOST is not an address (got "${host}")`);
  const apiProcesses = parsePositiveInt('API_PROCESSES', env.API_PROCESSES, 1, problems);
  if (apiProcesses > 64) problems.push(`API_PROCESSES must be at most 64 (got ${apiProcesses})`);

  const production = nodeEnv === 'production';
  let jwtSecret = env.JWT_SECRET ?? '';
  if (!jwtSecret) {
    if (production) problems.push('JWT_SECRET is required in production (npm run setup:env writes one)');
    jwtSecret = DEV_JWT_SECRET;
  } else if (jwtSecret.length < MIN_JWT_SECRET) {
    problems.push(`JWT_SECRET must be at least ${MIN_JWT_SECRET} characters`);
  } else if (production && isCommittedSecret(jwtSecret)) {
    problems.push('JWT_SECRET is a value written in the repository: set a random one (npm run setup:env)');
  }

  // Rotating JWT_SECRET signs everyone out; it must not also lock out everyone's second factor, so
  // production deployments set their own key for the TOTP secrets (it must never change afterwards).
  const mfaEncryptionKey = env.MFA_ENCRYPTION_KEY || jwtSecret;
  if (env.MFA_ENCRYPTION_KEY && env.MFA_ENCRYPTION_KEY.length < MIN_JWT_SECRET)
    problems.push(`MFA_ENCRYPTION_KEY must be at least ${MIN_JWT_SECRET} characters`);
  else if (env.MFA_ENCRYPTION_KEY && production && isCommittedSecret(env.MFA_ENCRYPTION_KEY))
    problems.push(
      'MFA_ENCRYPTION_KEY is a value written in the repository: set a random one (npm run setup:env)',
    );

  const adminEmail = env.ADMIN_EMAIL || undefined;
  const adminPassword = env.ADMIN_PASSWORD || undefined;
  if (Boolean(adminEmail) !== Boolean(adminPassword)) {
    problems.push('ADMIN_EMAIL and ADMIN_PASSWORD must be set together');
  }
  if (adminEmail && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(adminEmail))
    problems.push('ADMIN_EMAIL is not an email');
  if (adminPassword && adminPassword.length < 10)
    problems.push('ADMIN_PASSWORD must be at least 10 characters');
  else if (adminPassword && production && adminPassword.length < MIN_ADMIN_PASSWORD_PRODUCTION)
    problems.push(
      `ADMIN_PASSWORD must be at least ${MIN_ADMIN_PASSWORD_PRODUCTION} characters in production`,
    );
  else if (adminPassword && production && isCommittedSecret(adminPassword))
    problems.push(
      'ADMIN_PASSWORD is a value written in the repository: set a random one (npm run setup:env)',
    );

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

  const mfaRequiredRoles = parseRoles(
    'MFA_REQUIRED_ROLES',
    env.MFA_REQUIRED_ROLES ?? 'admin,fund_manager,finance',
    problems,
  );
  const trustProxy = parseTrustProxy(env.TRUST_PROXY ?? '', problems);
  const publicUrl = (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, '');
  parseUrl('PUBLIC_URL', publicUrl, ['http:', 'https:'], problems);
  const registrationsPerHour = parsePositiveInt(
    'REGISTRATIONS_PER_HOUR',
    env.REGISTRATIONS_PER_HOUR,
    20,
    problems,
  );

  const uploadsDir = env.UPLOADS_DIR || join(tmpdir(), 'trust-fund-grants-uploads');
  const openDataDir = env.OPEN_DATA_DIR || join(tmpdir(), 'trust-fund-grants-open-data');

  const metricsAllow = parseTrustProxy(env.METRICS_ALLOW ?? '127.0.0.0/8,::1/128', problems, 'METRICS_ALLOW');
  const metricsToken = env.METRICS_TOKEN || undefined;
  if (metricsToken && metricsToken.length < 24) problems.push('METRICS_TOKEN must be at least 24 characters');

  if (problems.length) throw new ConfigError(problems);
  return {
    nodeEnv: nodeEnv!,
    databaseUrl,
    databaseReadUrl,
    redisUrl,
    redisPrefix,
    port,
    host,
    apiProcesses,
    jwtSecret,
    mfaEncryptionKey,
    adminEmail: adminEmail?.toLowerCase(),
    adminPassword,
    rateLimitPerMinute,
    smtpUrl,
    mailFrom,
    logLevel: env.LOG_LEVEL || (nodeEnv === 'test' ? 'silent' : 'info'),
    mfaRequiredRoles,
    trustProxy,
    publicUrl,
    registrationsPerHour,
    uploadsDir,
    openDataDir,
    metricsAllow,
    metricsToken,
  };
}
