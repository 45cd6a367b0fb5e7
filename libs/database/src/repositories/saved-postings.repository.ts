import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { domainEvent } from '@bisang/contracts';
import { appendDomainEvents } from './domain-events.repository';
import { POSTING_VIEW_SELECT, PostingView, toPostingView } from './posting-view';
import { rowsOf } from './sql-rows';

export interface SavedPostingRow {
  savedAt: Date;
  posting: PostingView;
}

/** What saving a posting found: the posting is not one a seeker may see, or it was saved (now or before). */
export type SaveOutcome = { outcome: 'not-found' } | { outcome: 'saved'; savedAt: Date; already: boolean };

/** A seeker's saved postings (스크랩) and the once-per-deadline reminders before they close. */
@Injectable()
export class SavedPostingsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Saves a visible posting (published or closed, of an approved booth) for the seeker; `posting.saved` schedules its
   * deadline reminder. Saving it again changes nothing and writes no event.
   */
  save(seekerId: string, postingId: string, now: Date): Promise<SaveOutcome> {
    return this.dataSource.transaction(async (m) => {
      const [posting] = rowsOf<{ fairId: string; closesAt: Date | null }>(
        await m.query(
          `SELECT p.fair_id AS "fairId", p.closes_at AS "closesAt" FROM postings p JOIN booths b ON b.id = p.booth_id
            WHERE p.id = $1 AND p.status <> 'draft' AND b.status = 'approved'`,
          [postingId],
        ),
      );
      if (!posting) return { outcome: 'not-found' as const };
      const inserted = rowsOf<{ savedAt: Date }>(
        await m.query(
          `INSERT INTO saved_postings (seeker_id, posting_id, saved_at) VALUES ($1, $2, $3)
           ON CONFLICT DO NOTHING RETURNING saved_at AS "savedAt"`,
          [seekerId, postingId, now],
        ),
      );
      if (inserted.length === 0) {
        const [row] = rowsOf<{ savedAt: Date }>(
          await m.query(`SELECT saved_at AS "savedAt" FROM saved_postings WHERE seeker_id = $1 AND posting_id = $2`, [seekerId, postingId]),
        );
        return { outcome: 'saved' as const, savedAt: row!.savedAt, already: true };
      }
      const closesAt = posting.closesAt ? new Date(posting.closesAt).toISOString() : null;
      await appendDomainEvents(m, [domainEvent('posting.saved', { seekerId, postingId, fairId: posting.fairId, closesAt })]);
      return { outcome: 'saved' as const, savedAt: inserted[0]!.savedAt, already: false };
    });
  }

  /** Takes the posting off the seeker's list; `posting.unsaved` cancels its reminder. False when it was not saved. */
  unsave(seekerId: string, postingId: string): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      const deleted = rowsOf<{ fairId: string; closesAt: Date | null }>(
        await m.query(
          `DELETE FROM saved_postings s USING postings p
            WHERE s.seeker_id = $1 AND s.posting_id = $2 AND p.id = s.posting_id
           RETURNING p.fair_id AS "fairId", p.closes_at AS "closesAt"`,
          [seekerId, postingId],
        ),
      );
      if (deleted.length === 0) return false;
      const { fairId, closesAt } = deleted[0]!;
      await appendDomainEvents(m, [
        domainEvent('posting.unsaved', { seekerId, postingId, fairId, closesAt: closesAt ? new Date(closesAt).toISOString() : null }),
      ]);
      return true;
    });
  }

  async isSaved(seekerId: string, postingId: string): Promise<boolean> {
    const rows = rowsOf(await this.dataSource.query(`SELECT 1 FROM saved_postings WHERE seeker_id = $1 AND posting_id = $2`, [seekerId, postingId]));
    return rows.length > 0;
  }

  /**
   * The seeker's saved postings that are still public (a posting whose booth was suspended drops out), newest save
   * first; keyset after (savedAt, postingId).
   */
  async listForSeeker(seekerId: string, limit: number, after?: { savedAt: string; postingId: string }): Promise<SavedPostingRow[]> {
    const rows = rowsOf<Record<string, unknown>>(
      await this.dataSource.query(
        `SELECT s.saved_at AS saved_at_of_seeker, ${POSTING_VIEW_SELECT}
           FROM saved_postings s
           JOIN postings p ON p.id = s.posting_id
           JOIN booths b ON b.id = p.booth_id
           JOIN companies c ON c.id = p.company_id
          WHERE s.seeker_id = $1 AND p.status <> 'draft' AND b.status = 'approved'
            AND ($2::timestamptz IS NULL OR (s.saved_at, s.posting_id) < ($2::timestamptz, $3::uuid))
          ORDER BY s.saved_at DESC, s.posting_id DESC
          LIMIT $4`,
        [seekerId, after?.savedAt ?? null, after?.postingId ?? null, limit + 1],
      ),
    );
    return rows.map((r) => ({ savedAt: new Date(r.saved_at_of_seeker as string), posting: toPostingView(r) }));
  }

  /** Who saved the posting (to reschedule their reminders when its deadline moves). */
  async seekersOf(postingId: string): Promise<string[]> {
    const rows = rowsOf<{ seekerId: string }>(await this.dataSource.query(`SELECT seeker_id AS "seekerId" FROM saved_postings WHERE posting_id = $1`, [postingId]));
    return rows.map((r) => r.seekerId);
  }

  /**
   * Records the deadline reminder of one saved posting, once per deadline: only while it is saved, the posting is
   * published with that very closing time and it has not passed. The event (`saved_posting.deadline_near`) commits
   * with the mark, so a redelivered job does nothing.
   */
  markReminded(seekerId: string, postingId: string, closesAt: Date, now: Date): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      const [row] = rowsOf<{ fairId: string; boothId: string; title: string; companyName: string }>(
        await m.query(
          `UPDATE saved_postings s SET reminded_for = p.closes_at
             FROM postings p JOIN booths b ON b.id = p.booth_id JOIN companies c ON c.id = p.company_id
            WHERE s.seeker_id = $1 AND s.posting_id = $2 AND p.id = s.posting_id
              AND p.status = 'published' AND b.status = 'approved'
              AND p.closes_at = $3 AND p.closes_at > $4
              AND s.reminded_for IS DISTINCT FROM p.closes_at
           RETURNING p.fair_id AS "fairId", p.booth_id AS "boothId", p.title, c.name AS "companyName"`,
          [seekerId, postingId, closesAt, now],
        ),
      );
      if (!row) return false;
      await appendDomainEvents(m, [
        domainEvent('saved_posting.deadline_near', {
          seekerId,
          postingId,
          fairId: row.fairId,
          boothId: row.boothId,
          postingTitle: row.title,
          companyName: row.companyName,
          closesAt: closesAt.toISOString(),
        }),
      ]);
      return true;
    });
  }
}
