import { Client } from 'pg';
import { HttpResponse, PASSWORD, SignedIn, connectTestDb, createLiveFair, createOrganizer, createPeople, hourFromNow, openPosting, postingBody, publishAvailability, registerUser, settledBookings, eventually } from '@bisang/testing';
import { TestApp, startTestApp } from './support/test-app';

/**
 * Per-user write limits (bookings, applications, postings) and the per-account sign-in back-off, with RATE_LIMITS on;
 * RATE_LIMITS=off turns them all off.
 */
describe('per-user limits', () => {
  let t: TestApp;
  let off: TestApp;
  let db: Client;

  beforeAll(async () => {
    [t, off] = await Promise.all([
      // Sign-ins from "several addresses": X-Forwarded-For is believed from the test itself.
      startTestApp({ RATE_LIMITS: 'on', AUTH_RATE_LIMIT: 1000, TRUSTED_PROXIES: '127.0.0.1' }),
      startTestApp({ RATE_LIMITS: 'off', AUTH_RATE_LIMIT: 1000 }),
    ]);
    db = await connectTestDb();
  });
  afterAll(async () => {
    await db.end();
    await Promise.all([t.close(), off.close()]);
  });

  const expectLimited = (res: HttpResponse, maxRetryAfter: number) => {
    expect(res.status).toBe(429);
    expect(res.body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
    expect(res.body.message).toMatch(/요청이 너무 많습니다.*Too many requests/);
    const retryAfter = Number(res.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(maxRetryAfter);
    return retryAfter;
  };

  describe('writes', () => {
    it('postings: the 31st edit within 10 minutes is refused with 429 and Retry-After; another recruiter is not affected', async () => {
      const organizer = await createOrganizer(t.app, t.http);
      const { postingId, booth } = await openPosting(t.http, organizer);
      // openPosting created one posting: 29 edits left in this window
      for (let i = 0; i < 29; i++) {
        expect((await t.http.patch(`/postings/${postingId}`, { title: `편집 ${i}` }, booth.recruiter.accessToken)).status).toBe(200);
      }
      expectLimited(await t.http.patch(`/postings/${postingId}`, { title: '하나 더' }, booth.recruiter.accessToken), 600);
      expectLimited(await t.http.post(`/booths/${booth.boothId}/postings`, postingBody('새 공고'), booth.recruiter.accessToken), 600);
      const title = (await t.http.get(`/postings/${postingId}`)).body.title;
      expect(title).toBe('편집 28');

      const other = await openPosting(t.http, organizer, {}, '다른회사(주)');
      expect((await t.http.patch(`/postings/${other.postingId}`, { title: '다른 회사' }, other.booth.recruiter.accessToken)).status).toBe(200);
    });

    it('applications: the 21st application attempt within 10 minutes is 429, before anything is checked or written', async () => {
      const organizer = await createOrganizer(t.app, t.http);
      const { postingId } = await openPosting(t.http, organizer);
      const seeker = await registerUser(t.http, 'seeker');
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) statuses.push((await t.http.post(`/postings/${postingId}/applications`, {}, seeker.accessToken)).status);
      expect(statuses[0]).toBe(201);
      expect(new Set(statuses.slice(1))).toEqual(new Set([409]));
      expectLimited(await t.http.post(`/postings/${postingId}/applications`, {}, seeker.accessToken), 600);
    });

    it('bookings: requests beyond 10 a minute are refused before a booking row or a notification is written', async () => {
      const fairId = await createLiveFair(db, { maxUpcomingCoachingPerSeeker: 5 });
      const [coach] = await createPeople(t.app, db, 'coach', 1);
      const [seeker] = await createPeople(t.app, db, 'seeker', 1);
      const start = hourFromNow(30);
      const [slot] = await publishAvailability(t.http, coach, fairId, start, new Date(start.getTime() + 30 * 60_000));
      const book = () => t.http.post('/coaching/bookings', { slotId: slot.id }, seeker.accessToken);

      const accepted: string[] = [];
      for (let i = 0; i < 10; i++) {
        const res = await book();
        expect([201, 202]).toContain(res.status);
        accepted.push(res.body.id);
      }
      await settledBookings(db, accepted);
      const count = async (table: string) => Number((await db.query(`SELECT count(*) FROM ${table} WHERE ${table === 'notifications' ? 'user_id' : 'seeker_id'} = $1`, [seeker.id])).rows[0].count);
      // Each decision's notification follows its event moments later: wait for all ten before counting.
      await eventually(async () => (await count('notifications')) >= accepted.length, 'the ten decisions notified');
      const [bookingsBefore, notificationsBefore] = [await count('coaching_bookings'), await count('notifications')];

      const refused = await Promise.all(Array.from({ length: 20 }, () => book()));
      for (const res of refused) expectLimited(res, 60);
      // give a wrongly accepted request time to reach the worker: nothing may appear
      await new Promise((r) => setTimeout(r, 500));
      expect(await count('coaching_bookings')).toBe(bookingsBefore);
      expect(await count('notifications')).toBe(notificationsBefore);
    });

    it('RATE_LIMITS=off: no write limit', async () => {
      const organizer = await createOrganizer(off.app, off.http);
      const { postingId, booth } = await openPosting(off.http, organizer);
      const statuses = new Set<number>();
      for (let i = 0; i < 35; i++) statuses.add((await off.http.patch(`/postings/${postingId}`, { title: `편집 ${i}` }, booth.recruiter.accessToken)).status);
      expect(statuses).toEqual(new Set([200]));
    });
  });

  describe('sign-in back-off', () => {
    const from = (address: string) => ({ 'x-forwarded-for': address });
    const attempt = (app: TestApp, user: SignedIn, password: string, address = '203.0.113.1') =>
      app.http.request('POST', '/auth/login', { body: { email: user.email, password }, headers: from(address) });

    it('per account and address: from the 5th failure the wait grows (1 s, 2 s, …); the right password waits too', async () => {
      const user = await registerUser(t.http, 'seeker');
      for (let i = 0; i < 5; i++) expect((await attempt(t, user, 'wrong-password-1')).status).toBe(401);
      expect(expectLimited(await attempt(t, user, 'wrong-password-1'), 1)).toBe(1);
      expectLimited(await attempt(t, user, PASSWORD), 1);

      await new Promise((r) => setTimeout(r, 1100));
      expect((await attempt(t, user, 'wrong-password-1')).status).toBe(401);
      expect(expectLimited(await attempt(t, user, 'wrong-password-1'), 2)).toBe(2);
    });

    it('an attacker cannot lock the victim out: the victim signs in from their own address at once', async () => {
      const victim = await registerUser(t.http, 'seeker');
      for (let i = 0; i < 5; i++) expect((await attempt(t, victim, 'guess-password-1', '198.51.100.7')).status).toBe(401);
      // the attacker waits out each back-off (1, 2, 4 s) and fails again: the pair's wait is now 8 s, long enough for
      // the victim's sign-in below to happen inside it on a busy machine
      for (const seconds of [1, 2, 4]) {
        await new Promise((r) => setTimeout(r, seconds * 1000 + 100));
        expect((await attempt(t, victim, 'guess-password-1', '198.51.100.7')).status).toBe(401);
      }
      expect((await attempt(t, victim, 'guess-password-1', '198.51.100.7')).status).toBe(429);
      expect((await attempt(t, victim, PASSWORD, '192.0.2.55')).status).toBe(200);
      // a success clears that pair only; the attacker's pair still waits
      expect((await attempt(t, victim, 'guess-password-1', '198.51.100.7')).status).toBe(429);
    });

    it('per account from many addresses: after 20 failures every attempt waits, but never more than 30 s', async () => {
      const user = await registerUser(t.http, 'coach');
      for (let a = 0; a < 5; a++) {
        for (let i = 0; i < 4; i++) expect((await attempt(t, user, 'spread-guess-1', `203.0.113.${10 + a}`)).status).toBe(401);
      }
      const limited = await attempt(t, user, PASSWORD, '192.0.2.99');
      expectLimited(limited, 30);
      await new Promise((r) => setTimeout(r, Number(limited.headers.get('retry-after')) * 1000 + 100));
      expect((await attempt(t, user, PASSWORD, '192.0.2.99')).status).toBe(200);
    });

    it('wrong current passwords on a password change count as failed sign-ins (a stolen access token is no way around it)', async () => {
      const user = await registerUser(t.http, 'seeker');
      const change = (currentPassword: string) =>
        t.http.request('POST', '/me/password', {
          body: { currentPassword, newPassword: 'another-long-passphrase' },
          token: user.accessToken,
          headers: from('203.0.113.77'),
        });
      for (let i = 0; i < 5; i++) expect((await change('guess-password-1')).status).toBe(403);
      expectLimited(await change(PASSWORD), 1);
      expectLimited(await attempt(t, user, PASSWORD, '203.0.113.77'), 1);
    });

    it('RATE_LIMITS=off: no back-off', async () => {
      const user = await registerUser(off.http, 'seeker');
      for (let i = 0; i < 8; i++) expect((await attempt(off, user, 'wrong-password-1')).status).toBe(401);
      expect((await attempt(off, user, PASSWORD)).status).toBe(200);
    });
  });
});
