import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DELETED_ACCOUNT_NAME, domainEvent } from '@bisang/contracts';
import type { PrivacyConsentRecord } from '@bisang/contracts';
import { ApplicationsRepository } from './applications.repository';
import { CoachingBookingsRepository } from './coaching-bookings.repository';
import { appendDomainEvents } from './domain-events.repository';
import { LIVE_AGE_AT_HIRE } from './kpis.repository';
import { rowsOf } from './sql-rows';

/** Records that the user agreed to the consent text `version` at `at` (the first agreement to a version stays). */
export async function recordPrivacyConsent(m: EntityManager, userId: string, version: string, at: Date): Promise<void> {
  await m.query(`INSERT INTO privacy_consents (user_id, version, agreed_at) VALUES ($1, $2, $3) ON CONFLICT (user_id, version) DO NOTHING`, [
    userId,
    version,
    at,
  ]);
}

/** Why a booking of a deleted account was cancelled (the `reason` of its `booking.cancelled`). */
export const ACCOUNT_DELETED_REASON = 'ACCOUNT_DELETED';

/** Everything the platform holds about one user, as its data export shows it. */
export interface PersonalDataExport {
  account: Record<string, unknown>;
  privacyConsents: PrivacyConsentRecord[];
  profile: Record<string, unknown> | null;
  resume: Record<string, unknown> | null;
  applications: Record<string, unknown>[];
  coachingBookings: Record<string, unknown>[];
  boothQueues: Record<string, unknown>[];
  chats: Record<string, unknown>[];
  messagesSent: Record<string, unknown>[];
  talentPool: Record<string, unknown>[];
  poolInvitations: Record<string, unknown>[];
  introductions: Record<string, unknown>[];
  notifications: Record<string, unknown>[];
}

export interface AnonymisedAccount {
  /** Storage keys of the files to delete once the transaction has committed. */
  resumeKeys: string[];
  withdrawnApplications: number;
  cancelledBookings: number;
}

/**
 * Privacy: consents, the data export, and the erasure of a deleted seeker. Erasure keeps what the KPIs count
 * (hires, applications, sessions held, chats) as rows of an emptied account, with the age at hire and the segments
 * written on each hire first, so that every KPI reads the same before and after.
 */
@Injectable()
export class PrivacyRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly applications: ApplicationsRepository,
    private readonly bookings: CoachingBookingsRepository,
  ) {}

  async consentsOf(userId: string): Promise<PrivacyConsentRecord[]> {
    const rows = rowsOf<{ version: string; agreedAt: Date }>(
      await this.dataSource.query(
        `SELECT version, agreed_at AS "agreedAt" FROM privacy_consents WHERE user_id = $1 ORDER BY agreed_at, version`,
        [userId],
      ),
    );
    return rows.map((r) => ({ version: r.version, agreedAt: r.agreedAt.toISOString() }));
  }

  async agree(userId: string, version: string, at: Date): Promise<void> {
    await this.dataSource.transaction((m) => recordPrivacyConsent(m, userId, version, at));
  }

  /** The booths whose queue the user is waiting in. */
  async waitingQueueBooths(userId: string): Promise<string[]> {
    const rows = rowsOf<{ boothId: string }>(
      await this.dataSource.query(`SELECT booth_id AS "boothId" FROM booth_queue_entries WHERE seeker_id = $1 AND status = 'waiting'`, [userId]),
    );
    return rows.map((r) => r.boothId);
  }

  /** The user's data, read from one snapshot; null when there is no such (live) account. */
  exportData(userId: string): Promise<PersonalDataExport | null> {
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      await m.query('SET TRANSACTION READ ONLY');
      const q = async (sql: string) => rowsOf<Record<string, unknown>>(await m.query(sql, [userId]));
      const [account] = await q(
        `SELECT id, email, name, role, to_char(birth_date, 'YYYY-MM-DD') AS "birthDate", language,
                email_verified_at AS "emailVerifiedAt", mail_opt_outs AS "mailOptOuts", created_at AS "createdAt"
           FROM users WHERE id = $1 AND deleted_at IS NULL`,
      );
      if (!account) return null;
      const [profile] = await q(
        `SELECT education, desired_job_categories AS "desiredJobCategories", desired_employment_types AS "desiredEmploymentTypes",
                region, u_turn AS "uTurn", career_break AS "careerBreak", career_years AS "careerYears",
                career_summary AS "careerSummary", updated_at AS "updatedAt"
           FROM seeker_profiles WHERE user_id = $1`,
      );
      const [resume] = await q(
        `SELECT id, file_name AS "fileName", size_bytes AS "sizeBytes", sha256, uploaded_at AS "uploadedAt" FROM resumes WHERE seeker_id = $1`,
      );
      return {
        account,
        privacyConsents: await this.consentsOf(userId),
        profile: profile ?? null,
        resume: resume ?? null,
        applications: await q(
          `SELECT a.id, a.fair_id AS "fairId", a.posting_id AS "postingId", p.title AS "postingTitle", c.name AS "companyName",
                  a.status, a.cover_letter AS "coverLetter", a.applied_at AS "appliedAt", a.updated_at AS "updatedAt",
                  CASE WHEN h.application_id IS NULL THEN NULL ELSE json_build_object(
                    'employmentType', h.employment_type, 'jobCategory', h.job_category,
                    'startDate', to_char(h.start_date, 'YYYY-MM-DD'), 'hiredAt', h.hired_at) END AS hire,
                  (SELECT coalesce(json_agg(json_build_object('daysAfterStart', fu.days_after_start, 'answeredAt', fu.answered_at,
                                                              'stillEmployed', fu.still_employed) ORDER BY fu.days_after_start), '[]')
                     FROM hire_follow_ups fu WHERE fu.application_id = a.id AND fu.answered_at IS NOT NULL) AS "followUps"
             FROM applications a
             JOIN postings p ON p.id = a.posting_id
             JOIN companies c ON c.id = a.company_id
             LEFT JOIN hires h ON h.application_id = a.id
            WHERE a.seeker_id = $1
            ORDER BY a.applied_at, a.id`,
        ),
        coachingBookings: await q(
          `SELECT b.id, b.fair_id AS "fairId", b.kind, b.status, b.reason, b.starts_at AS "startsAt", b.ends_at AS "endsAt",
                  u.name AS "coachName", b.requested_at AS "requestedAt"
             FROM coaching_bookings b JOIN users u ON u.id = b.coach_id
            WHERE b.seeker_id = $1
            ORDER BY b.starts_at, b.id`,
        ),
        boothQueues: await q(
          `SELECT e.booth_id AS "boothId", c.name AS "companyName", e.status, e.joined_at AS "joinedAt", e.settled_at AS "settledAt"
             FROM booth_queue_entries e JOIN companies c ON c.id = e.company_id
            WHERE e.seeker_id = $1
            ORDER BY e.joined_at, e.id`,
        ),
        chats: await q(
          `SELECT ch.id, ch.kind, ch.booth_id AS "boothId", c.name AS "companyName", ch.started_at AS "startedAt", ch.ended_at AS "endedAt"
             FROM chats ch LEFT JOIN companies c ON c.id = ch.company_id
            WHERE ch.seeker_id = $1 OR ch.recruiter_id = $1
            ORDER BY ch.started_at, ch.id`,
        ),
        messagesSent: await q(
          `SELECT chat_id AS "chatId", seq, body, at FROM chat_messages WHERE sender_id = $1 ORDER BY at, chat_id, seq`,
        ),
        talentPool: await q(
          `SELECT fair_id AS "fairId", visible, show_name AS "showName", updated_at AS "updatedAt" FROM talent_pool_entries WHERE seeker_id = $1 ORDER BY fair_id`,
        ),
        savedPostings: await q(
          `SELECT s.posting_id AS "postingId", p.title AS "postingTitle", s.saved_at AS "savedAt"
             FROM saved_postings s JOIN postings p ON p.id = s.posting_id
            WHERE s.seeker_id = $1 ORDER BY s.saved_at, s.posting_id`,
        ),
        poolInvitations: await q(
          `SELECT i.id, i.kind, i.posting_id AS "postingId", c.name AS "companyName", i.message, i.status, i.created_at AS "createdAt", i.answered_at AS "answeredAt"
             FROM pool_invitations i JOIN companies c ON c.id = i.company_id
            WHERE i.seeker_id = $1 ORDER BY i.created_at, i.id`,
        ),
        introductions: await q(
          `SELECT id, posting_id AS "postingId", message, status, created_at AS "createdAt", answered_at AS "answeredAt"
             FROM introductions WHERE seeker_id = $1 ORDER BY created_at, id`,
        ),
        notifications: await q(
          `SELECT id, type, data, created_at AS "createdAt", read_at AS "readAt" FROM notifications WHERE user_id = $1 ORDER BY created_at, id`,
        ),
      };
    });
  }

  /**
   * Erases a seeker's personal data in one transaction; null when there is no such live seeker. In order:
   * the KPI facts are written on the hires; what is in progress ends as the seeker ending it would (applications
   * withdrawn, upcoming bookings cancelled, waitlists left), with its events; then every personal field goes
   * (profile, resume, cover letters and notes about them, message text, talent pool, names in stored
   * notifications and events) and the account is emptied. `account.deleted` commits with it.
   */
  anonymiseSeeker(userId: string, now: Date): Promise<AnonymisedAccount | null> {
    return this.dataSource.transaction(async (m) => {
      const [user] = rowsOf<{ id: string }>(
        await m.query(`SELECT id FROM users WHERE id = $1 AND role = 'seeker' AND deleted_at IS NULL FOR UPDATE`, [userId]),
      );
      if (!user) return null;
      const run = (sql: string, params: unknown[] = [userId]) => m.query(sql, params);

      // What the KPIs read from the birth date and the profile, kept on the hire (only what they need).
      await run(
        `UPDATE hires h
            SET seeker_age_at_hire = coalesce(h.seeker_age_at_hire,
                  (SELECT ${LIVE_AGE_AT_HIRE} FROM users u, fairs f WHERE u.id = h.seeker_id AND f.id = h.fair_id)),
                seeker_uturn = coalesce(h.seeker_uturn, (SELECT sp.u_turn FROM seeker_profiles sp WHERE sp.user_id = h.seeker_id), false),
                seeker_career_break = coalesce(h.seeker_career_break,
                  (SELECT sp.career_break FROM seeker_profiles sp WHERE sp.user_id = h.seeker_id), false)
          WHERE h.seeker_id = $1`,
      );

      const withdrawnApplications = await this.applications.withdrawAllActiveIn(m, userId, now);
      const cancelledBookings = await this.bookings.cancelUpcomingOfSeekerIn(m, userId, now, ACCOUNT_DELETED_REASON);
      await run(`UPDATE coaching_waitlist SET status = 'left' WHERE seeker_id = $1 AND status IN ('waiting', 'offered')`);
      await run(`UPDATE pool_invitations SET status = 'declined', answered_at = $2 WHERE seeker_id = $1 AND status = 'pending'`, [userId, now]);
      await run(`UPDATE introductions SET status = 'declined', answered_at = $2 WHERE seeker_id = $1 AND status = 'pending'`, [userId, now]);

      const resumes = rowsOf<{ key: string }>(await run(`DELETE FROM resumes WHERE seeker_id = $1 RETURNING storage_key AS key`));
      await run(`DELETE FROM seeker_profiles WHERE user_id = $1`);
      await run(`DELETE FROM talent_pool_entries WHERE seeker_id = $1`);
      await run(`DELETE FROM saved_postings WHERE seeker_id = $1`);
      await run(`DELETE FROM counselling_notes WHERE seeker_id = $1`);
      await run(`DELETE FROM notifications WHERE user_id = $1`);
      await run(`UPDATE applications SET cover_letter = NULL, recruiter_note = NULL WHERE seeker_id = $1`);
      await run(`UPDATE pool_invitations SET message = NULL WHERE seeker_id = $1`);
      await run(`UPDATE introductions SET message = NULL WHERE seeker_id = $1`);
      await run(`UPDATE coaching_bookings SET feedback = NULL WHERE seeker_id = $1`);
      await run(`UPDATE chat_messages SET body = $2 WHERE sender_id = $1`, [userId, DELETED_MESSAGE_BODY]);
      // The seeker's name, copied into companies' notifications and into the outbox's payloads.
      await run(
        `UPDATE notifications SET data = jsonb_set(data, '{seekerName}', to_jsonb($2::text))
          WHERE data ? 'seekerName' AND (data->>'seekerId' = $1::text
                OR data->>'applicationId' IN (SELECT id::text FROM applications WHERE seeker_id = $1::text::uuid))`,
        [userId, DELETED_ACCOUNT_NAME],
      );
      await run(
        `UPDATE domain_events SET payload = jsonb_set(payload, '{seekerName}', to_jsonb($2::text))
          WHERE payload ? 'seekerName' AND payload->>'seekerId' = $1::text`,
        [userId, DELETED_ACCOUNT_NAME],
      );
      await run(
        `UPDATE users
            SET name = $2, email = 'deleted-' || id || '@deleted.invalid', password_hash = '!deleted', birth_date = NULL,
                email_verified_at = NULL, calendar_feed_version = gen_random_uuid()::text, deleted_at = $3
          WHERE id = $1`,
        [userId, DELETED_ACCOUNT_NAME, now],
      );
      await appendDomainEvents(m, [domainEvent('account.deleted', { userId })]);
      return { resumeKeys: resumes.map((r) => r.key), withdrawnApplications, cancelledBookings };
    });
  }
}

/** What a deleted account's chat messages read (the text is erased; the message stays so sequence numbers stay whole). */
export const DELETED_MESSAGE_BODY = '(탈퇴한 회원의 메시지는 삭제되었습니다 / Deleted with the account)';
