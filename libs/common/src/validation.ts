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
  return stringProblems(value, path).filter((p) => p.problem === 'nul').map((p) => p.path);
}

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

type StringProblem = { path: string; problem: 'nul' | 'surrogate' };

/**
 * The strings in `value` that no handler should see: U+0000, which PostgreSQL cannot store in text, and lone UTF-16
 * surrogates, which are not Unicode text at all (validator.js throws on them, and UTF-8 would silently replace them).
 */
function stringProblems(value: unknown, path = ''): StringProblem[] {
  if (typeof value === 'string') {
    const at = path || 'value';
    if (value.includes('\u0000')) return [{ path: at, problem: 'nul' }];
    return LONE_SURROGATE.test(value) ? [{ path: at, problem: 'surrogate' }] : [];
  }
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) => stringProblems(v, path ? `${path}.${key}` : key));
}

const PROBLEM_TEXT: Record<StringProblem['problem'], string> = {
  nul: 'must not contain the NUL character (U+0000)',
  surrogate: 'must be valid Unicode text (it holds a lone surrogate)',
};

/**
 * Rejects body, query or parameter strings holding U+0000 or a lone surrogate before anything else sees them:
 * PostgreSQL refuses the one in text, validator.js throws on the other, so each would otherwise surface as a 500.
 */
class BisangValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      const problems = stringProblems(value, metadata.type === 'param' ? metadata.data ?? '' : '');
      if (problems.length > 0) {
        throw new BadRequestException({
          statusCode: 400,
          code: 'VALIDATION_FAILED',
          message: problems.map((p) => `${p.path} ${PROBLEM_TEXT[p.problem]}`),
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
