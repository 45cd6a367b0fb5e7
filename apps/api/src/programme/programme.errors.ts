import { HttpStatus } from '@nestjs/common';
import { DomainError, notFound } from '@bisang/common';

export const programmeItemNotFound = () => notFound('Programme item', '행사 일정');

export const invalidItemWindow = () => new DomainError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', ['endsAt must be after startsAt']);

export const outsideFair = () =>
  new DomainError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', [
    'startsAt: 박람회 기간 안의 일정이어야 합니다 / startsAt: the item must be within the fair (from its startsAt to its endsAt)',
  ]);

export const boothNotInFair = () =>
  new DomainError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', ['boothId: 이 박람회의 부스가 아닙니다 / boothId must be a booth of this fair']);
