import Redis from 'ioredis';
import { Client } from 'pg';
import { HttpResponse, PASSWORD, registerUser, uniqueEmail, connectTestDb } from '@bisang/testing';
import { TestApp, startTestApp } from './support/test-app';

/**
 * AUTH_RATE_LIMIT: sign-in and registration attempts per minute per client, counted in Redis so that
 * every node of a deployment shares the count. All requests here come from 127.0.0.1, one client.
 */
describe('rate limit on sign-in and registration', () => {
  let limitedA: TestApp;
  let limitedB: TestApp;
  let unlimited: TestApp;
  let redis: Redis;
  let db: Client;

  beforeAll(async () => {
    [limitedA, limitedB, unlimited] = await Promise.all([
      startTestApp({ AUTH_RATE_LIMIT: 3, RATE_LIMITS: 'on' }),
      startTestApp({ AUTH_RATE_LIMIT: 3, RATE_LIMITS: 'on' }),
      startTestApp(), // AUTH_RATE_LIMIT 0: off
    ]);
    redis = new Redis(process.env.REDIS_URL!);
    db = await connectTestDb();
  });

  afterAll(async () => {
    await db?.end();
    redis?.disconnect();
    await Promise.all([limitedA, limitedB, unlimited].map((t) => t?.close()));
  });

  // Every test starts with a fresh minute for this client: forget the run's throttle counters.
  beforeEach(async () => {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${process.env.REDIS_PREFIX}:throttle:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.unlink(...keys);
    } while (cursor !== '0');
  });

  const badLogin = (t: TestApp, email: string) => t.http.post('/auth/login', { email, password: 'wrong-password-1' });

  const expectRateLimited = (res: HttpResponse) => {
    expect(res.status).toBe(429);
    expect(res.body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
    expect(typeof res.body.message).toBe('string');
    const retryAfter = res.headers.get('retry-after');
    expect(retryAfter).toMatch(/^\d+$/);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(retryAfter)).toBeLessThanOrEqual(60);
  };

  it('refuses the 4th sign-in attempt within a minute with 429 RATE_LIMITED and a Retry-After header', async () => {
    const user = await registerUser(unlimited.http, 'coach');
    for (let i = 0; i < 3; i++) {
      const res = await badLogin(limitedA, user.email);
      expect([res.status, res.body.code]).toEqual([401, 'INVALID_CREDENTIALS']);
    }
    expectRateLimited(await badLogin(limitedA, user.email));
    // the right password does not get through either: the limit counts attempts, not failures
    expectRateLimited(await limitedA.http.post('/auth/login', { email: user.email, password: PASSWORD }));
    // the API is otherwise reachable: only the limited routes answer 429
    expect((await limitedA.http.get('/me', user.accessToken)).status).toBe(200);
  });

  it('counts attempts across app instances that share Redis', async () => {
    const user = await registerUser(unlimited.http, 'recruiter');
    const statuses = [
      (await badLogin(limitedA, user.email)).status,
      (await badLogin(limitedA, user.email)).status,
      (await badLogin(limitedB, user.email)).status,
    ];
    expect(statuses).toEqual([401, 401, 401]);
    expectRateLimited(await badLogin(limitedB, user.email));
    // and the first instance sees the same exhausted budget
    expectRateLimited(await badLogin(limitedA, user.email));
  });

  it('limits registration too, and a refused registration creates nothing', async () => {
    const emails = [0, 1, 2, 3].map(() => uniqueEmail('burst'));
    const register = (email: string) =>
      limitedB.http.post('/auth/register', { email, password: PASSWORD, name: '연속 가입', role: 'recruiter' });

    for (const email of emails.slice(0, 3)) expect((await register(email)).status).toBe(201);
    expectRateLimited(await register(emails[3]));

    const created = await db.query('SELECT email FROM users WHERE email = ANY($1::text[])', [emails]);
    expect(created.rows.map((r) => r.email).sort()).toEqual(emails.slice(0, 3).sort());
  });

  it('does not let a client dodge the limit with its own X-Forwarded-For when no proxy is trusted', async () => {
    const user = await registerUser(unlimited.http, 'coach');
    const spoofed = (i: number) =>
      limitedA.http.request('POST', '/auth/login', {
        body: { email: user.email, password: 'wrong-password-1' },
        headers: { 'x-forwarded-for': `203.0.113.${i}` },
      });
    const statuses = [];
    for (let i = 1; i <= 4; i++) statuses.push((await spoofed(i)).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it('counts clients behind a trusted proxy by their forwarded address', async () => {
    const behindProxy = await startTestApp({ AUTH_RATE_LIMIT: 3, RATE_LIMITS: 'on', TRUSTED_PROXIES: '127.0.0.1' });
    try {
      const user = await registerUser(unlimited.http, 'coach');
      const from = (ip: string) =>
        behindProxy.http.request('POST', '/auth/login', {
          body: { email: user.email, password: 'wrong-password-1' },
          headers: { 'x-forwarded-for': ip },
        });
      for (let i = 0; i < 3; i++) expect((await from('198.51.100.7')).status).toBe(401);
      expect((await from('198.51.100.7')).status).toBe(429);
      // another client behind the same proxy has its own budget
      expect((await from('198.51.100.8')).status).toBe(401);
    } finally {
      await behindProxy.close();
    }
  });

  it('does not limit anything when AUTH_RATE_LIMIT is 0', async () => {
    const user = await registerUser(unlimited.http, 'seeker');
    const results = await Promise.all(Array.from({ length: 25 }, () => badLogin(unlimited, user.email)));
    expect(results.map((r) => r.status)).toEqual(Array(25).fill(401));
    const login = await unlimited.http.post('/auth/login', { email: user.email, password: PASSWORD });
    expect(login.status).toBe(200);
  });
});
