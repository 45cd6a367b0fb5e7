import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';

const CODE_BY_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

const MALFORMED_JSON = { code: 'MALFORMED_JSON', message: '요청 본문이 올바른 JSON이 아닙니다 / The request body is not valid JSON' };

/** Fastify's own request errors (body parsing, size limits); Nest hands them over as an HttpException whose cause they are. */
const FASTIFY_ERRORS: Record<string, { code: string; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: MALFORMED_JSON,
  FST_ERR_CTP_EMPTY_JSON_BODY: MALFORMED_JSON,
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: 'PAYLOAD_TOO_LARGE',
    message: '요청 본문이 너무 큽니다 (최대 1MB) / The request body is too large (1 MB at most)',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: '지원하지 않는 Content-Type입니다 (application/json) / Unsupported content type; send application/json',
  },
};

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string | string[];
  [extra: string]: unknown;
}

/** Turns any thrown value into CONTRACT's error shape. Internal details are logged, never sent. */
export function toErrorBody(exception: unknown): { body: ErrorBody; internal: boolean } {
  if (exception instanceof ThrottlerException) {
    return {
      body: { statusCode: 429, code: 'RATE_LIMITED', message: '요청이 너무 많습니다. 잠시 후 다시 시도하세요 / Too many attempts, try again later' },
      internal: false,
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const fastifyError = FASTIFY_ERRORS[(exception.cause as { code?: string } | undefined)?.code ?? ''];
    if (fastifyError) return { body: { statusCode: status, ...fastifyError }, internal: false };
    const response = exception.getResponse();
    const raw = typeof response === 'string' ? { message: response } : (response as Record<string, unknown>);
    const { error: _error, statusCode: _s, ...rest } = raw;
    const code = typeof raw.code === 'string' ? raw.code : CODE_BY_STATUS[status] ?? `HTTP_${status}`;
    const message = (raw.message as string | string[] | undefined) ?? exception.message;
    return { body: { ...rest, statusCode: status, code, message }, internal: status >= 500 };
  }
  return {
    body: { statusCode: 500, code: 'INTERNAL_ERROR', message: '일시적인 오류가 발생했습니다 / Something went wrong on our side' },
    internal: true,
  };
}

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') {
      // Socket handlers answer through acks; an exception there is a bug to log, not a reply.
      this.logger.error({ msg: 'unhandled socket error', err: exception instanceof Error ? exception.message : String(exception) });
      return;
    }
    const ctx = host.switchToHttp();
    const reply = ctx.getResponse();
    const request = ctx.getRequest<{ id?: string; method?: string; url?: string }>();
    const { body, internal } = toErrorBody(exception);
    if (internal) {
      this.logger.error({
        msg: 'unhandled error',
        reqId: request?.id,
        route: `${request?.method} ${request?.url?.split('?')[0]}`,
        err: exception instanceof Error ? { name: exception.name, message: exception.message, stack: exception.stack } : String(exception),
      });
    }
    reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }
}

