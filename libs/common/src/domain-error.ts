import { HttpException, HttpStatus } from '@nestjs/common';
import { withParticle } from '@bisang/contracts';

/**
 * An error a user can cause: a stable UPPER_SNAKE code and a message a person understands,
 * Korean first and English after (`"한국어 / English"`).
 */
export class DomainError extends HttpException {
  constructor(
    status: HttpStatus,
    readonly code: string,
    message: string | string[],
    readonly details?: Record<string, unknown>,
  ) {
    super({ statusCode: status, code, message, ...(details ? { details } : {}) }, status);
  }
}

export const notFound = (what: string, ko: string) =>
  new DomainError(HttpStatus.NOT_FOUND, 'NOT_FOUND', `${withParticle(ko, '을/를')} 찾을 수 없습니다 / ${what} not found`);

export const forbidden = (message = '권한이 없습니다 / You are not allowed to do this') =>
  new DomainError(HttpStatus.FORBIDDEN, 'FORBIDDEN', message);

export const conflict = (code: string, message: string) => new DomainError(HttpStatus.CONFLICT, code, message);

export const badRequest = (code: string, message: string) => new DomainError(HttpStatus.BAD_REQUEST, code, message);
