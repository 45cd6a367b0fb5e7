import type { Browser, BrowserContext, Page } from 'playwright-core';
import { EVENT_WAIT_MS, launchBrowser, saveScreenshot, seriousA11yViolations } from '@bisang/testing';
import { TestApp, startTestApp } from './support/test-app';
import { DEMO_PASSWORD, seedDemo } from '../apps/bisang/src/demo/demo-seed';
import { DEMO_FAIR_SLUG } from '../apps/bisang/src/demo/fair-demo';

/**
 * The demo fair (`npm run start:demo`'s data: ten SMEs, 30 applications, 14 hires) in a real browser, as each
 * role sees it, at 1280 and 360 px: real numbers on the pages, no serious accessibility violation, nothing
 * wider than a phone. With SCREENSHOTS=1 (`npm run screenshots`) it saves the README's screenshots.
 */
// Waits are on the pages' own conditions; budgets only end a test that is stuck (see test/web.e2e-spec.ts).
jest.setTimeout(600_000);

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 360, height: 780 };
type Role = 'visitor' | 'seeker' | 'recruiter' | 'organizer' | 'coach';

describe('the demo fair in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let fairId: string;
  let found: Record<string, string[]>;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    t = await startTestApp({}, { web: true });
    ({ fairId } = await seedDemo(t.app, { trickle: false }));
    browser = await launchBrowser();
  });

  beforeEach(() => {
    found = {};
  });
  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** A page signed in as the demo account of `role` (through its refresh token, as a returning visitor). */
  const open = async (role: Role, viewport: typeof DESKTOP): Promise<Page> => {
    const context = await browser.newContext({ viewport, locale: 'ko-KR', timezoneId: 'Asia/Seoul' });
    contexts.push(context);
    if (role !== 'visitor') {
      const login = await t.http.post('/auth/login', { email: `${role}@demo.bisang.kr`, password: DEMO_PASSWORD });
      expect(login.status).toBe(200);
      // Only on the first page: after that the app keeps its own rotated token (each one works once).
      const token = JSON.stringify(login.body.refreshToken);
      await context.addInitScript({ content: `localStorage.getItem('bisang.refreshToken') || localStorage.setItem('bisang.refreshToken', ${token})` });
    }
    const page = await context.newPage();
    page.setDefaultTimeout(EVENT_WAIT_MS * 2);
    return page;
  };

  /** Checks the page as it stands (accessibility, width) and saves its screenshot under `name-<width>`. */
  const check = async (page: Page, name: string) => {
    await page.locator('[role=status]', { hasText: '불러오는 중' }).first().waitFor({ state: 'detached' });
    const width = page.viewportSize()!.width;
    const violations = await seriousA11yViolations(page);
    if (violations.length) found[`${name}@${width}`] = violations;
    if (width === PHONE.width) {
      const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
      if (overflow > 0) found[`${name}@360 overflow`] = [`${overflow}px wider than the screen`];
    }
    await saveScreenshot(page, `${name}-${width}`);
  };

  it.each([DESKTOP, PHONE])('public pages at %j', async (viewport) => {
    const page = await open('visitor', viewport);
    const posting = (await t.http.get(`/fairs/${fairId}/postings?q=${encodeURIComponent('백엔드')}`)).body.items[0];
    await page.goto(`${t.url}/`);
    // The test database holds every suite's fairs (over a hundred live ones by now): the demo fair is on the home
    // page only when this spec runs alone (as `npm run screenshots` does), so any fair card will do here.
    await page.locator('[data-testid=fair-card]').first().waitFor();
    await check(page, 'fairs');
    await page.goto(`${t.url}/fairs/${DEMO_FAIR_SLUG}`);
    await page.locator('[data-testid=posting-card]').first().waitFor();
    await check(page, 'fair-home');
    await page.goto(`${t.url}/fairs/${DEMO_FAIR_SLUG}/postings?q=${encodeURIComponent('개발')}`);
    await page.locator('[data-testid=posting-card]').first().waitFor();
    await check(page, 'search');
    await page.goto(`${t.url}/fairs/${DEMO_FAIR_SLUG}/booths`);
    await page.getByText('달구벌소프트').first().waitFor();
    await check(page, 'booths');
    await page.goto(`${t.url}/booths/${posting.boothId}`);
    await page.getByRole('heading', { name: '달구벌소프트' }).first().waitFor();
    await check(page, 'booth');
    await page.goto(`${t.url}/postings/${posting.id}`);
    await page.getByRole('heading', { name: posting.title }).waitFor();
    await check(page, 'posting');
    await page.goto(`${t.url}/fairs/${DEMO_FAIR_SLUG}/coaching`);
    await page.getByRole('heading', { name: '코치: 박코치' }).first().waitFor();
    await check(page, 'coaching');
    await page.goto(`${t.url}/signin`);
    await check(page, 'sign-in');
    await page.goto(`${t.url}/signup`);
    await check(page, 'sign-up');
    expect(found).toEqual({});
  });

  it.each([DESKTOP, PHONE])('the organizer’s KPI dashboard shows the demo’s hires against the target, at %j', async (viewport) => {
    const page = await open('organizer', viewport);
    await page.goto(`${t.url}/organizer/fairs/${fairId}`);
    await page.getByTestId('kpis').waitFor();
    // README, "Applications and hires": the demo has 30 applications and 14 hires, against a target of 150.
    expect(await page.getByTestId('kpi-hires').textContent()).toBe('14 / 150');
    expect(await page.getByTestId('kpi-applications').textContent()).toBe('30');
    expect(await page.locator('[data-testid=kpi-company]').count()).toBe(10);
    await check(page, 'organizer-fair');
    expect(found).toEqual({});
  });

  it.each([DESKTOP, PHONE])('the seeker’s applications, bookings, notifications and profile, at %j', async (viewport) => {
    const page = await open('seeker', viewport);
    await page.goto(`${t.url}/me/applications`);
    await page.locator('[data-testid=application][data-status=interview]', { hasText: '백엔드 개발자' }).waitFor();
    expect(await page.locator('[data-testid=application]').count()).toBe(3);
    await check(page, 'my-applications');
    if (viewport === DESKTOP) {
      // A coaching session booked through the page, so "my bookings" has one (kept for the phone's turn).
      await page.goto(`${t.url}/fairs/${DEMO_FAIR_SLUG}/coaching`);
      await page.locator('[data-testid=slot]:not([disabled])').first().click();
      await page.locator('[data-testid=booking-outcome][data-status=confirmed]').waitFor();
    }
    await page.goto(`${t.url}/me/bookings`);
    await page.locator('[data-testid=booking][data-status=confirmed]').first().waitFor();
    await check(page, 'my-bookings');
    await page.goto(`${t.url}/me/notifications`);
    await page.locator('[data-testid=notification]').first().waitFor();
    await check(page, 'notifications');
    await page.goto(`${t.url}/me/profile`);
    await page.getByLabel('최종 학력').waitFor();
    await check(page, 'profile');
    expect(found).toEqual({});
  });

  it.each([DESKTOP, PHONE])('the recruiter’s pipeline and the coach’s schedule, at %j', async (viewport) => {
    const page = await open('recruiter', viewport);
    await page.goto(`${t.url}/recruiter`);
    await page.locator('#company-picker').selectOption({ label: '달구벌소프트' });
    await page.locator('#fair-picker').selectOption(fairId);
    await page.locator('[data-testid=applicant]', { hasText: '김청년' }).waitFor();
    expect(await page.getByTestId('column-hired').locator('[data-testid=applicant]').count()).toBeGreaterThan(0);
    await check(page, 'recruiter');

    const coach = await open('coach', viewport);
    await coach.goto(`${t.url}/coach`);
    await coach.locator('#fair-picker').selectOption(fairId);
    await coach.locator('main h2').first().waitFor();
    await check(coach, 'coach');
    expect(found).toEqual({});
  });
});
