import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Seeker profiles and resumes, applications with their recorded moves, hires with retention follow-ups,
 * and a stored notification inbox. The rules that protect outcomes live here:
 * - applications_once_per_posting: a seeker applies to a posting once;
 * - hires are keyed by application, so one application is hired at most once (postings.openings >= 0,
 *   from the postings migration, keeps the count of hires within the openings).
 */
export class CreateApplicationsOutcomes1764470000000 implements MigrationInterface {
  name = 'CreateApplicationsOutcomes1764470000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE seeker_profiles (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        education text CHECK (education IN ('middle_school', 'high_school', 'associate', 'bachelor', 'master', 'doctorate', 'other')),
        desired_job_categories text[] NOT NULL DEFAULT '{}'
          CHECK (desired_job_categories <@ ARRAY['0','1','2','3','4','5','6','7','8','9']::text[]),
        region text CHECK (length(region) <= 100),
        u_turn boolean NOT NULL DEFAULT false,
        career_summary text CHECK (length(career_summary) <= 5000),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE resumes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seeker_id uuid NOT NULL UNIQUE REFERENCES users(id) ON DELETE CASCADE,
        storage_key text NOT NULL,
        file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
        size_bytes integer NOT NULL CHECK (size_bytes > 0 AND size_bytes <= 5242880),
        sha256 text NOT NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE applications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        posting_id uuid NOT NULL REFERENCES postings(id) ON DELETE CASCADE,
        booth_id uuid NOT NULL REFERENCES booths(id) ON DELETE CASCADE,
        company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        fair_id uuid NOT NULL REFERENCES fairs(id) ON DELETE CASCADE,
        seeker_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        status text NOT NULL DEFAULT 'applied'
          CHECK (status IN ('applied', 'screening', 'interview', 'offered', 'hired', 'rejected', 'withdrawn')),
        cover_letter text CHECK (length(cover_letter) <= 5000),
        recruiter_note text CHECK (length(recruiter_note) <= 5000),
        rating smallint CHECK (rating BETWEEN 1 AND 5),
        reached_interview_at timestamptz,
        reached_offer_at timestamptz,
        applied_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT applications_once_per_posting UNIQUE (posting_id, seeker_id)
      )`);
    await q.query(`CREATE INDEX applications_booth_list_idx ON applications (booth_id, applied_at DESC, id DESC)`);
    await q.query(`CREATE INDEX applications_seeker_list_idx ON applications (seeker_id, applied_at DESC, id DESC)`);
    await q.query(`CREATE INDEX applications_fair_status_idx ON applications (fair_id, status)`);
    await q.query(`CREATE INDEX applications_posting_idx ON applications (posting_id, status)`);

    await q.query(`
      CREATE TABLE application_transitions (
        id bigserial PRIMARY KEY,
        application_id uuid NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
        from_status text,
        to_status text NOT NULL,
        actor_id uuid REFERENCES users(id) ON DELETE SET NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX application_transitions_app_idx ON application_transitions (application_id, id)`);

    await q.query(`
      CREATE TABLE hires (
        application_id uuid PRIMARY KEY REFERENCES applications(id) ON DELETE CASCADE,
        fair_id uuid NOT NULL REFERENCES fairs(id) ON DELETE CASCADE,
        posting_id uuid NOT NULL REFERENCES postings(id) ON DELETE CASCADE,
        company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        seeker_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        employment_type text NOT NULL CHECK (employment_type IN ('regular', 'contract', 'intern', 'part_time')),
        job_category text NOT NULL CHECK (job_category ~ '^[0-9]$'),
        start_date date NOT NULL,
        hired_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX hires_fair_idx ON hires (fair_id, hired_at)`);
    await q.query(`CREATE INDEX hires_company_idx ON hires (company_id)`);

    await q.query(`
      CREATE TABLE hire_follow_ups (
        application_id uuid NOT NULL REFERENCES hires(application_id) ON DELETE CASCADE,
        days_after_start smallint NOT NULL CHECK (days_after_start IN (30, 60, 90)),
        asked_at timestamptz,
        answered_at timestamptz,
        still_employed boolean,
        PRIMARY KEY (application_id, days_after_start),
        CONSTRAINT hire_follow_ups_answer_complete CHECK ((answered_at IS NULL) = (still_employed IS NULL))
      )`);

    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        type text NOT NULL,
        data jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz
      )`);
    await q.query(`CREATE INDEX notifications_user_list_idx ON notifications (user_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX notifications_user_unread_idx ON notifications (user_id) WHERE read_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notifications`);
    await q.query(`DROP TABLE hire_follow_ups`);
    await q.query(`DROP TABLE hires`);
    await q.query(`DROP TABLE application_transitions`);
    await q.query(`DROP TABLE applications`);
    await q.query(`DROP TABLE resumes`);
    await q.query(`DROP TABLE seeker_profiles`);
  }
}
