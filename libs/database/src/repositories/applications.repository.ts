import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { ApplicationStatus, FollowUpDays } from '../entities/application.entity';
import type { EmploymentType } from '../entities/posting.entity';
import { isUniqueViolation } from '../pg-errors';
import type { AppendedEvent } from './fair-events.repository';
import { PostingsRepository } from './postings.repository';
import { domainEvent } from '@bisang/contracts';
import { appendDomainEvents } from './domain-events.repository';
import { rowsOf } from './sql-rows';

/** An application with what its lists and pages show: the posting, the company, the seeker. */
export interface ApplicationView {
  id: string;
  postingId: string;
  boothId: string;
  companyId: string;
  fairId: string;
  seekerId: string;
  status: ApplicationStatus;
  coverLetter: string | null;
  /** Private to the booth's staff. */
  recruiterNote: string | null;
  /** 1–5, private to the booth's staff. */
  rating: number | null;
  /** The company staff's latest private note and rating of a booth chat with the applicant (never the seeker's to see). */
  chatReview: { chatId: string; seekerId: string; note: string | null; rating: number | null; reviewedAt: string | null } | null;
  reachedInterviewAt: Date | null;
  reachedOfferAt: Date | null;
  offerAcceptedAt: Date | null;
  appliedAt: Date;
  updatedAt: Date;
  /** Made from the centre's introduction (소개), when the seeker agreed. */
  introducedByCentre: boolean;
  postingTitle: string;
  companyName: string;
  fairTimezone: string;
  seekerName: string;
  /** Whole years today in the fair's time zone (null without a birth date). */
  seekerAge: number | null;
  /** The seeker's current resume, while the application is not withdrawn (what booth staff may open). */
  resumeId: string | null;
}

export interface TransitionView {
  fromStatus: ApplicationStatus | null;
  toStatus: ApplicationStatus;
  actorId: string | null;
  /** Whether the actor was the seeker who applied (false for booth staff; null when the account is gone). */
  bySeeker: boolean | null;
  at: Date;
}

export interface FollowUpView {
  daysAfterStart: FollowUpDays;
  askedAt: Date | null;
  answeredAt: Date | null;
  stillEmployed: boolean | null;
}

export interface HireView {
  applicationId: string;
  postingId: string;
  seekerId: string;
  employmentType: EmploymentType;
  jobCategory: string;
  /** YYYY-MM-DD, fair-local. */
  startDate: string;
  hiredAt: Date;
  followUps: FollowUpView[];
}

/**
 * Where an application came from when it was not a plain "apply": the centre's introduction (recorded on the
 * application, counted as an introduced hire) and/or a step to take in the same transaction (marking an
 * invitation or introduction accepted). `inTransaction` may throw to roll the application back.
 */
export interface ApplicationOrigin {
  introductionId?: string;
  inTransaction?: (m: EntityManager, applicationId: string) => Promise<void>;
}

export type ApplyOutcome =
  | { outcome: 'applied'; application: ApplicationView }
  | { outcome: 'already_applied' | 'posting_not_found' | 'posting_closed' | 'fair_not_live' };

export type MoveOutcome = { outcome: 'moved'; application: ApplicationView } | { outcome: 'stale' };

export interface HireTerms {
  employmentType?: EmploymentType;
  jobCategory?: string;
  startDate: string;
}

export type HireOutcome =
  | { outcome: 'hired'; application: ApplicationView; hire: HireView; postingClosed?: AppendedEvent }
  | { outcome: 'stale' | 'no_openings' };

export type UndoOutcome = { outcome: 'undone'; application: ApplicationView; startDate: string } | { outcome: 'not_hired' };

export type HireUpdateOutcome = { outcome: 'updated'; hire: HireView; previousStartDate: string } | { outcome: 'not_hired' };

export type FollowUpAnswerOutcome = { outcome: 'answered'; followUp: FollowUpView } | { outcome: 'not_hired' | 'not_asked' };

export type OfferAnswerOutcome = { outcome: 'answered'; application: ApplicationView } | { outcome: 'not_offered' };

export interface ApplicationListFilter {
  limit: number;
  after?: { appliedAt: Date; id: string };
  status?: ApplicationStatus;
  postingId?: string;
}

const VIEW_SELECT = `a.id, a.posting_id AS "postingId", a.booth_id AS "boothId", a.company_id AS "companyId", a.fair_id AS "fairId",
  a.seeker_id AS "seekerId", a.status, a.cover_letter AS "coverLetter", a.recruiter_note AS "recruiterNote", a.rating,
  a.reached_interview_at AS "reachedInterviewAt", a.reached_offer_at AS "reachedOfferAt", a.offer_accepted_at AS "offerAcceptedAt", a.applied_at AS "appliedAt",
  a.updated_at AS "updatedAt", a.introduction_id IS NOT NULL AS "introducedByCentre", p.title AS "postingTitle", c.name AS "companyName", f.timezone AS "fairTimezone",
  u.name AS "seekerName", date_part('year', age((now() AT TIME ZONE f.timezone)::date, u.birth_date))::int AS "seekerAge",
  CASE WHEN a.status <> 'withdrawn' THEN (SELECT r.id FROM resumes r WHERE r.seeker_id = a.seeker_id) END AS "resumeId",
  (SELECT json_build_object('chatId', ch.id, 'seekerId', ch.seeker_id, 'note', ch.staff_note, 'rating', ch.staff_rating, 'reviewedAt', ch.reviewed_at)
     FROM chats ch WHERE ch.company_id = a.company_id AND ch.seeker_id = a.seeker_id AND (ch.staff_note IS NOT NULL OR ch.staff_rating IS NOT NULL)
    ORDER BY ch.reviewed_at DESC LIMIT 1) AS "chatReview"`;

const VIEW_FROM = `FROM applications a JOIN postings p ON p.id = a.posting_id JOIN companies c ON c.id = a.company_id
  JOIN fairs f ON f.id = a.fair_id JOIN users u ON u.id = a.seeker_id`;

const HIRE_SELECT = `h.application_id AS "applicationId", h.posting_id AS "postingId", h.seeker_id AS "seekerId",
  h.employment_type AS "employmentType", h.job_category AS "jobCategory", h.start_date::text AS "startDate", h.hired_at AS "hiredAt"`;

const FOLLOW_UP_SELECT = `days_after_start::int AS "daysAfterStart", asked_at AS "askedAt", answered_at AS "answeredAt", still_employed AS "stillEmployed"`;

/** The facts every application event carries. */
const applicationFacts = (a: ApplicationView) => ({
  applicationId: a.id,
  fairId: a.fairId,
  boothId: a.boothId,
  companyId: a.companyId,
  postingId: a.postingId,
  postingTitle: a.postingTitle,
  companyName: a.companyName,
  seekerId: a.seekerId,
});

/** Thrown inside a transaction to roll it back when the posting has no opening left. */
class NoOpeningsLeft extends Error {}

@Injectable()
export class ApplicationsRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly postings: PostingsRepository,
  ) {}

  /**
   * Applies to a posting that is visible (published, booth approved), still open (not past closesAt, openings
   * left) in a live fair, recording the first move (→ applied) in the same transaction. Once per posting and
   * seeker, enforced by applications_once_per_posting, so concurrent duplicates lose at the constraint.
   */
  async apply(postingId: string, seekerId: string, coverLetter: string | null, now: Date, origin: ApplicationOrigin = {}): Promise<ApplyOutcome> {
    try {
      const id = await this.dataSource.transaction(async (m) => {
        const [row] = rowsOf<{ id: string }>(
          await m.query(
            `INSERT INTO applications (posting_id, booth_id, company_id, fair_id, seeker_id, cover_letter, applied_at, updated_at, introduction_id)
             SELECT p.id, p.booth_id, p.company_id, p.fair_id, $2::uuid, $3::text, $4::timestamptz, $4::timestamptz, $5::uuid
               FROM postings p JOIN booths b ON b.id = p.booth_id JOIN fairs f ON f.id = p.fair_id
              WHERE p.id = $1 AND p.status = 'published' AND b.status = 'approved' AND f.status = 'live'
                AND p.openings > 0 AND (p.closes_at IS NULL OR p.closes_at > $4)
             RETURNING id`,
            [postingId, seekerId, coverLetter, now, origin.introductionId ?? null],
          ),
        );
        if (!row) return null;
        await this.recordTransition(m, row.id, null, 'applied', seekerId, now);
        await origin.inTransaction?.(m, row.id);
        const view = (await this.findView(row.id, m))!;
        await appendDomainEvents(m, [domainEvent('application.submitted', { ...applicationFacts(view), seekerName: view.seekerName })]);
        return row.id;
      });
      if (id) return { outcome: 'applied', application: (await this.findView(id))! };
    } catch (err) {
      if (isUniqueViolation(err, 'applications_once_per_posting')) return { outcome: 'already_applied' };
      throw err;
    }
    return { outcome: await this.whyNotOpenForApplications(postingId, seekerId, now) };
  }

  private async whyNotOpenForApplications(
    postingId: string,
    seekerId: string,
    now: Date,
  ): Promise<'already_applied' | 'posting_not_found' | 'posting_closed' | 'fair_not_live'> {
    const [facts] = (await this.dataSource.query(
      `SELECT p.status, b.status AS "boothStatus", f.status AS "fairStatus",
              (p.openings = 0 OR (p.closes_at IS NOT NULL AND p.closes_at <= $3)) AS "pastItsEnd",
              EXISTS (SELECT 1 FROM applications a WHERE a.posting_id = p.id AND a.seeker_id = $2) AS "applied"
         FROM postings p JOIN booths b ON b.id = p.booth_id JOIN fairs f ON f.id = p.fair_id WHERE p.id = $1`,
      [postingId, seekerId, now],
    )) as { status: string; boothStatus: string; fairStatus: string; pastItsEnd: boolean; applied: boolean }[];
    if (!facts || facts.status === 'draft' || facts.boothStatus !== 'approved' || facts.fairStatus === 'draft') return 'posting_not_found';
    if (facts.applied) return 'already_applied';
    if (facts.fairStatus !== 'live') return 'fair_not_live';
    return 'posting_closed';
  }

  async findView(id: string, m: EntityManager = this.dataSource.manager): Promise<ApplicationView | null> {
    const rows = await m.query(`SELECT ${VIEW_SELECT} ${VIEW_FROM} WHERE a.id = $1`, [id]);
    return (rows[0] as ApplicationView | undefined) ?? null;
  }

  /** A seeker's applications, newest first, keyset-paginated. */
  listForSeeker(seekerId: string, filter: ApplicationListFilter): Promise<ApplicationView[]> {
    return this.list('a.seeker_id = $1', seekerId, filter);
  }

  /** A booth's applications, newest first, filtered by status and posting, keyset-paginated. */
  listForBooth(boothId: string, filter: ApplicationListFilter): Promise<ApplicationView[]> {
    return this.list('a.booth_id = $1', boothId, filter);
  }

  private list(owner: string, ownerId: string, filter: ApplicationListFilter): Promise<ApplicationView[]> {
    const params: unknown[] = [ownerId];
    const where = [owner];
    if (filter.status) {
      params.push(filter.status);
      where.push(`a.status = $${params.length}`);
    }
    if (filter.postingId) {
      params.push(filter.postingId);
      where.push(`a.posting_id = $${params.length}`);
    }
    if (filter.after) {
      params.push(filter.after.appliedAt, filter.after.id);
      where.push(`(a.applied_at, a.id) < ($${params.length - 1}, $${params.length})`);
    }
    params.push(filter.limit + 1);
    return this.dataSource.query(
      `SELECT ${VIEW_SELECT} ${VIEW_FROM} WHERE ${where.join(' AND ')} ORDER BY a.applied_at DESC, a.id DESC LIMIT $${params.length}`,
      params,
    );
  }

  /** Every recorded move of an application, oldest first. */
  async transitions(applicationId: string): Promise<TransitionView[]> {
    return this.dataSource.query(
      `SELECT t.from_status AS "fromStatus", t.to_status AS "toStatus", t.actor_id AS "actorId",
              CASE WHEN t.actor_id IS NULL THEN NULL ELSE t.actor_id = a.seeker_id END AS "bySeeker", t.at
         FROM application_transitions t JOIN applications a ON a.id = t.application_id
        WHERE t.application_id = $1 ORDER BY t.id`,
      [applicationId],
    );
  }

  /**
   * Moves an application from `from` to `to` and records the move, in one transaction. The update is guarded
   * by `status = from`, so of two concurrent moves from the same stage only one wins ('stale' for the other).
   * The first arrival at interview and at offered is stamped (KPIs count them).
   */
  async move(applicationId: string, from: ApplicationStatus, to: ApplicationStatus, actorId: string, now: Date): Promise<MoveOutcome> {
    return this.dataSource.transaction(async (m) => {
      const moved = await this.guardedMove(m, applicationId, from, to, now);
      if (!moved) return { outcome: 'stale' as const };
      await this.recordTransition(m, applicationId, from, to, actorId, now);
      const application = (await this.findView(applicationId, m))!;
      await appendDomainEvents(m, [domainEvent('application.moved', { ...applicationFacts(application), from, to, movedBy: actorId })]);
      return { outcome: 'moved' as const, application };
    });
  }

  /**
   * The seeker's answer to an offer, in one transaction with its event. Accepting stamps `offer_accepted_at`
   * (once: accepting again answers the same, with no second event); declining withdraws the application
   * (offered → withdrawn, recorded as the seeker's move). Anything but an open offer is 'not_offered'.
   */
  async answerOffer(applicationId: string, seekerId: string, accept: boolean, now: Date): Promise<OfferAnswerOutcome> {
    return this.dataSource.transaction(async (m) => {
      const [row] = rowsOf<{ status: ApplicationStatus; accepted: boolean }>(
        await m.query(
          `SELECT status, offer_accepted_at IS NOT NULL AS accepted FROM applications WHERE id = $1 AND seeker_id = $2 FOR UPDATE`,
          [applicationId, seekerId],
        ),
      );
      if (!row || row.status !== 'offered') return { outcome: 'not_offered' as const };
      if (accept) {
        if (!row.accepted) {
          await m.query(`UPDATE applications SET offer_accepted_at = $2, updated_at = $2 WHERE id = $1`, [applicationId, now]);
          const application = (await this.findView(applicationId, m))!;
          await appendDomainEvents(m, [domainEvent('application.offer_accepted', { ...applicationFacts(application), seekerName: application.seekerName })]);
        }
        return { outcome: 'answered' as const, application: (await this.findView(applicationId, m))! };
      }
      if (row.accepted) return { outcome: 'not_offered' as const }; // accepted offers are left by withdrawing
      await this.guardedMove(m, applicationId, 'offered', 'withdrawn', now);
      await this.recordTransition(m, applicationId, 'offered', 'withdrawn', seekerId, now);
      const application = (await this.findView(applicationId, m))!;
      await appendDomainEvents(m, [
        domainEvent('application.moved', { ...applicationFacts(application), from: 'offered', to: 'withdrawn', movedBy: seekerId }),
        domainEvent('application.offer_declined', { ...applicationFacts(application), seekerName: application.seekerName }),
      ]);
      return { outcome: 'answered' as const, application };
    });
  }

  /**
   * offered → hired, in one transaction: takes one of the posting's openings with a guarded decrement
   * (`openings > 0`), records the hire (employment type and job category default to the posting's) and its
   * three follow-ups, records the move, and closes the posting when that was its last opening — exactly once,
   * since only one hire can take the count from 1 to 0. Without an opening left nothing changes.
   */
  async hire(applicationId: string, terms: HireTerms, actorId: string, now: Date): Promise<HireOutcome> {
    try {
      return await this.dataSource.transaction(async (m) => {
        const moved = await this.guardedMove(m, applicationId, 'offered', 'hired', now);
        if (!moved) return { outcome: 'stale' as const };
        const [posting] = rowsOf<{ openings: number }>(
          await m.query(
            `UPDATE postings SET openings = openings - 1, updated_at = $2 WHERE id = $1 AND openings > 0 RETURNING openings`,
            [moved.postingId, now],
          ),
        );
        if (!posting) throw new NoOpeningsLeft();
        await m.query(
          `INSERT INTO hires (application_id, fair_id, posting_id, company_id, seeker_id, employment_type, job_category, start_date, hired_at)
           SELECT a.id, a.fair_id, a.posting_id, a.company_id, a.seeker_id, COALESCE($2::text, p.employment_type), COALESCE($3::text, p.job_category), $4::date, $5::timestamptz
             FROM applications a JOIN postings p ON p.id = a.posting_id WHERE a.id = $1`,
          [applicationId, terms.employmentType ?? null, terms.jobCategory ?? null, terms.startDate, now],
        );
        await m.query(`INSERT INTO hire_follow_ups (application_id, days_after_start) SELECT $1::uuid, d FROM unnest(ARRAY[30, 60, 90]) AS d`, [
          applicationId,
        ]);
        await this.recordTransition(m, applicationId, 'offered', 'hired', actorId, now);
        const application = (await this.findView(applicationId, m))!;
        const hire = (await this.findHire(applicationId, m))!;
        await appendDomainEvents(m, [
          domainEvent('application.moved', { ...applicationFacts(application), from: 'offered', to: 'hired', movedBy: actorId }),
          domainEvent('hire.recorded', { applicationId, fairId: application.fairId, startDate: hire.startDate, timezone: application.fairTimezone }),
        ]);
        // Last, as appendFairEvent asks: it holds the fair's event counter until commit.
        let postingClosed: AppendedEvent | undefined;
        if (Number(posting.openings) === 0) {
          const closed = await this.postings.closeIn(m, moved.postingId, now);
          if (closed && 'posting' in closed) postingClosed = closed.event;
        }
        return { outcome: 'hired' as const, application, hire, postingClosed };
      });
    } catch (err) {
      if (err instanceof NoOpeningsLeft) return { outcome: 'no_openings' };
      throw err;
    }
  }

  /**
   * Corrects a mistaken hire: hired → offered (recorded), the hire and its follow-ups deleted, the opening given
   * back to the posting. A posting closed by its last hire stays closed (see README, "Applications and hires").
   */
  async undoHire(applicationId: string, actorId: string, now: Date): Promise<UndoOutcome> {
    return this.dataSource.transaction(async (m) => {
      const moved = await this.guardedMove(m, applicationId, 'hired', 'offered', now);
      if (!moved) return { outcome: 'not_hired' as const };
      const [hire] = rowsOf<{ startDate: string }>(
        await m.query(`DELETE FROM hires WHERE application_id = $1 RETURNING start_date::text AS "startDate"`, [applicationId]),
      );
      await m.query(`UPDATE postings SET openings = openings + 1, updated_at = $2 WHERE id = $1`, [moved.postingId, now]);
      await this.recordTransition(m, applicationId, 'hired', 'offered', actorId, now);
      const application = (await this.findView(applicationId, m))!;
      await appendDomainEvents(m, [
        domainEvent('application.moved', { ...applicationFacts(application), from: 'hired', to: 'offered', movedBy: actorId }),
        domainEvent('hire.undone', { applicationId, fairId: application.fairId, startDate: hire.startDate, timezone: application.fairTimezone }),
      ]);
      return { outcome: 'undone' as const, application, startDate: hire.startDate };
    });
  }

  /** Corrects a hire's terms (the final contract may differ from the posting). */
  async updateHire(applicationId: string, patch: Partial<HireTerms>): Promise<HireUpdateOutcome> {
    return this.dataSource.transaction(async (m) => {
      const [current] = (await m.query(
        `SELECT h.start_date::text AS "startDate", h.fair_id AS "fairId", f.timezone FROM hires h JOIN fairs f ON f.id = h.fair_id
          WHERE h.application_id = $1 FOR UPDATE OF h`,
        [applicationId],
      )) as { startDate: string; fairId: string; timezone: string }[];
      if (!current) return { outcome: 'not_hired' as const };
      await m.query(
        `UPDATE hires SET employment_type = COALESCE($2, employment_type), job_category = COALESCE($3, job_category),
                          start_date = COALESCE($4::date, start_date)
          WHERE application_id = $1`,
        [applicationId, patch.employmentType ?? null, patch.jobCategory ?? null, patch.startDate ?? null],
      );
      const hire = (await this.findHire(applicationId, m))!;
      await appendDomainEvents(m, [
        domainEvent('hire.updated', {
          applicationId,
          fairId: current.fairId,
          startDate: hire.startDate,
          previousStartDate: current.startDate,
          timezone: current.timezone,
        }),
      ]);
      return { outcome: 'updated' as const, hire, previousStartDate: current.startDate };
    });
  }

  async findHire(applicationId: string, m: EntityManager = this.dataSource.manager): Promise<HireView | null> {
    const [hire] = (await m.query(`SELECT ${HIRE_SELECT} FROM hires h WHERE h.application_id = $1`, [applicationId])) as Omit<
      HireView,
      'followUps'
    >[];
    if (!hire) return null;
    const followUps = (await m.query(
      `SELECT ${FOLLOW_UP_SELECT} FROM hire_follow_ups WHERE application_id = $1 ORDER BY days_after_start`,
      [applicationId],
    )) as FollowUpView[];
    return { ...hire, followUps };
  }

  /**
   * Sets or clears the booth staff's private note and rating (undefined leaves a field as it is). updated_at is
   * left alone: the seeker sees it, and must not learn from it that staff wrote a note.
   */
  async review(applicationId: string, review: { note?: string | null; rating?: number | null }): Promise<ApplicationView | null> {
    const updated = rowsOf<{ id: string }>(
      await this.dataSource.query(
        `UPDATE applications SET recruiter_note = CASE WHEN $2 THEN $3 ELSE recruiter_note END,
                                 rating = CASE WHEN $4 THEN $5::smallint ELSE rating END
          WHERE id = $1 RETURNING id`,
        [applicationId, review.note !== undefined, review.note ?? null, review.rating !== undefined, review.rating ?? null],
      ),
    );
    return updated.length ? this.findView(applicationId) : null;
  }

  /**
   * Marks a follow-up asked, once: only while the hire exists with this start date (a job left behind by a
   * moved start date or an undone hire does nothing). Returns the seeker to ask, or null when there is nothing to do.
   */
  async markFollowUpAsked(applicationId: string, days: FollowUpDays, startDate: string, now: Date): Promise<{ seekerId: string } | null> {
    return this.dataSource.transaction(async (m) => {
      const [row] = rowsOf<{ seekerId: string; fairId: string }>(
        await m.query(
          `UPDATE hire_follow_ups fu SET asked_at = $4
             FROM hires h
            WHERE fu.application_id = $1 AND fu.days_after_start = $2 AND fu.asked_at IS NULL
              AND h.application_id = fu.application_id AND h.start_date = $3::date
           RETURNING h.seeker_id AS "seekerId", h.fair_id AS "fairId"`,
          [applicationId, days, startDate, now],
        ),
      );
      if (!row) return null;
      await appendDomainEvents(m, [domainEvent('follow_up.asked', { applicationId, fairId: row.fairId, seekerId: row.seekerId, daysAfterStart: days })]);
      return { seekerId: row.seekerId };
    });
  }

  /** The seeker's answer to a follow-up that was asked; a later answer replaces an earlier one. */
  async answerFollowUp(applicationId: string, days: FollowUpDays, stillEmployed: boolean, now: Date): Promise<FollowUpAnswerOutcome> {
    const row = await this.dataSource.transaction(async (m) => {
      const [answered] = rowsOf<FollowUpView & { fairId: string }>(
        await m.query(
          `UPDATE hire_follow_ups fu SET still_employed = $3, answered_at = $4 FROM hires h
            WHERE fu.application_id = $1 AND fu.days_after_start = $2 AND fu.asked_at IS NOT NULL AND h.application_id = fu.application_id
           RETURNING fu.days_after_start::int AS "daysAfterStart", fu.asked_at AS "askedAt", fu.answered_at AS "answeredAt",
                     fu.still_employed AS "stillEmployed", h.fair_id AS "fairId"`,
          [applicationId, days, stillEmployed, now],
        ),
      );
      if (answered) {
        await appendDomainEvents(m, [domainEvent('follow_up.answered', { applicationId, fairId: answered.fairId, daysAfterStart: days, stillEmployed })]);
      }
      return answered;
    });
    if (row) {
      const { fairId: _, ...followUp } = row;
      return { outcome: 'answered', followUp };
    }
    const hired = await this.dataSource.query(`SELECT 1 FROM hires WHERE application_id = $1`, [applicationId]);
    return { outcome: hired.length ? 'not_asked' : 'not_hired' };
  }

  /** Hires whose follow-ups are not all asked yet, for re-scheduling their jobs at start-up. */
  async findHiresWithPendingFollowUps(): Promise<{ applicationId: string; startDate: string; timezone: string }[]> {
    return this.dataSource.query(
      `SELECT h.application_id AS "applicationId", h.start_date::text AS "startDate", f.timezone
         FROM hires h JOIN fairs f ON f.id = h.fair_id
        WHERE EXISTS (SELECT 1 FROM hire_follow_ups fu WHERE fu.application_id = h.application_id AND fu.asked_at IS NULL)`,
    );
  }

  /**
   * Withdraws every application of the seeker still in progress (their account is being deleted), inside the
   * caller's transaction: each move is recorded and its `application.moved` commits with it, as a seeker's own
   * withdrawal would. Counts (applications, interviews and offers reached) are untouched.
   */
  async withdrawAllActiveIn(m: EntityManager, seekerId: string, now: Date): Promise<number> {
    const active = rowsOf<{ id: string; status: ApplicationStatus }>(
      await m.query(
        `SELECT id, status FROM applications WHERE seeker_id = $1 AND status IN ('applied', 'screening', 'interview', 'offered') ORDER BY id FOR UPDATE`,
        [seekerId],
      ),
    );
    for (const { id, status } of active) {
      if (!(await this.guardedMove(m, id, status, 'withdrawn', now))) continue;
      await this.recordTransition(m, id, status, 'withdrawn', seekerId, now);
      const application = (await this.findView(id, m))!;
      await appendDomainEvents(m, [domainEvent('application.moved', { ...applicationFacts(application), from: status, to: 'withdrawn', movedBy: seekerId })]);
    }
    return active.length;
  }

  private async guardedMove(
    m: EntityManager,
    applicationId: string,
    from: ApplicationStatus,
    to: ApplicationStatus,
    now: Date,
  ): Promise<{ postingId: string } | null> {
    const [row] = rowsOf<{ postingId: string }>(
      await m.query(
        `UPDATE applications
            SET status = $3, updated_at = $4,
                reached_interview_at = CASE WHEN $3 = 'interview' THEN COALESCE(reached_interview_at, $4) ELSE reached_interview_at END,
                reached_offer_at = CASE WHEN $3 = 'offered' THEN COALESCE(reached_offer_at, $4) ELSE reached_offer_at END
          WHERE id = $1 AND status = $2
         RETURNING posting_id AS "postingId"`,
        [applicationId, from, to, now],
      ),
    );
    return row ?? null;
  }

  private async recordTransition(
    m: EntityManager,
    applicationId: string,
    from: ApplicationStatus | null,
    to: ApplicationStatus,
    actorId: string,
    now: Date,
  ): Promise<void> {
    await m.query(`INSERT INTO application_transitions (application_id, from_status, to_status, actor_id, at) VALUES ($1, $2, $3, $4, $5)`, [
      applicationId,
      from,
      to,
      actorId,
      now,
    ]);
  }
}
