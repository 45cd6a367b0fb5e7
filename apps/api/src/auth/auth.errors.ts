import { HttpStatus } from '@nestjs/common';
import { DomainError } from '@bisang/common';

export const emailTaken = () =>
  new DomainError(HttpStatus.CONFLICT, 'EMAIL_TAKEN', '이미 가입된 이메일입니다 / This email is already registered');

export const invalidCredentials = () =>
  new DomainError(HttpStatus.UNAUTHORIZED, 'INVALID_CREDENTIALS', '이메일 또는 비밀번호가 올바르지 않습니다 / Email or password is incorrect');

export const invalidRefreshToken = () =>
  new DomainError(HttpStatus.UNAUTHORIZED, 'INVALID_REFRESH_TOKEN', '다시 로그인해 주세요 / The refresh token is invalid or expired; sign in again');

export const refreshTokenReused = () =>
  new DomainError(
    HttpStatus.UNAUTHORIZED,
    'REFRESH_TOKEN_REUSED',
    '이미 사용된 토큰입니다. 보안을 위해 다시 로그인해 주세요 / This refresh token was already used; all sessions from it were signed out',
  );

export const wrongCurrentPassword = () =>
  new DomainError(HttpStatus.FORBIDDEN, 'INVALID_CURRENT_PASSWORD', '현재 비밀번호가 올바르지 않습니다 / The current password is incorrect');

export const invalidToken = () =>
  new DomainError(
    HttpStatus.BAD_REQUEST,
    'INVALID_TOKEN',
    '링크가 만료되었거나 이미 사용되었습니다. 다시 요청해 주세요 / This link is expired, already used or invalid; ask for a new one',
  );
