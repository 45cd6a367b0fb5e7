import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { domainEvent } from '@bisang/contracts';
import { appendDomainEvents } from './domain-events.repository';
import { rowsOf } from './sql-rows';

export type FairCoachStatus = 'pending' | 'approved';

export interface FairCoachRow {
  coachId: string;
  name: string;
  email: string;
  status: FairCoachStatus;
  requestedAt: Date;
  approvedAt: Date | null;
}

/** Which coaches may coach in which fair: a coach asks to join, an organizer approves. */
@Injectable()
export class FairCoachesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The coach asks to coach in the fair; asking again changes nothing. Answers the coach's status there. */
  async requestToJoin(fairId: string, coachId: string): Promise<FairCoachStatus> {
    return this.dataSource.transaction(async (m) => {
      const inserted = rowsOf<{ status: FairCoachStatus }>(
        await m.query(
          `INSERT INTO fair_coaches (fair_id, coach_id, status) VALUES ($1, $2, 'pending') ON CONFLICT DO NOTHING RETURNING status`,
          [fairId, coachId],
        ),
      );
      // Only a first request is news to the organizers: asking again changes nothing.
      if (inserted.length === 1) await appendDomainEvents(m, [domainEvent('fair.coach_requested', { fairId, coachId })]);
      const [row] = rowsOf<{ status: FairCoachStatus }>(await m.query(`SELECT status FROM fair_coaches WHERE fair_id = $1 AND coach_id = $2`, [fairId, coachId]));
      return row?.status ?? 'pending';
    });
  }

  /** Approves a coach (who asked or not) for the fair; false when the user is not a coach. */
  async approve(fairId: string, coachId: string, organizerId: string | null, now: Date): Promise<{ approvedAt: Date } | null> {
    return this.dataSource.transaction(async (m) => {
      const [row] = rowsOf<{ approvedAt: Date; previous: FairCoachStatus | null }>(
        await m.query(
          `WITH prev AS (SELECT status FROM fair_coaches WHERE fair_id = $1 AND coach_id = $2 FOR UPDATE)
           INSERT INTO fair_coaches (fair_id, coach_id, status, approved_at, approved_by)
           SELECT $1, u.id, 'approved', $4, $3 FROM users u WHERE u.id = $2 AND u.role = 'coach'
           ON CONFLICT (fair_id, coach_id) DO UPDATE
             SET status = 'approved',
                 approved_at = COALESCE(fair_coaches.approved_at, EXCLUDED.approved_at),
                 approved_by = COALESCE(fair_coaches.approved_by, EXCLUDED.approved_by)
           RETURNING approved_at AS "approvedAt", (SELECT status FROM prev) AS previous`,
          [fairId, coachId, organizerId, now],
        ),
      );
      if (!row) return null;
      // An approval of an approved coach changes nothing and says nothing.
      if (row.previous !== 'approved') await appendDomainEvents(m, [domainEvent('fair.coach_approved', { fairId, coachId, approvedBy: organizerId })]);
      return { approvedAt: row.approvedAt };
    });
  }

  async statusOf(fairId: string, coachId: string): Promise<FairCoachStatus | null> {
    const [row] = rowsOf<{ status: FairCoachStatus }>(
      await this.dataSource.query(`SELECT status FROM fair_coaches WHERE fair_id = $1 AND coach_id = $2`, [fairId, coachId]),
    );
    return row?.status ?? null;
  }

  async isApproved(fairId: string, coachId: string): Promise<boolean> {
    return (await this.statusOf(fairId, coachId)) === 'approved';
  }

  /** The fair's coaches (pending first, then approved), at most 500. */
  async listForFair(fairId: string, status?: FairCoachStatus): Promise<FairCoachRow[]> {
    return rowsOf<FairCoachRow>(
      await this.dataSource.query(
        `SELECT fc.coach_id AS "coachId", u.name, u.email, fc.status, fc.requested_at AS "requestedAt", fc.approved_at AS "approvedAt"
           FROM fair_coaches fc JOIN users u ON u.id = fc.coach_id
          WHERE fc.fair_id = $1 AND ($2::text IS NULL OR fc.status = $2)
          ORDER BY fc.status DESC, fc.requested_at, fc.coach_id
          LIMIT 500`,
        [fairId, status ?? null],
      ),
    );
  }
}
