import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import type { TokenService } from '@bisang/auth';
import {
  BuiltProcess,
  HttpClient,
  SmtpSink,
  connectTestDb,
  createLiveFair,
  createPeople,
  eventually,
  hourFromNow,
  publishAvailability,
  settledBookings,
  tokenServiceFor,
} from '@bisang/testing';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * One event, at most one mail per recipient, across a crash: the worker is SIGKILLed in the middle of a burst of 200
 * booking confirmations (400 mails: seeker and coach), then started again. Every confirmation reaches both sides,
 * each under one Message-ID.
 */
describe('mail across a worker crash', () => {
  const sink = new SmtpSink();
  const jwtSecret = randomBytes(32).toString('base64url');
  let api: BuiltProcess;
  let worker: BuiltProcess;
  let http: HttpClient;
  let db: Client;
  let tokens: TokenService;

  beforeAll(async () => {
    await sink.start();
    const mailEnv = { SMTP_URL: sink.url, PUBLIC_URL: 'https://bisang.example', EMAIL_VERIFICATION: 'off', MAIL_RETRY_BASE_MS: '200' };
    api = new BuiltProcess('dist/apps/api/src/main.js', { JWT_SECRET: jwtSecret, AUTH_RATE_LIMIT: '0', RATE_LIMITS: 'off', LOG_LEVEL: 'error', ...mailEnv });
    worker = new BuiltProcess('dist/apps/worker/src/main.js', { JWT_SECRET: jwtSecret, LOG_LEVEL: 'error', EVENT_LEASE_MS: '1000', ...mailEnv });
    db = await connectTestDb();
    tokens = tokenServiceFor(jwtSecret);
    await Promise.all([api.start(), worker.start()]);
    http = new HttpClient(api.url);
  }, 180_000);
  afterAll(async () => {
    await Promise.all([api.kill('SIGKILL'), worker.kill('SIGKILL')]);
    await sink.stop();
    await db.end();
  });

  it('delivers every confirmation mail to both sides, each under one Message-ID, after a SIGKILL mid-burst', async () => {
    const fairId = await createLiveFair(db, { maxUpcomingCoachingPerSeeker: 5 });
    const coaches = await createPeople(tokens, db, 'coach', 10);
    const seekers = await createPeople(tokens, db, 'seeker', 200);
    const start = hourFromNow(72);
    const slots = (await Promise.all(coaches.map((c) => publishAvailability(http, c, fairId, start, new Date(start.getTime() + 20 * 30 * 60_000))))).flat();
    expect(slots).toHaveLength(200);
    const before = sink.mails.length;

    const burst = Promise.all(seekers.map((s, i) => http.post('/coaching/bookings', { slotId: slots[i].id }, s.accessToken)));
    // Killed once mails are going out: some sent and recorded, some in flight, most not started.
    await eventually(() => sink.mails.length - before >= 40, 60_000, 'the first confirmation mails');
    await worker.kill('SIGKILL');
    const responses = await burst;
    await sleep(300);
    const atKill = sink.mails.length - before;
    await worker.start();

    const states = await settledBookings(db, responses.map((r) => r.body.id as string), 60_000);
    const confirmed = [...states.entries()].filter(([, s]) => s.status === 'confirmed').map(([id]) => id);
    expect(confirmed).toHaveLength(200);

    const expected = new Set(confirmed.flatMap((id) => [`${id}:seeker`, `${id}:coach`]));
    const ids = () => sink.mails.slice(before).filter((m) => m.subject.includes('예약 확정'));
    await eventually(() => new Set(ids().map((m) => m.messageId)).size >= expected.size, 90_000, 'every confirmation mail').catch(async (err: Error) => {
      const rows = (await db.query(`SELECT kind, status, count(*)::int AS n FROM mail_deliveries GROUP BY 1, 2`)).rows;
      const q = new Queue('mail', { connection: { url: process.env.REDIS_URL! }, prefix: `${process.env.REDIS_PREFIX}:bull` });
      rows.push(await q.getJobCounts());
      const failed = await q.getFailed();
      rows.push(failed.slice(0, 3).map((j) => j.failedReason));
      await q.close();
      throw new Error(`${err.message}: ${new Set(ids().map((m) => m.messageId)).size} distinct received; deliveries ${JSON.stringify(rows)}`);
    });
    await sleep(1000); // anything still coming would be a duplicate

    const mails = ids();
    const byMessageId = new Map<string, number>();
    for (const m of mails) byMessageId.set(m.messageId, (byMessageId.get(m.messageId) ?? 0) + 1);
    expect(byMessageId.size).toBe(400);
    // Each (booking, recipient) under exactly one Message-ID.
    const perBookingRecipient = new Map<string, Set<string>>();
    for (const m of mails) {
      const uid = /UID:booking-([0-9a-f-]+)@bisang/.exec(m.calendar ?? '')?.[1] ?? 'none';
      const key = `${uid}:${m.to}`;
      perBookingRecipient.set(key, (perBookingRecipient.get(key) ?? new Set()).add(m.messageId));
    }
    expect(perBookingRecipient.size).toBe(400);
    expect([...perBookingRecipient.values()].filter((s) => s.size !== 1)).toEqual([]);
    // A second copy can only come from a send whose acceptance was not recorded when the process died (at most the
    // pool's 5 connections in flight), and it carries the same Message-ID, which receivers drop.
    const copies = mails.length - byMessageId.size;
    expect(copies).toBeLessThanOrEqual(5);
    const recorded = (await db.query(`SELECT count(*)::int AS n FROM mail_deliveries WHERE kind = 'booking-confirmed' AND status = 'accepted' AND event_id IN (SELECT id FROM domain_events WHERE type = 'booking.confirmed' AND fair_id = $1)`, [fairId])).rows[0].n;
    expect(recorded).toBe(400);
    process.stdout.write(`mail crash: ${atKill} mails before the kill, ${mails.length} received for 400 deliveries (${copies} same-Message-ID copies)\n`);
  }, 180_000);
});
