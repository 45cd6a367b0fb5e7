import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CoachingWaitlistEntryEntity } from '../entities/coaching-waitlist-entry.entity';
import { isUniqueViolation } from '../pg-errors';
import { domainEvent } from '@bisang/contracts';
import { appendDomainEvents } from './domain-events.repository';
import { rowsOf } from './sql-rows';

const ENTRY_COLUMNS = `id, fair_id AS "fairId", coach_id AS "coachId", seeker_id AS "seekerId", to_char(day, 'YYYY-MM-DD') AS day, status,
  offered_slot_id AS "offeredSlotId", offer_expires_at AS "offerExpiresAt", created_at AS "createdAt"`;

export interface SlotOffer {
  entryId: string;
  seekerId: string;
  slotId: string;
  startsAt: Date;
  endsAt: Date;
  expiresAt: Date;
}

export type LeaveResult =
  | { outcome: 'left'; entry: CoachingWaitlistEntryEntity; releasedSlotId: string | null }
  | { outcome: 'not_found' | 'closed' };

@Injectable()
export class CoachingWaitlistRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Adds the seeker to the coach's waitlist for that day; null when they are already on it. */
  async joinWaitlist(entry: { fairId: string; coachId: string; seekerId: string; day: string }): Promise<CoachingWaitlistEntryEntity | null> {
    try {
      const rows = await this.dataSource.query(
        `INSERT INTO coaching_waitlist (fair_id, coach_id, seeker_id, day) VALUES ($1, $2, $3, $4) RETURNING ${ENTRY_COLUMNS}`,
        [entry.fairId, entry.coachId, entry.seekerId, entry.day],
      );
      return rowsOf<CoachingWaitlistEntryEntity>(rows)[0];
    } catch (err) {
      if (isUniqueViolation(err, 'coaching_waitlist_one_active')) return null;
      throw err;
    }
  }

  /**
   * The seeker leaves a waiting or offered entry of theirs. An offered hold is released in the same
   * transaction (slot row locked first, like every writer of a hold), so the slot can pass to the next waiter.
   */
  async leaveWaitlist(entryId: string, seekerId: string, fairId: string): Promise<LeaveResult> {
    for (;;) {
      const result = await this.leaveOnce(entryId, seekerId, fairId);
      if (result !== 'offer_changed') return result;
    }
  }

  private leaveOnce(entryId: string, seekerId: string, fairId: string): Promise<LeaveResult | 'offer_changed'> {
    return this.dataSource.transaction(async (m) => {
      const [head] = (await m.query(`SELECT offered_slot_id AS "slotId" FROM coaching_waitlist WHERE id = $1 AND seeker_id = $2 AND fair_id = $3`, [
        entryId,
        seekerId,
        fairId,
      ])) as { slotId: string | null }[];
      if (!head) return { outcome: 'not_found' } as const;
      if (head.slotId) await m.query(`SELECT 1 FROM coaching_slots WHERE id = $1 FOR UPDATE`, [head.slotId]);
      const [locked] = (await m.query(`SELECT status, offered_slot_id AS "slotId" FROM coaching_waitlist WHERE id = $1 FOR UPDATE`, [
        entryId,
      ])) as { status: string; slotId: string | null }[];
      // Offered a slot between the two reads: start again, so that the slot is locked before the entry.
      if (locked.slotId && locked.slotId !== head.slotId) return 'offer_changed' as const;
      if (locked.status !== 'waiting' && locked.status !== 'offered') return { outcome: 'closed' } as const;
      const [entry] = rowsOf<CoachingWaitlistEntryEntity>(
        await m.query(`UPDATE coaching_waitlist SET status = 'left' WHERE id = $1 RETURNING ${ENTRY_COLUMNS}`, [entryId]),
      );
      let releasedSlotId: string | null = null;
      if (locked.status === 'offered' && head.slotId) {
        const released = rowsOf(
          await m.query(
            `UPDATE coaching_slots SET held_for_seeker_id = NULL, held_until = NULL, hold_entry_id = NULL
              WHERE id = $1 AND hold_entry_id = $2 RETURNING id`,
            [head.slotId, entryId],
          ),
        );
        if (released.length) {
          releasedSlotId = head.slotId;
          await appendDomainEvents(m, [domainEvent('waitlist.hold_released', { slotId: head.slotId, entryId, fairId })]);
        }
      }
      return { outcome: 'left', entry, releasedSlotId } as const;
    });
  }

  /** A seeker's waitlist entries, newest first (keyset on created_at, id). */
  findForSeekerPage(seekerId: string, limit: number, after?: { createdAt: Date; id: string }): Promise<CoachingWaitlistEntryEntity[]> {
    const params: unknown[] = [seekerId];
    let where = '';
    if (after) {
      params.push(after.createdAt, after.id);
      where = `AND (created_at, id) < ($2, $3)`;
    }
    params.push(limit + 1);
    return this.dataSource.query(
      `SELECT ${ENTRY_COLUMNS} FROM coaching_waitlist WHERE seeker_id = $1 ${where} ORDER BY created_at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
  }

  /**
   * Holds a free future slot for the first waiter of its coach's day (in the fair's time zone) until
   * `now + holdMs`. Null when the slot is not free (booked, held, withdrawn, started) or nobody waits.
   */
  async holdSlotForNextWaiter(slotId: string, now: Date, holdMs: number): Promise<SlotOffer | null> {
    return this.dataSource.transaction(async (m) => {
      const [slot] = (await m.query(
        `SELECT s.id, s.coach_id AS "coachId", s.fair_id AS "fairId", s.starts_at AS "startsAt", s.ends_at AS "endsAt",
                (s.starts_at AT TIME ZONE f.timezone)::date AS day,
                s.withdrawn_at AS "withdrawnAt", s.held_until AS "heldUntil"
           FROM coaching_slots s JOIN fairs f ON f.id = s.fair_id
          WHERE s.id = $1 FOR UPDATE OF s`,
        [slotId],
      )) as { id: string; coachId: string; fairId: string; startsAt: Date; endsAt: Date; day: string; withdrawnAt: Date | null; heldUntil: Date | null }[];
      if (!slot || slot.withdrawnAt || slot.startsAt <= now || (slot.heldUntil && slot.heldUntil > now)) return null;
      const [booked] = await m.query(
        `SELECT 1 FROM coaching_bookings WHERE slot_id = $1 AND status IN ('confirmed', 'completed', 'no_show') LIMIT 1`,
        [slotId],
      );
      if (booked) return null;
      const [next] = (await m.query(
        `SELECT id, seeker_id AS "seekerId" FROM coaching_waitlist
          WHERE coach_id = $1 AND day = (SELECT (s.starts_at AT TIME ZONE f.timezone)::date FROM coaching_slots s JOIN fairs f ON f.id = s.fair_id WHERE s.id = $2)
            AND status = 'waiting'
          ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
        [slot.coachId, slotId],
      )) as { id: string; seekerId: string }[];
      if (!next) {
        await m.query(`UPDATE coaching_slots SET held_for_seeker_id = NULL, held_until = NULL, hold_entry_id = NULL WHERE id = $1`, [slotId]);
        return null;
      }
      const expiresAt = new Date(now.getTime() + holdMs);
      await m.query(`UPDATE coaching_waitlist SET status = 'offered', offered_slot_id = $2, offer_expires_at = $3 WHERE id = $1`, [
        next.id,
        slotId,
        expiresAt,
      ]);
      await m.query(`UPDATE coaching_slots SET held_for_seeker_id = $2, held_until = $3, hold_entry_id = $4 WHERE id = $1`, [
        slotId,
        next.seekerId,
        expiresAt,
        next.id,
      ]);
      await appendDomainEvents(m, [
        domainEvent('waitlist.offered', {
          slotId,
          entryId: next.id,
          seekerId: next.seekerId,
          fairId: slot.fairId,
          startsAt: slot.startsAt.toISOString(),
          endsAt: slot.endsAt.toISOString(),
          expiresAt: expiresAt.toISOString(),
        }),
      ]);
      return { entryId: next.id, seekerId: next.seekerId, slotId, startsAt: slot.startsAt, endsAt: slot.endsAt, expiresAt };
    });
  }

  /** Ends an unanswered offer: the entry expires and the hold is released. False when the offer was already answered or replaced. */
  async expireOffer(slotId: string, entryId: string): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      const [slot] = (await m.query(`SELECT hold_entry_id AS "holdEntryId" FROM coaching_slots WHERE id = $1 FOR UPDATE`, [slotId])) as {
        holdEntryId: string | null;
      }[];
      const expired = rowsOf(
        await m.query(`UPDATE coaching_waitlist SET status = 'expired' WHERE id = $1 AND status = 'offered' RETURNING id`, [entryId]),
      );
      if (slot?.holdEntryId === entryId) {
        await m.query(`UPDATE coaching_slots SET held_for_seeker_id = NULL, held_until = NULL, hold_entry_id = NULL WHERE id = $1`, [slotId]);
      }
      return expired.length > 0;
    });
  }
}
