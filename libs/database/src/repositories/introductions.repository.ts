import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { domainEvent } from '@bisang/contracts';
import type { PoolInvitationStatus } from '@bisang/contracts';
import { ApplicationsRepository } from './applications.repository';
import { appendDomainEvents } from './domain-events.repository';
import { OfferAnswer, PostingOfferKind, answerPostingOffer } from './posting-offers';
import { rowsOf } from './sql-rows';

export interface CounsellingNoteView {
  id: string;
  seekerId: string;
  authorId: string | null;
  body: string;
  createdAt: Date;
}

export interface IntroductionView {
  id: string;
  fairId: string;
  postingId: string;
  postingTitle: string;
  companyName: string;
  seekerId: string;
  message: string | null;
  status: PoolInvitationStatus;
  applicationId: string | null;
  createdAt: Date;
}

export type IntroduceOutcome =
  | { outcome: 'introduced'; introduction: IntroductionView }
  | { outcome: 'posting_not_found' | 'seeker_not_found' | 'already_introduced' | 'already_applied' };

export type IntroductionAnswerOutcome = OfferAnswer<IntroductionView>;

const SELECT = `i.id, i.fair_id AS "fairId", i.posting_id AS "postingId", p.title AS "postingTitle", c.name AS "companyName",
  i.seeker_id AS "seekerId", i.message, i.status, i.application_id AS "applicationId", i.created_at AS "createdAt"`;
const FROM = `FROM introductions i JOIN postings p ON p.id = i.posting_id JOIN companies c ON c.id = p.company_id`;

/** The centre's work with a seeker: counselling notes (organizers only) and introductions to postings. */
@Injectable()
export class IntroductionsRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly applications: ApplicationsRepository,
  ) {}

  async isSeeker(userId: string): Promise<boolean> {
    const rows = await this.dataSource.query(`SELECT 1 FROM users WHERE id = $1 AND role = 'seeker'`, [userId]);
    return rows.length > 0;
  }

  async addNote(seekerId: string, authorId: string, body: string): Promise<CounsellingNoteView> {
    const [row] = (await this.dataSource.query(
      `INSERT INTO counselling_notes (seeker_id, author_id, body) VALUES ($1, $2, $3)
       RETURNING id, seeker_id AS "seekerId", author_id AS "authorId", body, created_at AS "createdAt"`,
      [seekerId, authorId, body],
    )) as CounsellingNoteView[];
    return row;
  }

  listNotes(seekerId: string, limit: number, after?: { createdAt: Date; id: string }): Promise<CounsellingNoteView[]> {
    const params: unknown[] = [seekerId, limit + 1];
    let keyset = '';
    if (after) {
      params.push(after.createdAt, after.id);
      keyset = `AND (created_at, id) < ($3, $4)`;
    }
    return this.dataSource.query(
      `SELECT id, seeker_id AS "seekerId", author_id AS "authorId", body, created_at AS "createdAt"
         FROM counselling_notes WHERE seeker_id = $1 ${keyset} ORDER BY created_at DESC, id DESC LIMIT $2`,
      params,
    );
  }

  /** The centre introduces a seeker to a visible posting of the fair; the seeker is told (`introduction.made`). */
  async introduce(input: { fairId: string; seekerId: string; postingId: string; organizerId: string; message: string | null }): Promise<IntroduceOutcome> {
    return this.dataSource.transaction(async (m) => {
      const [posting] = (await m.query(
        `SELECT p.id, p.title, c.name AS "companyName"
           FROM postings p JOIN booths b ON b.id = p.booth_id JOIN companies c ON c.id = p.company_id
          WHERE p.id = $1 AND p.fair_id = $2 AND p.status = 'published' AND b.status = 'approved'`,
        [input.postingId, input.fairId],
      )) as { id: string; title: string; companyName: string }[];
      if (!posting) return { outcome: 'posting_not_found' as const };
      const [facts] = (await m.query(
        `SELECT EXISTS (SELECT 1 FROM users WHERE id = $1 AND role = 'seeker') AS seeker,
                EXISTS (SELECT 1 FROM applications WHERE posting_id = $2 AND seeker_id = $1) AS applied`,
        [input.seekerId, posting.id],
      )) as { seeker: boolean; applied: boolean }[];
      if (!facts.seeker) return { outcome: 'seeker_not_found' as const };
      if (facts.applied) return { outcome: 'already_applied' as const };
      const [row] = rowsOf<{ id: string }>(
        await m.query(
          `INSERT INTO introductions (fair_id, posting_id, seeker_id, introduced_by, message) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT ON CONSTRAINT introductions_once_per_posting DO NOTHING RETURNING id`,
          [input.fairId, posting.id, input.seekerId, input.organizerId, input.message],
        ),
      );
      if (!row) return { outcome: 'already_introduced' as const };
      await appendDomainEvents(m, [
        domainEvent('introduction.made', {
          introductionId: row.id,
          fairId: input.fairId,
          postingId: posting.id,
          postingTitle: posting.title,
          companyName: posting.companyName,
          seekerId: input.seekerId,
          message: input.message,
        }),
      ]);
      return { outcome: 'introduced' as const, introduction: (await this.find(row.id, m))! };
    });
  }

  async find(id: string, m: EntityManager = this.dataSource.manager): Promise<IntroductionView | null> {
    const [row] = (await m.query(`SELECT ${SELECT} ${FROM} WHERE i.id = $1`, [id])) as IntroductionView[];
    return row ?? null;
  }

  /** Introductions of a seeker (`seekerId`) or of a fair (`fairId`), newest first. */
  list(where: { seekerId?: string; fairId?: string }, limit: number, after?: { createdAt: Date; id: string }): Promise<IntroductionView[]> {
    const params: unknown[] = [where.seekerId ?? where.fairId, limit + 1];
    let keyset = '';
    if (after) {
      params.push(after.createdAt, after.id);
      keyset = `AND (i.created_at, i.id) < ($3, $4)`;
    }
    const owner = where.seekerId ? 'i.seeker_id' : 'i.fair_id';
    return this.dataSource.query(`SELECT ${SELECT} ${FROM} WHERE ${owner} = $1 ${keyset} ORDER BY i.created_at DESC, i.id DESC LIMIT $2`, params);
  }

  /** The seeker agrees: an application marked as introduced by the centre, made through the applications path. */
  accept(introductionId: string, seekerId: string, now: Date): Promise<IntroductionAnswerOutcome> {
    return answerPostingOffer(this.dataSource, this.applications, this.offers, 'accept', introductionId, seekerId, now);
  }

  decline(introductionId: string, seekerId: string, now: Date): Promise<IntroductionAnswerOutcome> {
    return answerPostingOffer(this.dataSource, this.applications, this.offers, 'decline', introductionId, seekerId, now);
  }

  /** Introductions as posting offers (the shared answer path). */
  private get offers(): PostingOfferKind<IntroductionView> {
    return {
      table: 'introductions',
      find: (id, m) => this.find(id, m),
      acceptedEvent: (i, applicationId) =>
        domainEvent('introduction.accepted', { introductionId: i.id, fairId: i.fairId, seekerId: i.seekerId, applicationId }),
      origin: (i) => ({ introductionId: i.id }),
    };
  }
}
