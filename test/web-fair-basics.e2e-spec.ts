import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  BoothSetup,
  createBooth,
  createFair,
  createOrganizer,
  koreanPage,
  launchBrowser,
  publishPosting,
  registerUser,
  samplePng,
  saveScreenshot,
  seriousA11yViolations,
  SignedIn,
  signInThroughForm,
} from '@bisang/testing';
import { TestApp, startTestApp } from './support/test-app';

/**
 * Issue 15, the basics job sites and virtual fairs have, in the browser: a seeker saves a posting (스크랩) and is
 * reminded of its deadline; the organizer puts a 기업설명회 on the programme and the fair home lists it in the fair's
 * time zone; a recruiter writes the company page with its logo, an organizer confirms its business number, and
 * a visitor reaches it from the booth. Axe runs on each new page at 1280 and 360 px.
 */
jest.setTimeout(120_000);

const HOUR = 3600_000;
const KOREAN_DATE = /\d{4}년 \d{1,2}월 \d{1,2}일 \([월화수목금토일]\)/;

/** YYYY-MM-DD in Seoul, `days` from now. */
const seoulDay = (days: number) => new Date(Date.now() + days * 86_400_000 + 9 * HOUR).toISOString().slice(0, 10);

describe('web app: saved postings, the fair programme, company pages', () => {
  let t: TestApp;
  let browser: Browser;
  let organizer: SignedIn;
  let fair: { id: string; slug: string };
  let booth: BoothSetup;
  const contexts: BrowserContext[] = [];

  const open = (width = 1280, zone = 'Asia/Seoul'): Promise<Page> => koreanPage(browser, contexts, width, zone);
  const signIn = (page: Page, email: string) => signInThroughForm(page, t.url, email);
  const axeClean = async (page: Page) => expect(await seriousA11yViolations(page)).toEqual([]);

  beforeAll(async () => {
    t = await startTestApp({}, { web: true });
    browser = await launchBrowser();
    organizer = await createOrganizer(t.app, t.http);
    fair = await createFair(t.http, organizer);
    booth = await createBooth(t.http, fair.id, '동성로정밀(주)');
    await publishPosting(t.http, booth, '상시 채용 기계 조립');
    expect((await t.http.post(`/booths/${booth.boothId}/approve`, {}, organizer.accessToken)).status).toBe(200);
  });
  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('a seeker saves a posting on a phone, is told a day before it closes, and finds it under 스크랩 with its D-day', async () => {
    const seeker = await registerUser(t.http, 'seeker', { name: '이스크랩' });
    const postingId = await publishPosting(t.http, booth, '마감 임박 CNC 가공', { closesAt: new Date(Date.now() + 20 * HOUR).toISOString() });
    const page = await open(360);
    await signIn(page, seeker.email);
    await page.goto(`${t.url}/postings/${postingId}`);
    const save = page.getByRole('button', { name: '스크랩' });
    expect(await save.getAttribute('aria-pressed')).toBe('false');
    await save.click();
    await page.getByRole('status').filter({ hasText: '스크랩했습니다. 마감 하루 전에 알려 드립니다.' }).waitFor();
    expect(await save.getAttribute('aria-pressed')).toBe('true');
    await axeClean(page);

    // it closes within a day: the reminder comes at once, live, and stays in the inbox with a link to the posting
    await page.getByTestId('unread-count').waitFor();
    await page.goto(`${t.url}/me/notifications`);
    const reminder = page.getByRole('link', { name: /스크랩한 채용공고가 곧 마감됩니다: 동성로정밀\(주\) · 마감 임박 CNC 가공/ });
    await reminder.waitFor();
    expect(await reminder.getAttribute('href')).toBe(`/postings/${postingId}`);
    expect(await reminder.textContent()).toMatch(KOREAN_DATE);

    await page.getByRole('link', { name: '스크랩', exact: true }).click();
    await page.getByRole('heading', { name: '스크랩한 채용공고' }).waitFor();
    const card = page.getByTestId('saved-posting').filter({ hasText: '마감 임박 CNC 가공' });
    expect(await card.getByTestId('posting-deadline').textContent()).toMatch(/^D-1 \d{4}년 \d{1,2}월 \d{1,2}일 \([월화수목금토일]\) 마감$/);
    expect(await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await axeClean(page);
    await saveScreenshot(page, 'saved-postings-phone');
    const desk = await open(1280);
    await signIn(desk, seeker.email);
    await desk.goto(`${t.url}/me/saved`);
    await desk.getByTestId('saved-posting').first().waitFor();
    await axeClean(desk);

    await card.getByRole('button', { name: '마감 임박 CNC 가공 스크랩 취소' }).click();
    await page.getByRole('status').filter({ hasText: '스크랩을 취소했습니다.' }).waitFor();
    await page.getByText('스크랩한 채용공고가 없습니다.').waitFor();
  });

  it('the organizer adds a 기업설명회 in the fair’s zone; the fair home lists it by day with the company', async () => {
    // the organizer's browser is in Berlin: the form's times are the fair's (Seoul)
    const org = await open(1280, 'Europe/Berlin');
    await signIn(org, organizer.email);
    await org.goto(`${t.url}/organizer/fairs/${fair.id}`);
    const form = org.getByRole('region', { name: '행사 일정 관리' });
    await form.waitFor();
    await form.getByLabel('종류').selectOption('briefing');
    await form.getByLabel('행사 제목').fill('동성로정밀 기업설명회');
    await form.getByLabel('부스 (기업설명회)').selectOption(booth.boothId);
    const day = seoulDay(1);
    await form.getByLabel('종료 일시').fill(`${day}T13:00`);
    await form.getByLabel('시작 일시').fill(`${day}T14:00`);
    await form.getByRole('button', { name: '일정 추가' }).click();
    // ends before it starts: said beside the field, in Korean
    await org.locator('#programme-err-endsAt').filter({ hasText: '시작 일시보다 뒤여야 합니다.' }).waitFor();
    await form.getByLabel('종료 일시').fill(`${day}T15:00`);
    await form.getByRole('button', { name: '일정 추가' }).click();
    await org.getByRole('status').filter({ hasText: '일정을 추가했습니다.' }).waitFor();
    await org.getByTestId('programme-admin').filter({ hasText: '동성로정밀 기업설명회' }).waitFor();
    await axeClean(org);

    for (const width of [360, 1280]) {
      const page = await open(width);
      await page.goto(`${t.url}/fairs/${fair.slug}`);
      const item = page.getByTestId('programme-item').filter({ hasText: '동성로정밀 기업설명회' });
      await item.waitFor();
      const programme = await page.getByTestId('programme').textContent();
      expect(programme).toMatch(KOREAN_DATE);
      // 14:00 in Seoul, whatever the reader's own zone
      expect(await item.textContent()).toMatch(/오후 2:00–오후 3:00/);
      expect(await item.textContent()).toContain('기업설명회');
      await axeClean(page);
      if (width === 360) await saveScreenshot(page, 'fair-programme-phone');
      if (width === 1280) {
        await item.getByRole('link', { name: '동성로정밀(주)' }).click();
        await page.getByRole('heading', { name: '동성로정밀(주)', level: 1 }).waitFor();
      }
    }
    // the booth says when its company's briefing is
    const visitor = await open(360);
    await visitor.goto(`${t.url}/booths/${booth.boothId}`);
    const briefings = visitor.getByTestId('booth-briefings');
    await briefings.filter({ hasText: '동성로정밀 기업설명회' }).waitFor();
    expect(await briefings.textContent()).toMatch(/\d{4}년 \d{1,2}월 \d{1,2}일 \([월화수목금토일]\) 오후 2:00–오후 3:00/);
    await axeClean(visitor);

    // the briefing moves an hour later: the organizer changes it in the same form, which starts from its values;
    // the fair home and the booth page, open meanwhile, show the new time without a reload
    const home = await open(360);
    await home.goto(`${t.url}/fairs/${fair.slug}`);
    const homeItem = home.getByTestId('programme-item').filter({ hasText: '동성로정밀 기업설명회' });
    await homeItem.filter({ hasText: /오후 2:00–오후 3:00/ }).waitFor();
    await org.getByRole('button', { name: '동성로정밀 기업설명회 일정 수정' }).click();
    await org.getByText('“동성로정밀 기업설명회” 일정을 수정하고 있습니다.').waitFor();
    expect(await form.getByLabel('시작 일시').inputValue()).toBe(`${day}T14:00`);
    expect(await form.getByLabel('부스 (기업설명회)').inputValue()).toBe(booth.boothId);
    await saveScreenshot(org, 'programme-edit-desktop');
    await form.getByLabel('시작 일시').fill(`${day}T15:00`);
    await form.getByLabel('종료 일시').fill(`${day}T16:00`);
    await form.getByRole('button', { name: '변경 저장' }).click();
    await org.getByRole('status').filter({ hasText: '일정을 변경했습니다.' }).waitFor();
    expect(await org.getByTestId('programme-admin').getByRole('listitem').count()).toBe(1);
    await form.getByRole('button', { name: '일정 추가' }).waitFor();
    await homeItem.filter({ hasText: /오후 3:00–오후 4:00/ }).waitFor();
    await briefings.filter({ hasText: /오후 3:00–오후 4:00/ }).waitFor();
  });

  it('a recruiter writes the company page with a logo; an organizer confirms the business number; a visitor reaches it from the booth', async () => {
    const rec = await open(360);
    await signIn(rec, booth.recruiter.email);
    await rec.goto(`${t.url}/recruiter`);
    await rec.getByTestId('edit-company-page').click();
    await rec.getByRole('heading', { name: '회사 페이지 편집: 동성로정밀(주)' }).waitFor();
    await rec.getByLabel('회사 소개').fill('1987년부터 변속기 부품을 만들어 온 대구의 강소기업입니다.');
    await rec.getByLabel('복리후생').fill('4대 보험\n통근 버스\n\n기숙사');
    await rec.getByLabel('근무지 위치').fill('대구 달서구 성서공단로 1');
    await rec.getByLabel('사업자등록번호').fill('124-81-00997');
    await rec.getByRole('button', { name: '저장' }).click();
    // a wrong check digit: said beside the field, in Korean
    await rec.locator('#company-err-businessNumber').filter({ hasText: '사업자등록번호 10자리가 올바르지 않습니다' }).waitFor();
    expect(await rec.getByLabel('사업자등록번호').getAttribute('aria-invalid')).toBe('true');
    await rec.getByLabel('사업자등록번호').fill('124-81-00998');
    await rec.getByRole('button', { name: '저장' }).click();
    await rec.getByRole('status').filter({ hasText: '회사 페이지를 저장했습니다.' }).waitFor();
    // a text file named .png is refused by its content; a real PNG becomes the logo
    await rec.getByLabel('로고 올리기').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from('not an image at all') });
    await rec.getByRole('alert').filter({ hasText: 'PNG, JPEG, WebP 이미지만 올릴 수 있습니다' }).waitFor();
    await rec.getByLabel('로고 올리기').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: samplePng() });
    await rec.getByRole('status').filter({ hasText: '이미지를 올렸습니다.' }).waitFor();
    await rec.getByRole('img', { name: '동성로정밀(주) 로고' }).waitFor();
    await axeClean(rec);
    const recDesk = await open(1280);
    await signIn(recDesk, booth.recruiter.email);
    await recDesk.goto(`${t.url}/companies/${booth.companyId}/edit`);
    await recDesk.getByLabel('회사 소개').waitFor();
    await axeClean(recDesk);

    // the organizer confirms the number on the company page
    const org = await open(1280);
    await signIn(org, organizer.email);
    await org.goto(`${t.url}/companies/${booth.companyId}`);
    expect(await org.getByTestId('business-number').textContent()).toContain('124-81-00998 (확인 전)');
    await org.getByRole('button', { name: '사업자등록번호 확인' }).click();
    await org.getByRole('status').filter({ hasText: '사업자등록번호를 확인했습니다.' }).waitFor();
    await org.getByTestId('verified-badge').waitFor();
    expect(await org.getByTestId('business-number').textContent()).toMatch(/124-81-00998 \(\d{4}년 \d{1,2}월 \d{1,2}일 \([월화수목금토일]\) 고용센터 확인\)/);
    await axeClean(org);

    // a visitor on a phone: booth → company page, with the badge, benefits, location and logo
    const page = await open(360);
    await page.goto(`${t.url}/booths/${booth.boothId}`);
    await page.getByTestId('company-link').click();
    await page.getByRole('heading', { name: '동성로정밀(주)', level: 1 }).waitFor();
    expect(await page.getByTestId('verified-badge').textContent()).toContain('확인된 기업');
    expect(await page.getByTestId('company-benefits').getByRole('listitem').allTextContents()).toEqual(['4대 보험', '통근 버스', '기숙사']);
    expect(await page.getByTestId('company-location').textContent()).toBe('대구 달서구 성서공단로 1');
    expect(await page.getByRole('img', { name: '동성로정밀(주) 로고' }).evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(1);
    expect(await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await axeClean(page);
    await saveScreenshot(page, 'company-page-phone');
  });
});
