import { HttpStatus } from '@nestjs/common';
import { DomainError, badRequest, conflict } from '@bisang/common';

export const fairNotFound = () => new DomainError(HttpStatus.NOT_FOUND, 'FAIR_NOT_FOUND', '박람회를 찾을 수 없습니다 / Fair not found');
export const slotNotFound = () => new DomainError(HttpStatus.NOT_FOUND, 'SLOT_NOT_FOUND', '시간대를 찾을 수 없습니다 / Slot not found');
export const coachNotFound = () =>
  new DomainError(HttpStatus.NOT_FOUND, 'COACH_NOT_FOUND', '이 박람회의 코치를 찾을 수 없습니다 / No such coach in this fair');
export const waitlistEntryNotFound = () =>
  new DomainError(HttpStatus.NOT_FOUND, 'WAITLIST_ENTRY_NOT_FOUND', '대기 신청을 찾을 수 없습니다 / Waitlist entry not found');
export const bookingNotFound = () =>
  new DomainError(HttpStatus.NOT_FOUND, 'BOOKING_NOT_FOUND', '예약을 찾을 수 없습니다 / Booking not found');

export const invalidWindow = () => badRequest('INVALID_WINDOW', 'endsAt은 startsAt보다 뒤여야 합니다 / endsAt must be after startsAt');
export const windowInPast = () => badRequest('WINDOW_IN_PAST', '지난 시간에는 가능 시간을 열 수 없습니다 / The window must start in the future');
export const windowOutsideFair = () =>
  badRequest('WINDOW_OUTSIDE_FAIR', '가능 시간은 박람회 기간 안이어야 합니다 / The window must lie within the fair');
export const windowTooShort = () =>
  badRequest('WINDOW_TOO_SHORT', '시간대 하나도 들어가지 않는 짧은 구간입니다 / The window is too short for a single slot');
export const tooManySlots = (max: number) =>
  badRequest('TOO_MANY_SLOTS', `한 번에 최대 ${max}개의 시간대를 만들 수 있습니다 / At most ${max} slots can be made at once`);
export const invalidIdempotencyKey = () =>
  badRequest('INVALID_IDEMPOTENCY_KEY', 'Idempotency-Key는 1-200자의 출력 가능한 ASCII여야 합니다 / Idempotency-Key must be 1-200 printable ASCII characters');
export const dateOutsideFair = () => badRequest('DATE_OUTSIDE_FAIR', '박람회 기간 밖의 날짜입니다 / The date is outside the fair');

export const fairClosed = () => conflict('FAIR_CLOSED', '종료된 박람회입니다 / The fair is closed');
export const availabilityOverlaps = () =>
  conflict('AVAILABILITY_OVERLAPS', '이미 열어 둔 시간대와 겹칩니다 / The window overlaps slots you already published');
export const slotBooked = () => conflict('SLOT_BOOKED', '예약된 시간대는 철회할 수 없습니다 / A booked slot cannot be withdrawn');
export const slotAlreadyWithdrawn = () => conflict('SLOT_WITHDRAWN', '이미 철회한 시간대입니다 / The slot is already withdrawn');
export const idempotencyKeyReused = () =>
  conflict(
    'IDEMPOTENCY_KEY_REUSED',
    '같은 Idempotency-Key로 다른 요청을 보냈습니다 / This Idempotency-Key was already used for a different request',
  );
export const bookingNotCancellable = () =>
  conflict('BOOKING_NOT_CANCELLABLE', '확정된 예약만 취소할 수 있습니다 / Only a confirmed booking can be cancelled');
export const cancelCutoffPassed = (minutes: number) =>
  conflict(
    'CANCEL_CUTOFF_PASSED',
    `시작 ${minutes}분 전까지만 취소할 수 있습니다 / A booking can be cancelled until ${minutes} minutes before its start`,
  );
export const resumeNotShareable = () =>
  conflict(
    'BOOKING_NOT_SHAREABLE',
    '대기 중이거나 확정된 코칭 예약에서만 이력서를 공유할 수 있습니다 / A resume can be shared only on a pending, confirmed or completed coaching booking',
  );
export const bookingNotMarkable = () =>
  conflict('BOOKING_NOT_MARKABLE', '확정된 예약만 완료 또는 노쇼로 표시할 수 있습니다 / Only a confirmed booking can be marked');
export const sessionNotStarted = () =>
  conflict('SESSION_NOT_STARTED', '세션이 시작된 뒤에 표시할 수 있습니다 / The session has not started yet');
export const noShowTooEarly = (from: Date) =>
  new DomainError(
    HttpStatus.CONFLICT,
    'NO_SHOW_TOO_EARLY',
    '노쇼는 시작 10분 후부터 표시할 수 있습니다 / A no-show can be marked from 10 minutes after the start',
    { noShowFrom: from.toISOString() },
  );
export const seekerInRoom = () =>
  conflict('SEEKER_PRESENT', '구직자가 세션 방에 있어 노쇼로 표시할 수 없습니다 / The seeker is in the session room: not a no-show');
export const bookingNotReschedulable = () =>
  conflict('BOOKING_NOT_RESCHEDULABLE', '확정된 예약만 일정을 바꿀 수 있습니다 / Only a confirmed booking can be rescheduled');
export const rescheduleSameSlot = () =>
  conflict('RESCHEDULE_SAME_SLOT', '이미 예약한 시간대입니다 / The booking is already in this slot');
export const rescheduleOtherKind = () =>
  conflict(
    'RESCHEDULE_OTHER_KIND',
    '같은 박람회의 같은 종류 시간대로만 옮길 수 있습니다 / A booking can be moved only to a slot of the same kind in the same fair',
  );
export const reschedulePending = () =>
  conflict('RESCHEDULE_PENDING', '이 예약의 일정 변경이 이미 처리 중입니다 / A rescheduling of this booking is already being decided');
export const waitlistEntryClosed = () =>
  conflict('WAITLIST_ENTRY_CLOSED', '이미 끝난 대기 신청입니다 / This waitlist entry is no longer active');
export const alreadyWaiting = () => conflict('ALREADY_WAITING', '이미 대기 중입니다 / You are already on this waitlist');

export const notBookable = (why: { code: string; message: string }) => new DomainError(HttpStatus.FORBIDDEN, why.code, why.message);
export const boothNotApproved = () =>
  conflict('BOOTH_NOT_APPROVED', '승인된 부스만 면접 시간을 열 수 있습니다 / Only an approved booth can publish interview slots');
