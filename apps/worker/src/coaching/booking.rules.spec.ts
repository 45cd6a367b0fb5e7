import type { BookingFacts } from '@bisang/database';
import { decideBooking } from './booking.rules';

const now = new Date('2026-05-10T01:00:00Z');
const facts = (over: Partial<BookingFacts> = {}): BookingFacts => ({
  now,
  kind: 'coaching',
  fairStatus: 'live',
  slotStartsAt: new Date('2026-05-11T01:00:00Z'),
  slotWithdrawn: false,
  slotBooked: false,
  slotHeldForOther: false,
  noShowsInFair: 0,
  upcomingConfirmedInFair: 0,
  upcomingLimit: 2,
  overlapsOwnConfirmed: false,
  replacedBookingGone: false,
  ...over,
});
const reasonOf = (over: Partial<BookingFacts>) => {
  const d = decideBooking(facts(over));
  return d.status === 'rejected' ? d.reason : d.status;
};

describe('decideBooking', () => {
  it('confirms a free future slot within the limits', () => expect(reasonOf({})).toBe('confirmed'));
  it('names each reason', () => {
    expect(reasonOf({ fairStatus: 'closed' })).toBe('FAIR_NOT_LIVE');
    expect(reasonOf({ slotStartsAt: now })).toBe('SLOT_IN_PAST');
    expect(reasonOf({ slotBooked: true })).toBe('SLOT_TAKEN');
    expect(reasonOf({ slotHeldForOther: true })).toBe('SLOT_TAKEN');
    expect(reasonOf({ slotWithdrawn: true })).toBe('SLOT_TAKEN');
    expect(reasonOf({ upcomingConfirmedInFair: 2 })).toBe('LIMIT_REACHED');
    expect(reasonOf({ overlapsOwnConfirmed: true })).toBe('OVERLAP');
    expect(reasonOf({ replacedBookingGone: true })).toBe('BOOKING_NOT_RESCHEDULABLE');
  });
  it('bars coaching after two no-shows, saying why', () => {
    const d = decideBooking(facts({ noShowsInFair: 2 }));
    expect(d).toMatchObject({ status: 'rejected', reason: 'LIMIT_REACHED' });
    expect(d.status === 'rejected' && d.message).toMatch(/no-show/);
  });
  it('does not count interview slots towards the coaching limit', () => {
    expect(reasonOf({ kind: 'interview', upcomingConfirmedInFair: 5, noShowsInFair: 3 })).toBe('confirmed');
  });
});
