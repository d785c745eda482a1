import { QueryFailedError } from 'typeorm';

/** PostgreSQL SQLSTATE codes the services expect and map to domain errors. */
export const PG = {
  UNIQUE_VIOLATION: '23505',
  CHECK_VIOLATION: '23514',
  FOREIGN_KEY_VIOLATION: '23503',
  SERIALIZATION_FAILURE: '40001',
  DEADLOCK_DETECTED: '40P01',
  RAISE_EXCEPTION: 'P0001',
} as const;

interface PgDriverError {
  code?: string;
  constraint?: string;
  detail?: string;
}

export function pgError(error: unknown): PgDriverError | undefined {
  if (error instanceof QueryFailedError) return error.driverError as PgDriverError;
  if (error && typeof error === 'object' && 'code' in error) return error as PgDriverError;
  return undefined;
}

export function isPgError(error: unknown, code: string, constraint?: string): boolean {
  const e = pgError(error);
  return e?.code === code && (constraint === undefined || e.constraint === constraint);
}

/** Socket-level errors of a database connection that went away (a restart, a failover, a network cut). */
const CONNECTION_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
]);
const CONNECTION_MESSAGES =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed|terminating connection/i;

/**
 * True when the database could not be reached or dropped the connection: SQLSTATE class 08 (connection
 * exception), 57P01-57P03 (admin shutdown, crash shutdown, cannot connect now), a socket error, or the pg
 * driver's own "Connection terminated" errors. Such a request may be retried: the API answers 503.
 */
export function isConnectionError(error: unknown): boolean {
  const e = pgError(error) as (PgDriverError & { errno?: unknown }) | undefined;
  const code = typeof e?.code === 'string' ? e.code : '';
  if (code.startsWith('08') || ['57P01', '57P02', '57P03'].includes(code) || CONNECTION_ERRNOS.has(code))
    return true;
  const driver = error instanceof QueryFailedError ? (error.driverError as Error) : error;
  const message = driver instanceof Error ? driver.message : '';
  return CONNECTION_MESSAGES.test(message);
}
