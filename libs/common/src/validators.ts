import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsInt, Max, Min, ValidationOptions, registerDecorator } from 'class-validator';
import { IANAZone } from 'luxon';

/** An IANA time zone name that this runtime knows (e.g. Asia/Seoul). */
export function IsIanaTimeZone(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isIanaTimeZone',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must be an IANA time zone such as Asia/Seoul`, ...options },
      validator: { validate: (v: unknown) => typeof v === 'string' && v.includes('/') && IANAZone.isValidZone(v) },
    });
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD (no 2026-02-30). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** A real calendar date written YYYY-MM-DD (no 2026-02-30). */
export function IsCalendarDate(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must be a real date as YYYY-MM-DD`, ...options },
      validator: { validate: isCalendarDate },
    });
}

/**
 * The ISO 8601 forms an instant may take, as the README and the OpenAPI descriptions say: a calendar date and a
 * time of day in years 0001–9999, `YYYY-MM-DDTHH:MM`, optional seconds and fraction (1–9 digits; beyond
 * milliseconds dropped), then `Z` or an offset `±HH:MM`, `±HHMM` or `±HH` (up to ±15:59). No week or ordinal
 * dates, no space for `T`, no hour 24 or leap second, nothing PostgreSQL would read differently or refuse.
 */
export const INSTANT_FORMS =
  'ISO 8601 YYYY-MM-DDTHH:MM[:SS[.fraction]] with Z or an offset ±HH:MM (also ±HHMM, ±HH), years 0001–9999, e.g. 2026-05-09T10:00:00+09:00';

const INSTANT_PARTS = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|z|([+-])(\d{2})(?::?(\d{2}))?)?$/;

/**
 * The instant `value` writes in one of INSTANT_FORMS, or null. `offset: 'optional'` also takes a local date-time
 * without offset (then read in UTC here; the caller reads it in its own zone).
 */
export function parseInstant(value: unknown, offset: 'required' | 'optional' = 'required'): Date | null {
  if (typeof value !== 'string') return null;
  const m = INSTANT_PARTS.exec(value);
  if (!m) return null;
  const [y, mo, d, h, mi] = [1, 2, 3, 4, 5].map((i) => Number(m[i]));
  const s = m[6] === undefined ? 0 : Number(m[6]);
  const ms = m[7] === undefined ? 0 : Number(m[7].padEnd(3, '0').slice(0, 3));
  if (m[8] === undefined && offset === 'required') return null;
  const offH = m[10] === undefined ? 0 : Number(m[10]);
  const offM = m[11] === undefined ? 0 : Number(m[11]);
  if (y < 1 || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59 || offH > 15 || offM > 59) return null;
  const date = new Date(Date.UTC(2000, mo - 1, d, h, mi, s, ms));
  date.setUTCFullYear(y);
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null; // 2026-02-30
  const sign = m[9] === '-' ? -1 : 1;
  return new Date(date.getTime() - sign * (offH * 60 + offM) * 60_000);
}

/**
 * An instant in one of INSTANT_FORMS (400 naming the field otherwise). With the offset required, the value is
 * rewritten to its UTC form (`2026-05-09T01:00:00.000Z`), which every later reader (Date, luxon, PostgreSQL)
 * parses alike; with it optional, it is left as sent for the caller to read in its zone.
 */
export function IsInstant(options: { offset?: 'required' | 'optional' } & ValidationOptions = {}) {
  const { offset = 'required', ...validation } = options;
  return (target: object, propertyName: string) => {
    if (offset === 'required') {
      Transform(({ value }: { value: unknown }) => parseInstant(value)?.toISOString() ?? value)(target, propertyName);
    }
    registerDecorator({
      name: 'isInstant',
      target: target.constructor,
      propertyName,
      options: {
        message:
          offset === 'required'
            ? `${propertyName} must be an instant: ${INSTANT_FORMS}`
            : `${propertyName} must be a date and time: ${INSTANT_FORMS}; without an offset it is read in the fair's time zone`,
        ...validation,
      },
      validator: { validate: (v: unknown) => parseInstant(v, offset) !== null },
    });
  };
}

/**
 * A whole number from a query string, `min`–`max`: decimal digits only (Number() would also take ' ', '0x10',
 * '1e3' and '1.0'), so that what reaches PostgreSQL is always within the column's range.
 */
export function QueryInt(name: string, min: number, max: number) {
  const message = `${name} must be a whole number from ${min} to ${max}`;
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d{1,20}$/.test(value) ? Number(value) : value)),
    IsInt({ message }),
    Min(min, { message }),
    Max(max, { message }),
  );
}

/** Largest id a bigint column hands out that a JS number still holds exactly. */
export const MAX_BIGINT_ID = Number.MAX_SAFE_INTEGER;
