import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { KpiUpdate } from '@bisang/contracts';
import type { Client } from 'pg';
import { PASSWORD, connectTestDb, createBooth, createFair, createOrganizer, joinFair, launchBrowser, publishPosting, registerUser } from '@bisang/testing';
import type { BoothSetup, SignedIn } from '@bisang/testing';
import { TestApp, startTestApp } from './support/test-app';

/**
 * "Live must mean live": pages that follow the socket stay true across a dropped connection. The test takes the
 * page's network away (the browser context goes offline and its websocket, held through Playwright's
 * routeWebSocket, is closed) and gives it back; everything else goes through the real app, API, worker,
 * PostgreSQL and Redis, and every wait is on an event or on what the page shows.
 */
jest.setTimeout(90_000);

const DESKTOP = { width: 1280, height: 900 };

/** A page's network, held by the test: `drop()` cuts it (and the socket.io connection) until `restore()`. */
interface HeldSocket {
  drop(): Promise<void>;
  restore(): Promise<void>;
}

describe('web app: live pages across a dropped connection', () => {
  let t: TestApp;
  let db: Client;
  let browser: Browser;
  let fair: { id: string; slug: string };
  let organizer: SignedIn;
  let booth: BoothSetup;
  let postingId: string;
  const contexts: BrowserContext[] = [];

  const open = async (): Promise<Page> => {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'ko-KR', timezoneId: 'Europe/Berlin' });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    return page;
  };

  const hold = async (page: Page): Promise<HeldSocket> => {
    const open = new Set<{ close: () => Promise<void> }>();
    await page.routeWebSocket(/\/socket\.io\//, (ws) => {
      ws.connectToServer();
      const held = { close: () => ws.close({ code: 1001, reason: 'dropped' }) };
      open.add(held);
      ws.onClose(() => open.delete(held));
    });
    return {
      // The network goes away (new connections fail as they would), and the open websocket with it.
      drop: async () => {
        await page.context().setOffline(true);
        for (const ws of [...open]) await ws.close();
      },
      restore: () => page.context().setOffline(false),
    };
  };

  const signIn = async (page: Page, email: string) => {
    await page.goto(`${t.url}/signin`);
    await page.getByLabel('이메일').fill(email);
    await page.getByLabel('비밀번호').fill(PASSWORD);
    await page.getByRole('button', { name: '로그인' }).click();
    await page.getByRole('button', { name: '로그아웃' }).waitFor();
  };

  const markStayed = (page: Page) => page.evaluate(() => ((globalThis as unknown as { stayed: boolean }).stayed = true));
  const stayed = (page: Page) => page.evaluate(() => (globalThis as unknown as { stayed?: boolean }).stayed === true);
  const indicator = (page: Page, state: 'live' | 'reconnecting') => page.locator(`[data-testid=live-indicator][data-state=${state}]`);

  const move = async (applicationId: string, status: string) => {
    const moved = await t.http.post(`/applications/${applicationId}/status`, { status }, booth.recruiter.accessToken);
    expect(moved.status).toBe(200);
  };

  const apply = async (seeker: SignedIn): Promise<string> => {
    const applied = await t.http.post(`/postings/${postingId}/applications`, { coverLetter: '대구에서 일하고 싶습니다.' }, seeker.accessToken);
    expect(applied.status).toBe(201);
    return applied.body.id;
  };

  beforeAll(async () => {
    t = await startTestApp({}, { web: true });
    db = await connectTestDb();
    browser = await launchBrowser();
    organizer = await createOrganizer(t.app, t.http);
    fair = await createFair(t.http, organizer);
    booth = await createBooth(t.http, fair.id, '달구벌정밀(주)');
    postingId = await publishPosting(t.http, booth, '설비 보전 기사 (신입)');
    expect((await t.http.post(`/booths/${booth.boothId}/approve`, {}, organizer.accessToken)).status).toBe(200);
  });

  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
  });

  afterAll(async () => {
    await browser?.close();
    await db?.end();
    await t?.close();
  });

  it('a seeker offline while the recruiter moves the application sees the new status and unread count once back, without a reload', async () => {
    const seeker = await registerUser(t.http, 'seeker', { name: '오프라인 구직자' });
    const applicationId = await apply(seeker);

    const page = await open();
    const socket = await hold(page);
    await signIn(page, seeker.email);
    await page.goto(`${t.url}/me/applications`);
    const card = page.locator('[data-testid=application]', { hasText: '설비 보전 기사 (신입)' });
    await card.waitFor();
    expect(await card.getAttribute('data-status')).toBe('applied');
    await indicator(page, 'live').waitFor();
    await markStayed(page);

    // Online: the first move arrives live, and the header counts it.
    await move(applicationId, 'screening');
    await page.locator('[data-testid=application][data-status=screening]').waitFor();
    await page.locator('[data-testid=unread-count]', { hasText: /^1/ }).waitFor();

    // The connection drops; the recruiter moves the application twice meanwhile.
    await socket.drop();
    await indicator(page, 'reconnecting').waitFor();
    await move(applicationId, 'interview');
    await move(applicationId, 'offered');
    expect(await card.getAttribute('data-status')).toBe('screening');

    // Back: the page shows the latest status and the header the unread count, and the missed notifications were
    // replayed (their toasts), each once.
    await socket.restore();
    await indicator(page, 'live').waitFor({ timeout: 20_000 });
    await page.locator('[data-testid=application][data-status=offered]').waitFor();
    expect(await card.getByTestId('application-status').textContent()).toBe('합격 제안');
    await page.locator('[data-testid=unread-count]', { hasText: /^3/ }).waitFor();
    const toast = (status: string) => page.locator('[data-testid=toast]', { hasText: `지원 상태가 바뀌었습니다: ${status}` });
    await toast('합격 제안').waitFor();
    await toast('면접').waitFor();
    expect(await toast('면접').count()).toBe(1);
    expect(await toast('합격 제안').count()).toBe(1);
    expect(await stayed(page)).toBe(true);

    // And it is live again: a move after the reconnect arrives as before.
    await move(applicationId, 'hired');
    await page.locator('[data-testid=application][data-status=hired]').waitFor();
    await page.locator('[data-testid=unread-count]', { hasText: /^4/ }).waitFor();
    expect(await stayed(page)).toBe(true);
  });

  it('a seeker too far behind to replay (more than 1,000 notifications missed) is brought up to date from the inbox, and is live again', async () => {
    const seeker = await registerUser(t.http, 'seeker', { name: '긴 공백 구직자' });
    const applicationId = await apply(seeker);

    const page = await open();
    const socket = await hold(page);
    await signIn(page, seeker.email);
    await page.goto(`${t.url}/me/applications`);
    const card = page.locator('[data-testid=application]', { hasText: '설비 보전 기사 (신입)' });
    await card.waitFor();
    await indicator(page, 'live').waitFor();
    await move(applicationId, 'screening');
    await page.locator('[data-testid=application][data-status=screening]').waitFor();
    await page.locator('[data-testid=unread-count]', { hasText: /^1/ }).waitFor();
    await markStayed(page);

    // Offline for long: 1,100 notifications pile up, written the way the notifications subscriber writes them (the
    // user's sequence bumped, one row each; making that many through the API would take minutes), then a real move.
    // 1,100: past the replay limit of 1,000 whether or not the move's own notification is written before the page
    // is back (with exactly 1,000 the page could be back first, and be replayed all of them).
    await socket.drop();
    await indicator(page, 'reconnecting').waitFor();
    await db.query(
      `WITH bumped AS (UPDATE users SET last_notification_seq = last_notification_seq + 1100 WHERE id = $1 RETURNING last_notification_seq AS last)
       INSERT INTO notifications (user_id, seq, type, data)
       SELECT $1, bumped.last - 1100 + n, 'hire.follow_up', jsonb_build_object('applicationId', $2::text, 'daysAfterStart', 30)
       FROM bumped, generate_series(1, 1100) AS n`,
      [seeker.id, applicationId],
    );
    await move(applicationId, 'interview');

    // Back: the server will not replay that much (REPLAY_TOO_LARGE); the page reads again and the socket follows
    // on from the inbox's newest id.
    await socket.restore();
    await indicator(page, 'live').waitFor({ timeout: 20_000 });
    await page.locator('[data-testid=application][data-status=interview]').waitFor();
    await page.locator('[data-testid=unread-count]', { hasText: /^1102/ }).waitFor();
    expect(await page.locator('[data-testid=toast]', { hasText: '입사 30일' }).count()).toBe(0);

    // And live again from there: the next move arrives, with its toast, without a reload.
    await move(applicationId, 'offered');
    await page.locator('[data-testid=application][data-status=offered]').waitFor();
    await page.locator('[data-testid=toast]', { hasText: '지원 상태가 바뀌었습니다: 합격 제안' }).waitFor();
    await page.locator('[data-testid=unread-count]', { hasText: /^1103/ }).waitFor();
    expect(await stayed(page)).toBe(true);
  });

  it('the inbox open during a drop lists what came meanwhile once the connection is back', async () => {
    const seeker = await registerUser(t.http, 'seeker', { name: '알림함 구직자' });
    const applicationId = await apply(seeker);

    const page = await open();
    const socket = await hold(page);
    await signIn(page, seeker.email);
    await page.goto(`${t.url}/me/notifications`);
    await page.getByRole('heading', { name: '알림' }).first().waitFor();
    await indicator(page, 'live').waitFor();
    await markStayed(page);

    await socket.drop();
    await indicator(page, 'reconnecting').waitFor();
    await move(applicationId, 'screening');
    expect(await page.locator('[data-testid=notification]').count()).toBe(0);

    await socket.restore();
    await indicator(page, 'live').waitFor({ timeout: 20_000 });
    await page.locator('[data-testid=notification][data-read=no]', { hasText: '서류 검토' }).waitFor();
    await page.locator('[data-testid=unread-count]', { hasText: /^1/ }).waitFor();
    expect(await page.locator('[data-testid=notification]').count()).toBe(1);
    expect(await stayed(page)).toBe(true);
  });

  it('a recruiter’s pipeline shows a new applicant as they apply, and those who applied while the connection was down once it is back', async () => {
    const page = await open();
    const socket = await hold(page);
    await signIn(page, booth.recruiter.email);
    await page.getByRole('heading', { name: '기업 부스 관리' }).waitFor();
    await page.locator('#fair-picker').selectOption(fair.id);
    await page.getByRole('heading', { name: '지원자 관리' }).waitFor();
    await indicator(page, 'live').waitFor();
    await markStayed(page);
    const applicant = (name: string) => page.getByTestId('column-applied').locator('[data-testid=applicant]', { hasText: name });

    // Live: the card appears in the "applied" column as the seeker applies (not only as a toast).
    const live = await registerUser(t.http, 'seeker', { name: '실시간 지원자' });
    await apply(live);
    await applicant('실시간 지원자').waitFor();
    await page.locator('[data-testid=toast]', { hasText: '새 지원자: 실시간 지원자' }).waitFor();

    // Offline: another seeker applies while the connection is down; the card is there once it is back.
    await socket.drop();
    await indicator(page, 'reconnecting').waitFor();
    const late = await registerUser(t.http, 'seeker', { name: '재연결 지원자' });
    await apply(late);
    await socket.restore();
    await indicator(page, 'live').waitFor({ timeout: 20_000 });
    await applicant('재연결 지원자').waitFor();
    expect(await applicant('실시간 지원자').count()).toBe(1);
    expect(await applicant('재연결 지원자').count()).toBe(1);
    expect(await stayed(page)).toBe(true);
  });

  it('the organizer’s KPI dashboard, open during a drop, shows the applications and hires made meanwhile once back', async () => {
    const page = await open();
    const socket = await hold(page);
    await signIn(page, organizer.email);
    await page.goto(`${t.url}/organizer/fairs/${fair.id}`);
    const applications = page.getByTestId('kpi-applications');
    await applications.waitFor();
    await indicator(page, 'live').waitFor();
    const before = Number((await applications.textContent())?.replace(/\D/g, ''));
    const hiresBefore = Number((await page.getByTestId('kpi-hires').textContent())?.match(/\d+/)?.[0]);
    await markStayed(page);

    // Another organizer's socket sees the updates go out while the page is offline: they are not replayed.
    const watcher = t.socket({ token: organizer.accessToken });
    expect(await joinFair(watcher, fair.id)).toMatchObject({ ok: true });
    const sent = new Promise<void>((resolve) =>
      watcher.on('kpi:update', (u: KpiUpdate) => u.kpis.hires === hiresBefore + 1 && u.kpis.applications === before + 1 && resolve()),
    );

    await socket.drop();
    await indicator(page, 'reconnecting').waitFor();
    const seeker = await registerUser(t.http, 'seeker', { name: '지표 구직자' });
    const applicationId = await apply(seeker);
    for (const status of ['screening', 'interview', 'offered', 'hired']) await move(applicationId, status);
    await sent;

    await socket.restore();
    await indicator(page, 'live').waitFor({ timeout: 20_000 });
    await page.getByTestId('kpi-applications').filter({ hasText: new RegExp(`^${before + 1}$`) }).waitFor();
    await page.getByTestId('kpi-hires').filter({ hasText: new RegExp(`^${hiresBefore + 1}\\D`) }).waitFor();
    expect(await stayed(page)).toBe(true);
  });
});
