import { Client } from 'pg';
import { TestPerson, createLiveFair, createPeople, hourFromNow, publishAvailability, settledBookings, connectTestDb } from '@bisang/testing';
import { TestApp, startTestApp } from './support/test-app';
import { bookingInvariantViolations } from './coaching-invariants';

/** Booking races through real HTTP, the real queue and worker, and PostgreSQL's constraints. */
describe('coaching bookings under load', () => {
  let t: TestApp;
  let db: Client;

  beforeAll(async () => {
    t = await startTestApp();
    db = await connectTestDb();
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  const book = (seeker: TestPerson, slotId: string, key?: string) =>
    t.http.post('/coaching/bookings', { slotId }, seeker.accessToken, key ? { 'idempotency-key': key } : undefined);

  afterEach(async () => {
    expect(await bookingInvariantViolations(db)).toEqual({ slotTwice: [], seekerOverlap: [], overLimit: [], rejectedWithoutReason: [] });
  });

  it('100 seekers race for one slot: exactly one confirmed, 99 SLOT_TAKEN', async () => {
    const fairId = await createLiveFair(db);
    const [coach] = await createPeople(t.app, db, 'coach', 1);
    const seekers = await createPeople(t.app, db, 'seeker', 100);
    const start = hourFromNow(48);
    const [slot] = await publishAvailability(t.http, coach, fairId, start, new Date(start.getTime() + 30 * 60_000));

    const responses = await Promise.all(seekers.map((s) => book(s, slot.id)));
    expect(responses.every((r) => r.status === 201 || r.status === 202)).toBe(true);
    const states = await settledBookings(db, responses.map((r) => r.body.id));
    const values = [...states.values()];
    expect(values.filter((v) => v.status === 'confirmed')).toHaveLength(1);
    expect(values.filter((v) => v.status === 'rejected' && v.reason === 'SLOT_TAKEN')).toHaveLength(99);

    const slots = await t.http.get(`/fairs/${fairId}/coaching/slots?coachId=${coach.id}`);
    expect(slots.body.items).toEqual([expect.objectContaining({ id: slot.id, available: false })]);
  });

  it('300 seekers race for 30 slots: 30 confirmed, no slot twice, no seeker overlapping', async () => {
    const fairId = await createLiveFair(db);
    const coaches = await createPeople(t.app, db, 'coach', 3);
    const seekers = await createPeople(t.app, db, 'seeker', 300);
    const start = hourFromNow(72);
    const end = new Date(start.getTime() + 10 * 30 * 60_000);
    const slots = (await Promise.all(coaches.map((c) => publishAvailability(t.http, c, fairId, start, end)))).flat();
    expect(slots).toHaveLength(30);

    // Each seeker asks for two slots at the same time with two different coaches: at most one can be theirs.
    const requests = seekers.flatMap((s, k) => [book(s, slots[k % 30].id), book(s, slots[(k + 10) % 30].id)]);
    const responses = await Promise.all(requests);
    expect(responses.map((r) => r.status).filter((s) => s !== 201 && s !== 202)).toEqual([]);
    const states = await settledBookings(db, responses.map((r) => r.body.id), 180_000);
    const values = [...states.values()];
    expect(values.filter((v) => v.status === 'pending')).toHaveLength(0);
    expect(values.filter((v) => v.status === 'confirmed')).toHaveLength(30);
    expect(values.filter((v) => v.status === 'rejected' && v.reason !== 'SLOT_TAKEN' && v.reason !== 'OVERLAP')).toEqual([]);

    const perSlot = await db.query(
      `SELECT s.id, count(b.id) FILTER (WHERE b.status = 'confirmed') AS confirmed
         FROM coaching_slots s LEFT JOIN coaching_bookings b ON b.slot_id = s.id WHERE s.fair_id = $1 GROUP BY s.id`,
      [fairId],
    );
    expect(perSlot.rows.map((r) => Number(r.confirmed))).toEqual(Array(30).fill(1));
  }, 240_000);

  it('one seeker firing many requests at once never holds more than the limit, nor two overlapping', async () => {
    const fairId = await createLiveFair(db, { maxUpcomingCoachingPerSeeker: 2 });
    const coaches = await createPeople(t.app, db, 'coach', 3);
    const [seeker] = await createPeople(t.app, db, 'seeker', 1);
    const start = hourFromNow(96);
    const slots = await publishAvailability(t.http, coaches[0], fairId, start, new Date(start.getTime() + 5 * 30 * 60_000));
    const responses = await Promise.all(slots.map((s) => book(seeker, s.id)));
    const states = [...(await settledBookings(db, responses.map((r) => r.body.id))).values()];
    expect(states.filter((s) => s.status === 'confirmed')).toHaveLength(2);
    expect(states.filter((s) => s.reason === 'LIMIT_REACHED')).toHaveLength(3);
    const explained = await db.query(`SELECT reason_message FROM coaching_bookings WHERE seeker_id = $1 AND reason = 'LIMIT_REACHED'`, [seeker.id]);
    expect(explained.rows.every((r) => /at most|most it allows/.test(r.reason_message))).toBe(true);

    // Same time with three coaches: one at most.
    const [other] = await createPeople(t.app, db, 'seeker', 1);
    const at = hourFromNow(120);
    const sameTime = await Promise.all(coaches.map((c) => publishAvailability(t.http, c, fairId, at, new Date(at.getTime() + 30 * 60_000))));
    const overlapping = await Promise.all(sameTime.map(([s]) => book(other, s.id)));
    const outcome = [...(await settledBookings(db, overlapping.map((r) => r.body.id))).values()];
    expect(outcome.filter((s) => s.status === 'confirmed')).toHaveLength(1);
    expect(outcome.filter((s) => s.reason === 'OVERLAP')).toHaveLength(2);
  });

  it('the same Idempotency-Key gives one booking; with another body it is a 409', async () => {
    const fairId = await createLiveFair(db);
    const [coach] = await createPeople(t.app, db, 'coach', 1);
    const [seeker] = await createPeople(t.app, db, 'seeker', 1);
    const start = hourFromNow(50);
    const [a, b] = await publishAvailability(t.http, coach, fairId, start, new Date(start.getTime() + 60 * 60_000));
    const key = `key-${Date.now()}`;
    const [first, second] = await Promise.all([book(seeker, a.id, key), book(seeker, a.id, key)]);
    expect([201, 202]).toContain(first.status);
    expect(second.body.id).toBe(first.body.id);
    // once the worker has settled it, the same key answers the confirmed booking
    await settledBookings(db, [first.body.id]);
    const third = await book(seeker, a.id, key);
    expect(third.status).toBe(201);
    expect(third.body).toMatchObject({ id: first.body.id, status: 'confirmed' });
    const rows = await db.query(`SELECT count(*)::int AS n FROM coaching_bookings WHERE seeker_id = $1`, [seeker.id]);
    expect(rows.rows[0].n).toBe(1);

    const other = await book(seeker, b.id, key);
    expect([other.status, other.body.code]).toEqual([409, 'IDEMPOTENCY_KEY_REUSED']);
    const badKey = await book(seeker, b.id, 'x'.repeat(201));
    expect([badKey.status, badKey.body.code]).toEqual([400, 'INVALID_IDEMPOTENCY_KEY']);
  });
});
