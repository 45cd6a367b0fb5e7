import { HttpStatus } from '@nestjs/common';
import { DomainError, notFound } from '@bisang/common';

export const fairNotFound = () => notFound('Fair', '박람회');
export const slugTaken = () => new DomainError(HttpStatus.CONFLICT, 'SLUG_TAKEN', '이미 사용 중인 주소(slug)입니다 / This slug is already taken');
export const invalidWindow = () =>
  new DomainError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', ['endsAt must be after startsAt']);
export const invalidYouthRange = () =>
  new DomainError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', ['youthAgeMin must not be greater than youthAgeMax']);
export const fairNotPublishable = () =>
  new DomainError(HttpStatus.CONFLICT, 'FAIR_NOT_PUBLISHABLE', '초안 상태이고 종료되지 않은 박람회만 공개할 수 있습니다 / Only a draft fair that has not ended can be published');
export const fairNotDraft = () =>
  new DomainError(
    HttpStatus.CONFLICT,
    'FAIR_NOT_DRAFT',
    '공개된 박람회는 이름, 소개, 채용 목표만 바꿀 수 있습니다 / A published fair may change only its title, description and hiring target',
  );
export const unknownTimeZone = () =>
  new DomainError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', ['timezone must be an IANA time zone such as Asia/Seoul (one the database knows)']);
