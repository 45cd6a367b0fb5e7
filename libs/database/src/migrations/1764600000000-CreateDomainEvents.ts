import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The transactional outbox: every state change appends its domain events in its own transaction, and the
 * worker's relay hands them to subscribers, each with a durable cursor.
 * - `tx` is the writing transaction's id. Ids from a sequence do not commit in order, so the relay reads only
 *   events of transactions older than every one still running (`tx < pg_snapshot_xmin(...)`), in (tx, id) order:
 *   once such an event is visible, no earlier one can still appear.
 * - `event_failures`: a subscriber's event that threw, retried with back-off, parked after its last attempt
 *   until an organizer replays it.
 * - Notifications get a dense per-user `seq` (the `id` clients see, for `me:join {since}`): bumped on the
 *   user's row, whose lock orders a user's notifications' commits. `event_id` makes a notification of an event
 *   unique per user, so a redelivered event never notifies twice.
 */
export class CreateDomainEvents1764600000000 implements MigrationInterface {
  name = 'CreateDomainEvents1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE domain_events (
        id bigserial PRIMARY KEY,
        tx xid8 NOT NULL DEFAULT pg_current_xact_id(),
        type text NOT NULL,
        fair_id uuid,
        payload jsonb NOT NULL,
        occurred_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX domain_events_tx_id_idx ON domain_events (tx, id)`);
    await q.query(`
      CREATE TABLE event_subscriptions (
        subscriber text PRIMARY KEY,
        last_tx xid8 NOT NULL DEFAULT '0',
        last_id bigint NOT NULL DEFAULT 0,
        leased_by text,
        lease_until timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE event_failures (
        subscriber text NOT NULL,
        event_id bigint NOT NULL REFERENCES domain_events (id) ON DELETE CASCADE,
        attempts int NOT NULL CHECK (attempts > 0),
        last_error text NOT NULL,
        next_attempt_at timestamptz,
        parked_at timestamptz,
        handled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (subscriber, event_id)
      )`);
    await q.query(`CREATE INDEX event_failures_due_idx ON event_failures (subscriber, next_attempt_at) WHERE handled_at IS NULL AND parked_at IS NULL`);
    await q.query(`CREATE INDEX event_failures_parked_idx ON event_failures (parked_at) WHERE parked_at IS NOT NULL AND handled_at IS NULL`);

    await q.query(`ALTER TABLE users ADD COLUMN last_notification_seq bigint NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE notifications ADD COLUMN seq bigint, ADD COLUMN event_id bigint`);
    await q.query(`
      UPDATE notifications n SET seq = r.rn
      FROM (SELECT id, row_number() OVER (PARTITION BY user_id ORDER BY created_at, id) AS rn FROM notifications) r
      WHERE n.id = r.id`);
    await q.query(`
      UPDATE users u SET last_notification_seq = c.m
      FROM (SELECT user_id, max(seq) AS m FROM notifications GROUP BY user_id) c WHERE u.id = c.user_id`);
    await q.query(`ALTER TABLE notifications ALTER COLUMN seq SET NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX notifications_user_seq_idx ON notifications (user_id, seq)`);
    await q.query(`CREATE UNIQUE INDEX notifications_event_user_idx ON notifications (event_id, user_id) WHERE event_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX notifications_event_user_idx`);
    await q.query(`DROP INDEX notifications_user_seq_idx`);
    await q.query(`ALTER TABLE notifications DROP COLUMN event_id, DROP COLUMN seq`);
    await q.query(`ALTER TABLE users DROP COLUMN last_notification_seq`);
    await q.query(`DROP TABLE event_failures`);
    await q.query(`DROP TABLE event_subscriptions`);
    await q.query(`DROP TABLE domain_events`);
  }
}
