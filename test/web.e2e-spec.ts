import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Client } from 'pg';
import { EVENT_WAIT_MS, PASSWORD, approveCoach, registerUser, connectTestDb, createBooth, createFair, createLiveFair, createOrganizer, createPeople, hourFromNow, launchBrowser, publishAvailability, publishPosting, seriousA11yViolations, uniqueEmail } from '@bisang/testing';
import { TestApp, startTestApp } from './support/test-app';

/**
 * The web app in headless Chromium, served by the all-in-one app at `/` (the built dist/web). The browser
 * runs in Berlin time on purpose: every time shown must still be the fair's (Asia/Seoul).
 */
// Each test waits on the page's own conditions (an element, a state), never on a fixed pause; the budgets are only
// there to end a test that is really stuck. Chromium and axe compete for two cores with the whole suite: a test
// that takes 30 s alone took more than 90 s on a loaded machine, so the budgets are generous.
jest.setTimeout(300_000);

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 360, height: 780 };

describe('web app in a real browser', () => {
  let t: TestApp;
  let db: Client;
  let browser: Browser;
  let organizer: Awaited<ReturnType<typeof createOrganizer>>;
  let fair: { id: string; slug: string };
  let booth: Awaited<ReturnType<typeof createBooth>>;
  let firstPostingId: string;
  const contexts: BrowserContext[] = [];

  const open = async (viewport = DESKTOP): Promise<Page> => {
    const context = await browser.newContext({ viewport, locale: 'ko-KR', timezoneId: 'Europe/Berlin' });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(EVENT_WAIT_MS * 2);
    return page;
  };

  const signIn = async (page: Page, email: string) => {
    await page.goto(`${t.url}/signin`);
    await page.getByLabel('이메일').fill(email);
    await page.getByLabel('비밀번호').fill(PASSWORD);
    await page.getByRole('button', { name: '로그인' }).click();
  };

  beforeAll(async () => {
    // A replay bound of 3 events, so that a page offline for a few postings meets REPLAY_TOO_LARGE.
    t = await startTestApp({ FEED_REPLAY_MAX: 3 }, { web: true });
    db = await connectTestDb();
    browser = await launchBrowser();
    organizer = await createOrganizer(t.app, t.http);
    fair = await createFair(t.http, organizer);
    booth = await createBooth(t.http, fair.id, '대구정밀(주)');
    firstPostingId = await publishPosting(t.http, booth, '생산관리 사원 (신입)');
    const approved = await t.http.post(`/booths/${booth.boothId}/approve`, {}, organizer.accessToken);
    expect(approved.status).toBe(200);
  });

  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
  });

  afterAll(async () => {
    await browser?.close();
    await db?.end();
    await t?.close();
  });

  it('a visitor sees a posting appear live, highlighted, when a recruiter publishes it through the API', async () => {
    const page = await open();
    await page.goto(`${t.url}/fairs/${fair.slug}`);
    await page.locator('[data-testid=posting-card]', { hasText: '생산관리 사원 (신입)' }).waitFor();
    await page.locator('[data-testid=live-indicator][data-state=live]').waitFor();
    await page.evaluate(() => ((globalThis as unknown as { stayed: boolean }).stayed = true));

    await publishPosting(t.http, booth, '품질검사원 (실시간 채용)');

    const card = page.locator('[data-testid=posting-card]', { hasText: '품질검사원 (실시간 채용)' });
    await card.waitFor();
    expect(await card.getAttribute('class')).toContain('fresh');
    expect(await page.getByTestId('new-count').textContent()).toBe('1');
    // The newest is on top, and the page was not reloaded to show it.
    expect(await page.locator('[data-testid=posting-card] h3').first().textContent()).toBe('품질검사원 (실시간 채용)');
    expect(await page.evaluate(() => (globalThis as unknown as { stayed?: boolean }).stayed)).toBe(true);
  });

  it('after the socket drops, the feed catches up from the last seen event, once, and says it is reconnecting meanwhile', async () => {
    const page = await open();
    // Hold the page's websocket so the test decides when it drops and when it may come back.
    let allowReconnect = true;
    let serverSide: { close: () => Promise<void> } | null = null;
    await page.routeWebSocket(/\/socket\.io\//, (ws) => {
      if (!allowReconnect) {
        void ws.close({ code: 1011, reason: 'offline' });
        return;
      }
      ws.connectToServer();
      serverSide = { close: () => ws.close({ code: 1001, reason: 'dropped' }) };
    });
    await page.goto(`${t.url}/fairs/${fair.slug}`);
    await page.locator('[data-testid=live-indicator][data-state=live]').waitFor();

    allowReconnect = false;
    await serverSide!.close();
    await page.locator('[data-testid=live-indicator][data-state=reconnecting]').waitFor();
    await publishPosting(t.http, booth, '물류 관리자 (오프라인 중 게시)');
    allowReconnect = true;

    await page.locator('[data-testid=live-indicator][data-state=live]').waitFor();
    await page.locator('[data-testid=posting-card]', { hasText: '물류 관리자 (오프라인 중 게시)' }).waitFor();
    expect(await page.locator('[data-testid=posting-card]', { hasText: '물류 관리자 (오프라인 중 게시)' }).count()).toBe(1);
  });

  it('too far behind for the socket’s replay (REPLAY_TOO_LARGE), the feed catches up over HTTP, then goes live again', async () => {
    const page = await open();
    let allowReconnect = true;
    let serverSide: { close: () => Promise<void> } | null = null;
    await page.routeWebSocket(/\/socket\.io\//, (ws) => {
      if (!allowReconnect) {
        void ws.close({ code: 1011, reason: 'offline' });
        return;
      }
      ws.connectToServer();
      serverSide = { close: () => ws.close({ code: 1001, reason: 'dropped' }) };
    });
    await page.goto(`${t.url}/fairs/${fair.slug}`);
    await page.locator('[data-testid=live-indicator][data-state=live]').waitFor();

    allowReconnect = false;
    await serverSide!.close();
    await page.locator('[data-testid=live-indicator][data-state=reconnecting]').waitFor();
    const missed = ['오프라인 공고 1', '오프라인 공고 2', '오프라인 공고 3', '오프라인 공고 4', '오프라인 공고 5'];
    for (const title of missed) await publishPosting(t.http, booth, title); // five events: more than the bound of 3
    allowReconnect = true;

    await page.locator('[data-testid=live-indicator][data-state=live]').waitFor({ timeout: 45_000 });
    for (const title of missed) await page.locator('[data-testid=posting-card]', { hasText: title }).waitFor();
    // and live again after the HTTP catch-up, with nothing twice
    await publishPosting(t.http, booth, '따라잡은 뒤 실시간 공고');
    await page.locator('[data-testid=posting-card]', { hasText: '따라잡은 뒤 실시간 공고' }).waitFor();
    for (const title of missed) expect(await page.locator('[data-testid=posting-card]', { hasText: title }).count()).toBe(1);
  });

  it('stays signed in when pages load while the refresh token rotates: reloads mid-refresh, and two tabs refreshing at once', async () => {
    const seeker = await registerUser(t.http, 'seeker');
    const page = await open();
    const context = page.context();
    await signIn(page, seeker.email);
    await page.getByRole('button', { name: '로그아웃' }).waitFor();
    // Every refresh reaches the server (which rotates the token) but its answer comes late, so a page load can
    // start while one is in flight: the answer of an unloaded page is lost for good.
    const refreshes: number[] = [];
    await context.route('**/api/v1/auth/refresh', async (route) => {
      const answer = await route.fetch();
      refreshes.push(answer.status());
      await new Promise((resolve) => setTimeout(resolve, 800));
      await route.fulfill({ response: answer }).catch(() => undefined); // the page may be gone
    });
    const signedIn = async (p: Page) => {
      await p.getByRole('button', { name: '로그아웃' }).waitFor();
      expect(await p.getByRole('link', { name: '로그인' }).count()).toBe(0);
    };

    // Reloads in quick succession, each starting while the previous load may be refreshing.
    await page.goto(`${t.url}/me/bookings`, { waitUntil: 'commit' });
    await page.goto(`${t.url}/me/profile`, { waitUntil: 'commit' });
    await page.goto(`${t.url}/me/applications`);
    await signedIn(page);

    // The access token is refused (expired, say): two tabs opening at once each get a 401 and need a new one.
    await page.evaluate(`localStorage.setItem('bisang.accessToken', JSON.stringify({ token: 'x.eyJleHAiOjQxMDI0NDQ4MDB9.x', expiresAt: 4102444800000 }))`);
    const second = await context.newPage();
    await Promise.all([page.goto(`${t.url}/me/applications`), second.goto(`${t.url}/me/bookings`)]);
    await Promise.all([signedIn(page), signedIn(second)]);
    // A reload after the access token expired refreshes once, with the newest refresh token.
    await page.evaluate(`localStorage.setItem('bisang.accessToken', JSON.stringify({ ...JSON.parse(localStorage.getItem('bisang.accessToken')), expiresAt: Date.now() - 1000 }))`);
    await page.reload();
    await signedIn(page);
    await page.getByRole('heading', { name: '내 지원 현황' }).waitFor();

    // No refresh token was ever refused, and the session still works from the API's side.
    expect(refreshes.length).toBeGreaterThan(0);
    expect(refreshes.every((s) => s === 200)).toBe(true);
    const stored = await page.evaluate<string | null>(`localStorage.getItem('bisang.refreshToken')`);
    const check = await t.http.post('/auth/refresh', { refreshToken: stored });
    expect(check.status).toBe(200);
  });

  it('a seeker signs up, books a coaching slot, sees it confirmed in the fair’s time, and can cancel it', async () => {
    const liveFairId = await createLiveFair(db);
    const [coach] = await createPeople(t.app, db, 'coach', 1);
    const start = hourFromNow(30);
    await publishAvailability(t.http, coach!, liveFairId, start, new Date(start.getTime() + 3600_000), 30);
    // The start as a Korean reader sees it in Seoul ("오후 3:00"), written out so the test does not depend on Node's ICU data.
    const seoulHour = (start.getUTCHours() + 9) % 24;
    const seoulTime = `${seoulHour < 12 ? '오전' : '오후'} ${seoulHour % 12 || 12}:00`;

    const page = await open();
    await page.goto(`${t.url}/signup`);
    await page.getByLabel('이름').fill('김청년');
    await page.getByLabel('이메일').fill(uniqueEmail('web-seeker'));
    await page.getByLabel('비밀번호').fill(PASSWORD);
    await page.getByLabel('생년월일').fill('2001-03-15');
    await page.getByRole('button', { name: '가입하기' }).click();
    await page.getByRole('link', { name: '내 코칭 예약' }).waitFor();

    await page.goto(`${t.url}/fairs/${liveFairId}/coaching`);
    const slot = page.locator('[data-testid=slot]:not([disabled])').first();
    await slot.waitFor();
    expect(await slot.textContent()).toContain(seoulTime);
    await slot.click();

    const outcome = page.locator('[data-testid=booking-outcome][data-status=confirmed]');
    await outcome.waitFor();
    expect(await outcome.textContent()).toContain('예약 확정');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('link', { name: '내 코칭 예약' }).first().click();
    const booking = page.locator('[data-testid=booking]').first();
    await booking.waitFor();
    expect(await booking.getAttribute('data-status')).toBe('confirmed');
    expect(await booking.textContent()).toContain(seoulTime);
    expect(await seriousA11yViolations(page)).toEqual([]);
    page.once('dialog', (d) => void d.accept()); // cancelling asks first
    await booking.getByRole('button', { name: '예약 취소' }).click();
    await page.locator('[data-testid=booking][data-status=cancelled]').waitFor();
  });

  it('a seeker signs up, applies, books coaching and sees it confirmed; the recruiter moves the application to interview and the seeker sees it live', async () => {
    const [coach] = await createPeople(t.app, db, 'coach', 1);
    const coachName = (await db.query(`SELECT name FROM users WHERE id = $1`, [coach!.id])).rows[0].name as string;
    const start = hourFromNow(50);
    await publishAvailability(t.http, coach!, fair.id, start, new Date(start.getTime() + 3600_000), 30);

    // The seeker signs up and applies with a cover letter.
    const seeker = await open();
    await seeker.goto(`${t.url}/signup`);
    await seeker.getByLabel('이름').fill('이지원');
    await seeker.getByLabel('이메일').fill(uniqueEmail('web-applicant'));
    await seeker.getByLabel('비밀번호').fill(PASSWORD);
    await seeker.getByLabel('생년월일').fill('1999-08-20');
    await seeker.getByRole('button', { name: '가입하기' }).click();
    await seeker.getByRole('link', { name: '내 지원 현황' }).waitFor();
    await seeker.goto(`${t.url}/postings/${firstPostingId}`);
    await seeker.getByLabel('자기소개 (선택)').fill('생산관리 현장 실습 6개월 경험이 있습니다.');
    expect(await seriousA11yViolations(seeker)).toEqual([]);
    await seeker.getByRole('button', { name: '지원서 제출' }).click();
    expect(await seeker.getByTestId('applied').textContent()).toContain('지원 완료');

    // Books a coaching slot with the named coach and sees it confirmed.
    await seeker.goto(`${t.url}/fairs/${fair.slug}/coaching`);
    const coachDay = seeker.locator('section.coach-day', { has: seeker.getByRole('heading', { name: `코치: ${coachName}` }) }).first();
    await coachDay.locator('[data-testid=slot]:not([disabled])').first().click();
    await seeker.locator('[data-testid=booking-outcome][data-status=confirmed]').waitFor();

    // My applications, left open.
    await seeker.getByRole('link', { name: '내 지원 현황' }).click();
    const application = seeker.locator('[data-testid=application]', { hasText: '생산관리 사원 (신입)' });
    await application.waitFor();
    expect(await application.getAttribute('data-status')).toBe('applied');
    expect(await seriousA11yViolations(seeker)).toEqual([]);
    await seeker.evaluate(() => ((globalThis as unknown as { stayed: boolean }).stayed = true));

    // The recruiter finds the applicant in the console's pipeline and moves them on, through the UI.
    const recruiter = await open();
    await signIn(recruiter, booth.recruiter.email);
    await recruiter.getByRole('heading', { name: '기업 부스 관리' }).waitFor();
    await recruiter.locator('#fair-picker').selectOption(fair.id);
    const card = recruiter.locator('[data-testid=applicant]', { hasText: '이지원' });
    await card.waitFor();
    expect(await card.textContent()).toContain('생산관리 사원 (신입)');
    expect(await recruiter.getByTestId('column-applied').locator('[data-testid=applicant]', { hasText: '이지원' }).count()).toBe(1);
    await card.getByText('메모·평점').click();
    await card.getByLabel('평점').selectOption('4');
    await card.getByLabel('메모').fill('현장 실습 경험, 2차 면접 추천');
    await card.getByRole('button', { name: '메모 저장' }).click();
    await recruiter.locator('[data-testid=applicant]', { hasText: '★★★★' }).waitFor();
    await card.getByRole('button', { name: '다음 단계: 서류 검토' }).click();
    await recruiter.getByTestId('column-screening').locator('[data-testid=applicant]', { hasText: '이지원' }).waitFor();
    await seeker.locator('[data-testid=application][data-status=screening]').waitFor();
    await recruiter.locator('[data-testid=applicant]', { hasText: '이지원' }).getByRole('button', { name: '다음 단계: 면접' }).click();
    await recruiter.getByTestId('column-interview').locator('[data-testid=applicant]', { hasText: '이지원' }).waitFor();
    expect(await seriousA11yViolations(recruiter)).toEqual([]);

    // The seeker's open page shows the new status, without a reload; the header counts the unread news.
    await seeker.locator('[data-testid=application][data-status=interview]').waitFor();
    expect(await application.getByTestId('application-status').textContent()).toBe('면접');
    expect(await seeker.evaluate(() => (globalThis as unknown as { stayed?: boolean }).stayed)).toBe(true);
    await seeker.locator('[data-testid=unread-count]', { hasText: /^[3-9]/ }).waitFor();

    // The inbox lists the moves; marking all read clears the badge.
    await seeker.getByTestId('nav-notifications').click();
    await seeker.locator('[data-testid=notification]', { hasText: '면접' }).first().waitFor();
    expect(await seriousA11yViolations(seeker)).toEqual([]);
    await seeker.getByRole('button', { name: '모두 읽음으로 표시' }).click();
    await seeker.getByTestId('unread-count').waitFor({ state: 'detached' });
    await seeker.locator('[data-testid=notification][data-read=no]').first().waitFor({ state: 'detached' });
    expect(await seeker.locator('[data-testid=notification][data-read=yes]').count()).toBeGreaterThanOrEqual(3);

    // The recruiter publishes interview times for the booth in the console, in the fair's time zone (Seoul
    // 10:00–11:30 three days on: 3 slots), and withdraws the last one.
    const interviewDay = new Date(Date.now() + 3 * 86_400_000 + 9 * 3_600_000).toISOString().slice(0, 10);
    const interviews = recruiter.getByRole('region', { name: '면접 시간' });
    await interviews.getByLabel('날짜').fill(interviewDay);
    await interviews.getByLabel('시작 시각').fill('10:00');
    await interviews.getByLabel('종료 시각').fill('11:30');
    await interviews.getByLabel('면접 시간(분)').fill('30');
    await interviews.getByRole('button', { name: '면접 시간 등록' }).click();
    await recruiter.getByText('면접 시간 3개를 등록했습니다.').waitFor();
    const published = await t.http.get(`/booths/${booth.boothId}/interview-slots?from=${new Date().toISOString()}`);
    expect(published.body.items.map((s: { startsAt: string }) => s.startsAt)).toEqual(
      ['01:00', '01:30', '02:00'].map((utc) => new Date(`${interviewDay}T${utc}:00Z`).toISOString()),
    );
    await interviews.locator('[data-testid=interview-slot]', { hasText: '오전 11:00–' }).getByRole('button', { name: /철회/ }).click();
    await interviews.locator('[data-testid=interview-slot]', { hasText: '오전 11:00–' }).waitFor({ state: 'detached' });
    expect(await interviews.getByTestId('interview-slot').count()).toBe(2);
    expect(await interviews.getByTestId('interview-booking').count()).toBe(0);
    expect(await seriousA11yViolations(recruiter)).toEqual([]);

    // The seeker books one from "my applications" and sees it confirmed, in Seoul time.
    await seeker.getByRole('link', { name: '내 지원 현황' }).click();
    await application.getByRole('button', { name: '면접 시간 예약' }).click();
    expect(await application.getByRole('button', { name: '면접 시간 예약' }).getAttribute('aria-expanded')).toBe('true');
    await application.getByTestId('interview-slot-choice').first().waitFor();
    expect(await application.getByTestId('interview-slot-choice').count()).toBe(2);
    await application.getByTestId('interview-slot-choice').filter({ hasText: '오전 10:30–' }).click();
    const interviewOutcome = application.locator('[data-testid=booking-outcome][data-status=confirmed]');
    await interviewOutcome.waitFor();
    expect(await interviewOutcome.textContent()).toContain('오전 10:30');
    await application.getByTestId('interview-slot-choice').nth(1).waitFor({ state: 'detached' }); // the booked time is gone
    expect(await application.getByTestId('interview-slot-choice').count()).toBe(1);
    await interviewOutcome.waitFor();
    expect(await seriousA11yViolations(seeker)).toEqual([]);
    await seeker.setViewportSize(PHONE);
    expect(await seeker.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth')).toBeLessThanOrEqual(0);
    expect(await seriousA11yViolations(seeker)).toEqual([]);

    // The recruiter's console shows who booked, live, and the time as booked.
    const bookedBy = interviews.locator('[data-testid=interview-booking]', { hasText: '이지원' });
    await bookedBy.waitFor();
    expect(await bookedBy.textContent()).toContain('오전 10:30');
    expect(await bookedBy.textContent()).toContain('예약 확정');
    await interviews.locator('[data-testid=interview-slot]', { hasText: '예약됨' }).waitFor();
    await recruiter.setViewportSize(PHONE);
    expect(await recruiter.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth')).toBeLessThanOrEqual(0);
    expect(await seriousA11yViolations(recruiter)).toEqual([]);
  });

  it('a seeker uploads a resume; the recruiter opens it from the pipeline and hires with a start date; the seeker answers the 30-day follow-up', async () => {
    const seeker = await registerUser(t.http, 'seeker', { name: '박이력' });
    const postingId = await publishPosting(t.http, booth, '설비 보전 기사 (경력)');
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

    // The seeker fills in the profile and uploads the resume on the profile page.
    const seekerPage = await open(PHONE);
    await signIn(seekerPage, seeker.email);
    await seekerPage.getByRole('link', { name: '내 프로필' }).click();
    await seekerPage.getByLabel('지역', { exact: true }).fill('대구 북구');
    await seekerPage.getByRole('button', { name: '프로필 저장' }).click();
    await seekerPage.getByText('프로필을 저장했습니다.').waitFor();
    await seekerPage.getByLabel('이력서 파일').setInputFiles({ name: '박이력_이력서.pdf', mimeType: 'application/pdf', buffer: pdf });
    await seekerPage.getByRole('button', { name: '이력서 올리기' }).click();
    expect(await seekerPage.getByTestId('resume').textContent()).toContain('박이력_이력서.pdf');
    expect(await seriousA11yViolations(seekerPage)).toEqual([]);
    expect((await t.http.get('/me/profile', seeker.accessToken)).body).toMatchObject({ region: '대구 북구', resume: { fileName: '박이력_이력서.pdf', sizeBytes: pdf.length } });

    const applied = await t.http.post(`/postings/${postingId}/applications`, {}, seeker.accessToken);
    for (const status of ['screening', 'interview', 'offered']) {
      expect((await t.http.post(`/applications/${applied.body.id}/status`, { status }, booth.recruiter.accessToken)).status).toBe(200);
    }

    // The recruiter opens the resume from the applicant's card and hires with a start date.
    const recruiter = await open();
    await signIn(recruiter, booth.recruiter.email);
    await recruiter.getByRole('heading', { name: '기업 부스 관리' }).waitFor();
    await recruiter.locator('#fair-picker').selectOption(fair.id);
    await recruiter.locator('#pipeline-posting').selectOption(postingId);
    const card = recruiter.getByTestId('column-offered').locator('[data-testid=applicant]', { hasText: '박이력' });
    await card.waitFor();
    const [download] = await Promise.all([recruiter.waitForEvent('download'), card.getByRole('button', { name: '이력서 보기 (PDF)' }).click()]);
    expect(download.suggestedFilename()).toBe('박이력-resume.pdf');
    expect(readFileSync(await download.path())).toEqual(pdf);
    const startDate = new Date(Date.now() + 9 * 3_600_000 + 7 * 86_400_000).toISOString().slice(0, 10);
    await card.getByLabel('입사일').fill(startDate);
    await card.getByRole('button', { name: '취업 확정' }).click();
    await recruiter.getByTestId('column-hired').locator('[data-testid=applicant]', { hasText: '박이력' }).waitFor();
    const hired = await t.http.get(`/applications/${applied.body.id}`, booth.recruiter.accessToken);
    expect([hired.body.status, hired.body.hire.startDate]).toEqual(['hired', startDate]);

    // 30 days on, the worker asks (here: marked asked in the database, as its handler does); the seeker answers.
    await db.query(`UPDATE hire_follow_ups SET asked_at = now() WHERE application_id = $1 AND days_after_start = 30`, [applied.body.id]);
    await seekerPage.getByRole('link', { name: '내 지원 현황' }).click();
    const followUp = seekerPage.locator('[data-testid=application][data-status=hired]').getByTestId('follow-up');
    await followUp.getByText('입사 30일이 지났습니다').waitFor();
    expect(await seriousA11yViolations(seekerPage)).toEqual([]);
    await followUp.getByRole('button', { name: '네, 일하고 있어요' }).click();
    await followUp.getByText('답변: 일하고 있음').waitFor();
    const answered = await t.http.get(`/applications/${applied.body.id}`, seeker.accessToken);
    expect(answered.body.hire.followUps.find((f: { daysAfterStart: number }) => f.daysAfterStart === 30)).toMatchObject({ stillEmployed: true });

    // The recruiter corrects the hire: a later start date, and a contract job rather than a permanent one.
    const hiredCard = recruiter.getByTestId('column-hired').locator('[data-testid=applicant]', { hasText: '박이력' });
    await hiredCard.getByText(`입사일 ${startDate} · 상용직(정규직)`).waitFor();
    await hiredCard.getByText('취업 조건 정정').click();
    const laterStart = new Date(Date.now() + 9 * 3_600_000 + 14 * 86_400_000).toISOString().slice(0, 10);
    await hiredCard.getByLabel('입사일').fill(laterStart);
    await hiredCard.getByLabel('고용 형태').selectOption('contract');
    await hiredCard.getByRole('button', { name: '정정 저장' }).click();
    await hiredCard.getByText('취업 조건을 정정했습니다.').waitFor();
    await hiredCard.getByText(`입사일 ${laterStart} · 계약직`).waitFor();
    const corrected = await t.http.get(`/applications/${applied.body.id}`, booth.recruiter.accessToken);
    expect([corrected.body.status, corrected.body.hire.startDate, corrected.body.hire.employmentType]).toEqual(['hired', laterStart, 'contract']);
    expect(await seriousA11yViolations(recruiter)).toEqual([]);

    // Undoing a hire asks first (focus on the answer); "cancel" changes nothing.
    await hiredCard.getByRole('button', { name: '취업 취소' }).click();
    await hiredCard.getByText('이 취업 확정을 취소할까요?').waitFor();
    expect(await recruiter.evaluate<string | null>('document.activeElement && document.activeElement.textContent')).toBe('네, 취소합니다');
    expect(await seriousA11yViolations(recruiter)).toEqual([]);
    await hiredCard.getByRole('button', { name: '취소', exact: true }).click();
    await hiredCard.getByRole('button', { name: '취업 취소' }).waitFor();
    expect((await t.http.get(`/applications/${applied.body.id}`, booth.recruiter.accessToken)).body.status).toBe('hired');
    // Confirmed with the keyboard: the applicant goes back to the offered column and the hire is gone.
    await hiredCard.getByRole('button', { name: '취업 취소' }).click();
    await recruiter.keyboard.press('Enter');
    await recruiter.getByTestId('column-offered').locator('[data-testid=applicant]', { hasText: '박이력' }).waitFor();
    expect(await recruiter.getByTestId('column-hired').locator('[data-testid=applicant]', { hasText: '박이력' }).count()).toBe(0);
    const undone = await t.http.get(`/applications/${applied.body.id}`, booth.recruiter.accessToken);
    expect([undone.body.status, undone.body.hire]).toEqual(['offered', null]);
  });

  it('an organizer signs in and approves a pending booth; the KPI dashboard gains the company and its hire live; its postings show on the fair', async () => {
    const pending = await createBooth(t.http, fair.id, '비슬에너지');
    const energyPosting = await publishPosting(t.http, pending, '태양광 설비 기사');

    const page = await open();
    await signIn(page, organizer.email);
    await page.getByRole('heading', { name: '박람회 운영' }).waitFor();
    await page.locator('[data-testid=org-fair] a', { hasText: '테스트 청년 비상' }).first().waitFor();
    await page.goto(`${t.url}/organizer/fairs/${fair.id}`);

    const card = page.locator('[data-testid=pending-booth]', { hasText: '비슬에너지' });
    await card.waitFor();
    // Its hiring intent, read before deciding: one published posting with two openings (postingBody).
    await card.getByText('공개된 채용공고 1건 · 모집 2명').waitFor();
    await page.getByTestId('kpis').waitFor();
    const companyRow = page.locator('[data-testid=kpi-company]', { hasText: '비슬에너지' });
    expect(await companyRow.count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.evaluate(() => ((globalThis as unknown as { stayed: boolean }).stayed = true));
    await card.getByRole('button', { name: '승인' }).click();
    expect(await page.getByTestId('approval-done').textContent()).toContain('비슬에너지');
    await card.waitFor({ state: 'detached' });

    // The KPI dashboard follows kpi:update: the approved company joins the per-company table, and a hire made
    // through the API shows there, all without a reload.
    await companyRow.waitFor();
    expect(await companyRow.locator('td').allTextContents()).toEqual(['0', '0', '0', '0']);
    const seeker = await registerUser(t.http, 'seeker');
    const applied = await t.http.post(`/postings/${energyPosting}/applications`, {}, seeker.accessToken);
    expect(applied.status).toBe(201);
    for (const status of ['screening', 'interview', 'offered', 'hired']) {
      const moved = await t.http.post(`/applications/${applied.body.id}/status`, { status }, pending.recruiter.accessToken);
      expect(moved.status).toBe(200);
    }
    await page.locator('[data-testid=kpi-company]', { hasText: '비슬에너지' }).filter({ has: page.locator('td:last-child', { hasText: /^1$/ }) }).waitFor();
    expect(await companyRow.locator('td').allTextContents()).toEqual(['1', '1', '1', '1']);
    expect(await page.evaluate(() => (globalThis as unknown as { stayed?: boolean }).stayed)).toBe(true);

    const booths = await t.http.get(`/fairs/${fair.id}/booths`);
    expect(booths.body.items.map((b: { id: string }) => b.id)).toContain(pending.boothId);
    await page.goto(`${t.url}/fairs/${fair.slug}`);
    await page.locator('[data-testid=posting-card]', { hasText: '태양광 설비 기사' }).waitFor();
  });

  it('a recruiter registers the company, applies for a booth, drafts and publishes a posting; once approved the booth is live', async () => {
    const recruiter = await registerUser(t.http, 'recruiter');
    const page = await open();
    await signIn(page, recruiter.email);
    await page.getByRole('heading', { name: '기업 부스 관리' }).waitFor();

    await page.getByLabel('회사 이름').fill('팔공식품(주)');
    await page.getByRole('button', { name: '회사 등록' }).click();
    await page.locator('#fair-picker').selectOption(fair.id);
    await page.getByLabel('부스 소개 한 줄').fill('팔공식품 채용관');
    await page.getByRole('button', { name: '부스 신청하기' }).click();
    await page.getByText('승인 대기').first().waitFor();

    await page.getByText('새 채용공고 작성').click();
    await page.getByLabel('채용공고 제목').fill('식품 연구원 (신입)');
    await page.locator('#p-category').selectOption('1');
    await page.locator('#p-type').selectOption('regular');
    await page.getByLabel('모집 인원').fill('3');
    await page.getByLabel('상세 내용').fill('대구 달서구 연구소 근무');
    await page.getByRole('button', { name: '초안 저장' }).click();
    const row = page.locator('[data-testid=rec-posting]', { hasText: '식품 연구원 (신입)' });
    await row.getByText('작성 중').waitFor();
    await row.getByRole('button', { name: '게시' }).click();
    await row.getByText('게시 중').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    const pending = await t.http.get(`/fairs/${fair.id}/booths?status=pending`, organizer.accessToken);
    const booth = pending.body.items.find((b: { companyName: string }) => b.companyName === '팔공식품(주)');
    expect((await t.http.post(`/booths/${booth.id}/approve`, {}, organizer.accessToken)).status).toBe(200);
    await page.reload();
    await page.getByText('승인됨').first().waitFor();
  });

  it('a coach publishes availability in the fair’s time zone and sees the new slots by day', async () => {
    const coach = await registerUser(t.http, 'coach');
    await approveCoach(fair.id, coach.id);
    const page = await open();
    await signIn(page, coach.email);
    await page.getByRole('heading', { name: '코치 일정' }).waitFor();
    await page.locator('#fair-picker').selectOption(fair.id);
    // Tomorrow in Seoul, 14:00–15:00 there, whatever the browser's own zone (Berlin).
    const tomorrow = new Date(Date.now() + 86_400_000 + 9 * 3_600_000).toISOString().slice(0, 10);
    await page.getByLabel('날짜').fill(tomorrow);
    await page.getByLabel('시작 시각').fill('14:00');
    await page.getByLabel('종료 시각').fill('15:00');
    await page.getByLabel('코칭 시간(분)').fill('30');
    await page.getByRole('button', { name: '시간 등록' }).click();
    await page.getByText('코칭 시간 2개를 등록했습니다.').waitFor();

    const slots = await t.http.get(`/fairs/${fair.id}/coaching/slots?coachId=${coach.id}`);
    expect(slots.body.items.map((s: { startsAt: string }) => s.startsAt)).toEqual([
      new Date(`${tomorrow}T05:00:00Z`).toISOString(),
      new Date(`${tomorrow}T05:30:00Z`).toISOString(),
    ]);
    // the slots are folded by day: open the day
    await page.locator('details.coach-day-slots summary').first().click();
    await page.getByText('오후 2:00–오후 2:30').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('switches between Korean and English on any page, and remembers the choice', async () => {
    const page = await open();
    await page.goto(`${t.url}/fairs/${fair.slug}`);
    await page.getByRole('heading', { name: '실시간 채용공고' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('ko');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Live job postings' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.goto(`${t.url}/postings/${firstPostingId}`);
    await page.getByText('Employment type').first().waitFor();

    await page.reload();
    await page.getByText('Employment type').first().waitFor();
    await page.getByRole('button', { name: '한국어' }).click();
    await page.getByText('고용 형태').first().waitFor();
  });

  it('the public pages have no serious or critical accessibility violations, on a desktop and on a 360 px phone', async () => {
    const pages: [string, string][] = [
      ['fairs', '/'],
      ['fair-home', `/fairs/${fair.slug}`],
      ['search', `/fairs/${fair.slug}/postings?q=${encodeURIComponent('사원')}`],
      ['booths', `/fairs/${fair.slug}/booths`],
      ['booth', `/booths/${booth.boothId}`],
      ['posting', `/postings/${firstPostingId}`],
      ['coaching', `/fairs/${fair.slug}/coaching`],
      ['sign-in', '/signin'],
      ['sign-up', '/signup'],
    ];
    const found: Record<string, string[]> = {};
    for (const viewport of [DESKTOP, PHONE]) {
      const page = await open(viewport);
      for (const [name, path] of pages) {
        await page.goto(`${t.url}${path}`);
        await page.locator('main h1').first().waitFor();
        await page.locator('[role=status]', { hasText: '불러오는 중' }).waitFor({ state: 'detached' });
        const violations = await seriousA11yViolations(page);
        if (violations.length) found[`${name}@${viewport.width}`] = violations;
        // Nothing wider than the phone: no sideways scrolling at 360 px.
        if (viewport === PHONE) {
          const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
          if (overflow > 0) found[`${name}@360 overflow`] = [`${overflow}px wider than the screen`];
        }
      }
    }
    expect(found).toEqual({});
  });

  it('keeps the server’s own paths and serves the app for client-side routes', async () => {
    const home = await fetch(`${t.url}/fairs/${fair.slug}`);
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toContain('text/html');
    expect(await home.text()).toContain('<div id="root">');

    const api = await fetch(`${t.url}/api/v1/no-such-route`);
    expect(api.status).toBe(404);
    expect(((await api.json()) as { code: string }).code).toBe('NOT_FOUND');
    expect((await fetch(`${t.url}/health`)).headers.get('content-type')).toContain('application/json');
    expect((await fetch(`${t.url}/docs-json`)).headers.get('content-type')).toContain('application/json');
    expect((await fetch(`${t.url}/admin/queues-not-here`)).headers.get('content-type')).toContain('application/json');
    expect((await fetch(`${t.url}/assets/missing-file.js`)).status).toBe(404);
    // Nothing outside the built app is served, however the path is spelled.
    for (const path of ['/..%2f..%2fpackage.json', '/%2e%2e/%2e%2e/package.json', '/assets/..%2f..%2f..%2fpackage.json']) {
      const res = await fetch(`${t.url}${path}`);
      expect(await res.text()).not.toContain('"name": "bisang"');
    }
  });
});
