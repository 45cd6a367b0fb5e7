import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
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
    const response = exception.getResponse();
    const raw = typeof response === 'string' ? { message: response } : (response as Record<string, unknown>);
    const { error: _error, statusCode: _s, ...rest } = raw;
    let code = typeof raw.code === 'string' ? raw.code : CODE_BY_STATUS[status] ?? `HTTP_${status}`;
    let message = (raw.message as string | string[] | undefined) ?? exception.message;
    // Fastify's JSON parser failures reach Nest as a plain 400.
    if (status === 400 && code === 'BAD_REQUEST' && typeof message === 'string' && /JSON/.test(message)) {
      code = 'MALFORMED_JSON';
      message = '요청 본문이 올바른 JSON이 아닙니다 / The request body is not valid JSON';
    }
    return { body: { ...rest, statusCode: status, code, message }, internal: status >= 500 };
  }
  // Errors raised by Fastify before Nest sees the request (body parsing, size limits) carry a statusCode.
  const fst = exception as { statusCode?: number; code?: string; message?: string };
  if (fst && typeof fst.statusCode === 'number' && fst.statusCode >= 400 && fst.statusCode < 500) {
    const status = fst.statusCode;
    const code =
      fst.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || fst.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || /JSON/i.test(fst.message ?? '')
        ? 'MALFORMED_JSON'
        : status === 413
          ? 'PAYLOAD_TOO_LARGE'
          : status === 415
            ? 'UNSUPPORTED_MEDIA_TYPE'
            : CODE_BY_STATUS[status] ?? `HTTP_${status}`;
    const message =
      code === 'MALFORMED_JSON'
        ? '요청 본문이 올바른 JSON이 아닙니다 / The request body is not valid JSON'
        : code === 'PAYLOAD_TOO_LARGE'
          ? '요청 본문이 너무 큽니다 (최대 1MB) / The request body is too large (1 MB at most)'
          : fst.message ?? 'Bad request';
    return { body: { statusCode: status, code, message }, internal: false };
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
    if (body.statusCode === HttpStatus.TOO_MANY_REQUESTS) setRetryAfter(reply);
    reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }
}

/**
 * @nestjs/throttler names its header after the throttler (`Retry-After-auth`); clients and proxies
 * read the standard `Retry-After`, so give them the longest wait under that name too.
 */
function setRetryAfter(reply: { getHeaders?: () => Record<string, unknown>; header(name: string, value: string): unknown }): void {
  const waits = Object.entries(reply.getHeaders?.() ?? {})
    .filter(([name]) => /^retry-after(-|$)/i.test(name))
    .map(([, value]) => Number(value))
    .filter((seconds) => Number.isFinite(seconds) && seconds >= 0);
  if (waits.length) reply.header('Retry-After', String(Math.ceil(Math.max(...waits))));
}
