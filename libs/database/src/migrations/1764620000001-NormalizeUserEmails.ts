import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * E-mail addresses are unique in one form: NFKC, then lower case (normalizeEmail). Rows written before are brought to
 * that form, and a unique index on the form guards it. When two old rows meet in one form, the oldest keeps the
 * address and the others get `<address>#duplicate-<id>`, which can never sign in nor collide, for an operator to settle.
 */
export class NormalizeUserEmails1764620000001 implements MigrationInterface {
  name = 'NormalizeUserEmails1764620000001';

  async up(q: QueryRunner): Promise<void> {
    const ranked = `
      SELECT id, lower(normalize(email, NFKC)) AS form,
             row_number() OVER (PARTITION BY lower(normalize(email, NFKC)) ORDER BY created_at, id) AS n
        FROM users`;
    // Duplicates first, so that the oldest row's address is free when it takes its normal form.
    await q.query(`UPDATE users u SET email = r.form || '#duplicate-' || u.id FROM (${ranked}) r WHERE r.id = u.id AND r.n > 1`);
    await q.query(`UPDATE users u SET email = r.form FROM (${ranked}) r WHERE r.id = u.id AND r.n = 1 AND u.email <> r.form`);
    await q.query(`CREATE UNIQUE INDEX users_email_normalized_key ON users (lower(normalize(email, NFKC)))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX users_email_normalized_key`);
  }
}
