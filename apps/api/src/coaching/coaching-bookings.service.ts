import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@bisang/auth';
import { Page, decodeCursor, forbidden, toPage, clock } from '@bisang/common';
import { AppConfig } from '@bisang/config';
import {
  BookingRequest,
  CoachingBookingEntity,
  CoachingBookingsRepository,
  CoachingSlotEntity,
  CoachingSlotsRepository,
  NO_SHOW_AFTER_START_MS,
  SessionRoomsRepository,
} from '@bisang/database';
import { jobIds } from '@bisang/queues';
import { BookingDecisionWaiter } from './booking-decision.waiter';
import {
  bookingNotCancellable,
  bookingNotFound,
  bookingNotMarkable,
  bookingNotReschedulable,
  cancelCutoffPassed,
  idempotencyKeyReused,
  invalidIdempotencyKey,
  noShowTooEarly,
  notBookable,
  rescheduleOtherKind,
  reschedulePending,
  seekerInRoom,
  rescheduleSameSlot,
  sessionNotStarted,
  slotNotFound,
  resumeNotShareable,
} from './coaching.errors';
import { BookingDto, BookingListQueryDto } from './dto/booking.dto';
import { SlotKindPolicies } from './slot-kind.policy';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

type Party = 'seeker' | 'coach' | 'organizer' | 'none';

const partyOf = (user: AuthenticatedUser, b: CoachingBookingEntity): Party =>
  b.seekerId === user.id ? 'seeker' : b.coachId === user.id ? 'coach' : user.role === 'organizer' ? 'organizer' : 'none';

@Injectable()
export class CoachingBookingsService {
  constructor(
    private readonly bookings: CoachingBookingsRepository,
    private readonly slots: CoachingSlotsRepository,
    private readonly policies: SlotKindPolicies,
    private readonly waiter: BookingDecisionWaiter,
    private readonly config: AppConfig,
    private readonly rooms: SessionRoomsRepository,
  ) {}

  /**
   * Records a booking request, queues its decision and waits briefly for it. The same Idempotency-Key
   * with the same body gives back the same booking; with another body it is a 409.
   */
  async requestBooking(user: AuthenticatedUser, slotId: string, idempotencyKey: string | undefined): Promise<CoachingBookingEntity> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) throw invalidIdempotencyKey();
    const slot = await this.bookableSlot(user, slotId);
    const requestHash = createHash('sha256').update(JSON.stringify({ slotId })).digest('hex');
    const { booking, created } = await this.bookings.recordRequest(this.requestFor(user, slot, idempotencyKey, requestHash));
    if (!created && booking.requestHash !== requestHash) throw idempotencyKeyReused();
    return this.awaitDecision(booking);
  }

  /**
   * Its seeker moves a confirmed booking to another slot, until the cancel cut-off. The new booking goes
   * through the same queue and checks (not counting the booking it replaces); once confirmed, the old one is
   * cancelled in the same transaction; when rejected, the old one stays as it was.
   */
  async rescheduleBooking(
    user: AuthenticatedUser,
    bookingId: string,
    slotId: string,
    idempotencyKey: string | undefined,
    now = clock.now(),
  ): Promise<CoachingBookingEntity> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) throw invalidIdempotencyKey();
    const old = await this.bookings.findById(bookingId);
    const party = old ? partyOf(user, old) : 'none';
    if (!old || party === 'none') throw bookingNotFound();
    if (party !== 'seeker') throw forbidden();
    const requestHash = createHash('sha256').update(JSON.stringify({ slotId, replaces: bookingId })).digest('hex');
    if (idempotencyKey !== undefined) {
      const replay = await this.bookings.findByIdempotencyKey(user.id, idempotencyKey);
      if (replay) {
        if (replay.requestHash !== requestHash) throw idempotencyKeyReused();
        return this.awaitDecision(replay);
      }
    }
    if (old.status !== 'confirmed') throw bookingNotReschedulable();
    if (old.startsAt.getTime() - this.config.coachingCancelCutoffMs <= now.getTime()) {
      throw cancelCutoffPassed(this.config.coachingCancelCutoffMs / 60_000);
    }
    if (slotId === old.slotId) throw rescheduleSameSlot();
    const slot = await this.bookableSlot(user, slotId);
    if (slot.kind !== old.kind || slot.fairId !== old.fairId) throw rescheduleOtherKind();
    const recorded = await this.bookings.recordReschedule({
      ...this.requestFor(user, slot, idempotencyKey, requestHash),
      replacesBookingId: old.id,
    });
    if (recorded === 'already_pending') throw reschedulePending();
    if (!recorded.created && recorded.booking.requestHash !== requestHash) throw idempotencyKeyReused();
    return this.awaitDecision(recorded.booking);
  }

  private async bookableSlot(user: AuthenticatedUser, slotId: string): Promise<CoachingSlotEntity> {
    const slot = await this.slots.findSlot(slotId);
    if (!slot || slot.withdrawnAt) throw slotNotFound();
    const whyNot = await this.policies.of(slot.kind).whyNotBookable(user, slot);
    if (whyNot) throw notBookable(whyNot);
    return slot;
  }

  private requestFor(user: AuthenticatedUser, slot: CoachingSlotEntity, idempotencyKey: string | undefined, requestHash: string): BookingRequest {
    return {
      slotId: slot.id,
      seekerId: user.id,
      coachId: slot.coachId,
      fairId: slot.fairId,
      kind: slot.kind,
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      idempotencyKey: idempotencyKey ?? null,
      requestHash,
    };
  }

  /**
   * Waits briefly for the decision of a pending booking (its `booking.requested` event puts it on the queue); a
   * settled one comes back as it is. The wait starts before the status is read again, so a decision taken in
   * between is not missed.
   */
  private async awaitDecision(booking: CoachingBookingEntity): Promise<CoachingBookingEntity> {
    if (booking.status !== 'pending') return booking;
    await this.waiter.waitFor(jobIds.decideBooking(booking.id), this.config.coachingDecisionWaitMs, async () => {
      const now = await this.bookings.findById(booking.id);
      return now !== null && now.status !== 'pending';
    });
    return (await this.bookings.findById(booking.id)) ?? booking;
  }

  /** Its seeker, its coach and organizers see a booking; to anyone else it does not exist. */
  async getBooking(user: AuthenticatedUser, bookingId: string): Promise<CoachingBookingEntity> {
    const booking = await this.bookings.findById(bookingId);
    if (!booking || partyOf(user, booking) === 'none') throw bookingNotFound();
    return booking;
  }

  /** The seeker shows (or stops showing) their resume to the coach of their coaching booking; to anyone else it does not exist. */
  async setResumeSharing(user: AuthenticatedUser, bookingId: string, shared: boolean): Promise<CoachingBookingEntity> {
    const result = await this.bookings.setResumeShared(bookingId, user.id, shared);
    if (result === 'not_found') throw bookingNotFound();
    if (result === 'not_shareable') throw resumeNotShareable();
    return result;
  }

  async listMyBookings(user: AuthenticatedUser, query: BookingListQueryDto): Promise<Page<BookingDto>> {
    const cursor = decodeCursor(query.cursor, { s: 'instant', i: 'uuid' });
    const after = cursor ? { startsAt: new Date(cursor.s), id: cursor.i } : undefined;
    const rows = await this.bookings.findForUserPage({
      userId: user.id,
      as: user.role === 'seeker' ? 'seeker' : 'coach',
      after,
      limit: query.limit,
    });
    // Who is in each booking: the coach sees whom they meet, the seeker whom they meet.
    const parties = await this.bookings.partiesOf(rows.map((b) => b.id));
    const asSeeker = user.role === 'seeker';
    const withParties = (b: CoachingBookingEntity): BookingDto => {
      const p = parties.get(b.id);
      const dto: BookingDto = { ...BookingDto.from(b), kind: b.kind as 'coaching' | 'interview' };
      if (!p) return dto;
      return asSeeker
        ? { ...dto, coach: { name: p.coachName } }
        : { ...dto, seeker: { name: p.seekerName, age: p.seekerAge, desiredJobCategories: p.desiredJobCategories, resumeId: p.resumeId } };
    };
    return toPage(rows, query.limit, withParties, (b) => ({ s: b.startsAt.toISOString(), i: b.id }));
  }

  /** Its seeker or coach cancels a confirmed booking until the cut-off; `booking.cancelled` frees the slot (waiters first). */
  async cancelBooking(user: AuthenticatedUser, bookingId: string): Promise<CoachingBookingEntity> {
    const found = await this.bookings.findById(bookingId);
    const party = found ? partyOf(user, found) : 'none';
    if (party === 'none') throw bookingNotFound();
    if (party === 'organizer') throw forbidden();
    const result = await this.bookings.cancelConfirmed(bookingId, user.id, clock.now(), this.config.coachingCancelCutoffMs);
    if (result.outcome !== 'cancelled') {
      if (result.outcome === 'not_found') throw bookingNotFound();
      if (result.outcome === 'cutoff_passed') throw cancelCutoffPassed(this.config.coachingCancelCutoffMs / 60_000);
      throw bookingNotCancellable();
    }
    return result.booking;
  }

  /** The coach records how a started session went: completed (with feedback the seeker sees) or no_show. */
  async markSession(
    user: AuthenticatedUser,
    bookingId: string,
    outcome: 'completed' | 'no_show',
    feedback: string | null,
  ): Promise<CoachingBookingEntity> {
    const found = await this.bookings.findById(bookingId);
    const party = found ? partyOf(user, found) : 'none';
    if (party === 'none') throw bookingNotFound();
    if (party !== 'coach') throw forbidden();
    const now = clock.now();
    if (outcome === 'no_show' && found!.status === 'confirmed' && found!.startsAt <= now) {
      // A no-show is the seeker's absence: it can be called 10 minutes into the session, and not while they are in its room.
      if (now.getTime() < found!.startsAt.getTime() + NO_SHOW_AFTER_START_MS) throw noShowTooEarly(new Date(found!.startsAt.getTime() + NO_SHOW_AFTER_START_MS));
      if (await this.rooms.isSeekerPresent(bookingId)) throw seekerInRoom();
    }
    const result = await this.bookings.markSessionOutcome(bookingId, outcome, feedback, now);
    if (result.outcome !== 'marked') {
      if (result.outcome === 'not_found') throw bookingNotFound();
      if (result.outcome === 'not_started') throw sessionNotStarted();
      throw bookingNotMarkable();
    }
    return result.booking;
  }
}
