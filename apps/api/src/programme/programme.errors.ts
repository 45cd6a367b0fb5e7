import { HttpStatus } from '@nestjs/common';
import { DomainError, notFound } from '@bisang/common';

export const programmeItemNotFound = () => notFound('Programme item', '행사 일정');

export const invalidItemWindow = () => new DomainError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', ['endsAt must be after startsAt']);

export const outsideFair = () =>
  new DomainError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', ['startsAt and endsAt must be within the fair (its startsAt to endsAt)']);

export const boothNotInFair = () => new DomainError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', ['boothId must be a booth of this fair']);
