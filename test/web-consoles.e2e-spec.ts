import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  approveCoach,
  createBooth,
  createFair,
  createOrganizer,
  koreanPage,
  launchBrowser,
  registerUser,
  seriousA11yViolations,
  SignedIn,
  signInThroughForm,
} from '@bisang/testing';
import { TestApp, startTestApp } from './support/test-app';

/**
 * Issue 15 item 4: the recruiter and coach consoles open on the fair where the recruiter has a booth or the coach
 * coaches, live first, and remember the choice; a newly published fair does not take them away.
 */
jest.setTimeout(90_000);

describe('web app: consoles open on the user’s own fair', () => {
  let t: TestApp;
  let browser: Browser;
  let organizer: SignedIn;
  let mine: { id: string };
  let other: { id: string };
  const contexts: BrowserContext[] = [];

  const open = (width = 1280): Promise<Page> => koreanPage(browser, contexts, width);
  const signIn = (page: Page, email: string) => signInThroughForm(page, t.url, email);
  /** The fair the picker shows once it has chosen. */
  const picked = async (page: Page) => {
    const picker = page.locator('#fair-picker');
    await picker.waitFor();
    await page.waitForFunction("document.querySelector('#fair-picker')?.value");
    return picker.inputValue();
  };

  beforeAll(async () => {
    t = await startTestApp({}, { web: true });
    browser = await launchBrowser();
    organizer = await createOrganizer(t.app, t.http);
    const now = Date.now();
    // The fair the recruiter and coach work in, live; another live fair that began earlier (first in the list);
    // and a future fair published last (the newest).
    mine = await createFair(t.http, organizer, { startsAt: new Date(now - 3600_000) });
    other = await createFair(t.http, organizer, { startsAt: new Date(now - 7200_000) });
    await createFair(t.http, organizer, { startsAt: new Date(now + 20 * 86400_000), endsAt: new Date(now + 30 * 86400_000) });
  });
  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('a recruiter’s console opens on the fair with their booth, and then on the fair they chose last', async () => {
    const booth = await createBooth(t.http, mine.id, '수성정밀(주)');
    const page = await open();
    await signIn(page, booth.recruiter.email);
    await page.goto(`${t.url}/recruiter`);
    expect(await picked(page)).toBe(mine.id);
    expect(await page.locator('#fair-picker option:checked').textContent()).toContain('내 부스');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.locator('#fair-picker').selectOption(other.id);
    await page.reload();
    expect(await picked(page)).toBe(other.id);
  });

  it('a coach’s console opens on the fair they coach in, at 360 px too', async () => {
    const coach = await registerUser(t.http, 'coach', { name: '정코치' });
    await approveCoach(mine.id, coach.id);
    const page = await open(360);
    await signIn(page, coach.email);
    await page.goto(`${t.url}/coach`);
    expect(await picked(page)).toBe(mine.id);
    await page.getByText('이 박람회의 코치로 승인되었습니다').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});
