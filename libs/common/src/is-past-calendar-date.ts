import { ValidationOptions, registerDecorator } from 'class-validator';
import { clock } from './clock';
import { isCalendarDate } from './validators';

/** True when `value` is a real calendar date "YYYY-MM-DD" (no 2023-02-30) strictly before today and after 1900. */
export function isPastCalendarDate(value: unknown, today = clock.now()): boolean {
  if (!isCalendarDate(value)) return false;
  const [y, mo, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, mo - 1, d));
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
