import type { BookingDecision, BookingFacts, RejectionReason, SlotKind } from '@bisang/database';

/** A seeker with this many no-shows in a fair may book no more coaching in it. */
export const MAX_NO_SHOWS_PER_FAIR = 2;

/** What each kind of slot is subject to: the slot kind is a policy, the engine is one. */
const KIND_RULES: Record<SlotKind, { countsTowardsUpcomingLimit: boolean; barredAfterNoShows: boolean }> = {
  coaching: { countsTowardsUpcomingLimit: true, barredAfterNoShows: true },
  interview: { countsTowardsUpcomingLimit: false, barredAfterNoShows: false },
};

const reject = (reason: RejectionReason, message: string): BookingDecision => ({ status: 'rejected', reason, message });

/** Confirms a booking request or says why not. Pure: the facts are read under the booking locks. */
export function decideBooking(f: BookingFacts): BookingDecision {
  const rules = KIND_RULES[f.kind];
  if (f.replacedBookingGone) {
    return reject(
      'BOOKING_NOT_RESCHEDULABLE',
      '옮기려던 예약이 이미 취소되었거나 다른 시간으로 옮겨졌습니다 / The booking to move was cancelled or moved before this change was decided',
    );
  }
  if (f.fairStatus !== 'live') return reject('FAIR_NOT_LIVE', '박람회가 진행 중이 아닙니다 / The fair is not live');
  if (f.slotStartsAt.getTime() <= f.now.getTime()) return reject('SLOT_IN_PAST', '이미 시작된 시간대입니다 / This slot has already started');
  if (f.slotWithdrawn || f.slotBooked || f.slotHeldForOther) {
    return reject('SLOT_TAKEN', '이미 예약된 시간대입니다 / This slot is already taken');
  }
  if (rules.barredAfterNoShows && f.noShowsInFair >= MAX_NO_SHOWS_PER_FAIR) {
    return reject(
      'LIMIT_REACHED',
      `이 박람회에서 ${f.noShowsInFair}회 노쇼하여 더 이상 코칭을 예약할 수 없습니다 / ` +
        `You missed ${f.noShowsInFair} booked sessions in this fair (no-shows), so you cannot book more coaching in it`,
    );
  }
  if (rules.countsTowardsUpcomingLimit && f.upcomingConfirmedInFair >= f.upcomingLimit) {
    return reject(
      'LIMIT_REACHED',
      `이 박람회에서는 예정된 코칭을 최대 ${f.upcomingLimit}건까지 예약할 수 있습니다 / ` +
        `You already hold ${f.upcomingConfirmedInFair} upcoming coaching bookings in this fair, the most it allows (${f.upcomingLimit})`,
    );
  }
  if (f.overlapsOwnConfirmed) return reject('OVERLAP', '같은 시간에 확정된 다른 예약이 있습니다 / You already have a confirmed booking at that time');
  return { status: 'confirmed' };
}
