import { Type, applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiProduces, getSchemaPath, type OpenAPIObject } from '@nestjs/swagger';
import { BODY_TOO_COMPLEX_DESCRIPTION } from './json-body';

/** Operation extensions that libs/auth's decorators write, read here to document each route's access truthfully. */
export const OPENAPI_AUTH = 'x-bisang-auth';
export const OPENAPI_ROLES = 'x-bisang-roles';
export const OPENAPI_OWNED_BY = 'x-bisang-owned-by';

const ERROR_SCHEMA = 'ErrorBody';

type Operation = {
  parameters?: { name: string; in: string; schema?: Record<string, unknown>; description?: string }[];
  requestBody?: unknown;
  responses: Record<string, { description?: string; content?: Record<string, unknown> }>;
  security?: Record<string, string[]>[];
  [extension: string]: unknown;
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'] as const;

/**
 * Completes what the decorators alone leave out, for every operation of the document: the error answers each route
 * can give (in CONTRACT's error shape), optional sign-in on public routes, UUID path parameters. Derived from what
 * the route is (its parameters, body, access rules), so a new route is documented the same way without more
 * decorators.
 */
export function completeOpenApiDocument(document: OpenAPIObject): OpenAPIObject {
  document.components ??= {};
  document.components.schemas ??= {};
  document.components.schemas[ERROR_SCHEMA] = {
    type: 'object',
    required: ['statusCode', 'code', 'message'],
    properties: {
      statusCode: { type: 'integer', example: 400 },
      code: { type: 'string', description: 'stable, UPPER_SNAKE', example: 'VALIDATION_FAILED' },
      message: {
        oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
        description: 'for a person, Korean then English; a 400 lists every problem, each naming its field',
      },
    },
  };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const op = (item as Record<string, Operation | undefined>)[method];
      if (op) completeOperation(path, method, op);
    }
  }
  return document;
}

function completeOperation(path: string, method: string, op: Operation): void {
  const error = (status: number, description: string) => {
    const existing = op.responses[status];
    op.responses[status] = {
      description: existing?.description ? `${existing.description}; ${description}` : description,
      content: existing?.content ?? { 'application/json': { schema: { $ref: `#/components/schemas/${ERROR_SCHEMA}` } } },
    };
  };
  const pathParams = (op.parameters ?? []).filter((p) => p.in === 'path');
  const queryParams = (op.parameters ?? []).filter((p) => p.in === 'query');
  for (const p of pathParams) {
    // uuidParam() checks every id parameter before any lookup.
    if (/Id$/.test(p.name)) {
      p.schema = { ...p.schema, type: 'string', format: 'uuid' };
      p.description ??= `a UUID; anything else is 400 INVALID_ID`;
    }
  }
  const problems: string[] = [];
  if (pathParams.length) problems.push('INVALID_ID (a path id that is not a UUID)');
  if (queryParams.length || op.requestBody) problems.push('VALIDATION_FAILED (each problem named, unknown fields refused)');
  const multipart = Object.keys((op.requestBody as { content?: object } | undefined)?.content ?? {}).includes('multipart/form-data');
  if (op.requestBody && !multipart) problems.push(`MALFORMED_JSON, ${BODY_TOO_COMPLEX_DESCRIPTION}`);
  const sendsNoBody = !op.requestBody && method !== 'get' && method !== 'head';
  if (sendsNoBody) problems.push('MALFORMED_JSON or BODY_TOO_COMPLEX when a body is sent anyway');
  if (problems.length) error(400, problems.join('; '));
  if (pathParams.length) error(414, 'URI_TOO_LONG: a path parameter over 100 characters');
  if (op.requestBody || sendsNoBody) {
    error(413, 'PAYLOAD_TOO_LARGE: the body is over 1 MB');
    error(415, `UNSUPPORTED_MEDIA_TYPE: send ${multipart ? 'multipart/form-data' : 'application/json'}`);
  }
  if (path === '/health' || path.startsWith('/docs')) return;
  if (op[OPENAPI_AUTH] === 'optional') {
    // Anyone may call it; a token, when sent, must be valid (an expired one is refused, so a client notices).
    op.security = [{}, { bearer: [] }];
    error(401, 'INVALID_TOKEN: a token was sent and is invalid or expired (send none to call anonymously)');
  } else {
    op.security = [{ bearer: [] }];
    error(401, 'UNAUTHENTICATED (no token) or INVALID_TOKEN (invalid or expired)');
  }
  const roles = op[OPENAPI_ROLES];
  if (Array.isArray(roles)) error(403, `FORBIDDEN_ROLE: only ${roles.join(', ')}`);
  if (op[OPENAPI_OWNED_BY]) {
    error(403, 'FORBIDDEN: not allowed to act on this resource');
    error(404, 'NOT_FOUND: missing, or not visible to the caller');
  } else if (pathParams.length) {
    error(404, 'NOT_FOUND: missing, or not visible to the caller');
  }
}

const page = (item: Type<unknown>, withCursor: boolean) => ({
  type: 'object',
  required: withCursor ? ['items', 'nextCursor'] : ['items'],
  properties: {
    items: { type: 'array', items: { $ref: getSchemaPath(item) } },
    ...(withCursor ? { nextCursor: { type: 'string', nullable: true, description: 'pass as ?cursor= for the next page; null on the last' } } : {}),
  },
});

/** A 200 answering one page of a list: `{ items: Item[], nextCursor }`. */
export const ApiPageResponse = (item: Type<unknown>, description?: string) =>
  applyDecorators(ApiExtraModels(item), ApiOkResponse({ description, schema: page(item, true) }));

/** A 200 answering a whole (short) list: `{ items: Item[] }`. */
export const ApiItemsResponse = (item: Type<unknown>, description?: string) =>
  applyDecorators(ApiExtraModels(item), ApiOkResponse({ description, schema: page(item, false) }));

/** A 200 answering a file of `mediaType`. */
export const ApiFileResponse = (mediaType: string, description: string) =>
  applyDecorators(ApiProduces(mediaType), ApiOkResponse({ description, content: { [mediaType]: { schema: { type: 'string', format: 'binary' } } } }));
