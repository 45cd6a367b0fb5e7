import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';

function flatten(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((e) => {
    const path = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((m) =>
      m.startsWith(e.property) || m.includes(path) ? (parent ? `${parent}.${m}` : m) : `${path}: ${m}`,
    );
    return [...own, ...flatten(e.children ?? [], path)];
  });
}

/** Whitelisting, transforming validation that names every problem and rejects unknown fields. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    stopAtFirstError: false,
    exceptionFactory: (errors) =>
      new BadRequestException({ statusCode: 400, code: 'VALIDATION_FAILED', message: flatten(errors) }),
  });
}
