import { Client } from 'pg';
import { SignedIn, connectTestDb, createLiveFair, createOrganizer, hourFromNow, registerUser } from '@bisang/testing';
import { TestApp, startTestApp } from './support/test-app';

/** Coaches coach in a fair once an organizer approved them there: before that, no availability, no slot listed or booked. */
describe('coach approval per fair (HTTP)', () => {
  let t: TestApp;
  let db: Client;
  let organizer: SignedIn;

  beforeAll(async () => {
    t = await startTestApp();
    db = await connectTestDb();
    organizer = await createOrganizer(t.app, t.http);
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  const window = () => {
    const start = hourFromNow(50);
    return { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 3600_000).toISOString(), slotMinutes: 30 };
  };
  const publish = (fairId: string, coach: SignedIn) => t.http.post(`/fairs/${fairId}/coaching/availability`, window(), coach.accessToken);

  it('a coach asks to join, is refused until approved, then publishes slots that are listed', async () => {
    const fairId = await createLiveFair(db);
    const coach = await registerUser(t.http, 'coach', { name: '박코치' });

    const refused = await publish(fairId, coach);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ statusCode: 403, code: 'COACH_NOT_APPROVED' });
    expect(refused.body.message).toMatch(/운영자가.*승인.*An organizer must approve/);
    expect((await t.http.get(`/fairs/${fairId}/coaches/me`, coach.accessToken)).body).toEqual({ fairId, coachId: coach.id, status: 'none' });

    const asked = await t.http.post(`/fairs/${fairId}/coaches/me`, {}, coach.accessToken);
    expect(asked.status).toBe(201);
    expect(asked.body).toEqual({ fairId, coachId: coach.id, status: 'pending' });
    expect((await publish(fairId, coach)).body.code).toBe('COACH_NOT_APPROVED');

    const waiting = await t.http.get(`/fairs/${fairId}/coaches?status=pending`, organizer.accessToken);
    expect(waiting.status).toBe(200);
    expect(waiting.body.items).toEqual([
      { coachId: coach.id, name: '박코치', email: coach.email, status: 'pending', requestedAt: expect.any(String), approvedAt: null },
    ]);
    // only organizers see or decide
    expect((await t.http.get(`/fairs/${fairId}/coaches`, coach.accessToken)).status).toBe(403);
    expect((await t.http.post(`/fairs/${fairId}/coaches/${coach.id}/approve`, {}, coach.accessToken)).status).toBe(403);

    const approved = await t.http.post(`/fairs/${fairId}/coaches/${coach.id}/approve`, {}, organizer.accessToken);
    expect(approved.status).toBe(200);
    expect(approved.body).toEqual({ fairId, coachId: coach.id, status: 'approved', approvedAt: expect.any(String) });
    // asking again after approval keeps the approval
    expect((await t.http.post(`/fairs/${fairId}/coaches/me`, {}, coach.accessToken)).body.status).toBe('approved');

    const published = await publish(fairId, coach);
    expect(published.status).toBe(201);
    const listed = await t.http.get(`/fairs/${fairId}/coaching/slots?coachId=${coach.id}`);
    expect(listed.body.items).toHaveLength(2);
    expect((await t.http.get(`/fairs/${fairId}/coaches?status=approved`, organizer.accessToken)).body.items.map((c: { coachId: string }) => c.coachId)).toEqual([
      coach.id,
    ]);
  });

  it('approval is per fair, and only a coach account can be approved', async () => {
    const [fairA, fairB] = await Promise.all([createLiveFair(db), createLiveFair(db)]);
    const coach = await registerUser(t.http, 'coach');
    const seeker = await registerUser(t.http, 'seeker');
    expect((await t.http.post(`/fairs/${fairA}/coaches/${coach.id}/approve`, {}, organizer.accessToken)).status).toBe(200);
    expect((await publish(fairA, coach)).status).toBe(201);
    expect((await publish(fairB, coach)).body.code).toBe('COACH_NOT_APPROVED');

    const notCoach = await t.http.post(`/fairs/${fairA}/coaches/${seeker.id}/approve`, {}, organizer.accessToken);
    expect([notCoach.status, notCoach.body.code]).toEqual([404, 'COACH_NOT_FOUND']);
    const nobody = await t.http.post(`/fairs/${fairA}/coaches/00000000-0000-4000-8000-000000000000/approve`, {}, organizer.accessToken);
    expect(nobody.status).toBe(404);
    const noFair = await t.http.post(`/fairs/00000000-0000-4000-8000-000000000000/coaches/${coach.id}/approve`, {}, organizer.accessToken);
    expect([noFair.status, noFair.body.code]).toEqual([404, 'FAIR_NOT_FOUND']);
  });

  it('slots of a coach who is not approved (any more) are neither listed nor bookable, and a refused request records nothing', async () => {
    const fairId = await createLiveFair(db);
    const coach = await registerUser(t.http, 'coach');
    const seeker = await registerUser(t.http, 'seeker');
    await t.http.post(`/fairs/${fairId}/coaches/${coach.id}/approve`, {}, organizer.accessToken);
    const [slot] = (await publish(fairId, coach)).body.slots;
    // e.g. approved before this release's data was migrated, then set back by an operator
    await db.query(`UPDATE fair_coaches SET status = 'pending' WHERE fair_id = $1 AND coach_id = $2`, [fairId, coach.id]);

    expect((await t.http.get(`/fairs/${fairId}/coaching/slots`)).body.items).toEqual([]);
    const booked = await t.http.post('/coaching/bookings', { slotId: slot.id }, seeker.accessToken);
    expect([booked.status, booked.body.code]).toEqual([403, 'COACH_NOT_APPROVED']);
    expect(Number((await db.query('SELECT count(*) FROM coaching_bookings WHERE slot_id = $1', [slot.id])).rows[0].count)).toBe(0);
  });
});
