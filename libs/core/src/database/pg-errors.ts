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
