import { clock } from '@bisang/common';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { FairKpis, KpiCompany, KpiDay, KpiRetention } from '@bisang/common';
import { domainEvent } from '@bisang/contracts';
import type { KpiTargets } from '@bisang/contracts';
import { appendDomainEvents } from './domain-events.repository';
import { rowsOf } from './sql-rows';

/**
 * The seeker's age in whole years on the hire date: the day of `hired_at` in the fair's time zone, counted
 * the way age() counts (a birthday counts from its own day). Needs aliases `h` (hires), `u` (users), `f` (fairs).
 * A deleted account's age at hire was written on the hire (`seeker_age_at_hire`) before its birth date was erased.
 */
export const LIVE_AGE_AT_HIRE = `date_part('year', age(date_trunc('day', h.hired_at AT TIME ZONE f.timezone), u.birth_date::timestamp))::int`;
/** The age at hire the KPIs count: the one kept on the hire of a deleted account, else from the birth date. */
const AGE_AT_HIRE = `coalesce(h.seeker_age_at_hire, ${LIVE_AGE_AT_HIRE})`;
const IS_YOUTH = `(${AGE_AT_HIRE} BETWEEN f.youth_age_min AND f.youth_age_max)`;
/** Mid-career (중장년): the same age at hire, at least the fair's threshold. */
const IS_MID_CAREER = `(${AGE_AT_HIRE} >= f.mid_career_age_min)`;
/**
 * Segments from the seeker's profile (alias `sp`, left-joined) and the application's origin (alias `a`); a deleted
 * account's segments were written on the hire before its profile was erased.
 */
const IS_UTURN = `coalesce(h.seeker_uturn, sp.u_turn, false)`;
const IS_CAREER_BREAK = `coalesce(h.seeker_career_break, sp.career_break, false)`;
const IS_INTRODUCED = `(a.introduction_id IS NOT NULL)`;
/** Joins the segments above need, after `hires h JOIN users u`. */
const SEGMENT_JOINS = `LEFT JOIN seeker_profiles sp ON sp.user_id = h.seeker_id JOIN applications a ON a.id = h.application_id`;

/** One line of the hires export, personal data kept to name and age. */
export interface HireExportRow {
  company: string;
  posting: string;
  seeker: string;
  ageAtHire: number | null;
  youth: boolean;
  /** The hire's job group is one the fair counts as professional (as the KPIs count it). */
  professional: boolean;
  midCareer: boolean;
  uturn: boolean;
  careerBreak: boolean;
  introduced: boolean;
  employmentType: string;
  jobCategory: string;
  startDate: string;
  hiredAt: string;
}

export interface ApplicationExportRow {
  company: string;
  posting: string;
  seeker: string;
  status: string;
  appliedAt: string;
  updatedAt: string;
}

const EXPORT_BATCH = 500;

/** The organizer's numbers, read in SQL from one snapshot, and the CSV exports read through a cursor. */
@Injectable()
export class KpisRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Every KPI of a fair from one REPEATABLE READ, read-only snapshot, so a hire committed while the
   * statements run is either in all the numbers or in none. Null when the fair does not exist.
   */
  computeForFair(fairId: string): Promise<FairKpis | null> {
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      await m.query('SET TRANSACTION READ ONLY');
      const [summary] = (await m.query(SUMMARY_SQL, [fairId, clock.now()])) as (Omit<FairKpis, 'retention' | 'daily' | 'companies' | 'asOf'> & { asOf: Date })[];
      if (!summary) return null;
      const retention = (await m.query(RETENTION_SQL, [fairId])) as KpiRetention[];
      const daily = (await m.query(DAILY_SQL, [fairId, clock.now()])) as KpiDay[];
      const companies = (await m.query(COMPANIES_SQL, [fairId])) as KpiCompany[];
      return { ...summary, asOf: summary.asOf.toISOString(), retention, daily, companies };
    });
  }

  /** Replaces the fair's target shares (`kpi_targets.set` commits with them); null when the fair does not exist. */
  async setTargets(fairId: string, targets: KpiTargets): Promise<KpiTargets | null> {
    return this.dataSource.transaction(async (m) => {
      const [row] = rowsOf<{ targets: KpiTargets }>(
        await m.query(`UPDATE fairs SET kpi_targets = $2 WHERE id = $1 RETURNING kpi_targets AS targets`, [fairId, JSON.stringify(targets)]),
      );
      if (!row) return null;
      await appendDomainEvents(m, [domainEvent('kpi_targets.set', { fairId })]);
      return row.targets;
    });
  }

  /** The fair's hires, oldest first, in batches read through a server-side cursor (never all in memory). */
  streamHires(fairId: string): AsyncGenerator<HireExportRow[]> {
    return this.cursor<HireExportRow>(
      `SELECT c.name AS company, p.title AS posting, u.name AS seeker,
              ${AGE_AT_HIRE} AS "ageAtHire", coalesce(${IS_YOUTH}, false) AS youth,
              (h.job_category = ANY (f.professional_job_categories)) AS professional,
              coalesce(${IS_MID_CAREER}, false) AS "midCareer", ${IS_UTURN} AS uturn,
              ${IS_CAREER_BREAK} AS "careerBreak", ${IS_INTRODUCED} AS introduced,
              h.employment_type AS "employmentType", h.job_category AS "jobCategory",
              to_char(h.start_date, 'YYYY-MM-DD') AS "startDate",
              to_char(h.hired_at AT TIME ZONE f.timezone, 'YYYY-MM-DD HH24:MI') AS "hiredAt"
         FROM hires h
         JOIN fairs f ON f.id = h.fair_id
         JOIN users u ON u.id = h.seeker_id
         JOIN companies c ON c.id = h.company_id
         JOIN postings p ON p.id = h.posting_id
         ${SEGMENT_JOINS}
        WHERE h.fair_id = $1
        ORDER BY h.hired_at, h.application_id`,
      [fairId],
    );
  }

  /** The fair's applications, oldest first, through a server-side cursor. */
  streamApplications(fairId: string): AsyncGenerator<ApplicationExportRow[]> {
    return this.cursor<ApplicationExportRow>(
      `SELECT c.name AS company, p.title AS posting, u.name AS seeker, a.status,
              to_char(a.applied_at AT TIME ZONE f.timezone, 'YYYY-MM-DD HH24:MI') AS "appliedAt",
              to_char(a.updated_at AT TIME ZONE f.timezone, 'YYYY-MM-DD HH24:MI') AS "updatedAt"
         FROM applications a
         JOIN fairs f ON f.id = a.fair_id
         JOIN users u ON u.id = a.seeker_id
         JOIN companies c ON c.id = a.company_id
         JOIN postings p ON p.id = a.posting_id
        WHERE a.fair_id = $1
        ORDER BY a.applied_at, a.id`,
      [fairId],
    );
  }

  /**
   * Runs `sql` as a server-side cursor in a read-only transaction on a connection of its own and yields
   * its rows in batches; the consumer's pace decides when the next batch is fetched. The connection goes
   * back to the pool when the rows run out, the consumer stops early, or anything fails.
   */
  private async *cursor<T>(sql: string, params: unknown[]): AsyncGenerator<T[]> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction('REPEATABLE READ');
      await runner.query('SET TRANSACTION READ ONLY');
      await runner.query(`DECLARE export_rows NO SCROLL CURSOR FOR ${sql}`, params);
      for (;;) {
        const rows = (await runner.query(`FETCH FORWARD ${EXPORT_BATCH} FROM export_rows`)) as T[];
        if (rows.length === 0) break;
        yield rows;
        if (rows.length < EXPORT_BATCH) break;
      }
      await runner.commitTransaction();
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      await runner.release();
    }
  }
}

/** Counts and shares; the CROSS JOIN LATERALs each read one table of the fair. */
const SUMMARY_SQL = `
  SELECT f.id AS "fairId", $2::timestamptz AS "asOf",
         f.hiring_target AS "hiringTarget",
         hs.hires,
         CASE WHEN f.hiring_target = 0 THEN 0 ELSE hs.hires::float8 / f.hiring_target END AS "targetProgress",
         hs.youth AS "youthHires",
         CASE WHEN hs.hires = 0 THEN 0 ELSE hs.youth::float8 / hs.hires END AS "youthShare",
         hs.regular AS "regularHires",
         CASE WHEN hs.hires = 0 THEN 0 ELSE hs.regular::float8 / hs.hires END AS "regularShare",
         hs.professional AS "professionalHires",
         CASE WHEN hs.hires = 0 THEN 0 ELSE hs.professional::float8 / hs.hires END AS "professionalShare",
         hs.mid_career AS "midCareerHires",
         CASE WHEN hs.hires = 0 THEN 0 ELSE hs.mid_career::float8 / hs.hires END AS "midCareerShare",
         hs.uturn AS "uturnHires",
         CASE WHEN hs.hires = 0 THEN 0 ELSE hs.uturn::float8 / hs.hires END AS "uturnShare",
         hs.career_break AS "careerBreakHires",
         CASE WHEN hs.hires = 0 THEN 0 ELSE hs.career_break::float8 / hs.hires END AS "careerBreakShare",
         hs.introduced AS "introducedHires",
         CASE WHEN hs.hires = 0 THEN 0 ELSE hs.introduced::float8 / hs.hires END AS "introducedShare",
         f.kpi_targets AS targets,
         a.applications, a.interviews, a.offers,
         c.bookings AS "coachingBookings", c.completions AS "coachingCompletions", c.no_shows AS "coachingNoShows",
         ch.held AS "chatsHeld", ch.wait_median AS "chatWaitMedianSeconds", ch.wait_p90 AS "chatWaitP90Seconds",
         q.abandoned AS "chatQueueAbandoned", ch.unanswered AS "chatMessagesUnanswered",
         md.sent AS "mailsSent", md.failed AS "mailsFailed", md.bounced AS "mailsBouncedOnSend"
    FROM fairs f
   CROSS JOIN LATERAL (
         SELECT count(*)::int AS hires,
                count(*) FILTER (WHERE ${IS_YOUTH})::int AS youth,
                count(*) FILTER (WHERE h.employment_type = 'regular')::int AS regular,
                count(*) FILTER (WHERE h.job_category = ANY (f.professional_job_categories))::int AS professional,
                count(*) FILTER (WHERE ${IS_MID_CAREER})::int AS mid_career,
                count(*) FILTER (WHERE ${IS_UTURN})::int AS uturn,
                count(*) FILTER (WHERE ${IS_CAREER_BREAK})::int AS career_break,
                count(*) FILTER (WHERE ${IS_INTRODUCED})::int AS introduced
           FROM hires h JOIN users u ON u.id = h.seeker_id ${SEGMENT_JOINS}
          WHERE h.fair_id = f.id) hs
   CROSS JOIN LATERAL (
         SELECT count(*)::int AS applications,
                count(reached_interview_at)::int AS interviews,
                count(reached_offer_at)::int AS offers
           FROM applications WHERE fair_id = f.id) a
   CROSS JOIN LATERAL (
         SELECT count(*) FILTER (WHERE status IN ('confirmed', 'completed', 'no_show'))::int AS bookings,
                count(*) FILTER (WHERE status = 'completed')::int AS completions,
                count(*) FILTER (WHERE status = 'no_show')::int AS no_shows
           FROM coaching_bookings WHERE fair_id = f.id AND kind = 'coaching') c
   CROSS JOIN LATERAL (
         SELECT count(*) FILTER (WHERE kind = 'live')::int AS held,
                round(percentile_cont(0.5) WITHIN GROUP (ORDER BY waited_seconds) FILTER (WHERE kind = 'live'))::int AS wait_median,
                round(percentile_cont(0.9) WITHIN GROUP (ORDER BY waited_seconds) FILTER (WHERE kind = 'live'))::int AS wait_p90,
                count(*) FILTER (WHERE kind = 'message' AND recruiter_id IS NULL AND ended_at IS NULL
                                   AND started_at < $2::timestamptz - interval '24 hours')::int AS unanswered
           FROM chats WHERE fair_id = f.id) ch
   CROSS JOIN LATERAL (
         SELECT count(*)::int AS abandoned FROM booth_queue_entries WHERE fair_id = f.id AND status IN ('left', 'abandoned')) q
   CROSS JOIN LATERAL (
         -- A failure's recorded SMTP reply code (e.g. "SMTP EENVELOPE 550 RCPT TO") tells a refusal (5xx) from the rest.
         SELECT count(*) FILTER (WHERE status = 'accepted')::int AS sent,
                count(*) FILTER (WHERE status = 'failed' AND coalesce(last_error, '') !~ ' 5[0-9][0-9]( |$)')::int AS failed,
                count(*) FILTER (WHERE status = 'failed' AND last_error ~ ' 5[0-9][0-9]( |$)')::int AS bounced
           FROM mail_deliveries WHERE fair_id = f.id) md
   WHERE f.id = $1`;

/**
 * Days in the fair's time zone from its first day to today (or its last day, once over); widened to any
 * day that has a hire or an application (placements often come after the fair), so cumulativeHires ends
 * at hires.
 */
const DAILY_SQL = `
  WITH f AS (
         SELECT timezone,
                (starts_at AT TIME ZONE timezone)::date AS first_day,
                ((ends_at - interval '1 microsecond') AT TIME ZONE timezone)::date AS last_day,
                ($2::timestamptz AT TIME ZONE timezone)::date AS today
           FROM fairs WHERE id = $1),
       hd AS (
         SELECT (h.hired_at AT TIME ZONE f.timezone)::date AS day, count(*)::int AS n
           FROM hires h, f WHERE h.fair_id = $1 GROUP BY 1),
       ad AS (
         SELECT (a.applied_at AT TIME ZONE f.timezone)::date AS day, count(*)::int AS n
           FROM applications a, f WHERE a.fair_id = $1 GROUP BY 1),
       span AS (
         SELECT least(f.first_day, (SELECT min(day) FROM hd), (SELECT min(day) FROM ad)) AS d0,
                greatest(least(f.today, f.last_day), (SELECT max(day) FROM hd), (SELECT max(day) FROM ad)) AS d1
           FROM f),
       days AS (
         SELECT g::date AS day FROM span, generate_series(span.d0::timestamp, span.d1::timestamp, interval '1 day') AS g)
  SELECT to_char(days.day, 'YYYY-MM-DD') AS date,
         coalesce(hd.n, 0) AS hires,
         (sum(coalesce(hd.n, 0)) OVER (ORDER BY days.day))::int AS "cumulativeHires",
         coalesce(ad.n, 0) AS applications
    FROM days LEFT JOIN hd ON hd.day = days.day LEFT JOIN ad ON ad.day = days.day
   ORDER BY days.day`;

/** Companies with an approved booth in the fair, or with applications or hires in it. */
const COMPANIES_SQL = `
  WITH cs AS (
         SELECT company_id FROM booths WHERE fair_id = $1 AND status = 'approved'
         UNION SELECT company_id FROM applications WHERE fair_id = $1
         UNION SELECT company_id FROM hires WHERE fair_id = $1),
       a AS (
         SELECT company_id, count(*)::int AS applications, count(reached_interview_at)::int AS interviews,
                count(reached_offer_at)::int AS offers
           FROM applications WHERE fair_id = $1 GROUP BY company_id),
       h AS (SELECT company_id, count(*)::int AS hires FROM hires WHERE fair_id = $1 GROUP BY company_id)
  SELECT c.id AS "companyId", c.name,
         coalesce(a.applications, 0) AS applications, coalesce(a.interviews, 0) AS interviews,
         coalesce(a.offers, 0) AS offers, coalesce(h.hires, 0) AS hires
    FROM cs JOIN companies c ON c.id = cs.company_id
    LEFT JOIN a ON a.company_id = cs.company_id
    LEFT JOIN h ON h.company_id = cs.company_id
   ORDER BY hires DESC, applications DESC, c.name, c.id`;

const RETENTION_SQL = `
  SELECT d.days::int AS days,
         count(fu.asked_at)::int AS asked,
         count(fu.answered_at)::int AS answered,
         count(*) FILTER (WHERE fu.still_employed)::int AS "stillEmployed",
         CASE WHEN count(fu.answered_at) = 0 THEN 0
              ELSE (count(*) FILTER (WHERE fu.still_employed))::float8 / count(fu.answered_at) END AS rate
    FROM unnest(ARRAY[30, 60, 90]) AS d(days)
    LEFT JOIN (hire_follow_ups fu JOIN hires h ON h.application_id = fu.application_id AND h.fair_id = $1)
      ON fu.days_after_start = d.days
   GROUP BY d.days
   ORDER BY d.days`;
