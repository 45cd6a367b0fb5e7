import { clock } from '@bisang/common';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EmploymentType } from '@bisang/contracts';
import type { EducationLevel } from '../entities/seeker-profile.entity';

/** A seeker's profile as people see it: the profile's fields, plus the name and birth date kept on the user. */
export interface SeekerProfileView {
  userId: string;
  name: string;
  birthDate: string | null;
  /** Whole years today (UTC date), as PostgreSQL's age() counts them. */
  age: number | null;
  education: EducationLevel | null;
  desiredJobCategories: string[];
  region: string | null;
  uTurn: boolean;
  careerSummary: string | null;
  careerYears: number | null;
  desiredEmploymentTypes: EmploymentType[];
  /** Self-declared; organizers' KPIs only, never shown to companies. */
  careerBreak: boolean;
  /** How many counselling notes the centre keeps on the seeker. */
  counsellingNotes: number;
  /** Null until the seeker first saves a profile. */
  updatedAt: Date | null;
}

export interface SeekerProfileFields {
  education: EducationLevel | null;
  desiredJobCategories: string[];
  region: string | null;
  uTurn: boolean;
  careerSummary: string | null;
  careerYears: number | null;
  desiredEmploymentTypes: EmploymentType[];
  careerBreak: boolean;
}

const VIEW = `SELECT u.id AS "userId", u.name, to_char(u.birth_date, 'YYYY-MM-DD') AS "birthDate",
                     date_part('year', age((now() AT TIME ZONE 'UTC')::date, u.birth_date))::int AS age,
                     p.education, COALESCE(p.desired_job_categories, '{}') AS "desiredJobCategories", p.region,
                     COALESCE(p.u_turn, false) AS "uTurn", p.career_summary AS "careerSummary", p.updated_at AS "updatedAt",
                     p.career_years AS "careerYears", COALESCE(p.desired_employment_types, '{}') AS "desiredEmploymentTypes",
                     COALESCE(p.career_break, false) AS "careerBreak",
                     (SELECT count(*)::int FROM counselling_notes n WHERE n.seeker_id = u.id) AS "counsellingNotes"
                FROM users u LEFT JOIN seeker_profiles p ON p.user_id = u.id
               WHERE u.id = $1 AND u.role = 'seeker' AND u.deleted_at IS NULL`;

/**
 * The seeker's acts that share their profile with a company (the contract's consent rule), each an EXISTS
 * subquery over the seeker `seeker` (an SQL expression: a parameter or a column) and company staff row `s`.
 * Booth chat adds its own here: a seeker queued or chatting at one of the company's booths (see CONTRACT.md,
 * "Booth chat").
 */
export const seekerConsentActs = (seeker: string): readonly string[] => [
  // Applied to one of the company's postings (also by accepting its invitation or the centre's introduction).
  `SELECT 1 FROM applications a WHERE a.seeker_id = ${seeker} AND a.company_id = s.company_id AND a.status <> 'withdrawn'`,
  // Waiting in one of its booths' queues, or in an open chat with its staff: shared while it lasts.
  `SELECT 1 FROM booth_queue_entries q WHERE q.seeker_id = ${seeker} AND q.company_id = s.company_id AND q.status = 'waiting'`,
  `SELECT 1 FROM chats c WHERE c.seeker_id = ${seeker} AND c.company_id = s.company_id AND c.ended_at IS NULL`,
];

/** The consent acts over seeker `$1`. */
export const SEEKER_CONSENT_ACTS: readonly string[] = seekerConsentActs('$1');

@Injectable()
export class SeekerProfilesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The seeker's profile (empty fields before the first save); null when no such seeker exists. */
  async findView(seekerId: string): Promise<SeekerProfileView | null> {
    const rows = (await this.dataSource.query(VIEW, [seekerId])) as SeekerProfileView[];
    return rows[0] ?? null;
  }

  /** Replaces the seeker's profile with these fields (creating it on the first save). */
  async replace(seekerId: string, fields: SeekerProfileFields): Promise<SeekerProfileView> {
    await this.dataSource.query(
      `INSERT INTO seeker_profiles (user_id, education, desired_job_categories, region, u_turn, career_summary,
                                   career_years, desired_employment_types, career_break, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (user_id) DO UPDATE SET education = EXCLUDED.education, desired_job_categories = EXCLUDED.desired_job_categories,
         region = EXCLUDED.region, u_turn = EXCLUDED.u_turn, career_summary = EXCLUDED.career_summary,
         career_years = EXCLUDED.career_years, desired_employment_types = EXCLUDED.desired_employment_types,
         career_break = EXCLUDED.career_break, updated_at = EXCLUDED.updated_at`,
      [
        seekerId,
        fields.education,
        fields.desiredJobCategories,
        fields.region,
        fields.uTurn,
        fields.careerSummary,
        fields.careerYears,
        fields.desiredEmploymentTypes,
        fields.careerBreak,
        clock.now(),
      ],
    );
    return (await this.findView(seekerId))!;
  }

  /**
   * The consent rule for a seeker's profile and resume: staff may see them only after an act of the seeker
   * towards the staff member's company, one of SEEKER_CONSENT_ACTS. (Being in the talent pool shows only the
   * pool's card, never the profile or resume; an accepted invitation or introduction is an application.)
   */
  async canStaffSeeApplicant(staffUserId: string, seekerId: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      `SELECT 1 FROM company_staff s
        WHERE s.user_id = $2 AND (${SEEKER_CONSENT_ACTS.map((act) => `EXISTS (${act})`).join(' OR ')})
        LIMIT 1`,
      [seekerId, staffUserId],
    );
    return rows.length > 0;
  }

  /** A coach sees a seeker's resume while the seeker shares it on one of their coaching bookings with the coach. */
  async isResumeSharedWithCoach(coachId: string, seekerId: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      `SELECT 1 FROM coaching_bookings b
        WHERE b.coach_id = $1 AND b.seeker_id = $2 AND b.kind = 'coaching' AND b.resume_shared
          AND b.status IN ('pending', 'confirmed', 'completed')
        LIMIT 1`,
      [coachId, seekerId],
    );
    return rows.length > 0;
  }
}
