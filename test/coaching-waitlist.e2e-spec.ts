import { DateTime } from 'luxon';
import { Client } from 'pg';
import type { NotificationEvent } from '@bisang/contracts';
import { JobProducer, jobIds } from '@bisang/queues';
import { TestPerson, connected, connectTestDb, createLiveFair, createPeople, eventually, hourFromNow, publishAvailability, settledBookings } from '@bisang/testing';
import { TestApp, startTestApp } from './support/test-app';

/** Leaving a coach's waitlist, and reading one's own entries. */
describe('coaching waitlist: leave and list', () => {
  let t: TestApp;
  let db: Client;
  let jobs: JobProducer;
  let fairId: string;

  beforeAll(async () => {
    t = await startTestApp();
    db = await connectTestDb();
    jobs = t.app.get(JobProducer, { strict: false });
    fairId = await createLiveFair(db);
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  const join = (seeker: TestPerson, coachId: string, date: string) =>
    t.http.post(`/fairs/${fairId}/coaching/waitlist`, { coachId, date }, seeker.accessToken);
  const leave = (who: TestPerson, entryId: string, fair = fairId) => t.http.delete(`/fairs/${fair}/coaching/waitlist/${entryId}`, who.accessToken);
  const dayOf = (d: Date) => DateTime.fromJSDate(d, { zone: 'Asia/Seoul' }).toISODate()!;

  it('lists the seeker’s entries and lets them leave one, once; nobody else can', async () => {
    const [coach] = await createPeople(t.app, db, 'coach', 1);
    const [seeker, other] = await createPeople(t.app, db, 'seeker', 2);
    const start = hourFromNow(50);
    await publishAvailability(t.http, coach, fairId, start, new Date(start.getTime() + 30 * 60_000));
    const joined = await join(seeker, coach.id, dayOf(start));
    expect(joined.status).toBe(201);
    const entryId: string = joined.body.id;

    const mine = await t.http.get('/me/coaching/waitlist', seeker.accessToken);
    expect(mine.body).toEqual({ items: [{ id: entryId, fairId, coachId: coach.id, date: dayOf(start), status: 'waiting' }], nextCursor: null });
    expect((await t.http.get('/me/coaching/waitlist', other.accessToken)).body.items).toEqual([]);
    expect((await t.http.get('/me/coaching/waitlist', coach.accessToken)).status).toBe(403);
    expect((await t.http.get('/me/coaching/waitlist?limit=0', seeker.accessToken)).status).toBe(400);

    expect((await leave(other, entryId)).status).toBe(404);
    expect((await leave(coach, entryId)).status).toBe(403);
    expect((await leave(seeker, 'not-a-uuid')).status).toBe(400);
    const otherFair = await createLiveFair(db);
    expect((await leave(seeker, entryId, otherFair)).status).toBe(404);

    const left = await leave(seeker, entryId);
    expect([left.status, left.body.status]).toEqual([200, 'left']);
    const twice = await leave(seeker, entryId);
    expect([twice.status, twice.body.code]).toEqual([409, 'WAITLIST_ENTRY_CLOSED']);
    expect((await t.http.get('/me/coaching/waitlist', seeker.accessToken)).body.items[0].status).toBe('left');
    // Having left, they may wait again.
    expect((await join(seeker, coach.id, dayOf(start))).status).toBe(201);
  });

  it('refuses a date that is not a real calendar day with a 400 naming date, and adds nothing', async () => {
    const [coach] = await createPeople(t.app, db, 'coach', 1);
    const [seeker] = await createPeople(t.app, db, 'seeker', 1);
    const start = hourFromNow(60);
    await publishAvailability(t.http, coach, fairId, start, new Date(start.getTime() + 30 * 60_000));
    for (const date of ['2026-02-30', '2026-13-01', '26-05-09', '2026-5-9']) {
      const res = await join(seeker, coach.id, date);
      expect([date, res.status, res.body.code, res.body.message]).toEqual([date, 400, 'VALIDATION_FAILED', ['date must be a real date as YYYY-MM-DD']]);
    }
    expect((await t.http.get('/me/coaching/waitlist', seeker.accessToken)).body.items).toEqual([]);
  });

  it('passes a held slot to the next waiter at once when the one it was offered to leaves', async () => {
    const [coach] = await createPeople(t.app, db, 'coach', 1);
    const [holder, first, second] = await createPeople(t.app, db, 'seeker', 3);
    const start = hourFromNow(36);
    const [slot] = await publishAvailability(t.http, coach, fairId, start, new Date(start.getTime() + 30 * 60_000));
    const booked = await t.http.post('/coaching/bookings', { slotId: slot.id }, holder.accessToken);
    expect([...(await settledBookings(db, [booked.body.id])).values()][0].status).toBe('confirmed');
    const firstEntry = (await join(first, coach.id, dayOf(start))).body.id as string;
    const secondEntry = (await join(second, coach.id, dayOf(start))).body.id as string;

    const offers: NotificationEvent[] = [];
    const socket = t.socket({ token: second.accessToken });
    socket.on('notification', (n) => n.type === 'booking.waitlist_offer' && offers.push(n));
    await connected(socket);

    expect((await t.http.post(`/coaching/bookings/${booked.body.id}/cancel`, {}, holder.accessToken)).status).toBe(200);
    const heldFor = async () => (await db.query(`SELECT held_for_seeker_id AS id FROM coaching_slots WHERE id = $1`, [slot.id])).rows[0].id;
    await eventually(async () => (await heldFor()) === first.id, 'held for the first waiter');
    const offered = await t.http.get('/me/coaching/waitlist', first.accessToken);
    expect(offered.body.items[0]).toMatchObject({ id: firstEntry, status: 'offered', offeredSlotId: slot.id, offerExpiresAt: expect.any(String) });

    // The hold would last 15 minutes; leaving ends it now and the next waiter gets the slot.
    const left = await leave(first, firstEntry);
    expect([left.status, left.body.status]).toEqual([200, 'left']);
    await eventually(async () => (await heldFor()) === second.id, 'held for the second waiter');
    await eventually(() => offers.some((o) => o.type === 'booking.waitlist_offer' && o.data.slotId === slot.id && o.data.waitlistEntryId === secondEntry), 'offer notified');
    // the first waiter's hold expiry is unscheduled by the subscriber of the leave, which may run just after the offer
    await eventually(async () => !(await jobs.isScheduled('coaching.expire-hold', jobIds.expireHold(firstEntry))), 'first hold expiry unscheduled');

    const taken = await t.http.post('/coaching/bookings', { slotId: slot.id }, second.accessToken);
    expect([...(await settledBookings(db, [taken.body.id])).values()][0].status).toBe('confirmed');
    const statuses = await db.query(`SELECT id, status FROM coaching_waitlist WHERE coach_id = $1 ORDER BY created_at`, [coach.id]);
    expect(statuses.rows).toEqual([
      { id: firstEntry, status: 'left' },
      { id: secondEntry, status: 'accepted' },
    ]);
  });
});
