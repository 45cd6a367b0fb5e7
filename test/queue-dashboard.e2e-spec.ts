import { ALL_QUEUES } from '@bisang/queues';
import { SignedIn, createOrganizer, registerUser } from '@bisang/testing';
import { TestApp, startTestApp } from './support/test-app';

/** Bull Board at /admin/queues: organizers only, through a short-lived cookie a browser can carry. */
describe('queue dashboard', () => {
  let t: TestApp;
  let organizer: SignedIn;
  let seeker: SignedIn;

  beforeAll(async () => {
    t = await startTestApp();
    organizer = await createOrganizer(t.app, t.http);
    seeker = await registerUser(t.http, 'seeker');
  });
  afterAll(() => t.close());

  const open = (path: string, headers: Record<string, string> = {}) => fetch(`${t.url}/admin/queues${path}`, { headers });
  const sessionCookie = async (token: string) => {
    const res = await t.http.post('/admin/queues/session', {}, token);
    return { res, cookie: res.headers.get('set-cookie') ?? '' };
  };

  it('answers 401 without a session, for both the page and its API', async () => {
    for (const path of ['', '/', '/api/queues']) {
      const res = await open(path);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ statusCode: 401, code: 'UNAUTHORIZED' });
    }
    expect((await open('/api/queues', { cookie: 'bisang_queues=forged.value.here' })).status).toBe(401);
    // An access token is not a dashboard session, even an organizer's.
    expect((await open('/api/queues', { cookie: `bisang_queues=${organizer.accessToken}` })).status).toBe(401);
  });

  it('sends a browser opening the page without a session to the web app’s sign-in step, not to raw JSON', async () => {
    for (const cookie of [undefined, 'bisang_queues=expired.or.forged']) {
      const res = await fetch(`${t.url}/admin/queues`, {
        headers: { accept: 'text/html,application/xhtml+xml', ...(cookie ? { cookie } : {}) },
        redirect: 'manual',
      });
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toBe('/organizer/queues');
    }
    // The board's own API calls and scripts still get the JSON answer.
    expect((await open('/api/queues', { accept: 'application/json' })).status).toBe(401);
  });

  it('refuses non-organizers: no session for them (403), and their Bearer token does not open it (403)', async () => {
    const { res } = await sessionCookie(seeker.accessToken);
    expect(res.status).toBe(403);
    expect((await t.http.post('/admin/queues/session', {})).status).toBe(401);
    expect((await open('/api/queues', { authorization: `Bearer ${seeker.accessToken}` })).status).toBe(403);
  });

  it('gives an organizer an HttpOnly, SameSite=Strict cookie scoped to the dashboard, which opens the page and lists every queue', async () => {
    const { res, cookie } = await sessionCookie(organizer.accessToken);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ dashboard: '/admin/queues', expiresAt: expect.any(String) });
    expect(cookie).toMatch(/^bisang_queues=[\w-]+\.[\w-]+\.[\w-]+;/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(/; Path=\/admin\/queues/);
    expect(cookie).toMatch(/; Max-Age=900/);
    const pair = cookie.split(';')[0];

    const page = await open('', { cookie: pair });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toMatch(/<div id="root"/);

    const api = await open('/api/queues', { cookie: pair });
    expect(api.status).toBe(200);
    const body = (await api.json()) as { queues: { name: string }[] };
    expect(body.queues.map((q) => q.name).sort()).toEqual([...ALL_QUEUES].sort());

    // Scripts: an organizer's Bearer token works too.
    expect((await open('/api/queues', { authorization: `Bearer ${organizer.accessToken}` })).status).toBe(200);
  });
});
