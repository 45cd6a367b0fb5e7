import { ValidationOptions, registerDecorator } from 'class-validator';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real calendar date "YYYY-MM-DD" (no 2023-02-30) strictly before today and after 1900. */
export function isPastCalendarDate(value: unknown, today = new Date()): boolean {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return false;
  const todayUtc = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return y >= 1900 && date.getTime() < todayUtc;
}

export function IsPastCalendarDate(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isPastCalendarDate',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must be a real date in the past, as YYYY-MM-DD`, ...options },
      validator: { validate: (value: unknown) => isPastCalendarDate(value) },
    });
}
