import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { BookingStatus, CoachingBookingEntity, RejectionReason } from '../entities/coaching-booking.entity';
import type { SlotKind } from '../entities/coaching-slot.entity';
import type { FairStatus } from '../entities/fair.entity';
import { isExclusionViolation, isRetryableTransactionError, isUniqueViolation } from '../pg-errors';
import { NewDomainEvent, domainEvent } from '@bisang/contracts';
import { noteAppended } from '../outbox-commits';
import { appendDomainEvents } from './domain-events.repository';
import { rowsOf } from './sql-rows';
import { seekerConsentActs } from './seeker-profiles.repository';

export const BOOKING_COLUMNS = `id, slot_id AS "slotId", seeker_id AS "seekerId", coach_id AS "coachId", fair_id AS "fairId", kind, status,
  reason, reason_message AS "reasonMessage", idempotency_key AS "idempotencyKey", request_hash AS "requestHash",
  starts_at AS "startsAt", ends_at AS "endsAt", feedback, reminders_sent AS "remindersSent", session_opened_at AS "sessionOpenedAt",
  requested_at AS "requestedAt", decided_at AS "decidedAt", cancelled_at AS "cancelledAt", cancelled_by AS "cancelledBy",
  completed_at AS "completedAt", replaces_booking_id AS "replacesBookingId", replaced_by_booking_id AS "replacedByBookingId",
  resume_shared AS "resumeShared"`;

export interface BookingRequest {
  slotId: string;
  seekerId: string;
  coachId: string;
  fairId: string;
  kind: SlotKind;
  startsAt: Date;
  endsAt: Date;
  idempotencyKey: string | null;
  requestHash: string;
  /** Rescheduling: the seeker's confirmed booking this request replaces once confirmed. */
  replacesBookingId?: string | null;
}

/** Everything a booking decision depends on, read under the seeker lock and the slot row lock. */
export interface BookingFacts {
  now: Date;
  kind: SlotKind;
  fairStatus: FairStatus;
  slotStartsAt: Date;
  slotWithdrawn: boolean;
  slotBooked: boolean;
  /** Held for a waiter other than this seeker, and the hold has not expired. */
  slotHeldForOther: boolean;
  noShowsInFair: number;
  upcomingConfirmedInFair: number;
  upcomingLimit: number;
  overlapsOwnConfirmed: boolean;
  /** A rescheduling whose booking to replace is no longer the seeker's confirmed booking. */
  replacedBookingGone: boolean;
}

export type BookingDecision = { status: 'confirmed' } | { status: 'rejected'; reason: RejectionReason; message: string };

/** `replaced`: the booking a confirmed rescheduling cancelled in the same transaction. */
export type DecideResult =
  | { outcome: 'decided'; booking: CoachingBookingEntity; replaced?: CoachingBookingEntity }
  | { outcome: 'already_decided'; booking: CoachingBookingEntity; replaced?: CoachingBookingEntity }
  | { outcome: 'missing' };

export type CancelResult =
  | { outcome: 'cancelled'; booking: CoachingBookingEntity }
  | { outcome: 'not_found' | 'not_cancellable' | 'cutoff_passed' };

export type MarkResult = { outcome: 'marked'; booking: CoachingBookingEntity } | { outcome: 'not_found' | 'not_markable' | 'not_started' };

export interface BookingListFilter {
  userId: string;
  as: 'seeker' | 'coach';
  after?: { startsAt: Date; id: string };
  limit: number;
}

/** The facts every booking event carries. */
export const bookingFacts = (b: CoachingBookingEntity) => ({
  bookingId: b.id,
  slotId: b.slotId,
  fairId: b.fairId,
  kind: b.kind,
  seekerId: b.seekerId,
  coachId: b.coachId,
  startsAt: b.startsAt.toISOString(),
  endsAt: b.endsAt.toISOString(),
});

const LIVE_BOOKING = `status IN ('confirmed', 'completed', 'no_show')`;

/** A coaching booking in these states shows its seeker's resume to the coach when the seeker shares it. */
const RESUME_SHARING_STATUS_LIST = ['pending', 'confirmed', 'completed'] as const;
const RESUME_SHARING_STATUSES = `('pending', 'confirmed', 'completed')`;

export interface BookingParties {
  seekerName: string;
  seekerAge: number | null;
  desiredJobCategories: string[];
  /** The seeker's resume, only where the one they meet may see it (else null): see `partiesOf`. */
  resumeId: string | null;
  coachName: string;
}

@Injectable()
export class CoachingBookingsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Who is in each booking, as its lists show them: the seeker (name, age in the fair's zone, desired job groups,
   * and the resume where consent allows) for the coach or interviewer, the coach's name for the seeker.
   * The resume, by the rules `GET /resumes/:id/file` applies: a coach sees it while the seeker shares it on that
   * booking (`resume_shared`, until the booking is cancelled or rejected); an interviewer, as company staff, when the
   * seeker has consented to the company (SEEKER_CONSENT_ACTS, e.g. applied to it).
   */
  async partiesOf(bookingIds: string[]): Promise<Map<string, BookingParties>> {
    if (bookingIds.length === 0) return new Map();
    const staffConsent = seekerConsentActs('b.seeker_id')
      .map((act) => `EXISTS (${act})`)
      .join(' OR ');
    const rows = rowsOf<BookingParties & { bookingId: string }>(
      await this.dataSource.query(
        `SELECT b.id AS "bookingId", s.name AS "seekerName",
                date_part('year', age((now() AT TIME ZONE f.timezone)::date, s.birth_date))::int AS "seekerAge",
                COALESCE(p.desired_job_categories, '{}') AS "desiredJobCategories", c.name AS "coachName",
                CASE WHEN (b.kind = 'coaching' AND b.resume_shared AND b.status IN ${RESUME_SHARING_STATUSES})
                       OR (b.kind = 'interview' AND EXISTS (SELECT 1 FROM company_staff s WHERE s.user_id = b.coach_id AND (${staffConsent})))
                     THEN r.id END AS "resumeId"
           FROM coaching_bookings b JOIN users s ON s.id = b.seeker_id JOIN users c ON c.id = b.coach_id
           JOIN fairs f ON f.id = b.fair_id LEFT JOIN seeker_profiles p ON p.user_id = b.seeker_id
           LEFT JOIN resumes r ON r.seeker_id = b.seeker_id
          WHERE b.id = ANY($1::uuid[])`,
        [bookingIds],
      ),
    );
    return new Map(rows.map(({ bookingId, ...parties }) => [bookingId, parties]));
  }

  /**
   * Records a booking request as pending. With an idempotency key, a second request with the same key
   * returns the first booking (`created: false`) whatever its body; the caller compares request hashes.
   */
  async recordRequest(req: BookingRequest): Promise<{ booking: CoachingBookingEntity; created: boolean }> {
    const inserted = rowsOf<CoachingBookingEntity>(
      await this.dataSource.query(
        // One statement: the request and its `booking.requested` commit together (the relay queues the decision).
        `WITH recorded AS (
           INSERT INTO coaching_bookings (slot_id, seeker_id, coach_id, fair_id, kind, starts_at, ends_at, idempotency_key, request_hash, replaces_booking_id,
                                          resume_shared)
           -- A rescheduling keeps the seeker's choice to show their resume to the coach.
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10,
                   COALESCE((SELECT r.resume_shared FROM coaching_bookings r WHERE r.id = $10::uuid AND r.seeker_id = $2::uuid), false))
           ON CONFLICT (seeker_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
           RETURNING ${BOOKING_COLUMNS}
         ), outbox AS (
           INSERT INTO domain_events (type, fair_id, payload)
           SELECT 'booking.requested', "fairId", jsonb_build_object('bookingId', id, 'fairId', "fairId") FROM recorded
         )
         SELECT * FROM recorded`,
        [
          req.slotId,
          req.seekerId,
          req.coachId,
          req.fairId,
          req.kind,
          req.startsAt,
          req.endsAt,
          req.idempotencyKey,
          req.requestHash,
          req.replacesBookingId ?? null,
        ],
      ),
    );
    if (inserted[0]) {
      noteAppended(this.dataSource.manager, ['booking.requested']);
      return { booking: inserted[0], created: true };
    }
    const [existing] = (await this.dataSource.query(
      `SELECT ${BOOKING_COLUMNS} FROM coaching_bookings WHERE seeker_id = $1 AND idempotency_key = $2`,
      [req.seekerId, req.idempotencyKey],
    )) as CoachingBookingEntity[];
    return { booking: existing, created: false };
  }

  /** Records a rescheduling request (pending, replacing `replacesBookingId`); 'already_pending' while another one for it is undecided. */
  async recordReschedule(
    req: BookingRequest & { replacesBookingId: string },
  ): Promise<{ booking: CoachingBookingEntity; created: boolean } | 'already_pending'> {
    try {
      return await this.recordRequest(req);
    } catch (err) {
      if (isUniqueViolation(err, 'coaching_bookings_one_pending_reschedule')) return 'already_pending';
      throw err;
    }
  }

  /** Bookings still pending that were requested before `requestedBefore`, oldest first: their decision may have been lost. */
  async findStalePendingIds(requestedBefore: Date, limit: number): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT id FROM coaching_bookings WHERE status = 'pending' AND requested_at < $1 ORDER BY requested_at LIMIT $2`,
      [requestedBefore, limit],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  async findByIdempotencyKey(seekerId: string, idempotencyKey: string): Promise<CoachingBookingEntity | null> {
    const rows = await this.dataSource.query(`SELECT ${BOOKING_COLUMNS} FROM coaching_bookings WHERE seeker_id = $1 AND idempotency_key = $2`, [
      seekerId,
      idempotencyKey,
    ]);
    return (rows[0] as CoachingBookingEntity | undefined) ?? null;
  }

  async findById(bookingId: string): Promise<CoachingBookingEntity | null> {
    const rows = await this.dataSource.query(`SELECT ${BOOKING_COLUMNS} FROM coaching_bookings WHERE id = $1`, [bookingId]);
    return (rows[0] as CoachingBookingEntity | undefined) ?? null;
  }

  /** A person's bookings, as seeker or as the one running the session, newest start first. */
  findForUserPage(filter: BookingListFilter): Promise<CoachingBookingEntity[]> {
    const column = filter.as === 'seeker' ? 'seeker_id' : 'coach_id';
    const params: unknown[] = [filter.userId];
    let after = '';
    if (filter.after) {
      params.push(filter.after.startsAt, filter.after.id);
      after = `AND (starts_at, id) < ($2, $3)`;
    }
    params.push(filter.limit + 1);
    return this.dataSource.query(
      `SELECT ${BOOKING_COLUMNS} FROM coaching_bookings WHERE ${column} = $1 ${after}
        ORDER BY starts_at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
  }

  /**
   * Decides a pending booking exactly once. Locks, in this order everywhere: the seeker (advisory lock, so
   * the limit and overlap checks see every earlier decision for them), then the slot row, then the booking.
   * `decide` is a pure function of the facts read under those locks. The database constraints stay the last
   * word: should one still fire, the booking is rejected with the matching reason.
   */
  async decidePending(bookingId: string, now: Date, decide: (facts: BookingFacts) => BookingDecision): Promise<DecideResult> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction((m) => this.decideInTransaction(m, bookingId, now, decide));
      } catch (err) {
        if (isUniqueViolation(err, 'coaching_bookings_one_per_slot')) return this.rejectPending(bookingId, now, 'SLOT_TAKEN');
        if (isExclusionViolation(err, 'coaching_bookings_seeker_no_overlap')) return this.rejectPending(bookingId, now, 'OVERLAP');
        if (isRetryableTransactionError(err) && attempt < 5) continue;
        throw err;
      }
    }
  }

  private async decideInTransaction(
    m: EntityManager,
    bookingId: string,
    now: Date,
    decide: (facts: BookingFacts) => BookingDecision,
  ): Promise<DecideResult> {
    const [head] = (await m.query(
      `SELECT seeker_id AS "seekerId", slot_id AS "slotId", status, replaces_booking_id AS "replacesId" FROM coaching_bookings WHERE id = $1`,
      [bookingId],
    )) as { seekerId: string; slotId: string; status: BookingStatus; replacesId: string | null }[];
    if (!head) return { outcome: 'missing' };
    if (head.status !== 'pending') return this.alreadyDecided(m, bookingId);

    await m.query(`SELECT pg_advisory_xact_lock(hashtextextended('coaching-seeker:' || $1::text, 0))`, [head.seekerId]);
    // Rescheduling: both slots are locked, in id order (as any other two-slot writer would), before the bookings.
    const replacedSlotId = head.replacesId
      ? ((await m.query(`SELECT slot_id AS "slotId" FROM coaching_bookings WHERE id = $1`, [head.replacesId])) as { slotId: string }[])[0]?.slotId
      : undefined;
    if (replacedSlotId) {
      await m.query(`SELECT 1 FROM coaching_slots WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [[head.slotId, replacedSlotId]]);
    }
    const [slot] = (await m.query(
      `SELECT s.kind, s.fair_id AS "fairId", s.starts_at AS "startsAt", s.ends_at AS "endsAt", s.withdrawn_at AS "withdrawnAt",
              s.held_for_seeker_id AS "heldFor", s.held_until AS "heldUntil", s.hold_entry_id AS "holdEntryId",
              f.status AS "fairStatus", f.max_upcoming_coaching_per_seeker AS "limit"
         FROM coaching_slots s JOIN fairs f ON f.id = s.fair_id
        WHERE s.id = $1 FOR UPDATE OF s`,
      [head.slotId],
    )) as {
      kind: SlotKind;
      fairId: string;
      startsAt: Date;
      endsAt: Date;
      withdrawnAt: Date | null;
      heldFor: string | null;
      heldUntil: Date | null;
      holdEntryId: string | null;
      fairStatus: FairStatus;
      limit: number;
    }[];
    const [locked] = (await m.query(`SELECT status FROM coaching_bookings WHERE id = $1 FOR UPDATE`, [bookingId])) as { status: BookingStatus }[];
    if (locked.status !== 'pending') return this.alreadyDecided(m, bookingId);
    // The booking being replaced counts for nothing in the checks below, as long as it is still the seeker's confirmed
    // booking; when it is not (cancelled or moved meanwhile), the rescheduling is rejected rather than becoming an extra booking.
    const replaced = head.replacesId ? await this.findIn(m, head.replacesId, true) : null;
    const replacing = replaced && replaced.status === 'confirmed' && replaced.seekerId === head.seekerId ? replaced : null;

    const [counts] = (await m.query(
      `SELECT EXISTS (SELECT 1 FROM coaching_bookings WHERE slot_id = $1 AND ${LIVE_BOOKING}) AS "slotBooked",
              (SELECT count(*) FROM coaching_bookings WHERE seeker_id = $2 AND fair_id = $3 AND status = 'no_show')::int AS "noShows",
              (SELECT count(*) FROM coaching_bookings
                WHERE seeker_id = $2 AND fair_id = $3 AND kind = $4 AND status = 'confirmed' AND starts_at > $5
                  AND id IS DISTINCT FROM $8)::int AS "upcoming",
              EXISTS (SELECT 1 FROM coaching_bookings
                WHERE seeker_id = $2 AND status = 'confirmed' AND tstzrange(starts_at, ends_at) && tstzrange($6, $7)
                  AND id IS DISTINCT FROM $8) AS "overlaps"`,
      [head.slotId, head.seekerId, slot.fairId, slot.kind, now, slot.startsAt, slot.endsAt, replacing?.id ?? null],
    )) as { slotBooked: boolean; noShows: number; upcoming: number; overlaps: boolean }[];

    const heldActive = slot.heldFor !== null && slot.heldUntil !== null && slot.heldUntil > now;
    const decision = decide({
      now,
      kind: slot.kind,
      fairStatus: slot.fairStatus,
      slotStartsAt: slot.startsAt,
      slotWithdrawn: slot.withdrawnAt !== null,
      slotBooked: counts.slotBooked,
      slotHeldForOther: heldActive && slot.heldFor !== head.seekerId,
      noShowsInFair: counts.noShows,
      upcomingConfirmedInFair: counts.upcoming,
      upcomingLimit: slot.limit,
      overlapsOwnConfirmed: counts.overlaps,
      replacedBookingGone: head.replacesId !== null && !replacing,
    });

    const reason = decision.status === 'rejected' ? decision.reason : null;
    const message = decision.status === 'rejected' ? decision.message : null;
    let cancelledOld: CoachingBookingEntity | undefined;
    if (decision.status === 'confirmed' && replacing) {
      // First, so that the seeker's no-overlap constraint sees one confirmed booking at every moment of the transaction.
      [cancelledOld] = rowsOf<CoachingBookingEntity>(
        await m.query(
          `UPDATE coaching_bookings SET status = 'cancelled', cancelled_at = $2, cancelled_by = $3, replaced_by_booking_id = $4
            WHERE id = $1 AND status = 'confirmed' RETURNING ${BOOKING_COLUMNS}`,
          [replacing.id, now, head.seekerId, bookingId],
        ),
      );
    }
    const [booking] = rowsOf<CoachingBookingEntity>(
      await m.query(
        `UPDATE coaching_bookings SET status = $2, reason = $3, reason_message = $4, decided_at = $5
          WHERE id = $1 AND status = 'pending' RETURNING ${BOOKING_COLUMNS}`,
        [bookingId, decision.status, reason, message, now],
      ),
    );
    const events: NewDomainEvent[] = [];
    if (cancelledOld) {
      events.push(domainEvent('booking.cancelled', { ...bookingFacts(cancelledOld), cancelledBy: 'seeker', rescheduledTo: bookingId }));
    }
    events.push(
      booking.status === 'confirmed'
        ? domainEvent('booking.confirmed', { ...bookingFacts(booking), ...(cancelledOld ? { rescheduledFrom: cancelledOld.id } : {}) })
        : domainEvent('booking.rejected', { ...bookingFacts(booking), reason: booking.reason, message: booking.reasonMessage }),
    );
    await appendDomainEvents(m, events);
    if (decision.status === 'confirmed' && slot.heldFor === head.seekerId) {
      // The waiter took the slot offered to them: the hold is spent.
      await m.query(`UPDATE coaching_slots SET held_for_seeker_id = NULL, held_until = NULL, hold_entry_id = NULL WHERE id = $1`, [head.slotId]);
      if (slot.holdEntryId) await m.query(`UPDATE coaching_waitlist SET status = 'accepted' WHERE id = $1`, [slot.holdEntryId]);
    }
    return { outcome: 'decided', booking, ...(cancelledOld ? { replaced: cancelledOld } : {}) };
  }

  /** A decision taken earlier; with the booking it replaced, when it was a confirmed rescheduling. */
  private async alreadyDecided(m: EntityManager, bookingId: string): Promise<DecideResult> {
    const booking = (await this.findIn(m, bookingId))!;
    if (booking.status !== 'confirmed' || !booking.replacesBookingId) return { outcome: 'already_decided', booking };
    const old = await this.findIn(m, booking.replacesBookingId);
    return { outcome: 'already_decided', booking, ...(old?.replacedByBookingId === booking.id ? { replaced: old } : {}) };
  }

  private async rejectPending(bookingId: string, now: Date, reason: RejectionReason): Promise<DecideResult> {
    const booking = await this.updateWithEvents(
      `UPDATE coaching_bookings SET status = 'rejected', reason = $2, decided_at = $3
        WHERE id = $1 AND status = 'pending' RETURNING ${BOOKING_COLUMNS}`,
      [bookingId, reason, now],
      (b) => [domainEvent('booking.rejected', { ...bookingFacts(b), reason: b.reason, message: b.reasonMessage })],
    );
    if (booking) return { outcome: 'decided', booking };
    const current = await this.findById(bookingId);
    return current ? { outcome: 'already_decided', booking: current } : { outcome: 'missing' };
  }

  /** Runs an UPDATE … RETURNING of one booking and, when it changed one, appends its events in the same transaction. */
  private updateWithEvents(sql: string, params: unknown[], eventsFor: (b: CoachingBookingEntity) => NewDomainEvent[]): Promise<CoachingBookingEntity | null> {
    return this.dataSource.transaction(async (m) => {
      const [booking] = rowsOf<CoachingBookingEntity>(await m.query(sql, params));
      if (!booking) return null;
      await appendDomainEvents(m, eventsFor(booking));
      return booking;
    });
  }

  /** Cancels a confirmed booking until `cutoffMs` before its start; locks the slot first, like every writer. */
  async cancelConfirmed(bookingId: string, byUserId: string, now: Date, cutoffMs: number): Promise<CancelResult> {
    return this.dataSource.transaction(async (m) => {
      const [head] = (await m.query(`SELECT slot_id AS "slotId" FROM coaching_bookings WHERE id = $1`, [bookingId])) as { slotId: string }[];
      if (!head) return { outcome: 'not_found' } as const;
      await m.query(`SELECT 1 FROM coaching_slots WHERE id = $1 FOR UPDATE`, [head.slotId]);
      const booking = (await this.findIn(m, bookingId, true))!;
      if (booking.status !== 'confirmed') return { outcome: 'not_cancellable' } as const;
      if (booking.startsAt.getTime() - cutoffMs <= now.getTime()) return { outcome: 'cutoff_passed' } as const;
      const [cancelled] = rowsOf<CoachingBookingEntity>(
        await m.query(
          `UPDATE coaching_bookings SET status = 'cancelled', cancelled_at = $2, cancelled_by = $3
            WHERE id = $1 AND status = 'confirmed' RETURNING ${BOOKING_COLUMNS}`,
          [bookingId, now, byUserId],
        ),
      );
      await appendDomainEvents(m, [
        domainEvent('booking.cancelled', { ...bookingFacts(cancelled), cancelledBy: byUserId === cancelled.seekerId ? 'seeker' : 'coach' }),
      ]);
      return { outcome: 'cancelled', booking: cancelled } as const;
    });
  }

  /**
   * Cancels every upcoming confirmed booking of the seeker (their account is being deleted), inside the caller's
   * transaction: slots are locked first, like every writer, and each `booking.cancelled` commits with it, so the
   * coach is told and the slot goes to the waitlist. Sessions already held stay as they were.
   */
  async cancelUpcomingOfSeekerIn(m: EntityManager, seekerId: string, now: Date, reason: string): Promise<number> {
    const slots = (await m.query(
      `SELECT s.id FROM coaching_slots s JOIN coaching_bookings b ON b.slot_id = s.id
        WHERE b.seeker_id = $1 AND b.status = 'confirmed' AND b.starts_at > $2
        ORDER BY s.id FOR UPDATE OF s`,
      [seekerId, now],
    )) as { id: string }[];
    if (!slots.length) return 0;
    const cancelled = rowsOf<CoachingBookingEntity>(
      await m.query(
        `UPDATE coaching_bookings SET status = 'cancelled', cancelled_at = $3, cancelled_by = $2
          WHERE slot_id = ANY($1::uuid[]) AND seeker_id = $2 AND status = 'confirmed' AND starts_at > $3
          RETURNING ${BOOKING_COLUMNS}`,
        [slots.map((r) => r.id), seekerId, now],
      ),
    );
    await appendDomainEvents(
      m,
      cancelled.map((b) => domainEvent('booking.cancelled', { ...bookingFacts(b), cancelledBy: 'seeker', reason })),
    );
    return cancelled.length;
  }

  /**
   * Cancels the seeker's upcoming interview bookings at the booth once none of their applications there is in the
   * interview stage any more (the application moved on, was rejected or withdrawn). Slots are locked first, like
   * every writer; each cancellation's `booking.cancelled` commits with it. Returns how many it cancelled.
   */
  async cancelInterviewsWithoutStage(seekerId: string, boothId: string, now: Date, reason: string): Promise<number> {
    return this.dataSource.transaction(async (m) => {
      const slots = (await m.query(
        `SELECT s.id FROM coaching_slots s JOIN coaching_bookings b ON b.slot_id = s.id
          WHERE s.booth_id = $1 AND b.seeker_id = $2 AND b.kind = 'interview' AND b.status = 'confirmed' AND b.starts_at > $3
          ORDER BY s.id FOR UPDATE OF s`,
        [boothId, seekerId, now],
      )) as { id: string }[];
      if (!slots.length) return 0;
      const cancelled = rowsOf<CoachingBookingEntity>(
        await m.query(
          `UPDATE coaching_bookings SET status = 'cancelled', cancelled_at = $3
            WHERE slot_id = ANY($1::uuid[]) AND seeker_id = $2 AND kind = 'interview' AND status = 'confirmed' AND starts_at > $3
              AND NOT EXISTS (SELECT 1 FROM applications WHERE seeker_id = $2 AND booth_id = $4 AND status = 'interview')
              -- A slot offered in a booth chat was booked on that offer, not on an application's stage.
              AND NOT EXISTS (SELECT 1 FROM chat_slot_offers o WHERE o.slot_id = coaching_bookings.slot_id AND o.seeker_id = $2)
            RETURNING ${BOOKING_COLUMNS}`,
          [slots.map((r) => r.id), seekerId, now, boothId],
        ),
      );
      await appendDomainEvents(
        m,
        cancelled.map((b) => domainEvent('booking.cancelled', { ...bookingFacts(b), cancelledBy: 'system', reason })),
      );
      return cancelled.length;
    });
  }

  /** The one running the session records how it went, once it has started. */
  async markSessionOutcome(
    bookingId: string,
    outcome: 'completed' | 'no_show',
    feedback: string | null,
    now: Date,
  ): Promise<MarkResult> {
    const current = await this.findById(bookingId);
    if (!current) return { outcome: 'not_found' };
    if (current.status !== 'confirmed') return { outcome: 'not_markable' };
    if (current.startsAt > now) return { outcome: 'not_started' };
    const booking = await this.updateWithEvents(
      `UPDATE coaching_bookings SET status = $2, feedback = $3, completed_at = $4
        WHERE id = $1 AND status = 'confirmed' RETURNING ${BOOKING_COLUMNS}`,
      [bookingId, outcome, feedback, now],
      (b) => [outcome === 'completed' ? domainEvent('booking.completed', { ...bookingFacts(b), auto: false }) : domainEvent('booking.no_show', bookingFacts(b))],
    );
    return booking ? { outcome: 'marked', booking } : { outcome: 'not_markable' };
  }

  /** Records a reminder as sent; null when the booking is no longer confirmed, has started, or already had it. */
  async markReminderSent(bookingId: string, offsetMinutes: number, now: Date): Promise<CoachingBookingEntity | null> {
    return this.updateWithEvents(
      `UPDATE coaching_bookings SET reminders_sent = array_append(reminders_sent, $2::int)
        WHERE id = $1 AND status = 'confirmed' AND starts_at > $3 AND NOT ($2::int = ANY (reminders_sent))
        RETURNING ${BOOKING_COLUMNS}`,
      [bookingId, offsetMinutes, now],
      (b) => [
        domainEvent('booking.reminded', {
          ...bookingFacts(b),
          minutesBefore: offsetMinutes,
          minutesLeft: Math.max(0, Math.round((b.startsAt.getTime() - now.getTime()) / 60_000)),
        }),
      ],
    );
  }

  /** Opens the session once; null when the booking is no longer confirmed or it is already open. */
  async markSessionOpened(bookingId: string, now: Date): Promise<CoachingBookingEntity | null> {
    return this.updateWithEvents(
      `UPDATE coaching_bookings SET session_opened_at = $2
        WHERE id = $1 AND status = 'confirmed' AND session_opened_at IS NULL RETURNING ${BOOKING_COLUMNS}`,
      [bookingId, now],
      (b) => [domainEvent('booking.session_opened', bookingFacts(b))],
    );
  }

  /**
   * The seeker shows (or stops showing) their resume to the coach of a coaching booking that is pending, confirmed
   * or completed; `booking.resume_sharing_changed` with the change. null when it is not the seeker's such booking.
   */
  async setResumeShared(bookingId: string, seekerId: string, shared: boolean): Promise<CoachingBookingEntity | 'not_found' | 'not_shareable'> {
    const current = await this.findById(bookingId);
    if (!current || current.seekerId !== seekerId) return 'not_found';
    if (current.kind !== 'coaching' || !(RESUME_SHARING_STATUS_LIST as readonly string[]).includes(current.status)) return 'not_shareable';
    if (current.resumeShared === shared) return current;
    const booking = await this.updateWithEvents(
      `UPDATE coaching_bookings SET resume_shared = $3
        WHERE id = $1 AND seeker_id = $2 AND kind = 'coaching' AND status IN ${RESUME_SHARING_STATUSES} AND resume_shared <> $3
        RETURNING ${BOOKING_COLUMNS}`,
      [bookingId, seekerId, shared],
      (b) => [domainEvent('booking.resume_sharing_changed', { ...bookingFacts(b), shared })],
    );
    // Lost a race with another change: what it is now.
    return booking ?? (await this.findById(bookingId)) ?? 'not_found';
  }

  /** Completes a session nobody marked; null when it was marked, cancelled or has not ended. */
  async completeUnmarked(bookingId: string, now: Date): Promise<CoachingBookingEntity | null> {
    return this.updateWithEvents(
      `UPDATE coaching_bookings SET status = 'completed', completed_at = $2
        WHERE id = $1 AND status = 'confirmed' AND ends_at <= $2 RETURNING ${BOOKING_COLUMNS}`,
      [bookingId, now],
      (b) => [domainEvent('booking.completed', { ...bookingFacts(b), auto: true })],
    );
  }

  private async findIn(m: EntityManager, bookingId: string, forUpdate = false): Promise<CoachingBookingEntity | null> {
    const rows = await m.query(`SELECT ${BOOKING_COLUMNS} FROM coaching_bookings WHERE id = $1 ${forUpdate ? 'FOR UPDATE' : ''}`, [bookingId]);
    return (rows[0] as CoachingBookingEntity | undefined) ?? null;
  }
}
