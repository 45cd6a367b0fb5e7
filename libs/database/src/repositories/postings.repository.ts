import { clock } from '@bisang/common';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { EmploymentType } from '../entities/posting.entity';
import { domainEvent } from '@bisang/contracts';
import { appendDomainEvents } from './domain-events.repository';
import { AppendedEvent, appendFairEvent } from './fair-events.repository';
import { rowsOf } from './sql-rows';
import { POSTING_VIEW_SELECT, PostingView, toPostingView } from './posting-view';

export interface PostingFields {
  title: string;
  description: string;
  jobCategory: string;
  employmentType: EmploymentType;
  openings: number;
  location: string | null;
  salaryMin: number | null;
  salaryMax: number | null;
  closesAt: Date | null;
  minCareerYears: number | null;
}

export interface PostingSearch {
  fairId: string;
  q?: string;
  /** Region words: each must appear in the location (a metropolitan suffix such as 광역시 dropped). */
  region?: string;
  sort?: 'newest' | 'deadline';
  jobCategory?: string;
  employmentType?: string;
  boothId?: string;
  limit: number;
  /** The last item's key: publishedAt when newest first, closesAt ('9999-12-31…' when open-ended) by deadline. */
  after?: { publishedAt?: string; closesAt?: string; id: string };
}

export interface PostingChange {
  posting: PostingView;
  event?: AppendedEvent;
}

export type PostingChangeOutcome = PostingChange | { conflict: 'not_draft' | 'closed' | 'invalid_salary_range' } | null;

const COLUMN: Record<keyof PostingFields, string> = {
  title: 'title',
  description: 'description',
  jobCategory: 'job_category',
  employmentType: 'employment_type',
  openings: 'openings',
  location: 'location',
  salaryMin: 'salary_min',
  salaryMax: 'salary_max',
  closesAt: 'closes_at',
  minCareerYears: 'min_career_years',
};

const FROM = `FROM postings p JOIN booths b ON b.id = p.booth_id JOIN companies c ON c.id = p.company_id`;

@Injectable()
export class PostingsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts a draft; `posting.created` commits with it (a closing time gets its job from there). */
  async create(booth: { id: string; fairId: string; companyId: string }, fields: PostingFields): Promise<PostingView> {
    const id = await this.dataSource.transaction(async (m) => {
      const [row] = await m.query(
        `INSERT INTO postings (booth_id, fair_id, company_id, title, description, job_category, employment_type, openings,
                               location, salary_min, salary_max, closes_at, min_career_years)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
        [
          booth.id,
          booth.fairId,
          booth.companyId,
          fields.title,
          fields.description,
          fields.jobCategory,
          fields.employmentType,
          fields.openings,
          fields.location,
          fields.salaryMin,
          fields.salaryMax,
          fields.closesAt,
          fields.minCareerYears,
        ],
      );
      await appendDomainEvents(m, [
        domainEvent('posting.created', { postingId: row.id, fairId: booth.fairId, closesAt: fields.closesAt?.toISOString() ?? null }),
      ]);
      return row.id as string;
    });
    return (await this.findView(id))!;
  }

  async findView(id: string, manager: EntityManager = this.dataSource.manager): Promise<PostingView | null> {
    const rows = await manager.query(`SELECT ${POSTING_VIEW_SELECT} ${FROM} WHERE p.id = $1`, [id]);
    return rows[0] ? toPostingView(rows[0]) : null;
  }

  /** Edits a posting; a visible one gets a posting.updated event in the same transaction. */
  update(id: string, patch: Partial<PostingFields>): Promise<PostingChangeOutcome> {
    return this.dataSource.transaction(async (m) => {
      const [current] = await m.query(`SELECT status, salary_min, salary_max FROM postings WHERE id = $1 FOR UPDATE`, [id]);
      if (!current) return null;
      if (current.status === 'closed') return { conflict: 'closed' as const };
      const min = patch.salaryMin !== undefined ? patch.salaryMin : current.salary_min;
      const max = patch.salaryMax !== undefined ? patch.salaryMax : current.salary_max;
      if (min != null && max != null && Number(min) > Number(max)) return { conflict: 'invalid_salary_range' as const };
      const keys = (Object.keys(patch) as (keyof PostingFields)[]).filter((k) => patch[k] !== undefined);
      if (keys.length) {
        const sets = keys.map((k, i) => `${COLUMN[k]} = $${i + 2}`).join(', ');
        await m.query(`UPDATE postings SET ${sets}, updated_at = $${keys.length + 2} WHERE id = $1`, [id, ...keys.map((k) => patch[k]), clock.now()]);
      }
      const posting = (await this.findView(id, m))!;
      if (!keys.length) return { posting };
      await appendDomainEvents(m, [domainEvent('posting.updated', { postingId: id, fairId: posting.fairId, closesAt: posting.closesAt })]);
      const event = isVisible(posting) ? await appendFairEvent(m, posting.fairId, 'posting.updated', { posting }) : undefined;
      return { posting, event };
    });
  }

  /** Draft → published; if its booth is approved it becomes visible and a posting.published event is written. */
  publish(id: string, now: Date): Promise<PostingChangeOutcome> {
    return this.dataSource.transaction(async (m) => {
      // The usual case in one round trip; the UPDATE locks the row as SELECT … FOR UPDATE would.
      const published = rowsOf(
        await m.query(`UPDATE postings SET status = 'published', published_at = $2, updated_at = $2 WHERE id = $1 AND status = 'draft' RETURNING id`, [
          id,
          now,
        ]),
      );
      if (!published.length) {
        const [current] = await m.query(`SELECT status FROM postings WHERE id = $1`, [id]);
        if (!current) return null;
        if (current.status === 'published') return { posting: (await this.findView(id, m))! };
        return { conflict: 'closed' as const };
      }
      const posting = (await this.findView(id, m))!;
      await appendDomainEvents(m, [domainEvent('posting.published', { postingId: id, fairId: posting.fairId, closesAt: posting.closesAt })]);
      const event = isVisible(posting) ? await appendFairEvent(m, posting.fairId, 'posting.published', { posting }) : undefined;
      return { posting, event };
    });
  }

  /** Closes a posting (idempotent); a posting that was visible gets a posting.closed event. */
  close(id: string, now: Date, onlyIfDueAt?: Date): Promise<PostingChangeOutcome> {
    return this.dataSource.transaction((m) => this.closeIn(m, id, now, onlyIfDueAt));
  }

  /** `close` inside the caller's transaction (e.g. the hire that took a posting's last opening). */
  async closeIn(m: EntityManager, id: string, now: Date, onlyIfDueAt?: Date): Promise<PostingChangeOutcome> {
    const [current] = await m.query(`SELECT status, closes_at FROM postings WHERE id = $1 FOR UPDATE`, [id]);
    if (!current) return null;
    if (current.status === 'closed') return { posting: (await this.findView(id, m))! };
    if (onlyIfDueAt && (!current.closes_at || new Date(current.closes_at).getTime() > onlyIfDueAt.getTime())) {
      return { posting: (await this.findView(id, m))! };
    }
    const before = (await this.findView(id, m))!;
    await m.query(`UPDATE postings SET status = 'closed', closed_at = $2, updated_at = $2 WHERE id = $1`, [id, now]);
    const posting = (await this.findView(id, m))!;
    await appendDomainEvents(m, [domainEvent('posting.closed', { postingId: id, fairId: posting.fairId })]);
    const event = isVisible(before)
      ? await appendFairEvent(m, posting.fairId, 'posting.closed', { posting })
      : undefined;
    return { posting, event };
  }

  /** Visible postings of a fair (published, booth approved), newest first or by deadline, filtered, keyset-paginated. */
  async searchVisible(s: PostingSearch): Promise<PostingView[]> {
    const params: unknown[] = [s.fairId];
    const where = [`p.fair_id = $1`, `p.status = 'published'`, `b.status = 'approved'`];
    if (s.q) {
      params.push(`%${escapeLike(s.q)}%`);
      const like = `$${params.length}`;
      let text = `(p.title || ' ' || p.description) ILIKE ${like}`;
      // Two characters make no trigram; their bigram index finds the candidates (see AddPostingsBigramIndex).
      if ([...s.q].length === 2) {
        params.push(s.q);
        text += ` AND posting_bigrams(p.title || ' ' || p.description) @> posting_bigrams($${params.length})`;
      }
      // Region words match where the job is ("수성구" finds postings located there).
      where.push(`((${text}) OR ${this.locationHas(params, s.q, like)})`);
    }
    for (const word of regionWords(s.region)) {
      params.push(`%${escapeLike(word)}%`);
      where.push(this.locationHas(params, word, `$${params.length}`));
    }
    if (s.jobCategory) {
      params.push(s.jobCategory);
      where.push(`p.job_category = $${params.length}`);
    }
    if (s.employmentType) {
      params.push(s.employmentType);
      where.push(`p.employment_type = $${params.length}`);
    }
    if (s.boothId) {
      params.push(s.boothId);
      where.push(`p.booth_id = $${params.length}`);
    }
    const deadline = `COALESCE(p.closes_at, '9999-12-31T00:00:00Z'::timestamptz)`;
    if (s.after && s.sort === 'deadline') {
      params.push(s.after.closesAt, s.after.id);
      where.push(`(${deadline}, p.id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    } else if (s.after) {
      params.push(s.after.publishedAt, s.after.id);
      where.push(`(p.published_at, p.id) < ($${params.length - 1}, $${params.length})`);
    }
    const order = s.sort === 'deadline' ? `${deadline} ASC, p.id ASC` : `p.published_at DESC, p.id DESC`;
    params.push(s.limit + 1);
    const rows = await this.dataSource.query(
      `SELECT ${POSTING_VIEW_SELECT} ${FROM} WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT $${params.length}`,
      params,
    );
    return rows.map(toPostingView);
  }

  /** The location holds `word` (its ILIKE pattern at `like`); a two-character word also asks the bigram index, as for the text. */
  private locationHas(params: unknown[], word: string, like: string): string {
    if ([...word].length !== 2) return `p.location ILIKE ${like}`;
    params.push(word);
    return `(p.location ILIKE ${like} AND posting_bigrams(p.location) @> posting_bigrams($${params.length}))`;
  }

  /** What the staff policy needs, in one query: the posting's status, its booth's, and whether the user is the booth's staff. */
  async findStaffAccess(id: string, userId: string): Promise<{ status: string; boothStatus: string; staff: boolean } | null> {
    const [row] = await this.dataSource.query(
      `SELECT p.status, b.status AS booth_status,
              EXISTS (SELECT 1 FROM company_staff s WHERE s.company_id = b.company_id AND s.user_id = $2) AS staff
       FROM postings p JOIN booths b ON b.id = p.booth_id WHERE p.id = $1`,
      [id, userId],
    );
    return row ? { status: row.status, boothStatus: row.booth_status, staff: row.staff === true } : null;
  }

  /** Every posting of a booth, any status (its staff's console). */
  async listForBooth(boothId: string): Promise<PostingView[]> {
    const rows = await this.dataSource.query(`SELECT ${POSTING_VIEW_SELECT} ${FROM} WHERE p.booth_id = $1 ORDER BY p.created_at DESC`, [boothId]);
    return rows.map(toPostingView);
  }

  /** Published postings whose closing time is set (for re-scheduling their close jobs at start-up). */
  async findOpenWithCloseTime(): Promise<{ id: string; closesAt: Date }[]> {
    const rows: { id: string; closes_at: Date }[] = await this.dataSource.query(
      `SELECT id, closes_at FROM postings WHERE status <> 'closed' AND closes_at IS NOT NULL`,
    );
    return rows.map((r) => ({ id: r.id, closesAt: new Date(r.closes_at) }));
  }
}

const isVisible = (p: PostingView) => p.status === 'published' && p.boothStatus === 'approved';

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/** "대구광역시 수성구" → ["대구", "수성구"]: the words a location must hold (a metropolitan suffix dropped, so "대구 수성구" matches). */
export function regionWords(region: string | undefined): string[] {
  return (region ?? '')
    .split(/[\s,]+/)
    .map((w) => w.replace(/(광역시|특별시|특별자치시|특별자치도)$/, ''))
    .filter(Boolean);
}
