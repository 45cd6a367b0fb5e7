import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateFairsBoothsPostings1764450000000 implements MigrationInterface {
  name = 'CreateFairsBoothsPostings1764450000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`
      CREATE TABLE fairs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,58}[a-z0-9]$'),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        timezone text NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        hiring_target integer NOT NULL CHECK (hiring_target >= 0),
        youth_age_min integer NOT NULL DEFAULT 15,
        youth_age_max integer NOT NULL DEFAULT 34,
        professional_job_categories text[] NOT NULL DEFAULT '{0,1,2,3}',
        max_upcoming_coaching_per_seeker integer NOT NULL DEFAULT 2 CHECK (max_upcoming_coaching_per_seeker >= 0),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'scheduled', 'live', 'closed')),
        last_event_id bigint NOT NULL DEFAULT 0,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        CONSTRAINT fairs_window CHECK (ends_at > starts_at),
        CONSTRAINT fairs_youth_range CHECK (youth_age_min >= 0 AND youth_age_min <= youth_age_max)
      )`);
    await q.query(`CREATE UNIQUE INDEX fairs_slug_key ON fairs (slug)`);
    await q.query(`CREATE INDEX fairs_status_idx ON fairs (status, starts_at)`);

    await q.query(`
      CREATE TABLE companies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        industry text,
        region text,
        size text,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE company_staff (
        company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        added_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (company_id, user_id)
      )`);
    await q.query(`CREATE INDEX company_staff_user_idx ON company_staff (user_id)`);

    await q.query(`
      CREATE TABLE booths (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        fair_id uuid NOT NULL REFERENCES fairs(id) ON DELETE CASCADE,
        company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        headline text NOT NULL CHECK (length(headline) BETWEEN 1 AND 200),
        description text,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
        rejection_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        decided_at timestamptz,
        CONSTRAINT booths_one_per_company_per_fair UNIQUE (fair_id, company_id)
      )`);
    await q.query(`CREATE INDEX booths_fair_status_idx ON booths (fair_id, status)`);

    await q.query(`
      CREATE TABLE postings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        booth_id uuid NOT NULL REFERENCES booths(id) ON DELETE CASCADE,
        fair_id uuid NOT NULL REFERENCES fairs(id) ON DELETE CASCADE,
        company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        description text NOT NULL CHECK (length(description) <= 20000),
        job_category text NOT NULL CHECK (job_category ~ '^[0-9]$'),
        employment_type text NOT NULL CHECK (employment_type IN ('regular', 'contract', 'intern', 'part_time')),
        openings integer NOT NULL CHECK (openings >= 0),
        location text,
        salary_min integer CHECK (salary_min >= 0),
        salary_max integer CHECK (salary_max >= 0),
        closes_at timestamptz,
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'closed')),
        published_at timestamptz,
        closed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT postings_salary_range CHECK (salary_min IS NULL OR salary_max IS NULL OR salary_min <= salary_max)
      )`);
    await q.query(`CREATE INDEX postings_booth_idx ON postings (booth_id)`);
    await q.query(`CREATE INDEX postings_fair_visible_idx ON postings (fair_id, published_at DESC, id DESC) WHERE status = 'published'`);
    await q.query(`CREATE INDEX postings_text_trgm_idx ON postings USING gin ((title || ' ' || description) gin_trgm_ops)`);

    await q.query(`
      CREATE TABLE fair_events (
        fair_id uuid NOT NULL REFERENCES fairs(id) ON DELETE CASCADE,
        id bigint NOT NULL CHECK (id > 0),
        type text NOT NULL,
        data jsonb NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (fair_id, id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE fair_events`);
    await q.query(`DROP TABLE postings`);
    await q.query(`DROP TABLE booths`);
    await q.query(`DROP TABLE company_staff`);
    await q.query(`DROP TABLE companies`);
    await q.query(`DROP TABLE fairs`);
  }
}
