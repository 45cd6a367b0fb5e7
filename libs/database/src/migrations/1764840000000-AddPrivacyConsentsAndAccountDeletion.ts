import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Privacy (issue #15):
 * - `privacy_consents`: which version of the consent text a user agreed to, and when; one row per version.
 * - `users.deleted_at`: a deleted account stays as an empty row (its id keeps counts and foreign keys whole),
 *   stripped of every personal field (so a deleted seeker no longer needs a birth date).
 * - `hires.seeker_age_at_hire`, `seeker_uturn`, `seeker_career_break`: what the KPIs read from the birth date
 *   and the profile, written on the hire when the account is deleted, so that the youth, mid-career, U-turn and
 *   career-break counts stay exactly what they were once the birth date and the profile are gone.
 */
export class AddPrivacyConsentsAndAccountDeletion1764840000000 implements MigrationInterface {
  name = 'AddPrivacyConsentsAndAccountDeletion1764840000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE privacy_consents (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        version text NOT NULL CHECK (length(version) BETWEEN 1 AND 40),
        agreed_at timestamptz NOT NULL,
        PRIMARY KEY (user_id, version)
      )`);
    await q.query(`ALTER TABLE users ADD COLUMN deleted_at timestamptz`);
    // A seeker has a birth date, until the account is deleted (the age at hire is then kept on the hires).
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_seeker_birth_date`);
    await q.query(
      `ALTER TABLE users ADD CONSTRAINT users_seeker_birth_date CHECK (role <> 'seeker' OR birth_date IS NOT NULL OR deleted_at IS NOT NULL)`,
    );
    await q.query(`
      ALTER TABLE hires
        ADD COLUMN seeker_age_at_hire integer,
        ADD COLUMN seeker_uturn boolean,
        ADD COLUMN seeker_career_break boolean`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE hires DROP COLUMN seeker_age_at_hire, DROP COLUMN seeker_uturn, DROP COLUMN seeker_career_break`);
    // A deleted seeker's birth date is gone for good, and the schema before this one has no place for such an account.
    const [{ n }] = (await q.query(`SELECT count(*)::int AS n FROM users WHERE deleted_at IS NOT NULL`)) as { n: number }[];
    if (n > 0) throw new Error(`cannot revert: ${n} deleted account(s) have no birth date and no earlier schema can hold them`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_seeker_birth_date`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_seeker_birth_date CHECK (role <> 'seeker' OR birth_date IS NOT NULL)`);
    await q.query(`ALTER TABLE users DROP COLUMN deleted_at`);
    await q.query(`DROP TABLE privacy_consents`);
  }
}
