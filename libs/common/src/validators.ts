import { IANAZone } from 'luxon';
import { ValidationOptions, registerDecorator } from 'class-validator';

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
