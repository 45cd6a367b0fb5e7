import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Matching (issue #16): what recommendations score from (career years, wanted employment types on the profile,
 * the years a posting asks for), the talent pool a seeker opts into per fair, companies' invitations from it,
 * the centre's counselling notes and introductions, and the KPI segments (mid-career age per fair, the
 * self-declared career break, introduced applications).
 */
export class CreateMatching1764720000000 implements MigrationInterface {
  name = 'CreateMatching1764720000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE seeker_profiles
        ADD COLUMN career_years integer CHECK (career_years BETWEEN 0 AND 60),
        ADD COLUMN desired_employment_types text[] NOT NULL DEFAULT '{}',
        ADD COLUMN career_break boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE postings ADD COLUMN min_career_years integer CHECK (min_career_years BETWEEN 0 AND 60)`);
    await q.query(`
      ALTER TABLE fairs
        ADD COLUMN mid_career_age_min integer NOT NULL DEFAULT 40 CHECK (mid_career_age_min BETWEEN 0 AND 120),
        ADD COLUMN pool_invitations_per_company_per_day integer NOT NULL DEFAULT 20 CHECK (pool_invitations_per_company_per_day >= 0),
        ADD COLUMN kpi_targets jsonb NOT NULL DEFAULT '{}'`);
    // Recommendations read the newest published postings of each wanted job group (and of the fair, with
    // postings_fair_visible_idx): a bounded index range whatever the fair's size.
    await q.query(
      `CREATE INDEX postings_fair_category_newest_idx ON postings (fair_id, job_category, published_at DESC, id DESC) WHERE status = 'published'`,
    );

    await q.query(`
      CREATE TABLE talent_pool_entries (
        fair_id uuid NOT NULL REFERENCES fairs(id) ON DELETE CASCADE,
        seeker_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        visible boolean NOT NULL,
        show_name boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (fair_id, seeker_id)
      )`);
    await q.query(`CREATE INDEX talent_pool_visible_idx ON talent_pool_entries (fair_id, updated_at DESC, seeker_id DESC) WHERE visible`);

    await q.query(`
      CREATE TABLE pool_invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        fair_id uuid NOT NULL REFERENCES fairs(id) ON DELETE CASCADE,
        company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        booth_id uuid NOT NULL REFERENCES booths(id) ON DELETE CASCADE,
        posting_id uuid NOT NULL REFERENCES postings(id) ON DELETE CASCADE,
        seeker_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        invited_by uuid REFERENCES users(id) ON DELETE SET NULL,
        message text CHECK (length(message) <= 1000),
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'declined')),
        application_id uuid REFERENCES applications(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        answered_at timestamptz,
        CONSTRAINT pool_invitations_once_per_posting UNIQUE (posting_id, seeker_id)
      )`);
    await q.query(`CREATE INDEX pool_invitations_seeker_idx ON pool_invitations (seeker_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX pool_invitations_company_day_idx ON pool_invitations (company_id, created_at)`);

    await q.query(`
      CREATE TABLE counselling_notes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seeker_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        author_id uuid REFERENCES users(id) ON DELETE SET NULL,
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX counselling_notes_seeker_idx ON counselling_notes (seeker_id, created_at DESC, id DESC)`);

    await q.query(`
      CREATE TABLE introductions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        fair_id uuid NOT NULL REFERENCES fairs(id) ON DELETE CASCADE,
        posting_id uuid NOT NULL REFERENCES postings(id) ON DELETE CASCADE,
        seeker_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        introduced_by uuid REFERENCES users(id) ON DELETE SET NULL,
        message text CHECK (length(message) <= 1000),
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'declined')),
        application_id uuid REFERENCES applications(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        answered_at timestamptz,
        CONSTRAINT introductions_once_per_posting UNIQUE (posting_id, seeker_id)
      )`);
    await q.query(`CREATE INDEX introductions_seeker_idx ON introductions (seeker_id, created_at DESC, id DESC)`);

    // An application the centre introduced (the seeker agreed): counted as an introduced hire.
    await q.query(`ALTER TABLE applications ADD COLUMN introduction_id uuid REFERENCES introductions(id) ON DELETE SET NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE applications DROP COLUMN introduction_id`);
    await q.query(`DROP TABLE introductions`);
    await q.query(`DROP TABLE counselling_notes`);
    await q.query(`DROP TABLE pool_invitations`);
    await q.query(`DROP TABLE talent_pool_entries`);
    await q.query(`DROP INDEX postings_fair_category_newest_idx`);
    await q.query(`ALTER TABLE fairs DROP COLUMN mid_career_age_min, DROP COLUMN pool_invitations_per_company_per_day, DROP COLUMN kpi_targets`);
    await q.query(`ALTER TABLE postings DROP COLUMN min_career_years`);
    await q.query(`ALTER TABLE seeker_profiles DROP COLUMN career_years, DROP COLUMN desired_employment_types, DROP COLUMN career_break`);
  }
}
