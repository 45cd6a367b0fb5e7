import { IsOptional, IsString, MaxLength } from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { badRequest } from './domain-error';
import { isUuid } from './params';
import type { Page } from '@bisang/contracts';
import { QueryInt } from './validators';

export class ListQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @QueryInt('limit', 1, 100)
  limit: number = 20;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}

/** The list answer of the public contract, defined once in the bottom lib. */
export type { Page };

/** Opaque keyset cursor: base64url JSON of the sort key of the last item. */
export function encodeCursor(key: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** What a cursor field holds: an instant (ISO 8601, or PostgreSQL's timestamptz text) or a UUID. */
export type CursorField = 'instant' | 'uuid';

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:Z|[+-](\d{2})(?::?\d{2})?)$/;

/** An instant PostgreSQL accepts as timestamptz: a real calendar date in years 1–9999, a real time, a sane offset. */
function isCursorInstant(value: string): boolean {
  const m = INSTANT.exec(value);
  if (!m) return false;
  const [y, mo, d, h, mi, sec] = m.slice(1, 7).map(Number);
  const date = new Date(Date.UTC(2000, mo - 1, d));
  date.setUTCFullYear(y);
  const realDate = y >= 1 && date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
  return realDate && h < 24 && mi < 60 && sec < 60 && (m[7] === undefined || Number(m[7]) <= 15);
}

const CURSOR_FIELD_OK: Record<CursorField, (value: string) => boolean> = { instant: isCursorInstant, uuid: isUuid };

/**
 * The sort key a cursor carries, each field checked against `shape` (so that a forged cursor is a 400, never a
 * query PostgreSQL refuses); undefined without a cursor.
 */
export function decodeCursor<F extends string>(cursor: string | undefined, shape: Record<F, CursorField>): Record<F, string> | undefined {
  if (!cursor) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (parsed && typeof parsed === 'object') {
      const key = parsed as Record<string, unknown>;
      const fields = Object.entries(shape) as [F, CursorField][];
      if (fields.every(([f, kind]) => typeof key[f] === 'string' && CURSOR_FIELD_OK[kind](key[f] as string))) {
        return Object.fromEntries(fields.map(([f]) => [f, key[f]])) as Record<F, string>;
      }
    }
  } catch {
    // fall through
  }
  throw badRequest('INVALID_CURSOR', 'cursor 값이 올바르지 않습니다 / cursor is not valid');
}

/** Builds a page from `limit + 1` fetched rows. */
export function toPage<Row, Item>(rows: Row[], limit: number, map: (row: Row) => Item, keyOf: (row: Row) => Record<string, string | number>): Page<Item> {
  const hasMore = rows.length > limit;
  const slice = hasMore ? rows.slice(0, limit) : rows;
  return { items: slice.map(map), nextCursor: hasMore ? encodeCursor(keyOf(slice[slice.length - 1])) : null };
}
