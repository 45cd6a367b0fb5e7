import { randomUUID } from 'node:crypto';
import { DynamicModule, INestApplication, Logger, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger as Pino } from 'pino';
import { AllExceptionsFilter } from './all-exceptions.filter';
import { configureHttpSecurity, HttpSecurityOptions, securityHeaderWriter } from './http-security';
import { useBoundedBodyParsers } from './json-body';
import { completeOpenApiDocument } from './openapi';
import { PinoNestLogger } from './logger';
import { requestContext } from './request-context';
import { createValidationPipe } from './validation';

export const API_PREFIX = 'api/v1';
export const BODY_LIMIT_BYTES = 1024 * 1024;
const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
const MULTIPART_NOT_HERE =
  '이 경로는 multipart/form-data를 받지 않습니다 (application/json) / This route does not take multipart/form-data; send application/json';

/** Fastify route config of a route that reads a multipart/form-data body itself: `@RouteConfig(MULTIPART_ROUTE)`. */
export const MULTIPART_ROUTE = { multipart: true } as const;

/** What Fastify's router refuses before any route, hook or filter sees the request, in CONTRACT's error shape. */
const ROUTER_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_BAD_URL: { status: 400, code: 'BAD_URL', message: '요청 주소가 올바르지 않습니다 / The request URL is malformed' },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, code: 'URI_TOO_LONG', message: '주소의 경로 값이 너무 깁니다 / A path parameter is too long' },
};

/**
 * Fastify, chosen by measurement (see bench/http-adapter.ts), with a 1 MB body limit and request ids.
 * `trustedProxies` (TRUSTED_PROXIES) names the proxies whose X-Forwarded-For decides the client address;
 * empty trusts none.
 */
export function createFastifyAdapter(logger: Pino, trustedProxies = '', security: HttpSecurityOptions = {}): FastifyAdapter {
  const writeSecurityHeaders = securityHeaderWriter(security);
  const proxies = trustedProxies
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  return new FastifyAdapter({
    loggerInstance: logger,
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: proxies.length > 0 ? proxies : false,
    forceCloseConnections: 'idle',
    // Replaces Nest's handler, which sent Fastify's own error shape (`error`, `FST_ERR_…` codes) without the
    // security headers (no hook runs for these).
    frameworkErrors: (error: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
      writeSecurityHeaders(req.raw, reply.raw);
      const known = ROUTER_ERRORS[error.code] ?? { status: 400, code: 'BAD_REQUEST', message: '요청이 올바르지 않습니다 / Bad request' };
      void reply
        .code(known.status)
        .header('content-type', 'application/json; charset=utf-8')
        .send(JSON.stringify({ statusCode: known.status, code: known.code, message: known.message }));
    },
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  });
}

/**
 * Everything an HTTP-serving Nest app of Bisang shares: prefix, bounded body parsing, validation, error shape,
 * security headers and CORS, request ids, docs.
 */
export function configureHttpApp(app: NestFastifyApplication, security: HttpSecurityOptions = {}): void {
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health'] });
  useBoundedBodyParsers(app, BODY_LIMIT_BYTES);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  configureHttpSecurity(app, security);
  // multipart/form-data is parsed only by the routes that read it (req.file()), each with its own size limit;
  // these defaults keep every other route to one small part.
  void app.register(fastifyMultipart, { limits: { fileSize: BODY_LIMIT_BYTES, files: 1, fields: 5, parts: 6, fieldSize: 1024 } });
  const fastify = app.getHttpAdapter().getInstance();
  // Only a route that reads parts itself says so (@RouteConfig(MULTIPART_ROUTE)). Anywhere else a multipart body would
  // be left unread and the route run as if no body came: a profile PUT cleared, a cover letter silently lost.
  fastify.addHook('preValidation', async (req, reply) => {
    if (req.isMultipart() && !(req.routeOptions.config as { multipart?: boolean } | undefined)?.multipart) {
      await reply.code(415).send({ statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: MULTIPART_NOT_HERE });
    }
  });
  fastify.addHook('onRequest', (req, reply, done) => {
    reply.header('x-request-id', req.id);
    requestContext.run({ requestId: req.id }, done);
  });
  // A response still in flight when closing starts says `Connection: close`, so its keep-alive client
  // lets go and close() does not wait out the keep-alive timeout (72 s) with the connection idle.
  let draining = false;
  fastify.addHook('preClose', (done) => {
    draining = true;
    done();
  });
  fastify.addHook('onSend', (_req, reply, payload, done) => {
    if (draining) reply.header('connection', 'close');
    done(null, payload);
  });
  const document = completeOpenApiDocument(SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Bisang API')
      .setDescription('비상 온라인 채용박람회 / Bisang online job fair — public contract v1')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  ));
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', useGlobalPrefix: false });
}

export interface HttpBootOptions {
  logger: Pino;
  /** TRUSTED_PROXIES, see createFastifyAdapter. */
  trustedProxies?: string;
  /** PUBLIC_URL and CORS_ORIGINS, see configureHttpSecurity. */
  security?: HttpSecurityOptions;
  /** Runs after the common setup and before listening (websocket adapters, static files). */
  beforeListen?: (app: NestFastifyApplication) => Promise<void> | void;
}

/** Creates, configures and returns (not yet listening) a Fastify-based Nest app. */
export async function createHttpApp(rootModule: Type<unknown> | DynamicModule, options: HttpBootOptions): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(rootModule, createFastifyAdapter(options.logger, options.trustedProxies, options.security), {
    logger: new PinoNestLogger(options.logger),
    abortOnError: false,
  });
  configureHttpApp(app, options.security);
  await options.beforeListen?.(app);
  return app;
}

/**
 * On SIGTERM/SIGINT: stop accepting, let in-flight requests and jobs finish within `timeoutMs`,
 * close sockets and pools, and exit 0 (1 when the deadline forced it).
 */
export function installGracefulShutdown(app: INestApplication, timeoutMs: number): void {
  const logger = new Logger('Shutdown');
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    logger.log(`${signal} received: closing (at most ${timeoutMs} ms)`);
    const deadline = setTimeout(() => {
      logger.warn('shutdown deadline passed; exiting with work still open');
      process.exit(1);
    }, timeoutMs);
    deadline.unref();
    app
      .close()
      .then(() => {
        clearTimeout(deadline);
        logger.log('closed cleanly');
        process.exit(0);
      })
      .catch((err: unknown) => {
        logger.error(err instanceof Error ? err : String(err));
        process.exit(1);
      });
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}
