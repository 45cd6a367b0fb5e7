import { HttpStatus } from '@nestjs/common';
import { DomainError } from '@bisang/common';

export const roomNotFound = () => new DomainError(HttpStatus.NOT_FOUND, 'ROOM_NOT_FOUND', '세션 방을 찾을 수 없습니다 / Session room not found');

/** Outside its window: when it opens (and closes) travel with the error, so a client can count down. */
export class RoomNotOpenError extends DomainError {
  constructor(opensAt: Date, closesAt: Date) {
    super(
      HttpStatus.CONFLICT,
      'ROOM_NOT_OPEN',
      '세션 방은 시작 10분 전부터 종료 15분 후까지 열립니다 / The room is open from 10 minutes before the start until 15 minutes after the end',
    );
    const body = this.getResponse() as Record<string, unknown>;
    body.opensAt = opensAt.toISOString();
    body.closesAt = closesAt.toISOString();
  }
}
