import { Queue } from 'bullmq';
import { DateTime } from 'luxon';
import { Client } from 'pg';
import {
  splitDeployment,
  HttpClient,
  TestPerson,
  applyTo,
  connectTestDb,
  createPeople,
  eventually,
  hourFromNow,
  openPosting,
  publishAvailability,
  settledBookings,
} from '@bisang/testing';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The outbox's promise: a change and its consequences are written together, so a worker killed after the commits
 * and before their consequences loses nothing, and a redelivered event does nothing twice. The API and the worker
 * run as separate built processes; the worker is SIGKILLed in the middle of a burst, and more changes are made
 * while it is dead.
 */
describe('domain events across a worker crash', () => {
  const { api, worker, tokens, start, stop } = splitDeployment();
  let http: HttpClient;
  let db: Client;
  let schedule: Queue;

  beforeAll(async () => {
    db = await connectTestDb();
    await start();
    http = new HttpClient(api.url);
    schedule = new Queue('coaching-schedule', { connection: { url: process.env.REDIS_URL! }, prefix: `${process.env.REDIS_PREFIX}:bull` });
  }, 180_000);
  afterAll(async () => {
    await stop();
    await schedule?.close();
    await db?.end();
  });

  /** How many notifications of `type` each key (data->>keyField) has, over the given users. */
  const notificationCounts = async (type: string, keyField: string, userIds: string[]) => {
    const { rows } = await db.query(
      `SELECT data->>$2 AS key, count(*)::int AS n FROM notifications WHERE type = $1 AND user_id = ANY($3::uuid[]) GROUP BY 1`,
      [type, keyField, userIds],
    );
    return new Map<string, number>(rows.map((r: { key: string; n: number }) => [r.key, r.n]));
  };

  it('delivers every consequence exactly once after the worker is SIGKILLed between commits and consequences', async () => {
    const [organizer] = await createPeople(tokens, db, 'organizer', 1);
    const open = await openPosting(http, { ...organizer, email: '', refreshToken: '' }, { openings: 50 });
    const fairId = open.fairId;
    const [coach] = await createPeople(tokens, db, 'coach', 1);
    const seekers = await createPeople(tokens, db, 'seeker', 30);
    const [waiter] = await createPeople(tokens, db, 'seeker', 1);
    const applications = await Promise.all(seekers.map((s) => applyTo(http, s, open.postingId)));
    // 08:00 in Seoul (23:00 UTC) at least 80 hours ahead: the 20 half-hour slots stay within one Seoul day, the
    // day the waiter waits for, whichever of them are cancelled.
    const start = hourFromNow(80);
    start.setUTCHours(23, 0, 0, 0);
    const slots = await publishAvailability(http, coach, fairId, start, new Date(start.getTime() + 20 * 30 * 60_000));
    expect(slots).toHaveLength(20);
    const day = DateTime.fromJSDate(start, { zone: 'Asia/Seoul' }).toISODate()!;
    expect((await http.post(`/fairs/${fairId}/coaching/waitlist`, { coachId: coach.id, date: day }, waiter.accessToken)).status).toBe(201);

    // A burst of bookings, one slot each; the worker dies once some are decided.
    const book = (s: TestPerson, i: number) => http.post('/coaching/bookings', { slotId: slots[i].id }, s.accessToken);
    const burst = seekers.slice(0, 15).map((s, i) => book(s, i));
    const decided = async () =>
      (await db.query(`SELECT count(*)::int AS n FROM coaching_bookings WHERE fair_id = $1 AND status <> 'pending'`, [fairId])).rows[0].n;
    const until = Date.now() + 30_000;
    while ((await decided()) < 5 && Date.now() < until) await sleep(20);
    await worker.kill('SIGKILL');
    const first = await Promise.all(burst);

    // While no worker runs, every change commits with its events and nothing follows yet.
    const confirmedNow = (await db.query(`SELECT id, seeker_id FROM coaching_bookings WHERE fair_id = $1 AND status = 'confirmed'`, [fairId])).rows as {
      id: string;
      seeker_id: string;
    }[];
    expect(confirmedNow.length).toBeGreaterThanOrEqual(5);
    const toCancel = confirmedNow.slice(0, 3);
    for (const b of toCancel) {
      const who = seekers.find((s) => s.id === b.seeker_id)!;
      expect((await http.post(`/coaching/bookings/${b.id}/cancel`, {}, who.accessToken)).status).toBe(200);
    }
    const moves = await Promise.all(
      applications.map((id) => http.post(`/applications/${id}/status`, { status: 'screening' }, open.booth.recruiter.accessToken)),
    );
    expect(moves.map((r) => r.status)).toEqual(applications.map(() => 200));
    const late = await Promise.all(seekers.slice(15, 20).map((s, i) => book(s, 15 + i)));
    expect(late.every((r) => r.status === 202)).toBe(true);
    const outstanding = (await db.query(`SELECT count(*)::int AS n FROM notifications WHERE type = 'application.status_changed' AND user_id = ANY($1::uuid[])`, [seekers.map((s) => s.id)])).rows[0].n;
    expect(outstanding).toBe(0);

    await worker.start();
    const bookingIds = [...first, ...late].map((r) => r.body.id as string);
    const states = await settledBookings(db, bookingIds, 60_000);
    expect([...states.values()].filter((s) => s.status === 'pending')).toEqual([]);
    const cancelledIds = new Set(toCancel.map((b) => b.id));
    const confirmed = (await db.query(`SELECT id, seeker_id FROM coaching_bookings WHERE fair_id = $1 AND status = 'confirmed'`, [fairId])).rows as {
      id: string;
      seeker_id: string;
    }[];
    expect(confirmed.length).toBe(bookingIds.length - cancelledIds.size);

    const seekerIds = seekers.map((s) => s.id);
    await eventually(
      async () => (await notificationCounts('application.status_changed', 'applicationId', seekerIds)).size === applications.length,
      30_000,
      'every move notified',
    );
    await eventually(async () => (await notificationCounts('booking.cancelled', 'bookingId', seekerIds)).size === cancelledIds.size, 30_000, 'cancels');
    await eventually(async () => (await notificationCounts('booking.waitlist_offer', 'slotId', [waiter.id])).size === 1, 30_000, 'waitlist offer');

    // Every confirmed booking: exactly one booking.confirmed in its seeker's inbox, and its reminders scheduled.
    await eventually(
      async () => {
        const counts = await notificationCounts('booking.confirmed', 'bookingId', seekerIds);
        return confirmed.every((b) => counts.has(b.id));
      },
      30_000,
      'every confirmation notified',
    );
    await eventually(
      async () => (await Promise.all(confirmed.map((b) => schedule.getJobState(`remind-60-${b.id}`)))).every((st) => st === 'delayed'),
      30_000,
      'reminders scheduled',
    );
    const confirmations = await notificationCounts('booking.confirmed', 'bookingId', seekerIds);
    for (const b of confirmed) {
      expect([b.id, confirmations.get(b.id)]).toEqual([b.id, 1]);
      for (const minutes of [1440, 60]) expect([b.id, minutes, await schedule.getJobState(`remind-${minutes}-${b.id}`)]).toEqual([b.id, minutes, 'delayed']);
    }
    // Every cancelled booking: its confirmation and its cancellation once, its reminders gone.
    const cancellations = await notificationCounts('booking.cancelled', 'bookingId', seekerIds);
    for (const id of cancelledIds) {
      expect([confirmations.get(id), cancellations.get(id)]).toEqual([1, 1]);
      await eventually(async () => (await schedule.getJobState(`remind-60-${id}`)) === 'unknown', 30_000, 'reminders of a cancelled booking gone');
    }
    // The cancellations freed slots: the waiter was offered one (once), and it is held for them.
    const offers = await notificationCounts('booking.waitlist_offer', 'slotId', [waiter.id]);
    const [offeredSlot] = [...offers.keys()];
    expect(offers.get(offeredSlot)).toBe(1);
    expect((await db.query(`SELECT held_for_seeker_id FROM coaching_slots WHERE id = $1`, [offeredSlot])).rows[0].held_for_seeker_id).toBe(waiter.id);
    // Every move: one notification each; and no notification anywhere was stored twice for one event.
    const moved = await notificationCounts('application.status_changed', 'applicationId', seekerIds);
    expect([...moved.values()].every((n) => n === 1)).toBe(true);
    const twice = await db.query(`SELECT event_id, user_id FROM notifications WHERE event_id IS NOT NULL GROUP BY 1, 2 HAVING count(*) > 1`);
    expect(twice.rows).toEqual([]);
    // Each user's ids are dense: 1..n with no gap.
    const gaps = await db.query(
      `SELECT user_id FROM notifications WHERE user_id = ANY($1::uuid[]) GROUP BY user_id HAVING max(seq) <> count(*)`,
      [[...seekerIds, waiter.id, coach.id]],
    );
    expect(gaps.rows).toEqual([]);
  }, 150_000);
});
