import { Client } from 'pg';
import { PASSWORD, registerUser, uniqueEmail, connectTestDb } from '@bisang/testing';
import { TestApp, startTestApp } from './support/test-app';

describe('accounts (HTTP)', () => {
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

  const countUsers = async (email: string) =>
    Number((await db.query('SELECT count(*) FROM users WHERE email = lower($1)', [email])).rows[0].count);

  it('registers a seeker, signs in, and reads /me', async () => {
    const email = uniqueEmail('Minji');
    const reg = await t.http.post('/auth/register', { email, password: PASSWORD, name: '김민지', role: 'seeker', birthDate: '2000-02-29' });
    expect(reg.status).toBe(201);
    expect(reg.body.user).toMatchObject({ email: email.toLowerCase(), name: '김민지', role: 'seeker' });
    expect(reg.body.user.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(reg.body.user).not.toHaveProperty('passwordHash');
    expect(typeof reg.body.accessToken).toBe('string');

    const login = await t.http.post('/auth/login', { email: email.toUpperCase(), password: PASSWORD });
    expect(login.status).toBe(200);
    const me = await t.http.get('/me', login.body.accessToken);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: reg.body.user.id, role: 'seeker', birthDate: '2000-02-29' });

    const row = (await db.query('SELECT password_hash FROM users WHERE id = $1', [reg.body.user.id])).rows[0];
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('refuses a second account with the same email (any case) with 409 EMAIL_TAKEN', async () => {
    const seeker = await registerUser(t.http, 'recruiter');
    const again = await t.http.post('/auth/register', { email: seeker.email.toUpperCase(), password: PASSWORD, name: 'x', role: 'coach' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('EMAIL_TAKEN');
    expect(await countUsers(seeker.email)).toBe(1);
  });

  it('gives 401 INVALID_CREDENTIALS for a wrong password and for an unknown email alike', async () => {
    const user = await registerUser(t.http, 'coach');
    const wrong = await t.http.post('/auth/login', { email: user.email, password: 'wrong-password-1' });
    const unknown = await t.http.post('/auth/login', { email: uniqueEmail('nobody'), password: PASSWORD });
    expect([wrong.status, wrong.body.code]).toEqual([401, 'INVALID_CREDENTIALS']);
    expect([unknown.status, unknown.body.code]).toEqual([401, 'INVALID_CREDENTIALS']);
  });

  it('rotates refresh tokens: each works once, and reusing a spent one revokes the whole family', async () => {
    const user = await registerUser(t.http, 'seeker');
    const first = await t.http.post('/auth/refresh', { refreshToken: user.refreshToken });
    expect(first.status).toBe(200);
    expect(first.body.refreshToken).not.toBe(user.refreshToken);
    expect((await t.http.get('/me', first.body.accessToken)).status).toBe(200);

    const replay = await t.http.post('/auth/refresh', { refreshToken: user.refreshToken });
    expect([replay.status, replay.body.code]).toEqual([401, 'REFRESH_TOKEN_REUSED']);

    // the attacker's replay also kills the legitimate successor
    const successor = await t.http.post('/auth/refresh', { refreshToken: first.body.refreshToken });
    expect([successor.status, successor.body.code]).toEqual([401, 'INVALID_REFRESH_TOKEN']);

    // a new sign-in starts a fresh, working family
    const login = await t.http.post('/auth/login', { email: user.email, password: PASSWORD });
    expect((await t.http.post('/auth/refresh', { refreshToken: login.body.refreshToken })).status).toBe(200);
  });

  it('lets only one of two concurrent refreshes with the same token win', async () => {
    const user = await registerUser(t.http, 'seeker');
    const results = await Promise.all([0, 1, 2].map(() => t.http.post('/auth/refresh', { refreshToken: user.refreshToken })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
  });

  it('rejects garbage refresh tokens with 401', async () => {
    const res = await t.http.post('/auth/refresh', { refreshToken: 'not-a-token' });
    expect([res.status, res.body.code]).toEqual([401, 'INVALID_REFRESH_TOKEN']);
  });

  it('requires a valid bearer token for /me', async () => {
    expect((await t.http.get('/me')).body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
    expect((await t.http.get('/me', 'garbage.token.here')).body).toMatchObject({ statusCode: 401, code: 'INVALID_TOKEN' });
  });
});
