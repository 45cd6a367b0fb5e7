import { clock } from '@bisang/common';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
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
  /** Null until the seeker first saves a profile. */
  updatedAt: Date | null;
}

export interface SeekerProfileFields {
  education: EducationLevel | null;
  desiredJobCategories: string[];
  region: string | null;
  uTurn: boolean;
  careerSummary: string | null;
}

const VIEW = `SELECT u.id AS "userId", u.name, to_char(u.birth_date, 'YYYY-MM-DD') AS "birthDate",
                     date_part('year', age((now() AT TIME ZONE 'UTC')::date, u.birth_date))::int AS age,
                     p.education, COALESCE(p.desired_job_categories, '{}') AS "desiredJobCategories", p.region,
                     COALESCE(p.u_turn, false) AS "uTurn", p.career_summary AS "careerSummary", p.updated_at AS "updatedAt"
                FROM users u LEFT JOIN seeker_profiles p ON p.user_id = u.id
               WHERE u.id = $1 AND u.role = 'seeker'`;

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
      `INSERT INTO seeker_profiles (user_id, education, desired_job_categories, region, u_turn, career_summary, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (user_id) DO UPDATE SET education = EXCLUDED.education, desired_job_categories = EXCLUDED.desired_job_categories,
         region = EXCLUDED.region, u_turn = EXCLUDED.u_turn, career_summary = EXCLUDED.career_summary, updated_at = EXCLUDED.updated_at`,
      [seekerId, fields.education, fields.desiredJobCategories, fields.region, fields.uTurn, fields.careerSummary, clock.now()],
    );
    return (await this.findView(seekerId))!;
  }

  /**
   * The consent rule for a seeker's profile and resume: staff may see them only when the seeker has
   * applied to a booth of the staff member's company (an application not withdrawn).
   */
  async canStaffSeeApplicant(staffUserId: string, seekerId: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      `SELECT 1 FROM applications a
         JOIN booths b ON b.id = a.booth_id
         JOIN company_staff s ON s.company_id = b.company_id
        WHERE a.seeker_id = $1 AND s.user_id = $2 AND a.status <> 'withdrawn'
        LIMIT 1`,
      [seekerId, staffUserId],
    );
    return rows.length > 0;
  }
}
