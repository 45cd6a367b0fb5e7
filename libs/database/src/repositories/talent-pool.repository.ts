import { clock } from '@bisang/common';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { domainEvent } from '@bisang/contracts';
import type { EducationLevel, PoolInvitationKind, PoolInvitationStatus } from '@bisang/contracts';
import { isUniqueViolation } from '../pg-errors';
import { ApplicationsRepository } from './applications.repository';
import { recruiterSeat } from './booth-queue.repository';
import { appendChatMessage, lockChatFor, startLiveChat } from './chats.repository';
import { appendDomainEvents } from './domain-events.repository';
import { OfferAnswer, PostingOfferKind, answerPostingOffer } from './posting-offers';
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
  kind: PoolInvitationKind;
  fairId: string;
  companyId: string;
  boothId: string;
  /** null for an invitation to chat (as is postingTitle). */
  postingId: string | null;
  postingTitle: string | null;
  companyName: string;
  seekerId: string;
  message: string | null;
  status: PoolInvitationStatus;
  applicationId: string | null;
  /** The booth chat an accepted invitation to chat opened. */
  chatId: string | null;
  /** Who invited (the chat's recruiter once accepted); null when their account is gone. */
  invitedBy: string | null;
  createdAt: Date;
}

export type InviteOutcome =
  | { outcome: 'invited'; invitation: PoolInvitationView }
  | { outcome: 'posting_not_found' | 'seeker_not_found' | 'already_invited' | 'already_applied' | 'limit_reached' };

export type ChatInviteOutcome =
  | { outcome: 'invited'; invitation: PoolInvitationView }
  | { outcome: 'booth_not_found' | 'seeker_not_found' | 'already_invited' | 'limit_reached' };

/** An invitation to apply sent from inside a booth chat (its consent is the open chat). */
export type InviteFromChatOutcome =
  | { outcome: 'invited'; invitation: PoolInvitationView; seq: number }
  | { outcome: 'chat_not_found' | 'not_recruiter' | 'chat_ended' | 'posting_not_found' | 'already_invited' | 'already_applied' };

/**
 * A seeker's answer: to an invitation to apply, the shared posting-offer outcomes; to an invitation to chat, also
 * `chat_fair_not_live` (booth chat is open only while the fair is live), `booth_unavailable` (the booth or its
 * inviting recruiter can no longer chat) and `in_another_chat`.
 */
export type AnswerOutcome = OfferAnswer<PoolInvitationView> | { outcome: 'chat_fair_not_live' | 'booth_unavailable' | 'in_another_chat' | 'recruiter_busy' };

const INVITATION_SELECT = `i.id, i.kind, i.fair_id AS "fairId", i.company_id AS "companyId", i.booth_id AS "boothId", i.posting_id AS "postingId",
  p.title AS "postingTitle", c.name AS "companyName", i.seeker_id AS "seekerId", i.message, i.status, i.application_id AS "applicationId",
  i.chat_id AS "chatId", i.invited_by AS "invitedBy", i.created_at AS "createdAt"`;
const INVITATION_FROM = `FROM pool_invitations i LEFT JOIN postings p ON p.id = i.posting_id JOIN companies c ON c.id = i.company_id`;

/** What an invitation is checked against, read under the lock on the company's row. */
interface Inviter {
  companyId: string;
  boothId: string;
  companyName: string;
  timezone: string;
  dailyLimit: number;
}

/** An open posting an invitation to apply names, with its company's row locked. */
interface InvitablePosting extends Inviter {
  id: string;
  title: string;
}

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
      const facts = await this.invitable(m, input.fairId, input.seekerId, posting, now, posting.id);
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
  async inviteFromChat(input: { chatId: string; postingId: string; staffUserId: string; message: string | null }): Promise<InviteFromChatOutcome> {
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
        ownWords: input.message !== null,
      });
      return { outcome: 'invited' as const, invitation: (await this.findInvitation(id, m))!, seq: message.seq };
    });
  }

  /** An open, published posting of the fair (of the booth, when given) at an approved booth of the staff member's company; its company's row locked. */
  private async invitablePosting(m: EntityManager, postingId: string, fairId: string, boothId: string | null, staffUserId: string, now: Date) {
    const [posting] = rowsOf<InvitablePosting>(
      await m.query(
        `SELECT p.id, p.title, p.company_id AS "companyId", p.booth_id AS "boothId", c.name AS "companyName",
                f.timezone, f.pool_invitations_per_company_per_day AS "dailyLimit"
           FROM postings p JOIN booths b ON b.id = p.booth_id JOIN companies c ON c.id = p.company_id JOIN fairs f ON f.id = p.fair_id
          WHERE p.id = $1 AND p.fair_id = $2 AND p.status = 'published' AND b.status = 'approved' AND p.openings > 0
            AND (p.closes_at IS NULL OR p.closes_at > $4::timestamptz)
            AND ($5::uuid IS NULL OR p.booth_id = $5::uuid)
            AND EXISTS (SELECT 1 FROM company_staff s WHERE s.company_id = p.company_id AND s.user_id = $3)
          FOR UPDATE OF c`,
        [postingId, fairId, staffUserId, now, boothId],
      ),
    );
    return posting ?? null;
  }

  /**
   * An invitation to apply and `pool_invitation.sent` (the seeker is notified); null when this posting was put to
   * the seeker already. `chatId`: the booth chat it was sent from, if any.
   */
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
   * An invitation to chat at one of the company's approved booths in the fair, under the same daily limit as
   * invitations to apply (counted under the same lock on the company's row). No posting; nothing of the seeker
   * reaches the company until they accept (a booth chat opens then).
   */
  async inviteToChat(input: { fairId: string; seekerId: string; boothId: string; staffUserId: string; message: string | null }): Promise<ChatInviteOutcome> {
    const now = clock.now();
    return this.dataSource.transaction(async (m) => {
      const [booth] = rowsOf<Inviter>(
        await m.query(
          `SELECT b.company_id AS "companyId", b.id AS "boothId", c.name AS "companyName", f.timezone,
                  f.pool_invitations_per_company_per_day AS "dailyLimit"
             FROM booths b JOIN companies c ON c.id = b.company_id JOIN fairs f ON f.id = b.fair_id
            WHERE b.id = $1 AND b.fair_id = $2 AND b.status = 'approved'
              AND EXISTS (SELECT 1 FROM company_staff s WHERE s.company_id = b.company_id AND s.user_id = $3)
            FOR UPDATE OF c`,
          [input.boothId, input.fairId, input.staffUserId],
        ),
      );
      if (!booth) return { outcome: 'booth_not_found' as const };
      const facts = await this.invitable(m, input.fairId, input.seekerId, booth, now, null);
      if (!facts.pooled) return { outcome: 'seeker_not_found' as const };
      if (facts.today >= booth.dailyLimit) return { outcome: 'limit_reached' as const };
      const [row] = rowsOf<{ id: string }>(
        await m.query(
          `INSERT INTO pool_invitations (kind, fair_id, company_id, booth_id, seeker_id, invited_by, message, created_at)
           VALUES ('chat', $1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (booth_id, seeker_id) WHERE kind = 'chat' AND status <> 'accepted' DO NOTHING RETURNING id`,
          [input.fairId, booth.companyId, booth.boothId, input.seekerId, input.staffUserId, input.message, now],
        ),
      );
      if (!row) return { outcome: 'already_invited' as const };
      await appendDomainEvents(m, [
        domainEvent('pool_chat_invitation.sent', {
          invitationId: row.id,
          fairId: input.fairId,
          companyId: booth.companyId,
          boothId: booth.boothId,
          companyName: booth.companyName,
          seekerId: input.seekerId,
          message: input.message,
        }),
      ]);
      return { outcome: 'invited' as const, invitation: (await this.findInvitation(row.id, m))! };
    });
  }

  /**
   * Whether the seeker is visible in the fair's pool, has applied to the posting (when there is one), and how many
   * invitations the company sent today (fair-local day). Read under the caller's lock on the company's row.
   */
  private async invitable(
    m: EntityManager,
    fairId: string,
    seekerId: string,
    inviter: Pick<Inviter, 'companyId' | 'timezone'>,
    now: Date,
    postingId: string | null,
  ): Promise<{ pooled: boolean; applied: boolean; today: number }> {
    const [facts] = rowsOf<{ pooled: boolean; applied: boolean; today: number }>(
      await m.query(
        `SELECT EXISTS (SELECT 1 FROM talent_pool_entries WHERE fair_id = $1 AND seeker_id = $2 AND visible) AS pooled,
                EXISTS (SELECT 1 FROM applications WHERE posting_id = $3 AND seeker_id = $2) AS applied,
                (SELECT count(*)::int FROM pool_invitations
                  WHERE company_id = $4
                    AND created_at >= (date_trunc('day', $6::timestamptz AT TIME ZONE $5) AT TIME ZONE $5)) AS today`,
        [fairId, seekerId, postingId, inviter.companyId, inviter.timezone, now],
      ),
    );
    return facts;
  }

  /**
   * The seeker accepts. An invitation to apply goes the shared posting-offer path (the application is made through
   * the applications path in the transaction that marks it accepted); an invitation to chat opens a live booth
   * chat with the inviting recruiter (acceptChat).
   */
  async accept(invitationId: string, seekerId: string, now: Date): Promise<AnswerOutcome> {
    const invitation = await this.findInvitation(invitationId);
    if (invitation?.kind === 'chat' && invitation.seekerId === seekerId) return this.acceptChat(invitation, now);
    return answerPostingOffer(this.dataSource, this.applications, this.offers, 'accept', invitationId, seekerId, now);
  }

  /** The seeker declines (ignores): nothing reaches the company, to which the invitation stays "pending". */
  decline(invitationId: string, seekerId: string, now: Date): Promise<AnswerOutcome> {
    return answerPostingOffer(this.dataSource, this.applications, this.offers, 'decline', invitationId, seekerId, now);
  }

  /**
   * An invitation to chat accepted: while the fair is live and the booth approved, a live booth chat opens between
   * the seeker and the recruiter who invited (still staff of the company), through the booth chat's own
   * startLiveChat (`chat.started`), in the transaction that marks the invitation accepted
   * (`pool_chat_invitation.accepted`). A seeker already in a live chat finishes that one first; an inviter whose chats
   * are at their capacity is busy (the invitation stays pending, to accept again).
   */
  private async acceptChat(invitation: PoolInvitationView, now: Date): Promise<AnswerOutcome> {
    try {
      return await this.dataSource.transaction(async (m): Promise<AnswerOutcome> => {
        const [row] = rowsOf<{ status: string; live: boolean; approved: boolean; recruiterId: string | null; seekerName: string }>(
          await m.query(
            `SELECT i.status, f.status = 'live' AS live, b.status = 'approved' AS approved, u.name AS "seekerName",
                    (SELECT s.user_id FROM company_staff s WHERE s.company_id = i.company_id AND s.user_id = i.invited_by) AS "recruiterId"
               FROM pool_invitations i JOIN booths b ON b.id = i.booth_id JOIN fairs f ON f.id = i.fair_id JOIN users u ON u.id = i.seeker_id
              WHERE i.id = $1 FOR UPDATE OF i`,
            [invitation.id],
          ),
        );
        if (!row) return { outcome: 'not_found' };
        if (row.status !== 'pending') return { outcome: 'already_answered' };
        if (!row.live) return { outcome: 'chat_fair_not_live' };
        if (!row.approved || !row.recruiterId) return { outcome: 'booth_unavailable' };
        // An inviter online at the booth takes the chat only with a seat free, as take-next counts seats (an
        // offline inviter finds it open when back, and takes no one from the queue until below capacity).
        if ((await recruiterSeat(m, invitation.boothId, row.recruiterId)) === 'full') return { outcome: 'recruiter_busy' };
        const chatId = await startLiveChat(m, {
          boothId: invitation.boothId,
          fairId: invitation.fairId,
          companyId: invitation.companyId,
          seekerId: invitation.seekerId,
          recruiterId: row.recruiterId,
          entryId: null,
          waitedSeconds: null,
          now,
        });
        await m.query(`UPDATE pool_invitations SET status = 'accepted', chat_id = $2, answered_at = $3 WHERE id = $1`, [invitation.id, chatId, now]);
        await appendDomainEvents(m, [
          domainEvent('pool_chat_invitation.accepted', {
            invitationId: invitation.id,
            fairId: invitation.fairId,
            companyId: invitation.companyId,
            boothId: invitation.boothId,
            seekerId: invitation.seekerId,
            seekerName: row.seekerName,
            recruiterId: row.recruiterId,
            chatId,
          }),
        ]);
        return { outcome: 'answered', offer: (await this.findInvitation(invitation.id, m))! };
      });
    } catch (err) {
      if (isUniqueViolation(err, 'chats_one_open_live_per_seeker')) return { outcome: 'in_another_chat' };
      throw err;
    }
  }

  /** Invitations to apply as posting offers (the shared answer path). */
  private get offers(): PostingOfferKind<PoolInvitationView> {
    return {
      table: 'pool_invitations',
      find: (id, m) => this.findInvitation(id, m),
      acceptedEvent: (i, applicationId) =>
        domainEvent('pool_invitation.accepted', { invitationId: i.id, fairId: i.fairId, companyId: i.companyId, seekerId: i.seekerId, applicationId }),
    };
  }
}
