import { Client } from 'pg';
import type { NotificationEvent } from '@bisang/contracts';
import { JobProducer, bookingTimeJobs } from '@bisang/queues';
import { TestPerson, connected, connectTestDb, createLiveFair, createPeople, eventually, hourFromNow, publishAvailability, settledBookings } from '@bisang/testing';
import { TestApp, startTestApp } from './support/test-app';
import { bookingInvariantViolations } from './coaching-invariants';

/** Moving a confirmed booking to another slot: through the same engine, never both bookings, never neither. */
describe('coaching rescheduling', () => {
  let t: TestApp;
  let db: Client;
  let jobs: JobProducer;

  beforeAll(async () => {
    t = await startTestApp();
    db = await connectTestDb();
    jobs = t.app.get(JobProducer, { strict: false });
  });
  afterAll(async () => {
    expect(await bookingInvariantViolations(db)).toEqual({ slotTwice: [], seekerOverlap: [], overLimit: [], rejectedWithoutReason: [] });
    await db.end();
    await t.close();
  });

  const book = (seeker: TestPerson, slotId: string) => t.http.post('/coaching/bookings', { slotId }, seeker.accessToken);
  const reschedule = (who: TestPerson, bookingId: string, slotId: string, key?: string) =>
    t.http.post(`/coaching/bookings/${bookingId}/reschedule`, { slotId }, who.accessToken, key ? { 'idempotency-key': key } : undefined);
  const settled = async (bookingId: string) => [...(await settledBookings(db, [bookingId])).values()][0];
  const confirmed = async (seeker: TestPerson, slotId: string) => {
    const res = await book(seeker, slotId);
    expect(await settled(res.body.id)).toEqual({ status: 'confirmed', reason: null });
    return res.body.id as string;
  };
  const scheduled = (bookingId: string) => Promise.all(bookingTimeJobs(bookingId).map((j) => jobs.isScheduled(j.name, j.jobId)));
  const get = async (who: TestPerson, bookingId: string) => (await t.http.get(`/coaching/bookings/${bookingId}`, who.accessToken)).body;
  const listen = async (who: TestPerson) => {
    const socket = t.socket({ token: who.accessToken });
    const seen: NotificationEvent[] = [];
    socket.on('notification', (n) => seen.push(n));
    await connected(socket);
    return seen;
  };

  it('moves a booking to a free slot of another coach: new confirmed, old cancelled, jobs moved, both sides told', async () => {
    const fairId = await createLiveFair(db);
    const [coachA, coachB] = await createPeople(t.app, db, 'coach', 2);
    const [seeker] = await createPeople(t.app, db, 'seeker', 1);
    const start = hourFromNow(40);
    const [slotA] = await publishAvailability(t.http, coachA, fairId, start, new Date(start.getTime() + 30 * 60_000));
    const [slotB] = await publishAvailability(t.http, coachB, fairId, hourFromNow(60), hourFromNow(61), 60);
    const oldId = await confirmed(seeker, slotA.id);
    await eventually(async () => (await scheduled(oldId)).every(Boolean), 'old jobs scheduled');
    const [seekerSeen, coachASeen, coachBSeen] = await Promise.all([listen(seeker), listen(coachA), listen(coachB)]);

    const res = await reschedule(seeker, oldId, slotB.id);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'confirmed', slotId: slotB.id, coachId: coachB.id, replacesBookingId: oldId });
    const newId: string = res.body.id;
    expect(await get(seeker, oldId)).toMatchObject({ status: 'cancelled', replacedByBookingId: newId });

    await eventually(async () => (await scheduled(newId)).every(Boolean), 'new jobs scheduled');
    await eventually(async () => (await scheduled(oldId)).every((s) => !s), 'old jobs removed');
    const free = await t.http.get(`/fairs/${fairId}/coaching/slots?coachId=${coachA.id}&available=true`);
    expect(free.body.items.map((s: { id: string }) => s.id)).toEqual([slotA.id]);

    await eventually(() => coachASeen.some((n) => n.type === 'booking.cancelled' && n.data.bookingId === oldId), 'old coach told');
    await eventually(() => coachBSeen.some((n) => n.type === 'booking.confirmed' && n.data.bookingId === newId), 'new coach told');
    await eventually(
      () =>
        seekerSeen.some((n) => n.type === 'booking.cancelled' && n.data.rescheduledTo === newId) &&
        seekerSeen.some((n) => n.type === 'booking.confirmed' && n.data.rescheduledFrom === oldId),
      'seeker told both',
    );
    const mine = await t.http.get('/me/coaching/bookings', seeker.accessToken);
    expect(mine.body.items.filter((b: { status: string }) => b.status === 'confirmed').map((b: { id: string }) => b.id)).toEqual([newId]);
  });

  it('keeps the old booking when the new slot is taken: the new one is rejected with its reason', async () => {
    const fairId = await createLiveFair(db);
    const [coach] = await createPeople(t.app, db, 'coach', 1);
    const [seeker, other] = await createPeople(t.app, db, 'seeker', 2);
    const start = hourFromNow(70);
    const [mineSlot, takenSlot] = await publishAvailability(t.http, coach, fairId, start, new Date(start.getTime() + 60 * 60_000));
    const oldId = await confirmed(seeker, mineSlot.id);
    await confirmed(other, takenSlot.id);

    const res = await reschedule(seeker, oldId, takenSlot.id);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'rejected', reason: 'SLOT_TAKEN', replacesBookingId: oldId });
    expect(await get(seeker, oldId)).toMatchObject({ status: 'confirmed' });
    expect((await scheduled(oldId)).every(Boolean)).toBe(true);
  });

  it('does not count the booking being replaced against the limit or as an overlap', async () => {
    const fairId = await createLiveFair(db, { maxUpcomingCoachingPerSeeker: 1 });
    const [coachA, coachB] = await createPeople(t.app, db, 'coach', 2);
    const [seeker] = await createPeople(t.app, db, 'seeker', 1);
    const start = hourFromNow(90);
    const [slotA] = await publishAvailability(t.http, coachA, fairId, start, new Date(start.getTime() + 30 * 60_000));
    // Fifteen minutes later, overlapping the seeker's own booking.
    const later = new Date(start.getTime() + 15 * 60_000);
    const [slotB] = await publishAvailability(t.http, coachB, fairId, later, new Date(later.getTime() + 30 * 60_000));
    const oldId = await confirmed(seeker, slotA.id);
    expect(await settled((await book(seeker, slotB.id)).body.id)).toEqual({ status: 'rejected', reason: 'LIMIT_REACHED' });

    const res = await reschedule(seeker, oldId, slotB.id);
    expect(res.body).toMatchObject({ status: 'confirmed', slotId: slotB.id });
    expect(await get(seeker, oldId)).toMatchObject({ status: 'cancelled' });
  });

  it('many reschedulings of one booking at once: the seeker ends with exactly one confirmed booking', async () => {
    const fairId = await createLiveFair(db, { maxUpcomingCoachingPerSeeker: 5 });
    const [coach] = await createPeople(t.app, db, 'coach', 1);
    const [seeker] = await createPeople(t.app, db, 'seeker', 1);
    const start = hourFromNow(110);
    const slots = await publishAvailability(t.http, coach, fairId, start, new Date(start.getTime() + 6 * 30 * 60_000));
    const oldId = await confirmed(seeker, slots[0].id);

    const answers = await Promise.all(slots.slice(1).map((s) => reschedule(seeker, oldId, s.id)));
    const accepted = answers.filter((r) => r.status === 201 || r.status === 202);
    const refused = answers.filter((r) => r.status === 409).map((r) => r.body.code);
    expect(accepted.length + refused.length).toBe(5);
    expect(refused.filter((c) => c !== 'RESCHEDULE_PENDING' && c !== 'BOOKING_NOT_RESCHEDULABLE')).toEqual([]);
    const states = [...(await settledBookings(db, accepted.map((r) => r.body.id))).values()];
    expect(states.filter((s) => s.status === 'confirmed')).toHaveLength(1);
    expect(states.filter((s) => s.status === 'rejected').every((s) => s.reason === 'BOOKING_NOT_RESCHEDULABLE')).toBe(true);
    const held = await db.query(`SELECT count(*)::int AS n FROM coaching_bookings WHERE seeker_id = $1 AND status = 'confirmed'`, [seeker.id]);
    expect(held.rows[0].n).toBe(1);
  });

  it('refuses what cannot be rescheduled, with clear codes', async () => {
    const fairId = await createLiveFair(db);
    const [coach] = await createPeople(t.app, db, 'coach', 1);
    const [seeker, stranger] = await createPeople(t.app, db, 'seeker', 2);
    const start = hourFromNow(130);
    const [a, b] = await publishAvailability(t.http, coach, fairId, start, new Date(start.getTime() + 60 * 60_000));
    const bookingId = await confirmed(seeker, a.id);

    expect((await reschedule(stranger, bookingId, b.id)).status).toBe(404);
    expect((await reschedule(coach, bookingId, b.id)).status).toBe(403);
    expect((await reschedule(seeker, bookingId, a.id)).body.code).toBe('RESCHEDULE_SAME_SLOT');
    const unknown = await reschedule(seeker, bookingId, '00000000-0000-4000-8000-000000000000');
    expect([unknown.status, unknown.body.code]).toEqual([404, 'SLOT_NOT_FOUND']);
    expect((await t.http.post(`/coaching/bookings/${bookingId}/reschedule`, { slotId: 'x' }, seeker.accessToken)).status).toBe(400);
    expect((await t.http.post(`/coaching/bookings/${bookingId}/reschedule`, { slotId: b.id, extra: 1 }, seeker.accessToken)).status).toBe(400);

    // Same Idempotency-Key twice: one new booking.
    const first = await reschedule(seeker, bookingId, b.id, 'move-1');
    const again = await reschedule(seeker, bookingId, b.id, 'move-1');
    expect(again.body.id).toBe(first.body.id);
    expect(first.body.status).toBe('confirmed');

    // The old booking is cancelled now: it cannot be moved again.
    const gone = await reschedule(seeker, bookingId, a.id);
    expect([gone.status, gone.body.code]).toEqual([409, 'BOOKING_NOT_RESCHEDULABLE']);

    // Within the cut-off (60 min by default) it cannot be moved.
    const soon = new Date(Math.ceil((Date.now() + 30 * 60_000) / 60_000) * 60_000);
    const [soonSlot] = await publishAvailability(t.http, coach, fairId, soon, new Date(soon.getTime() + 30 * 60_000));
    const soonId = await confirmed(stranger, soonSlot.id);
    const late = await reschedule(stranger, soonId, a.id);
    expect([late.status, late.body.code]).toEqual([409, 'CANCEL_CUTOFF_PASSED']);
  });
});
