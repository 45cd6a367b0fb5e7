import { clock } from '@bisang/common';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { domainEvent } from '@bisang/contracts';
import type { EducationLevel, PoolInvitationStatus } from '@bisang/contracts';
import { ApplicationsRepository, ApplyOutcome } from './applications.repository';
import { appendChatMessage, lockChatFor } from './chats.repository';
import { appendDomainEvents } from './domain-events.repository';
import { rowsOf } from './sql-rows';

export interface PoolEntryView {
  fairId: string;
  visible: boolean;
  showName: boolean;
  updatedAt: Date;
}

/** A pooled seeker as booth staff see them: no contact data, birth date, segment flags or free text. */
export interface PooledSeekerView {
  seekerId: string;
  name: string | null;
  age: number | null;
  jobCategories: string[];
  region: string | null;
  careerYears: number | null;
  uturn: boolean;
  education: EducationLevel | null;
  updatedAt: Date;
}

export interface PoolFilter {
  jobCategory?: string;
  region?: string;
  uturn?: boolean;
  minCareerYears?: number;
  education?: EducationLevel;
  limit: number;
  after?: { updatedAt: Date; seekerId: string };
}

export interface PoolInvitationView {
  id: string;
  fairId: string;
  companyId: string;
  postingId: string;
  postingTitle: string;
  companyName: string;
  seekerId: string;
  message: string | null;
  status: PoolInvitationStatus;
  applicationId: string | null;
  createdAt: Date;
}

export type InviteOutcome =
  | { outcome: 'invited'; invitation: PoolInvitationView }
  | { outcome: 'posting_not_found' | 'seeker_not_found' | 'already_invited' | 'already_applied' | 'limit_reached' };

export type ChatInviteOutcome =
  | { outcome: 'invited'; invitation: PoolInvitationView; seq: number }
  | { outcome: 'chat_not_found' | 'not_recruiter' | 'chat_ended' | 'posting_not_found' | 'already_invited' | 'already_applied' };

export type AnswerOutcome =
  | { outcome: 'answered'; invitation: PoolInvitationView }
  | { outcome: 'not_found' | 'already_answered' }
  | { outcome: Exclude<ApplyOutcome['outcome'], 'applied'> };

const INVITATION_SELECT = `i.id, i.fair_id AS "fairId", i.company_id AS "companyId", i.posting_id AS "postingId", p.title AS "postingTitle",
  c.name AS "companyName", i.seeker_id AS "seekerId", i.message, i.status, i.application_id AS "applicationId", i.created_at AS "createdAt"`;
const INVITATION_FROM = `FROM pool_invitations i JOIN postings p ON p.id = i.posting_id JOIN companies c ON c.id = i.company_id`;

interface InvitablePosting {
  id: string;
  title: string;
  companyId: string;
  boothId: string;
  companyName: string;
  timezone: string;
  dailyLimit: number;
}

/** Rolls an acceptance back when the invitation was answered meanwhile. */
class AlreadyAnswered extends Error {}

/** The talent pool a seeker opts into per fair, staff's search of it, and their invitations to apply. */
@Injectable()
export class TalentPoolRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly applications: ApplicationsRepository,
  ) {}

  /** Opens or hides the seeker's card in the fair's pool; `showName` undefined keeps the earlier choice (default hidden). */
  async setVisibility(fairId: string, seekerId: string, visible: boolean, showName: boolean | undefined): Promise<PoolEntryView> {
    const [row] = (await this.dataSource.query(
      `INSERT INTO talent_pool_entries (fair_id, seeker_id, visible, show_name, updated_at)
       VALUES ($1, $2, $3, COALESCE($4, false), $5)
       ON CONFLICT (fair_id, seeker_id) DO UPDATE
         SET visible = EXCLUDED.visible, show_name = COALESCE($4, talent_pool_entries.show_name), updated_at = EXCLUDED.updated_at
       RETURNING fair_id AS "fairId", visible, show_name AS "showName", updated_at AS "updatedAt"`,
      [fairId, seekerId, visible, showName ?? null, clock.now()],
    )) as PoolEntryView[];
    return row;
  }

  async findEntry(fairId: string, seekerId: string): Promise<PoolEntryView | null> {
    const [row] = (await this.dataSource.query(
      `SELECT fair_id AS "fairId", visible, show_name AS "showName", updated_at AS "updatedAt"
         FROM talent_pool_entries WHERE fair_id = $1 AND seeker_id = $2`,
      [fairId, seekerId],
    )) as PoolEntryView[];
    return row ?? null;
  }

  /** Whether the user is staff of a booth approved in the fair (who may search its pool and invite from it). */
  async isApprovedBoothStaff(fairId: string, userId: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      `SELECT 1 FROM booths b JOIN company_staff s ON s.company_id = b.company_id
        WHERE b.fair_id = $1 AND b.status = 'approved' AND s.user_id = $2 LIMIT 1`,
      [fairId, userId],
    );
    return rows.length > 0;
  }

  /** The fair's visible seekers, most recently opened first, keyset-paginated. */
  async search(fairId: string, filter: PoolFilter): Promise<PooledSeekerView[]> {
    const params: unknown[] = [fairId];
    const where = [`t.fair_id = $1`, `t.visible`];
    const add = (sql: (n: number) => string, value: unknown) => {
      params.push(value);
      where.push(sql(params.length));
    };
    if (filter.jobCategory !== undefined) add((n) => `$${n}::text = ANY (sp.desired_job_categories)`, filter.jobCategory);
    if (filter.region !== undefined) add((n) => `sp.region ILIKE '%' || $${n} || '%' ESCAPE '\\'`, filter.region.replace(/[\\%_]/g, (c) => `\\${c}`));
    if (filter.uturn !== undefined) add((n) => `coalesce(sp.u_turn, false) = $${n}`, filter.uturn);
    if (filter.minCareerYears !== undefined) add((n) => `sp.career_years >= $${n}`, filter.minCareerYears);
    if (filter.education !== undefined) add((n) => `sp.education = $${n}`, filter.education);
    if (filter.after) {
      params.push(filter.after.updatedAt, filter.after.seekerId);
      where.push(`(t.updated_at, t.seeker_id) < ($${params.length - 1}, $${params.length})`);
    }
    params.push(filter.limit + 1);
    params.push(clock.now());
    return this.dataSource.query(
      `SELECT t.seeker_id AS "seekerId", CASE WHEN t.show_name THEN u.name END AS name,
              date_part('year', age(($${params.length}::timestamptz AT TIME ZONE f.timezone)::date, u.birth_date))::int AS age,
              coalesce(sp.desired_job_categories, '{}') AS "jobCategories", sp.region, sp.career_years AS "careerYears",
              coalesce(sp.u_turn, false) AS uturn, sp.education, t.updated_at AS "updatedAt"
         FROM talent_pool_entries t
         JOIN users u ON u.id = t.seeker_id
         JOIN fairs f ON f.id = t.fair_id
         LEFT JOIN seeker_profiles sp ON sp.user_id = t.seeker_id
        WHERE ${where.join(' AND ')}
        ORDER BY t.updated_at DESC, t.seeker_id DESC
        LIMIT $${params.length - 1}`,
      params,
    );
  }

  /**
   * Invites a pooled seeker to apply to one of the company's open postings in the fair. The company's row is
   * locked so that concurrent invitations count against its daily limit (fair-local day) one after another.
   */
  async invite(input: { fairId: string; seekerId: string; postingId: string; staffUserId: string; message: string | null }): Promise<InviteOutcome> {
    const now = clock.now();
    return this.dataSource.transaction(async (m) => {
      const posting = await this.invitablePosting(m, input.postingId, input.fairId, null, input.staffUserId, now);
      if (!posting) return { outcome: 'posting_not_found' as const };
      const [facts] = (await m.query(
        `SELECT EXISTS (SELECT 1 FROM talent_pool_entries WHERE fair_id = $1 AND seeker_id = $2 AND visible) AS pooled,
                EXISTS (SELECT 1 FROM applications WHERE posting_id = $3 AND seeker_id = $2) AS applied,
                (SELECT count(*)::int FROM pool_invitations
                  WHERE company_id = $4
                    AND created_at >= (date_trunc('day', $6::timestamptz AT TIME ZONE $5) AT TIME ZONE $5)) AS today`,
        [input.fairId, input.seekerId, posting.id, posting.companyId, posting.timezone, now],
      )) as { pooled: boolean; applied: boolean; today: number }[];
      if (!facts.pooled) return { outcome: 'seeker_not_found' as const };
      if (facts.applied) return { outcome: 'already_applied' as const };
      if (facts.today >= posting.dailyLimit) return { outcome: 'limit_reached' as const };
      const id = await this.recordInvitation(m, posting, input.fairId, input.seekerId, input.staffUserId, input.message, null, now);
      if (!id) return { outcome: 'already_invited' as const };
      return { outcome: 'invited' as const, invitation: (await this.findInvitation(id, m))! };
    });
  }

  /**
   * The chat's recruiter invites the chat's seeker to apply to an open posting of the chat's booth: the same
   * invitation as from the pool (accepted at POST /pool-invitations/:id/accept, one click), whose consent is the
   * open chat (no pool entry needed, no daily limit), and a chat message that carries it, in one transaction.
   */
  async inviteFromChat(input: { chatId: string; postingId: string; staffUserId: string; message: string | null }): Promise<ChatInviteOutcome> {
    const now = clock.now();
    return this.dataSource.transaction(async (m) => {
      const chat = await lockChatFor(m, input.chatId, input.staffUserId);
      if (!chat) return { outcome: 'chat_not_found' as const };
      if (chat.recruiterId !== input.staffUserId || !chat.boothId || !chat.fairId) return { outcome: 'not_recruiter' as const };
      if (chat.endedAt) return { outcome: 'chat_ended' as const };
      const posting = await this.invitablePosting(m, input.postingId, chat.fairId, chat.boothId, input.staffUserId, now);
      if (!posting) return { outcome: 'posting_not_found' as const };
      const applied = (await m.query(`SELECT 1 FROM applications WHERE posting_id = $1 AND seeker_id = $2`, [posting.id, chat.seekerId])) as unknown[];
      if (applied.length) return { outcome: 'already_applied' as const };
      const id = await this.recordInvitation(m, posting, chat.fairId, chat.seekerId, input.staffUserId, input.message, input.chatId, now);
      if (!id) return { outcome: 'already_invited' as const };
      const body = input.message ?? `'${posting.title}' 채용공고에 지원해 보세요 / You are invited to apply to '${posting.title}'`;
      const message = await appendChatMessage(m, input.chatId, chat, input.staffUserId, body, now, {
        type: 'invitation',
        invitationId: id,
        postingId: posting.id,
        postingTitle: posting.title,
      });
      return { outcome: 'invited' as const, invitation: (await this.findInvitation(id, m))!, seq: message.seq };
    });
  }

  /** An open, published posting of the fair (of the booth, when given) at an approved booth of the staff member's company; its company's row locked. */
  private async invitablePosting(m: EntityManager, postingId: string, fairId: string, boothId: string | null, staffUserId: string, now: Date) {
    const [posting] = (await m.query(
      `SELECT p.id, p.title, p.company_id AS "companyId", p.booth_id AS "boothId", c.name AS "companyName",
              f.timezone, f.pool_invitations_per_company_per_day AS "dailyLimit"
         FROM postings p JOIN booths b ON b.id = p.booth_id JOIN companies c ON c.id = p.company_id JOIN fairs f ON f.id = p.fair_id
        WHERE p.id = $1 AND p.fair_id = $2 AND p.status = 'published' AND b.status = 'approved' AND p.openings > 0
          AND (p.closes_at IS NULL OR p.closes_at > $4::timestamptz)
          AND ($5::uuid IS NULL OR p.booth_id = $5::uuid)
          AND EXISTS (SELECT 1 FROM company_staff s WHERE s.company_id = p.company_id AND s.user_id = $3)
        FOR UPDATE OF c`,
      [postingId, fairId, staffUserId, now, boothId],
    )) as InvitablePosting[];
    return posting ?? null;
  }

  /** The invitation row and `pool_invitation.sent` (the seeker is notified); null when this posting was put to the seeker already. */
  private async recordInvitation(
    m: EntityManager,
    posting: InvitablePosting,
    fairId: string,
    seekerId: string,
    staffUserId: string,
    message: string | null,
    chatId: string | null,
    now: Date,
  ): Promise<string | null> {
    const [row] = rowsOf<{ id: string }>(
      await m.query(
        `INSERT INTO pool_invitations (fair_id, company_id, booth_id, posting_id, seeker_id, invited_by, message, created_at, chat_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT ON CONSTRAINT pool_invitations_once_per_posting DO NOTHING RETURNING id`,
        [fairId, posting.companyId, posting.boothId, posting.id, seekerId, staffUserId, message, now, chatId],
      ),
    );
    if (!row) return null;
    await appendDomainEvents(m, [
      domainEvent('pool_invitation.sent', {
        invitationId: row.id,
        fairId,
        companyId: posting.companyId,
        postingId: posting.id,
        postingTitle: posting.title,
        companyName: posting.companyName,
        seekerId,
        message,
        chatId,
      }),
    ]);
    return row.id;
  }

  async findInvitation(id: string, m: EntityManager = this.dataSource.manager): Promise<PoolInvitationView | null> {
    const [row] = (await m.query(`SELECT ${INVITATION_SELECT} ${INVITATION_FROM} WHERE i.id = $1`, [id])) as PoolInvitationView[];
    return row ?? null;
  }

  /** A seeker's invitations, newest first, keyset-paginated. */
  listForSeeker(seekerId: string, limit: number, after?: { createdAt: Date; id: string }): Promise<PoolInvitationView[]> {
    const params: unknown[] = [seekerId, limit + 1];
    let keyset = '';
    if (after) {
      params.push(after.createdAt, after.id);
      keyset = `AND (i.created_at, i.id) < ($3, $4)`;
    }
    return this.dataSource.query(
      `SELECT ${INVITATION_SELECT} ${INVITATION_FROM} WHERE i.seeker_id = $1 ${keyset} ORDER BY i.created_at DESC, i.id DESC LIMIT $2`,
      params,
    );
  }

  /**
   * The seeker accepts: the application is made through the applications path (same checks, same
   * `application.submitted` event), and the invitation is marked accepted in the same transaction.
   */
  async accept(invitationId: string, seekerId: string, now: Date): Promise<AnswerOutcome> {
    const invitation = await this.findInvitation(invitationId);
    if (!invitation || invitation.seekerId !== seekerId) return { outcome: 'not_found' };
    if (invitation.status !== 'pending') return { outcome: 'already_answered' };
    try {
      const applied = await this.applications.apply(invitation.postingId, seekerId, null, now, {
        inTransaction: async (m, applicationId) => {
          const [row] = rowsOf<{ id: string }>(
            await m.query(
              `UPDATE pool_invitations SET status = 'accepted', application_id = $2, answered_at = $3
                WHERE id = $1 AND status = 'pending' RETURNING id`,
              [invitationId, applicationId, now],
            ),
          );
          if (!row) throw new AlreadyAnswered();
          await appendDomainEvents(m, [
            domainEvent('pool_invitation.accepted', { invitationId, fairId: invitation.fairId, companyId: invitation.companyId, seekerId, applicationId }),
          ]);
        },
      });
      if (applied.outcome !== 'applied') return { outcome: applied.outcome };
    } catch (err) {
      if (err instanceof AlreadyAnswered) return { outcome: 'already_answered' };
      throw err;
    }
    return { outcome: 'answered', invitation: (await this.findInvitation(invitationId))! };
  }

  /** The seeker declines (ignores): nothing reaches the company, to which the invitation stays "pending". */
  async decline(invitationId: string, seekerId: string, now: Date): Promise<AnswerOutcome> {
    const [row] = rowsOf<{ id: string }>(
      await this.dataSource.query(
        `UPDATE pool_invitations SET status = 'declined', answered_at = $3 WHERE id = $1 AND seeker_id = $2 AND status = 'pending' RETURNING id`,
        [invitationId, seekerId, now],
      ),
    );
    if (row) return { outcome: 'answered', invitation: (await this.findInvitation(invitationId))! };
    const invitation = await this.findInvitation(invitationId);
    return { outcome: invitation && invitation.seekerId === seekerId ? 'already_answered' : 'not_found' };
  }
}
