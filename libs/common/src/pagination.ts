import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { badRequest } from './domain-error';

export class ListQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 20;

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

/** Opaque keyset cursor: base64url JSON of the sort key of the last item. */
export function encodeCursor(key: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor<K extends Record<string, string | number>>(cursor: string | undefined, fields: (keyof K)[]): K | undefined {
  if (!cursor) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (parsed && typeof parsed === 'object' && fields.every((f) => f in parsed)) return parsed as K;
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
