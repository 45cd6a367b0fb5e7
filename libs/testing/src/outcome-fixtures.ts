import { randomBytes } from 'node:crypto';
import type { Client } from 'pg';

/**
 * Outcome fixtures straight in SQL: fairs with a chosen window, zone and youth range, companies with booths,
 * postings, seekers with birth dates, applications at any stage, hires, follow-ups and coaching bookings at
 * any status. KPI and export tests compare against numbers computed by hand from exactly these rows.
 */

const tag = () => randomBytes(5).toString('hex');

export interface OutcomeFairOptions {
  timezone?: string;
  startsAt: Date;
  endsAt: Date;
  hiringTarget?: number;
  youthAgeMin?: number;
  youthAgeMax?: number;
  professionalJobCategories?: string[];
  status?: 'draft' | 'scheduled' | 'live' | 'closed';
}

export async function insertFair(db: Client, o: OutcomeFairOptions): Promise<{ id: string; slug: string }> {
  const slug = `kpi-${tag()}`;
  const res = await db.query(
    `INSERT INTO fairs (slug, title, timezone, starts_at, ends_at, hiring_target, youth_age_min, youth_age_max,
                        professional_job_categories, status, published_at)
     VALUES ($1, '성과 테스트 박람회', $2, $3, $4, $5, $6, $7, $8, $9, CASE WHEN $9 <> 'draft' THEN now() END)
     RETURNING id, slug`,
    [
      slug,
      o.timezone ?? 'Asia/Seoul',
      o.startsAt,
      o.endsAt,
      o.hiringTarget ?? 150,
      o.youthAgeMin ?? 15,
      o.youthAgeMax ?? 34,
      o.professionalJobCategories ?? ['0', '1', '2', '3'],
      o.status ?? 'live',
    ],
  );
  return res.rows[0];
}

export interface CompanyBooth {
  fairId: string;
  companyId: string;
  boothId: string;
}

/** A company with an approved booth in the fair. */
export async function insertCompanyBooth(db: Client, fairId: string, name: string): Promise<CompanyBooth> {
  const company = await db.query(`INSERT INTO companies (name, region) VALUES ($1, '대구') RETURNING id`, [name]);
  const companyId: string = company.rows[0].id;
  const booth = await db.query(
    `INSERT INTO booths (fair_id, company_id, headline, status, decided_at) VALUES ($1, $2, $3, 'approved', now()) RETURNING id`,
    [fairId, companyId, `${name} 채용관`],
  );
  return { fairId, companyId, boothId: booth.rows[0].id };
}

export async function insertPosting(
  db: Client,
  booth: CompanyBooth,
  p: { title: string; jobCategory?: string; employmentType?: string; openings?: number },
): Promise<string> {
  const res = await db.query(
    `INSERT INTO postings (booth_id, fair_id, company_id, title, description, job_category, employment_type, openings, status, published_at)
     VALUES ($1, $2, $3, $4, '테스트 공고', $5, $6, $7, 'published', now()) RETURNING id`,
    [booth.boothId, booth.fairId, booth.companyId, p.title, p.jobCategory ?? '1', p.employmentType ?? 'regular', p.openings ?? 5],
  );
  return res.rows[0].id;
}

/** A person of any role (no usable password: fixtures are not signed in with). */
export async function insertUser(db: Client, role: 'seeker' | 'coach', name: string, birthDate: string | null = null): Promise<string> {
  const res = await db.query(
    `INSERT INTO users (email, password_hash, name, role, birth_date) VALUES ($1, 'x', $2, $3, $4) RETURNING id`,
    [`${role}.${tag()}@fixture.bisang.kr`, name, role, birthDate],
  );
  return res.rows[0].id;
}

export interface ApplicationFixture {
  postingId: string;
  seekerId: string;
  status: 'applied' | 'screening' | 'interview' | 'offered' | 'hired' | 'rejected' | 'withdrawn';
  appliedAt: Date;
  reachedInterviewAt?: Date | null;
  reachedOfferAt?: Date | null;
  updatedAt?: Date;
}

/** An application of the posting's booth, company and fair. */
export async function insertApplication(db: Client, a: ApplicationFixture): Promise<string> {
  const res = await db.query(
    `INSERT INTO applications (posting_id, booth_id, company_id, fair_id, seeker_id, status, reached_interview_at, reached_offer_at, applied_at, updated_at)
     SELECT p.id, p.booth_id, p.company_id, p.fair_id, $2, $3, $4, $5, $6, $7 FROM postings p WHERE p.id = $1
     RETURNING id`,
    [a.postingId, a.seekerId, a.status, a.reachedInterviewAt ?? null, a.reachedOfferAt ?? null, a.appliedAt, a.updatedAt ?? a.appliedAt],
  );
  return res.rows[0].id;
}

/** Records the application as a hire (fair, posting, company and seeker taken from it). */
export async function insertHire(
  db: Client,
  h: { applicationId: string; employmentType: string; jobCategory: string; startDate: string; hiredAt: Date },
): Promise<void> {
  await db.query(
    `INSERT INTO hires (application_id, fair_id, posting_id, company_id, seeker_id, employment_type, job_category, start_date, hired_at)
     SELECT a.id, a.fair_id, a.posting_id, a.company_id, a.seeker_id, $2, $3, $4, $5 FROM applications a WHERE a.id = $1`,
    [h.applicationId, h.employmentType, h.jobCategory, h.startDate, h.hiredAt],
  );
}

export async function insertFollowUp(
  db: Client,
  f: { applicationId: string; days: 30 | 60 | 90; asked: boolean; stillEmployed?: boolean | null },
): Promise<void> {
  const answered = f.stillEmployed !== undefined && f.stillEmployed !== null;
  await db.query(
    `INSERT INTO hire_follow_ups (application_id, days_after_start, asked_at, answered_at, still_employed)
     VALUES ($1, $2, CASE WHEN $3 THEN now() END, CASE WHEN $4 THEN now() END, $5)`,
    [f.applicationId, f.days, f.asked, answered, answered ? f.stillEmployed : null],
  );
}

/** A booking at any status on a slot of its own (so the one-per-slot and no-overlap rules never interfere). */
export async function insertCoachingBooking(
  db: Client,
  b: { fairId: string; coachId: string; seekerId: string; status: string; kind?: 'coaching' | 'interview'; boothId?: string; startsAt: Date },
): Promise<string> {
  const endsAt = new Date(b.startsAt.getTime() + 30 * 60_000);
  const kind = b.kind ?? 'coaching';
  const slot = await db.query(
    `INSERT INTO coaching_slots (fair_id, coach_id, kind, booth_id, starts_at, ends_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [b.fairId, b.coachId, kind, kind === 'interview' ? b.boothId : null, b.startsAt, endsAt],
  );
  const res = await db.query(
    `INSERT INTO coaching_bookings (slot_id, seeker_id, coach_id, fair_id, kind, status, reason, request_hash, starts_at, ends_at, decided_at)
     VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $6 = 'rejected' THEN 'SLOT_TAKEN' END, 'fixture', $7, $8,
             CASE WHEN $6 <> 'pending' THEN now() END)
     RETURNING id`,
    [slot.rows[0].id, b.seekerId, b.coachId, b.fairId, kind, b.status, b.startsAt, endsAt],
  );
  return res.rows[0].id;
}
