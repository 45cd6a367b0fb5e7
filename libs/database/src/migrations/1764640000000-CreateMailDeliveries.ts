import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mail.
 * - `users.language` picks the mail's language; `email_verified_at` is set by the verification link;
 *   `mail_opt_outs` lists the informative categories the user switched off.
 * - `mail_deliveries`: one row per (event, kind, recipient), keyed by the id the job and the Message-ID derive from.
 *   `sending` is written before the SMTP transaction, `accepted` once the server took the message: a retried job
 *   whose row says `accepted` sends nothing.
 */
export class CreateMailDeliveries1764640000000 implements MigrationInterface {
  name = 'CreateMailDeliveries1764640000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN language text NOT NULL DEFAULT 'ko' CHECK (language IN ('ko', 'en'))`);
    await q.query(`ALTER TABLE users ADD COLUMN email_verified_at timestamptz`);
    await q.query(`ALTER TABLE users ADD COLUMN mail_opt_outs text[] NOT NULL DEFAULT '{}'`);
    await q.query(`
      CREATE TABLE mail_deliveries (
        id text PRIMARY KEY,
        event_id bigint NOT NULL,
        kind text NOT NULL,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        fair_id uuid,
        status text NOT NULL CHECK (status IN ('sending', 'failed', 'accepted', 'skipped')),
        attempts int NOT NULL DEFAULT 1,
        last_error text,
        started_at timestamptz NOT NULL DEFAULT now(),
        accepted_at timestamptz
      )`);
    await q.query(`CREATE INDEX mail_deliveries_fair_status_idx ON mail_deliveries (fair_id, status) WHERE fair_id IS NOT NULL`);
    // The mail subscriber starts at the outbox's end: turning mail on must not mail every user the history
    // (a verification link per account, reminders of sessions long past).
    await q.query(`
      INSERT INTO event_subscriptions (subscriber, last_tx, last_id)
      SELECT 'mail', tx, id FROM domain_events ORDER BY tx DESC, id DESC LIMIT 1
      ON CONFLICT (subscriber) DO NOTHING`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM event_subscriptions WHERE subscriber = 'mail'`);
    await q.query(`DROP TABLE mail_deliveries`);
    await q.query(`ALTER TABLE users DROP COLUMN mail_opt_outs, DROP COLUMN email_verified_at, DROP COLUMN language`);
  }
}
