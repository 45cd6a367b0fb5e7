import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CoachingSlotEntity, SlotKind } from '../entities/coaching-slot.entity';
import { isExclusionViolation } from '../pg-errors';
import { rowsOf } from './sql-rows';

export interface NewSlots {
  fairId: string;
  coachId: string;
  kind: SlotKind;
  boothId: string | null;
  windows: { startsAt: Date; endsAt: Date }[];
}

export interface SlotListFilter {
  /** A fair's slots, or a booth's (interview) slots. */
  fairId?: string;
  boothId?: string;
  kind?: SlotKind;
  now: Date;
  from?: Date;
  to?: Date;
  coachId?: string;
  available?: boolean;
  after?: { startsAt: Date; id: string };
  limit: number;
}

export interface SlotListRow {
  id: string;
  coachId: string;
  kind: SlotKind;
  boothId: string | null;
  startsAt: Date;
  endsAt: Date;
  available: boolean;
  /** The coach's display name. */
  coachName: string;
}

export type WithdrawOutcome = { outcome: 'withdrawn'; slot: CoachingSlotEntity } | { outcome: 'not_found' | 'booked' | 'already_withdrawn' };

const SLOT_COLUMNS = `id, fair_id AS "fairId", coach_id AS "coachId", kind, booth_id AS "boothId", starts_at AS "startsAt",
  ends_at AS "endsAt", withdrawn_at AS "withdrawnAt", held_for_seeker_id AS "heldForSeekerId", held_until AS "heldUntil",
  hold_entry_id AS "holdEntryId", created_at AS "createdAt"`;

/** A slot is available when it is live, in the future, not booked and not held for a waiter. */
const AVAILABLE = `(s.starts_at > $2 AND (s.held_until IS NULL OR s.held_until <= $2) AND NOT EXISTS (
  SELECT 1 FROM coaching_bookings b WHERE b.slot_id = s.id AND b.status IN ('confirmed', 'completed', 'no_show')))`;

@Injectable()
export class CoachingSlotsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts every slot or none; 'overlap' when one would overlap the person's own live slots. */
  async createSlots(input: NewSlots): Promise<CoachingSlotEntity[] | 'overlap'> {
    if (input.windows.length === 0) return [];
    const params: unknown[] = [input.fairId, input.coachId, input.kind, input.boothId];
    const values = input.windows.map((w) => {
      params.push(w.startsAt, w.endsAt);
      return `($1, $2, $3, $4, $${params.length - 1}, $${params.length})`;
    });
    try {
      const rows = await this.dataSource.query(
        `INSERT INTO coaching_slots (fair_id, coach_id, kind, booth_id, starts_at, ends_at)
         VALUES ${values.join(', ')} RETURNING ${SLOT_COLUMNS}`,
        params,
      );
      return rowsOf<CoachingSlotEntity>(rows);
    } catch (err) {
      if (isExclusionViolation(err, 'coaching_slots_coach_no_overlap')) return 'overlap';
      throw err;
    }
  }

  /** Whether this person runs any slot in the fair (withdrawn ones included). */
  async hasSlotsInFair(fairId: string, coachId: string): Promise<boolean> {
    const rows = await this.dataSource.query(`SELECT 1 FROM coaching_slots WHERE fair_id = $1 AND coach_id = $2 LIMIT 1`, [fairId, coachId]);
    return rows.length > 0;
  }

  async findSlot(slotId: string): Promise<CoachingSlotEntity | null> {
    const rows = await this.dataSource.query(`SELECT ${SLOT_COLUMNS} FROM coaching_slots WHERE id = $1`, [slotId]);
    return (rows[0] as CoachingSlotEntity | undefined) ?? null;
  }

  /** Live slots of a fair in (startsAt, id) order, one more than `limit` to tell whether a next page exists. */
  async findSlotsPage(filter: SlotListFilter): Promise<SlotListRow[]> {
    const params: unknown[] = [filter.fairId ?? null, filter.now];
    const where = [
      '($1::uuid IS NULL OR s.fair_id = $1)',
      's.withdrawn_at IS NULL',
      // A coach's slots show only while the coach is approved for the fair.
      `(s.kind <> 'coaching' OR EXISTS (
         SELECT 1 FROM fair_coaches fc WHERE fc.fair_id = s.fair_id AND fc.coach_id = s.coach_id AND fc.status = 'approved'))`,
    ];
    if (filter.boothId) {
      params.push(filter.boothId);
      where.push(`s.booth_id = $${params.length}`);
    }
    if (filter.kind) {
      params.push(filter.kind);
      where.push(`s.kind = $${params.length}`);
    }
    if (filter.from) {
      params.push(filter.from);
      where.push(`s.starts_at >= $${params.length}`);
    }
    if (filter.to) {
      params.push(filter.to);
      where.push(`s.starts_at < $${params.length}`);
    }
    if (filter.coachId) {
      params.push(filter.coachId);
      where.push(`s.coach_id = $${params.length}`);
    }
    if (filter.available !== undefined) where.push(filter.available ? AVAILABLE : `NOT ${AVAILABLE}`);
    if (filter.after) {
      params.push(filter.after.startsAt, filter.after.id);
      where.push(`(s.starts_at, s.id) > ($${params.length - 1}, $${params.length})`);
    }
    params.push(filter.limit + 1);
    return this.dataSource.query(
      `SELECT s.id, s.coach_id AS "coachId", s.kind, s.booth_id AS "boothId", s.starts_at AS "startsAt", s.ends_at AS "endsAt", ${AVAILABLE} AS available,
              u.name AS "coachName"
         FROM coaching_slots s JOIN users u ON u.id = s.coach_id
        WHERE ${where.join(' AND ')}
        ORDER BY s.starts_at, s.id
        LIMIT $${params.length}`,
      params,
    );
  }

  /** Withdraws an unbooked slot of this person; the slot row lock orders it against a confirming booking. */
  async withdrawUnbookedSlot(slotId: string, coachId: string, now: Date): Promise<WithdrawOutcome> {
    return this.dataSource.transaction(async (m) => {
      const [slot] = (await m.query(`SELECT ${SLOT_COLUMNS} FROM coaching_slots WHERE id = $1 AND coach_id = $2 FOR UPDATE`, [
        slotId,
        coachId,
      ])) as CoachingSlotEntity[];
      if (!slot) return { outcome: 'not_found' } as const;
      if (slot.withdrawnAt) return { outcome: 'already_withdrawn' } as const;
      const [booked] = await m.query(
        `SELECT 1 FROM coaching_bookings WHERE slot_id = $1 AND status IN ('confirmed', 'completed', 'no_show') LIMIT 1`,
        [slotId],
      );
      if (booked) return { outcome: 'booked' } as const;
      const updated = rowsOf<CoachingSlotEntity>(
        await m.query(
          `UPDATE coaching_slots SET withdrawn_at = $2, held_for_seeker_id = NULL, held_until = NULL, hold_entry_id = NULL
            WHERE id = $1 RETURNING ${SLOT_COLUMNS}`,
          [slotId, now],
        ),
      );
      if (slot.holdEntryId) {
        await m.query(`UPDATE coaching_waitlist SET status = 'waiting', offered_slot_id = NULL, offer_expires_at = NULL WHERE id = $1 AND status = 'offered'`, [
          slot.holdEntryId,
        ]);
      }
      return { outcome: 'withdrawn', slot: updated[0] } as const;
    });
  }
}
