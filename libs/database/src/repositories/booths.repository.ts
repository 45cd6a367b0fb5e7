import { clock } from '@bisang/common';
import { domainEvent } from '@bisang/contracts';
import { appendDomainEvents } from './domain-events.repository';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BoothEntity } from '../entities/booth.entity';
import { isUniqueViolation } from '../pg-errors';
import { AppendedEvent, appendFairEvent } from './fair-events.repository';
import { POSTING_VIEW_SELECT, toPostingView } from './posting-view';
import { rowsOf } from './sql-rows';

export interface BoothView extends BoothEntity {
  companyName: string;
}

export type ApproveOutcome =
  | { outcome: 'approved'; booth: BoothEntity; events: AppendedEvent[] }
  | { outcome: 'already_approved'; booth: BoothEntity }
  | { outcome: 'no_hiring_intent' }
  | { outcome: 'not_found' };

/** A posting shows hiring intent when it is published, not past its closing time, and has openings left. */
const HIRING_INTENT = `p.booth_id = b.id AND p.status = 'published' AND p.openings > 0 AND (p.closes_at IS NULL OR p.closes_at > $2)`;

@Injectable()
export class BoothsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(BoothEntity);
  }

  /** A pending booth; null when the company already has one in this fair. */
  async createUnlessExists(booth: Pick<BoothEntity, 'fairId' | 'companyId' | 'headline' | 'description'>): Promise<BoothEntity | null> {
    try {
      return await this.repo.save(this.repo.create({ ...booth, status: 'pending' }));
    } catch (err) {
      if (isUniqueViolation(err, 'booths_one_per_company_per_fair')) return null;
      throw err;
    }
  }

  findById(id: string): Promise<BoothEntity | null> {
    return this.repo.findOneBy({ id });
  }

  async findView(id: string): Promise<BoothView | null> {
    const rows = await this.views().where('b.id = :id', { id }).getRawAndEntities();
    return rows.entities[0] ? { ...rows.entities[0], companyName: rows.raw[0].company_name } : null;
  }

  /** Whether the user is staff of the company that runs the booth. */
  async isStaff(boothId: string, userId: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      `SELECT 1 FROM booths b JOIN company_staff s ON s.company_id = b.company_id WHERE b.id = $1 AND s.user_id = $2`,
      [boothId, userId],
    );
    return rows.length > 0;
  }

  async listApproved(fairId: string, limit: number, after?: { createdAt: string; id: string }): Promise<BoothView[]> {
    const qb = this.views()
      .where(`b.fair_id = :fairId AND b.status = 'approved'`, { fairId })
      .orderBy('b.created_at', 'ASC')
      .addOrderBy('b.id', 'ASC')
      .limit(limit + 1);
    if (after) qb.andWhere('(b.created_at, b.id) > (:createdAt, :id)', after);
    const rows = await qb.getRawAndEntities();
    return rows.entities.map((e, i) => ({ ...e, companyName: rows.raw[i].company_name }));
  }

  /** Booths, in any status, of the companies the user is staff of; optionally of one fair. Oldest first. */
  async listForStaff(userId: string, fairId?: string): Promise<BoothView[]> {
    const qb = this.views()
      .innerJoin('company_staff', 's', 's.company_id = b.company_id AND s.user_id = :userId', { userId })
      .orderBy('b.created_at', 'ASC')
      .addOrderBy('b.id', 'ASC')
      .limit(200);
    if (fairId) qb.where('b.fair_id = :fairId', { fairId });
    const rows = await qb.getRawAndEntities();
    return rows.entities.map((e, i) => ({ ...e, companyName: rows.raw[i].company_name }));
  }

  /** Booths of one fair in any status (organizers' review queue). */
  async listForReview(fairId: string, status: string | undefined, limit: number, after?: { createdAt: string; id: string }): Promise<BoothView[]> {
    const qb = this.views().where('b.fair_id = :fairId', { fairId }).orderBy('b.created_at', 'ASC').addOrderBy('b.id', 'ASC').limit(limit + 1);
    if (status) qb.andWhere('b.status = :status', { status });
    if (after) qb.andWhere('(b.created_at, b.id) > (:createdAt, :id)', after);
    const rows = await qb.getRawAndEntities();
    return rows.entities.map((e, i) => ({ ...e, companyName: rows.raw[i].company_name }));
  }

  /**
   * Approves a booth that shows current hiring intent, and puts its visible postings on the fair's feed,
   * all in one transaction (the booth row is locked so two approvals cannot both write events).
   */
  approve(id: string, now: Date): Promise<ApproveOutcome> {
    return this.dataSource.transaction(async (m) => {
      const [locked] = await m.query(`SELECT id, status FROM booths WHERE id = $1 FOR UPDATE`, [id]);
      if (!locked) return { outcome: 'not_found' as const };
      if (locked.status === 'approved') {
        return { outcome: 'already_approved' as const, booth: await m.getRepository(BoothEntity).findOneByOrFail({ id }) };
      }
      const intent = await m.query(`SELECT 1 FROM booths b WHERE b.id = $1 AND EXISTS (SELECT 1 FROM postings p WHERE ${HIRING_INTENT})`, [id, clock.now()]);
      if (!intent.length) return { outcome: 'no_hiring_intent' as const };
      await m.query(`UPDATE booths SET status = 'approved', decided_at = $2, rejection_reason = NULL WHERE id = $1`, [id, now]);
      const booth = await m.getRepository(BoothEntity).findOneByOrFail({ id });
      const [company] = await m.query(`SELECT name FROM companies WHERE id = $1`, [booth.companyId]);
      const visible: Record<string, unknown>[] = await m.query(
        `SELECT ${POSTING_VIEW_SELECT} FROM postings p JOIN booths b ON b.id = p.booth_id JOIN companies c ON c.id = p.company_id
          WHERE p.booth_id = $1 AND p.status = 'published' ORDER BY p.published_at, p.id`,
        [id],
      );
      await appendDomainEvents(m, [domainEvent('booth.approved', { boothId: booth.id, fairId: booth.fairId, companyId: booth.companyId })]);
      const events: AppendedEvent[] = [];
      events.push(
        await appendFairEvent(m, booth.fairId, 'booth.approved', {
          booth: { id: booth.id, companyId: booth.companyId, companyName: company.name, headline: booth.headline },
        }),
      );
      for (const row of visible) {
        events.push(await appendFairEvent(m, booth.fairId, 'posting.published', { posting: toPostingView(row) }));
      }
      return { outcome: 'approved' as const, booth, events };
    });
  }

  /**
   * A rejected booth applies again with a changed headline and description: pending again, the reason cleared,
   * with its `booth.reapplied` event. Null unless the booth is rejected.
   */
  async reapply(id: string, headline: string, description: string | null): Promise<BoothEntity | null> {
    return this.dataSource.transaction(async (m) => {
      const [row] = rowsOf<{ fairId: string; companyId: string }>(
        await m.query(
          `UPDATE booths SET status = 'pending', headline = $2, description = $3, rejection_reason = NULL, decided_at = NULL
            WHERE id = $1 AND status = 'rejected' RETURNING fair_id AS "fairId", company_id AS "companyId"`,
          [id, headline, description],
        ),
      );
      if (!row) return null;
      await appendDomainEvents(m, [domainEvent('booth.reapplied', { boothId: id, fairId: row.fairId, companyId: row.companyId })]);
      return m.getRepository(BoothEntity).findOneBy({ id });
    });
  }

  /** Rejects a booth (from pending or approved); null when it does not exist. */
  async reject(id: string, reason: string, now: Date): Promise<BoothEntity | null> {
    const rejected = rowsOf(
      await this.dataSource.query(
        `UPDATE booths SET status = 'rejected', rejection_reason = $2, decided_at = $3 WHERE id = $1 RETURNING id`,
        [id, reason, now],
      ),
    );
    return rejected.length ? this.findById(id) : null;
  }

  /**
   * Suspends an approved booth with a reason: it leaves the public list and its postings stop being visible
   * (visibility asks for an approved booth). `booth.suspended` (domain and feed) commits with it; the row lock
   * makes a second suspension see the first. `not_approved` for a booth in another state.
   */
  suspend(id: string, reason: string, by: string, now: Date): Promise<BoothEntity | 'not_approved' | null> {
    return this.dataSource.transaction(async (m) => {
      const [locked] = await m.query(`SELECT id, status, fair_id, company_id FROM booths WHERE id = $1 FOR UPDATE`, [id]);
      if (!locked) return null;
      if (locked.status !== 'approved') return 'not_approved' as const;
      await m.query(`UPDATE booths SET status = 'suspended', suspension_reason = $2, suspended_at = $3 WHERE id = $1`, [id, reason, now]);
      await appendDomainEvents(m, [
        domainEvent('booth.suspended', { boothId: id, fairId: locked.fair_id, companyId: locked.company_id, reason, by }),
      ]);
      await appendFairEvent(m, locked.fair_id, 'booth.suspended', { boothId: id });
      return m.getRepository(BoothEntity).findOneByOrFail({ id });
    });
  }

  private views() {
    return this.repo.createQueryBuilder('b').innerJoin('companies', 'c', 'c.id = b.company_id').addSelect('c.name', 'company_name');
  }
}
