import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  createBooth,
  createFair,
  createOrganizer,
  koreanPage,
  launchBrowser,
  registerUser,
  saveScreenshot,
  seriousA11yViolations,
  SignedIn,
  signInThroughForm,
} from '@bisang/testing';
import { TestApp, startTestApp } from './support/test-app';

/**
 * Issue 15 item 7 (postings and booths): the posting form has salary and deadline; staff change a published
 * posting's openings, salary and deadline; a pending booth's postings say they are not public yet; a rejected
 * booth applies again with changes (`POST /booths/:boothId/reapply`).
 */
jest.setTimeout(120_000);

/** YYYY-MM-DD in Seoul, `days` from now. */
const seoulDay = (days: number) => new Date(Date.now() + days * 86_400_000 + 9 * 3600_000).toISOString().slice(0, 10);

describe('web app: postings and booth applications', () => {
  let t: TestApp;
  let browser: Browser;
  let organizer: SignedIn;
  let fair: { id: string };
  const contexts: BrowserContext[] = [];

  const open = (width = 1280): Promise<Page> => koreanPage(browser, contexts, width, 'Europe/Berlin');
  const signIn = (page: Page, email: string) => signInThroughForm(page, t.url, email);

  beforeAll(async () => {
    t = await startTestApp({}, { web: true });
    browser = await launchBrowser();
    organizer = await createOrganizer(t.app, t.http);
    fair = await createFair(t.http, organizer);
  });
  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('a pending booth’s postings say they are not public; salary and deadline are set, then changed once published', async () => {
    const booth = await createBooth(t.http, fair.id, '범어테크(주)');
    const page = await open();
    await signIn(page, booth.recruiter.email);
    await page.goto(`${t.url}/recruiter`);
    await page.locator('#fair-picker').selectOption(fair.id);
    await page.getByTestId('postings-not-public').filter({ hasText: '아직 승인되지 않아' }).waitFor();

    await page.getByText('새 채용공고 작성').click();
    await page.getByLabel('채용공고 제목').fill('품질관리 엔지니어');
    await page.locator('#p-openings').fill('2');
    await page.locator('#p-location').fill('대구 수성구');
    await page.locator('#p-description').fill('자동차 부품 품질관리, 수성구 근무');
    await page.getByLabel('최소 연봉 (만원)').fill('4000');
    await page.getByLabel('최대 연봉 (만원)').fill('3200');
    await page.getByLabel('마감일').fill(seoulDay(20));
    await page.getByRole('button', { name: '초안 저장' }).click();
    // the server's rule, in Korean, beside the field
    await page.locator('#new-posting-err-salaryMin').filter({ hasText: '최대 연봉보다 클 수 없습니다' }).waitFor();
    await page.getByLabel('최소 연봉 (만원)').fill('3200');
    await page.getByLabel('최대 연봉 (만원)').fill('4000');
    await page.getByRole('button', { name: '초안 저장' }).click();
    const row = page.getByTestId('rec-posting').filter({ hasText: '품질관리 엔지니어' });
    await row.waitFor();
    let [posting] = (await t.http.get(`/booths/${booth.boothId}/postings`, booth.recruiter.accessToken)).body;
    expect(posting).toMatchObject({ salaryMin: 32_000_000, salaryMax: 40_000_000, openings: 2 });
    // the deadline is the end of that day in the fair's zone (Seoul), whatever the browser's zone (Berlin)
    expect(new Date(posting.closesAt).toISOString()).toBe(new Date(`${seoulDay(20)}T23:59:00+09:00`).toISOString());

    await row.getByRole('button', { name: '게시', exact: true }).click();
    await row.getByText('게시 중').waitFor();
    expect((await t.http.post(`/booths/${booth.boothId}/approve`, {}, organizer.accessToken)).status).toBe(200);
    await page.reload();
    await page.getByTestId('rec-posting').filter({ hasText: '품질관리 엔지니어' }).waitFor();
    expect(await page.getByTestId('postings-not-public').count()).toBe(0);

    // change the published posting: openings, salary, deadline
    const published = page.getByTestId('rec-posting').filter({ hasText: '품질관리 엔지니어' });
    await published.getByText('수정', { exact: true }).click();
    const form = published.getByRole('form', { name: '품질관리 엔지니어 채용공고 수정' });
    await form.getByLabel('모집 인원').fill('5');
    await form.getByLabel('최대 연봉 (만원)').fill('4500');
    await form.getByLabel('마감일').fill(seoulDay(30));
    await form.getByRole('button', { name: '변경 저장' }).click();
    await page.getByRole('status').filter({ hasText: '채용공고를 수정했습니다' }).waitFor();
    [posting] = (await t.http.get(`/booths/${booth.boothId}/postings`, booth.recruiter.accessToken)).body;
    expect(posting).toMatchObject({ status: 'published', openings: 5, salaryMin: 32_000_000, salaryMax: 45_000_000 });
    expect(new Date(posting.closesAt).toISOString()).toBe(new Date(`${seoulDay(30)}T23:59:00+09:00`).toISOString());
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('a rejected booth applies again with changes and is pending again; only a rejected booth, only its staff', async () => {
    const booth = await createBooth(t.http, fair.id, '칠성상회(주)');
    expect((await t.http.post(`/booths/${booth.boothId}/reapply`, { headline: '다시' }, booth.recruiter.accessToken)).body.code).toBe('BOOTH_NOT_REJECTED');
    expect((await t.http.post(`/booths/${booth.boothId}/reject`, { reason: '채용 계획을 구체적으로 적어 주세요' }, organizer.accessToken)).status).toBe(200);
    const outsider = await registerUser(t.http, 'recruiter');
    expect([403, 404]).toContain((await t.http.post(`/booths/${booth.boothId}/reapply`, { headline: '남의 부스' }, outsider.accessToken)).status);

    const page = await open(360);
    await signIn(page, booth.recruiter.email);
    await page.goto(`${t.url}/recruiter`);
    await page.locator('#fair-picker').selectOption(fair.id);
    await page.getByText('채용 계획을 구체적으로 적어 주세요').waitFor();
    const reapply = page.getByTestId('reapply-booth');
    await reapply.getByLabel('부스 소개 한 줄').fill('생산직 10명, 품질관리 2명을 채용합니다');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await saveScreenshot(page, 'recruiter-reapply-phone');
    await reapply.getByRole('button', { name: '다시 신청' }).click();
    await page.getByText('승인 대기').first().waitFor();
    await page.getByRole('heading', { name: '생산직 10명, 품질관리 2명을 채용합니다' }).waitFor();
    const pending = (await t.http.get(`/fairs/${fair.id}/booths?status=pending`, organizer.accessToken)).body.items as { id: string; rejectionReason: string | null }[];
    expect(pending.find((b) => b.id === booth.boothId)).toMatchObject({ rejectionReason: null });
  });
});
