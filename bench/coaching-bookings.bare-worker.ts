/**
 * The baseline of bench/coaching-bookings.ts: a bare BullMQ Worker, no Nest, no TypeORM, that makes the
 * same booking decision per job with the same transaction and lock statements as
 * CoachingBookingsRepository.decidePending (seeker advisory lock, slot row lock, booking row lock, the
 * same facts query, the same pure rule), then schedules the booking's 1-hour reminder as a delayed job on a
 * second queue (as Bisang does: reminders never wait behind decisions) and marks it sent when it fires.
 * Started by the benchmark as a child process; sends "ready" on its IPC channel.
 *
 * Environment: DATABASE_URL, REDIS_URL, BENCH_PREFIX (BullMQ prefix), BENCH_QUEUE (+ "-schedule"), CONCURRENCY.
 */
import { Job, Queue, Worker } from 'bullmq';
import { Pool, PoolClient } from 'pg';
import { decideBooking } from '../apps/worker/src/coaching/booking.rules';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

// The same pool size as Bisang's DataSource (libs/database/src/data-source-options.ts).
const pool = new Pool({ connectionString: env('DATABASE_URL'), max: 20, application_name: 'bench-bare-worker' });
const connection = { url: env('REDIS_URL'), maxRetriesPerRequest: null };
const prefix = env('BENCH_PREFIX');
const queueName = env('BENCH_QUEUE');
const scheduleQueueName = `${queueName}-schedule`;
const scheduleQueue = new Queue(scheduleQueueName, { connection, prefix });

type DecideData = { bookingId: string };
type RemindData = { bookingId: string; minutesBefore: number };

async function inTransaction<T>(work: (c: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/** Mirrors decideInTransaction: the statements are the product's, in the product's order. */
async function decide(bookingId: string): Promise<{ status: string; startsAt: Date } | null> {
  const now = new Date();
  return inTransaction(async (c) => {
    const head = (await c.query(`SELECT seeker_id AS "seekerId", slot_id AS "slotId", status, replaces_booking_id AS "replacesId" FROM coaching_bookings WHERE id = $1`, [bookingId]))
      .rows[0];
    if (!head || head.status !== 'pending') return null;
    await c.query(`SELECT pg_advisory_xact_lock(hashtextextended('coaching-seeker:' || $1::text, 0))`, [head.seekerId]);
    const slot = (
      await c.query(
        `SELECT s.kind, s.fair_id AS "fairId", s.starts_at AS "startsAt", s.ends_at AS "endsAt", s.withdrawn_at AS "withdrawnAt",
                s.held_for_seeker_id AS "heldFor", s.held_until AS "heldUntil", s.hold_entry_id AS "holdEntryId",
                f.status AS "fairStatus", f.max_upcoming_coaching_per_seeker AS "limit"
           FROM coaching_slots s JOIN fairs f ON f.id = s.fair_id
          WHERE s.id = $1 FOR UPDATE OF s`,
        [head.slotId],
      )
    ).rows[0];
    const locked = (await c.query(`SELECT status FROM coaching_bookings WHERE id = $1 FOR UPDATE`, [bookingId])).rows[0];
    if (locked.status !== 'pending') return null;
    const counts = (
      await c.query(
        `SELECT EXISTS (SELECT 1 FROM coaching_bookings WHERE slot_id = $1 AND status IN ('confirmed', 'completed', 'no_show')) AS "slotBooked",
                (SELECT count(*) FROM coaching_bookings WHERE seeker_id = $2 AND fair_id = $3 AND status = 'no_show')::int AS "noShows",
                (SELECT count(*) FROM coaching_bookings
                  WHERE seeker_id = $2 AND fair_id = $3 AND kind = $4 AND status = 'confirmed' AND starts_at > $5
                    AND id IS DISTINCT FROM $8)::int AS "upcoming",
                EXISTS (SELECT 1 FROM coaching_bookings
                  WHERE seeker_id = $2 AND status = 'confirmed' AND tstzrange(starts_at, ends_at) && tstzrange($6, $7)
                    AND id IS DISTINCT FROM $8) AS "overlaps"`,
        [head.slotId, head.seekerId, slot.fairId, slot.kind, now, slot.startsAt, slot.endsAt, null],
      )
    ).rows[0];
    const heldActive = slot.heldFor !== null && slot.heldUntil !== null && slot.heldUntil > now;
    const decision = decideBooking({
      now,
      kind: slot.kind,
      fairStatus: slot.fairStatus,
      slotStartsAt: slot.startsAt,
      slotWithdrawn: slot.withdrawnAt !== null,
      slotBooked: counts.slotBooked,
      slotHeldForOther: heldActive && slot.heldFor !== head.seekerId,
      noShowsInFair: counts.noShows,
      upcomingConfirmedInFair: counts.upcoming,
      upcomingLimit: slot.limit,
      overlapsOwnConfirmed: counts.overlaps,
      replacedBookingGone: false,
    });
    const rejected = decision.status === 'rejected' ? decision : null;
    const updated = await c.query(
      `UPDATE coaching_bookings SET status = $2, reason = $3, reason_message = $4, decided_at = $5
        WHERE id = $1 AND status = 'pending' RETURNING status, starts_at AS "startsAt"`,
      [bookingId, decision.status, rejected?.reason ?? null, rejected?.message ?? null, now],
    );
    return updated.rows[0] ?? null;
  });
}

async function handle(job: Job): Promise<void> {
  if (job.name === 'decide') {
    const { bookingId } = job.data as DecideData;
    const decided = await decide(bookingId);
    if (decided?.status !== 'confirmed') return;
    const fireAt = decided.startsAt.getTime() - 60 * 60_000;
    if (fireAt > Date.now()) {
      await scheduleQueue.add('remind', { bookingId, minutesBefore: 60 } satisfies RemindData, {
        jobId: `remind-60-${bookingId}`,
        delay: fireAt - Date.now(),
      });
    }
  } else if (job.name === 'remind') {
    const { bookingId, minutesBefore } = job.data as RemindData;
    await pool.query(
      `UPDATE coaching_bookings SET reminders_sent = array_append(reminders_sent, $2::int)
        WHERE id = $1 AND status = 'confirmed' AND starts_at > $3 AND NOT ($2::int = ANY (reminders_sent))`,
      [bookingId, minutesBefore, new Date()],
    );
  }
}

const workers = [queueName, scheduleQueueName].map((name) => new Worker(name, handle, { connection, prefix, concurrency: Number(env('CONCURRENCY')) }));
for (const w of workers) w.on('error', (err) => console.error(`bare worker: ${err.message}`));
void Promise.all(workers.map((w) => w.waitUntilReady())).then(() => process.send?.('ready'));

process.on('SIGTERM', () => {
  void Promise.all([...workers.map((w) => w.close()), scheduleQueue.close()])
    .then(() => pool.end())
    .finally(() => process.exit(0));
});
