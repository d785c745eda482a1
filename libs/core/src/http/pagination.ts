import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DomainError } from '../errors/domain-error';

export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Keyset position: the sort value (a timestamp or a string) and the id that breaks ties. */
export interface Cursor {
  at: string;
  id: string;
}

export class InvalidCursor extends DomainError {
  static readonly code = 'REQUEST.INVALID_CURSOR';
  constructor() {
    super('invalid', InvalidCursor.code, 'validation', 'cursor is not valid', [
      { field: 'cursor', messages: ['cursor is not valid'] },
    ]);
  }
}

export function encodeCursor(at: Date | string, id: string): string {
  const value = at instanceof Date ? at.toISOString() : at;
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): Cursor | null {
  if (!cursor) return null;
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof at !== 'string' || typeof id !== 'string') throw new Error('shape');
    if (Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/i.test(id)) throw new Error('value');
    return { at, id };
  } catch {
    throw new InvalidCursor();
  }
}

export function pageLimit(query: PageQuery): number {
  return query.limit ?? 50;
}

/** Builds a page from rows fetched with `limit + 1` (the extra row only says there is more). */
export function toPage<R, T>(
  rows: R[],
  limit: number,
  view: (row: R) => T,
  cursorOf: (row: R) => string,
): Page<T> {
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  return { items: items.map(view), nextCursor: more ? cursorOf(items[items.length - 1]) : null };
}
