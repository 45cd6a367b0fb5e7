import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  advanceTo,
  applyTo,
  createBooth,
  createFair,
  createOrganizer,
  launchBrowser,
  publishPosting,
  registerUser,
  saveScreenshot,
  seriousA11yViolations,
  SignedIn,
  signInThroughForm,
} from '@bisang/testing';
import { TestApp, startTestApp } from './support/test-app';

/**
 * Issue 15 item 11: the fair home shows the fair's description and schedule, hires so far against the target,
 * true totals (from `GET /fairs/:fairId/summary`, not the number of loaded items), and on a phone a compact
 * "새 공고 N건" bar when postings arrive live. The organizer sets the description (`PATCH /fairs/:fairId`; a
 * draft may change anything, a published fair only title, description and target).
 */
jest.setTimeout(120_000);

const DAY = 86_400_000;

describe('fair home: description, schedule, hires, true totals, new postings bar', () => {
  let t: TestApp;
  let browser: Browser;
  let organizer: SignedIn;
  const contexts: BrowserContext[] = [];

  const open = async (width: number): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width, height: 800 }, locale: 'ko-KR', timezoneId: 'Asia/Seoul' });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    return page;
  };
  const signIn = (page: Page, email: string) => signInThroughForm(page, t.url, email);

  beforeAll(async () => {
    t = await startTestApp({}, { web: true });
    browser = await launchBrowser();
    organizer = await createOrganizer(t.app, t.http);
  });
  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('over HTTP: a draft changes anything, a published fair only title, description and target; the summary counts what is visible', async () => {
    const draft = await createFair(t.http, organizer, { publish: false });
    const later = new Date(Date.now() + 60 * DAY).toISOString();
    const patched = await t.http.patch(`/fairs/${draft.id}`, { description: '  청년 채용박람회 소개  ', endsAt: later }, organizer.accessToken);
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ description: '청년 채용박람회 소개', endsAt: later, status: 'draft' });
    const backwards = await t.http.patch(`/fairs/${draft.id}`, { endsAt: new Date(Date.now() - 10 * DAY).toISOString() }, organizer.accessToken);
    expect(backwards.status).toBe(400);
    expect(backwards.body.message).toEqual(['endsAt must be after startsAt']);
    expect((await t.http.patch(`/fairs/${draft.id}`, { slug: 'other' }, organizer.accessToken)).status).toBe(400);
    const seeker = await registerUser(t.http, 'seeker');
    expect((await t.http.patch(`/fairs/${draft.id}`, { description: 'x' }, seeker.accessToken)).status).toBe(403);
    // a draft is not public: its summary is not either
    expect((await t.http.get(`/fairs/${draft.id}/summary`)).status).toBe(404);

    expect((await t.http.post(`/fairs/${draft.id}/publish`, {}, organizer.accessToken)).status).toBe(200);
    const tooLate = await t.http.patch(`/fairs/${draft.id}`, { startsAt: new Date(Date.now() - DAY).toISOString() }, organizer.accessToken);
    expect(tooLate.status).toBe(409);
    expect(tooLate.body.code).toBe('FAIR_NOT_DRAFT');
    const described = await t.http.patch(`/fairs/${draft.id}`, { description: null, hiringTarget: 80 }, organizer.accessToken);
    expect(described.body).toMatchObject({ description: null, hiringTarget: 80 });
    expect((await t.http.get(`/fairs/${draft.id}`)).body.description).toBeNull();

    // totals: an approved booth with three postings, a pending booth's posting not counted, one hire
    const booth = await createBooth(t.http, draft.id, '총계정밀(주)');
    const pending = await createBooth(t.http, draft.id, '대기산업(주)');
    const postingIds = [];
    for (let i = 0; i < 3; i++) postingIds.push(await publishPosting(t.http, booth, `총계 공고 ${i}`));
    await publishPosting(t.http, pending, '아직 비공개 공고');
    expect((await t.http.post(`/booths/${booth.boothId}/approve`, {}, organizer.accessToken)).status).toBe(200);
    const id = await applyTo(t.http, seeker, postingIds[0]!);
    await advanceTo(t.http, booth.recruiter, id, 'offered');
    expect((await t.http.post(`/applications/${id}/status`, { status: 'hired' }, booth.recruiter.accessToken)).status).toBe(200);
    const summary = await t.http.get(`/fairs/${draft.id}/summary`);
    expect(summary.status).toBe(200);
    expect(summary.body).toEqual({ fairId: draft.id, postings: 3, booths: 1, hires: 1, hiringTarget: 80 });
  });

  it('the organizer writes the description; the home shows it, the schedule, hires against the target and true totals; a phone gets the 새 공고 bar', async () => {
    const fair = await createFair(t.http, organizer);
    const booth = await createBooth(t.http, fair.id, '전체건수(주)');
    // more postings than the home loads (12): the counter must still say 14
    for (let i = 0; i < 14; i++) await publishPosting(t.http, booth, `생산직 사원 ${i + 1}`);
    expect((await t.http.post(`/booths/${booth.boothId}/approve`, {}, organizer.accessToken)).status).toBe(200);

    const org = await open(1280);
    await signIn(org, organizer.email);
    await org.goto(`${t.url}/organizer/fairs/${fair.id}`);
    await org.getByRole('heading', { name: '박람회 정보' }).waitFor();
    // published: the dates cannot be changed any more, the description can
    expect(await org.getByLabel('시작일').count()).toBe(0);
    await org.getByLabel('박람회 소개').fill('대구 청년과 지역 기업을 잇는 박람회입니다.\n1:1 면접 코칭도 열립니다.');
    await org.getByRole('button', { name: '저장', exact: true }).click();
    await org.getByRole('status').filter({ hasText: '박람회 정보를 저장했습니다.' }).waitFor();
    expect(await seriousA11yViolations(org)).toEqual([]);

    const page = await open(360);
    await page.goto(`${t.url}/fairs/${fair.slug}`);
    await page.getByTestId('fair-description').filter({ hasText: '1:1 면접 코칭도 열립니다.' }).waitFor();
    expect(await page.getByTestId('fair-schedule').textContent()).toMatch(/일정: \d{4}년 \d{1,2}월 \d{1,2}일 \([월화수목금토일]\)/);
    expect(await page.getByTestId('hires-progress').textContent()).toContain('지금까지 취업 0명 / 목표 150명');
    expect(await page.getByTestId('posting-count').textContent()).toBe('14');
    expect(await page.getByTestId('booth-count').textContent()).toBe('1');
    expect(await page.getByTestId('feed').getByTestId('posting-card').count()).toBe(12);
    await page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));

    // a posting arrives live: the bar shows at the top of the phone's screen, and the total moves
    await publishPosting(t.http, booth, '새로 올라온 용접 기사');
    const bar = page.getByTestId('new-postings-bar');
    await bar.filter({ hasText: '새 채용공고 1건 보기' }).waitFor();
    await page.getByTestId('posting-count').filter({ hasText: '15' }).waitFor();
    const box = await bar.boundingBox();
    expect(box && box.y >= 0 && box.y + box.height <= 800).toBe(true);
    expect(await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await saveScreenshot(page, 'fair-home-new-bar-phone');
    // it brings the feed into view and goes away
    await bar.getByRole('button').click();
    await bar.waitFor({ state: 'detached' });
    const feedTop = await page.getByTestId('feed').evaluate((el) => (el as unknown as { getBoundingClientRect(): { top: number } }).getBoundingClientRect().top);
    expect(feedTop).toBeLessThan(800);
    expect(await page.getByTestId('feed').getByTestId('posting-card').first().textContent()).toContain('새로 올라온 용접 기사');

    // on a desktop the feed is in view: no bar; axe clean
    const desk = await open(1280);
    await desk.goto(`${t.url}/fairs/${fair.slug}`);
    await desk.getByTestId('fair-description').waitFor();
    expect(await seriousA11yViolations(desk)).toEqual([]);
  });
});
