import { ArgumentMetadata, BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';

function flatten(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((e) => {
    const path = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((m) =>
      m.startsWith(e.property) || m.includes(path) ? (parent ? `${parent}.${m}` : m) : `${path}: ${m}`,
    );
    return [...own, ...flatten(e.children ?? [], path)];
  });
}

/** Paths of the strings in `value` that hold U+0000, which PostgreSQL cannot store in text. */
export function nulCharacterPaths(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [path || 'value'] : [];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) => nulCharacterPaths(v, path ? `${path}.${key}` : key));
}

/**
 * Rejects body, query or parameter strings holding U+0000 before anything else sees them: PostgreSQL refuses the
 * character in text, so it would otherwise surface as a 500 from whichever query first stored it.
 */
class BisangValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      const paths = nulCharacterPaths(value, metadata.type === 'param' ? metadata.data ?? '' : '');
      if (paths.length > 0) {
        throw new BadRequestException({
          statusCode: 400,
          code: 'VALIDATION_FAILED',
          message: paths.map((p) => `${p} must not contain the NUL character (U+0000)`),
        });
      }
    }
    return super.transform(value, metadata);
  }
}

/** Whitelisting, transforming validation that names every problem and rejects unknown fields. */
export function createValidationPipe(): ValidationPipe {
  return new BisangValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    stopAtFirstError: false,
    exceptionFactory: (errors) =>
      new BadRequestException({ statusCode: 400, code: 'VALIDATION_FAILED', message: flatten(errors) }),
  });
}
