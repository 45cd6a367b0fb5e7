import { Client } from 'pg';
import { PASSWORD, uniqueEmail, connectTestDb } from '@bisang/testing';
import { TestApp, startTestApp } from './support/test-app';

/** Every bad input gets a 4xx naming the problem, and writes nothing. */
describe('accounts: bad input', () => {
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

  const userCount = async () => Number((await db.query('SELECT count(*) FROM users')).rows[0].count);
  const valid = () => ({ email: uniqueEmail('v'), password: PASSWORD, name: '홍길동', role: 'seeker', birthDate: '1998-01-01' });

  const registerCases: [string, Record<string, unknown>, RegExp][] = [
    ['missing email', { email: undefined }, /email/],
    ['malformed email', { email: 'not-an-email' }, /email/],
    ['overlong email', { email: `${'a'.repeat(250)}@x.kr` }, /email/],
    ['email of wrong type', { email: 42 }, /email/],
    ['missing password', { password: undefined }, /password/],
    ['weak password (short)', { password: 'a1b2c3d4e' }, /password must be at least 10 characters/],
    ['common password', { password: 'qwertyuiop' }, /password is too common/],
    ['common password, other case', { password: 'Password123' }, /password is too common/],
    ['overlong password', { password: `a1${'x'.repeat(200)}` }, /password/],
    ['missing name', { name: undefined }, /name/],
    ['empty name', { name: '   ' }, /name/],
    ['overlong name', { name: '가'.repeat(101) }, /name/],
    ['organizer self-registration', { role: 'organizer' }, /role/],
    ['unknown role', { role: 'admin' }, /role/],
    ['seeker without birth date', { birthDate: undefined }, /birthDate/],
    ['impossible birth date', { birthDate: '2001-02-30' }, /birthDate/],
    ['birth date in the future', { birthDate: '2999-01-01' }, /birthDate/],
    ['birth date in another format', { birthDate: '01/02/1999' }, /birthDate/],
    ['unknown field', { isAdmin: true }, /isAdmin/],
  ];

  it.each(registerCases)('register: %s → 400 VALIDATION_FAILED naming the field, nothing written', async (_, patch, field) => {
    const before = await userCount();
    const body = { ...valid(), ...patch };
    const res = await t.http.post('/auth/register', body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.message.join(' | ')).toMatch(field);
    expect(await userCount()).toBe(before);
  });

  it('names every problem at once', async () => {
    const res = await t.http.post('/auth/register', { email: 'x', password: 'a', role: 'seeker' });
    expect(res.status).toBe(400);
    const text = res.body.message.join(' | ');
    for (const field of ['email', 'password', 'name', 'birthDate']) expect(text).toMatch(field);
  });

  it('malformed JSON → 400 MALFORMED_JSON', async () => {
    const before = await userCount();
    const res = await t.http.request('POST', '/auth/register', { raw: '{"email": "a@b.kr",' });
    expect([res.status, res.body.code]).toEqual([400, 'MALFORMED_JSON']);
    expect(await userCount()).toBe(before);
  });

  it('a body over 1 MB → 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await t.http.request('POST', '/auth/register', { raw: JSON.stringify({ ...valid(), name: 'x'.repeat(1_100_000) }) });
    expect([res.status, res.body.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
  });

  it('login and refresh validate too', async () => {
    const login = await t.http.post('/auth/login', { email: 'a@b.kr' });
    expect([login.status, login.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(login.body.message.join(' ')).toMatch(/password/);
    const extra = await t.http.post('/auth/login', { email: 'a@b.kr', password: 'x', remember: true });
    expect(extra.body.message.join(' ')).toMatch(/remember/);
    const refresh = await t.http.post('/auth/refresh', { refreshToken: 7 });
    expect([refresh.status, refresh.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('unknown routes answer 404 in the error shape; no stack traces leak', async () => {
    const res = await t.http.get('/nope');
    expect(res.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(js|ts):\d+/);
  });
});
