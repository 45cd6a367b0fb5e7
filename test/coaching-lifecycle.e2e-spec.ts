import { DateTime } from 'luxon';
import { Client } from 'pg';
import type { NotificationEvent } from '@bisang/contracts';
import { JobProducer, QUEUE_OF, bookingTimeJobs, jobIds } from '@bisang/queues';
import { TestPerson, createLiveFair, createOrganizer, createPeople, eventually, hourFromNow, publishAvailability, settledBookings, connectTestDb } from '@bisang/testing';
import { TestApp, startTestApp } from './support/test-app';
import { bookingInvariantViolations } from './coaching-invariants';

/** What is scheduled around a booking, cancellation, the waitlist, notifications and bad input. */
describe('coaching booking lifecycle', () => {
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
    expect(await bookingInvariantViolations(db)).toEqual({ slotTwice: [], seekerOverlap: [], overLimit: [], rejectedWithoutReason: [] });
    await db.end();
    await t.close();
  });

  const book = (seeker: TestPerson, slotId: string) => t.http.post('/coaching/bookings', { slotId }, seeker.accessToken);
  const oneSlot = async (coach: TestPerson, start: Date, minutes = 30) =>
    (await publishAvailability(t.http, coach, fairId, start, new Date(start.getTime() + minutes * 60_000), minutes))[0];
  const confirmed = async (seeker: TestPerson, slotId: string) => {
    const res = await book(seeker, slotId);
    const [state] = [...(await settledBookings(db, [res.body.id])).values()];
    expect(state.status).toBe('confirmed');
    return res.body.id as string;
  };
  const scheduled = (bookingId: string) => Promise.all(bookingTimeJobs(bookingId).map((j) => jobs.isScheduled(j.name, j.jobId)));

  it('schedules reminders, the session opening and auto-completion for a confirmed booking, and removes them on cancel', async () => {
    const [coach] = await createPeople(t.app, db, 'coach', 1);
    const [seeker] = await createPeople(t.app, db, 'seeker', 1);
    const slot = await oneSlot(coach, hourFromNow(48));
    const bookingId = await confirmed(seeker, slot.id);
    await eventually(async () => (await scheduled(bookingId)).every(Boolean), 5000, 'jobs scheduled');

    const cancel = await t.http.post(`/coaching/bookings/${bookingId}/cancel`, {}, seeker.accessToken);
    expect([cancel.status, cancel.body.status]).toEqual([200, 'cancelled']);
    // `booking.cancelled` takes them away moments after the commit.
    await eventually(async () => (await scheduled(bookingId)).every((s) => !s), 10_000, 'jobs removed');
    const again = await t.http.post(`/coaching/bookings/${bookingId}/cancel`, {}, seeker.accessToken);
    expect([again.status, again.body.code]).toEqual([409, 'BOOKING_NOT_CANCELLABLE']);
    const slots = await t.http.get(`/fairs/${fairId}/coaching/slots?coachId=${coach.id}&available=true`);
    expect(slots.body.items.map((s: { id: string }) => s.id)).toEqual([slot.id]);
  });

  it('gives a short-notice booking its nearest reminder at once, and refuses cancelling after the cut-off', async () => {
    const [coach] = await createPeople(t.app, db, 'coach', 1);
    const [seeker] = await createPeople(t.app, db, 'seeker', 1);
    const soon = new Date(Math.ceil((Date.now() + 20 * 60_000) / 60_000) * 60_000);
    const slot = await oneSlot(coach, soon);
    const socket = t.socket({ token: seeker.accessToken });
    const reminders: NotificationEvent[] = [];
    socket.on('notification', (n) => n.type === 'booking.reminder' && reminders.push(n));
    await new Promise<void>((resolve) => socket.on('connect', () => resolve()));
    const bookingId = await confirmed(seeker, slot.id);
    await eventually(async () => (await db.query(`SELECT reminders_sent FROM coaching_bookings WHERE id = $1`, [bookingId])).rows[0].reminders_sent.includes(60), 5000, 'reminder sent');
    await eventually(() => reminders.length === 1, 5000, 'reminder received');
    expect(reminders[0].data).toMatchObject({ bookingId, minutesBefore: 60 });
    expect(await jobs.isScheduled('coaching.remind', jobIds.remind(bookingId, 1440))).toBe(false);
    expect(await jobs.isScheduled('coaching.open-session', jobIds.openSession(bookingId))).toBe(true);

    const late = await t.http.post(`/coaching/bookings/${bookingId}/cancel`, {}, coach.accessToken);
    expect([late.status, late.body.code]).toEqual([409, 'CANCEL_CUTOFF_PASSED']);
  });

  it('holds a freed slot for the first waiter, and passes it to the next when the hold expires', async () => {
    const [coach] = await createPeople(t.app, db, 'coach', 1);
    const [holder, first, second] = await createPeople(t.app, db, 'seeker', 3);
    const start = hourFromNow(30);
    const slot = await oneSlot(coach, start);
    const bookingId = await confirmed(holder, slot.id);
    const day = DateTime.fromJSDate(start, { zone: 'Asia/Seoul' }).toISODate();
    for (const w of [first, second]) {
      const res = await t.http.post(`/fairs/${fairId}/coaching/waitlist`, { coachId: coach.id, date: day }, w.accessToken);
      expect([res.status, res.body.status]).toEqual([201, 'waiting']);
    }
    const twice = await t.http.post(`/fairs/${fairId}/coaching/waitlist`, { coachId: coach.id, date: day }, first.accessToken);
    expect([twice.status, twice.body.code]).toEqual([409, 'ALREADY_WAITING']);

    const offers: NotificationEvent[] = [];
    const socket = t.socket({ token: first.accessToken });
    socket.on('notification', (n) => n.type === 'booking.waitlist_offer' && offers.push(n));
    await new Promise<void>((resolve) => socket.on('connect', () => resolve()));

    expect((await t.http.post(`/coaching/bookings/${bookingId}/cancel`, {}, holder.accessToken)).status).toBe(200);
    const heldFor = async () => (await db.query(`SELECT held_for_seeker_id AS id, hold_entry_id AS entry FROM coaching_slots WHERE id = $1`, [slot.id])).rows[0];
    await eventually(async () => (await heldFor()).id === first.id, 5000, 'held for the first waiter');
    await eventually(() => offers.length === 1, 5000, 'offer notified');
    expect(offers[0].data).toMatchObject({ slotId: slot.id });

    // Someone else (even the next waiter) cannot take a held slot.
    const sniped = await book(second, slot.id);
    expect([...(await settledBookings(db, [sniped.body.id])).values()][0]).toEqual({ status: 'rejected', reason: 'SLOT_TAKEN' });

    // The hold expires (its delayed job, fired now): the slot passes down the list.
    const { entry } = await heldFor();
    const expiry = await jobs.queue(QUEUE_OF['coaching.expire-hold']).getJob(jobIds.expireHold(entry));
    expect(await expiry!.getState()).toBe('delayed');
    await expiry!.promote();
    await eventually(async () => (await heldFor()).id === second.id, 5000, 'held for the second waiter');
    const taken = await confirmed(second, slot.id);
    expect(taken).toBeDefined();
    const entries = await db.query(`SELECT seeker_id, status FROM coaching_waitlist WHERE coach_id = $1 ORDER BY created_at`, [coach.id]);
    expect(entries.rows.map((r) => r.status)).toEqual(['expired', 'accepted']);
  });

  it('tells a signed-in socket booking.confirmed', async () => {
    const [coach] = await createPeople(t.app, db, 'coach', 1);
    const [seeker] = await createPeople(t.app, db, 'seeker', 1);
    const slot = await oneSlot(coach, hourFromNow(60));
    const socket = t.socket({ token: seeker.accessToken });
    const seen: NotificationEvent[] = [];
    socket.on('notification', (n) => seen.push(n));
    await new Promise<void>((resolve) => socket.on('connect', () => resolve()));
    const res = await book(seeker, slot.id);
    await eventually(() => seen.some((n) => n.type === 'booking.confirmed' && n.data.bookingId === res.body.id), 5000, 'booking.confirmed');
  });

  it('lets the coach mark no-shows; two no-shows in a fair bar more coaching, saying why', async () => {
    const [coach] = await createPeople(t.app, db, 'coach', 1);
    const [seeker] = await createPeople(t.app, db, 'seeker', 1);
    const start = hourFromNow(200);
    const slots = await publishAvailability(t.http, coach, fairId, start, new Date(start.getTime() + 3 * 30 * 60_000));
    for (const slot of slots.slice(0, 2)) {
      const id = await confirmed(seeker, slot.id);
      const early = await t.http.post(`/coaching/bookings/${id}/no-show`, {}, coach.accessToken);
      expect([early.status, early.body.code]).toEqual([409, 'SESSION_NOT_STARTED']);
      // The session "happened": move it (and its slot) into the past.
      await db.query(`UPDATE coaching_bookings SET starts_at = starts_at - interval '20 days', ends_at = ends_at - interval '20 days' WHERE id = $1`, [id]);
      const bySeeker = await t.http.post(`/coaching/bookings/${id}/no-show`, {}, seeker.accessToken);
      expect(bySeeker.status).toBe(403);
      const marked = await t.http.post(`/coaching/bookings/${id}/no-show`, {}, coach.accessToken);
      expect([marked.status, marked.body.status]).toEqual([200, 'no_show']);
    }
    const res = await book(seeker, slots[2].id);
    const final = await t.http.get(`/coaching/bookings/${res.body.id}`, seeker.accessToken);
    expect(final.body).toMatchObject({ status: 'rejected', reason: 'LIMIT_REACHED' });
    expect(final.body.reasonMessage).toMatch(/no-show/);
  });

  describe('bad input', () => {
    let coach: TestPerson;
    let seeker: TestPerson;
    let stranger: TestPerson;
    let recruiter: TestPerson;
    let slotId: string;
    let bookingId: string;

    beforeAll(async () => {
      [coach] = await createPeople(t.app, db, 'coach', 1);
      [seeker, stranger] = await createPeople(t.app, db, 'seeker', 2);
      [recruiter] = await createPeople(t.app, db, 'recruiter', 1);
      const slots = await publishAvailability(t.http, coach, fairId, hourFromNow(300), hourFromNow(302));
      slotId = slots[0].id;
      bookingId = await confirmed(seeker, slots[1].id);
    });

    it('answers 404 for an unknown slot and 403 for a coach or recruiter booking', async () => {
      const unknown = await book(seeker, '00000000-0000-4000-8000-000000000000');
      expect([unknown.status, unknown.body.code]).toEqual([404, 'SLOT_NOT_FOUND']);
      expect((await book(coach, slotId)).status).toBe(403);
      expect((await book(recruiter, slotId)).status).toBe(403);
      expect((await t.http.post('/coaching/bookings', { slotId })).status).toBe(401);
    });

    it('answers 400 for malformed ids, unknown fields, past windows and out-of-range slot lengths', async () => {
      expect((await t.http.post('/coaching/bookings', { slotId: 'nope' }, seeker.accessToken)).status).toBe(400);
      expect((await t.http.post('/coaching/bookings', { slotId, extra: 1 }, seeker.accessToken)).status).toBe(400);
      expect((await t.http.get('/coaching/bookings/not-a-uuid', seeker.accessToken)).body.code).toBe('INVALID_ID');
      expect((await t.http.get('/fairs/not-a-uuid/coaching/slots')).status).toBe(400);
      const avail = (body: Record<string, unknown>) => t.http.post(`/fairs/${fairId}/coaching/availability`, body, coach.accessToken);
      const start = hourFromNow(400);
      const end = new Date(start.getTime() + 3600_000);
      const past = await avail({ startsAt: hourFromNow(-3).toISOString(), endsAt: hourFromNow(-2).toISOString(), slotMinutes: 30 });
      expect([past.status, past.body.code]).toEqual([400, 'WINDOW_IN_PAST']);
      for (const slotMinutes of [14, 121, 30.5]) {
        expect((await avail({ startsAt: start.toISOString(), endsAt: end.toISOString(), slotMinutes })).status).toBe(400);
      }
      expect((await avail({ startsAt: start.toISOString(), endsAt: end.toISOString(), slotMinutes: 30, bufferMinutes: 61 })).status).toBe(400);
      expect((await avail({ startsAt: end.toISOString(), endsAt: start.toISOString(), slotMinutes: 30 })).body.code).toBe('INVALID_WINDOW');
      expect((await avail({ startsAt: 'tomorrow', endsAt: end.toISOString(), slotMinutes: 30 })).status).toBe(400);
      const unknownFair = await t.http.post('/fairs/00000000-0000-4000-8000-000000000000/coaching/availability', { startsAt: start.toISOString(), endsAt: end.toISOString(), slotMinutes: 30 }, coach.accessToken);
      expect(unknownFair.status).toBe(404);
      expect((await t.http.post(`/fairs/${fairId}/coaching/availability`, { startsAt: start.toISOString(), endsAt: end.toISOString(), slotMinutes: 30 }, seeker.accessToken)).status).toBe(403);
    });

    it('cuts slots in the fair time zone with buffers, and answers 409 when they overlap the coach own', async () => {
      const day = DateTime.now().setZone('Asia/Seoul').plus({ days: 5 }).toISODate();
      const res = await t.http.post(
        `/fairs/${fairId}/coaching/availability`,
        { startsAt: `${day}T10:00:00`, endsAt: `${day}T12:00:00`, slotMinutes: 30, bufferMinutes: 10 },
        coach.accessToken,
      );
      expect(res.status).toBe(201);
      expect(res.body.slots.map((s: { startsAt: string }) => DateTime.fromISO(s.startsAt, { zone: 'Asia/Seoul' }).toFormat('HH:mm'))).toEqual(['10:00', '10:40', '11:20']);
      const overlap = await t.http.post(
        `/fairs/${fairId}/coaching/availability`,
        { startsAt: `${day}T11:30:00+09:00`, endsAt: `${day}T13:00:00+09:00`, slotMinutes: 30 },
        coach.accessToken,
      );
      expect([overlap.status, overlap.body.code]).toEqual([409, 'AVAILABILITY_OVERLAPS']);
      // The public slot list names the coach, so seekers choose a person, not an id.
      const listed = await t.http.get(`/fairs/${fairId}/coaching/slots?coachId=${coach.id}`);
      const name = (await db.query(`SELECT name FROM users WHERE id = $1`, [coach.id])).rows[0].name;
      const items = listed.body.items as { id: string; coachName: string }[];
      expect(items.filter((s) => res.body.slots.some((n: { id: string }) => n.id === s.id)).map((s) => s.coachName)).toEqual([name, name, name]);
      expect(new Set(items.map((s) => s.coachName))).toEqual(new Set([name]));
      const withdrawn = await t.http.post(`/coaching/slots/${res.body.slots[2].id}/withdraw`, {}, coach.accessToken);
      expect(withdrawn.status).toBe(200);
      expect((await t.http.post(`/coaching/slots/${res.body.slots[2].id}/withdraw`, {}, coach.accessToken)).body.code).toBe('SLOT_WITHDRAWN');
    });

    it('keeps a booking to its seeker, its coach and organizers; cancelling someone else’s is 404, a booked slot cannot be withdrawn', async () => {
      const organizer = await createOrganizer(t.app, t.http);
      expect((await t.http.get(`/coaching/bookings/${bookingId}`, seeker.accessToken)).body).toMatchObject({ id: bookingId, status: 'confirmed', slotId: expect.any(String) });
      expect((await t.http.get(`/coaching/bookings/${bookingId}`, coach.accessToken)).status).toBe(200);
      expect((await t.http.get(`/coaching/bookings/${bookingId}`, organizer.accessToken)).status).toBe(200);
      expect((await t.http.get(`/coaching/bookings/${bookingId}`, stranger.accessToken)).status).toBe(404);
      expect((await t.http.post(`/coaching/bookings/${bookingId}/cancel`, {}, stranger.accessToken)).status).toBe(404);
      expect((await t.http.post(`/coaching/bookings/${bookingId}/cancel`, {}, organizer.accessToken)).status).toBe(403);
      const booked = await db.query(`SELECT slot_id FROM coaching_bookings WHERE id = $1`, [bookingId]);
      expect((await t.http.post(`/coaching/slots/${booked.rows[0].slot_id}/withdraw`, {}, coach.accessToken)).body.code).toBe('SLOT_BOOKED');
      const mine = await t.http.get('/me/coaching/bookings', seeker.accessToken);
      expect(mine.body.items.map((b: { id: string }) => b.id)).toContain(bookingId);
      const coachView = await t.http.get('/me/coaching/bookings?limit=1', coach.accessToken);
      expect(coachView.body.items).toHaveLength(1);
      expect((await t.http.get('/me/coaching/bookings?cursor=garbage', seeker.accessToken)).status).toBe(400);
    });
  });
});
