import { ParseUUIDPipe } from '@nestjs/common';
import { badRequest } from './domain-error';

/** A route id that must be a UUID: anything else is a 400 naming the parameter, before any lookup. */
export const uuidParam = (name: string) =>
  new ParseUUIDPipe({
    exceptionFactory: () => badRequest('INVALID_ID', `${name} 형식이 올바르지 않습니다 / ${name} must be a UUID`),
  });

export const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
