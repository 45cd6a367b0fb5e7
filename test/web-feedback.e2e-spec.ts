import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  createOrganizer,
  launchBrowser,
  registerUser,
  saveScreenshot,
  seriousA11yViolations,
  SignedIn,
  signInThroughForm,
} from '@bisang/testing';
import { TestApp, startTestApp } from './support/test-app';

/**
 * Issue 15 items 2 and 3: errors say what the server said, in the reader's language and beside the field they
 * are about; feedback appears where the user is looking on a 360 px phone and is announced.
 */
jest.setTimeout(90_000);

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 360, height: 780 };

describe('web app: errors and feedback', () => {
  let t: TestApp;
  let browser: Browser;
  let organizer: SignedIn;
  const contexts: BrowserContext[] = [];

  const open = async (viewport = DESKTOP): Promise<Page> => {
    const context = await browser.newContext({ viewport, locale: 'ko-KR', timezoneId: 'Asia/Seoul' });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    return page;
  };
  const signIn = (page: Page, email: string) => signInThroughForm(page, t.url, email);
  /** True when the element's box lies within the visible viewport. */
  const inViewport = (page: Page, selector: string) =>
    page.locator(selector).first().evaluate((el) => {
      const r = (el as unknown as { getBoundingClientRect(): { top: number; bottom: number; height: number } }).getBoundingClientRect();
      return r.top >= 0 && r.bottom <= (globalThis as unknown as { innerHeight: number }).innerHeight && r.height > 0;
    });

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

  it('a wrong password shows the server’s message, not “로그인이 필요합니다”, in the chosen language', async () => {
    const seeker = await registerUser(t.http, 'seeker');
    const page = await open();
    await page.goto(`${t.url}/signin`);
    await page.getByLabel('이메일').fill(seeker.email);
    await page.getByLabel('비밀번호').fill('not-the-password-9');
    await page.getByRole('button', { name: '로그인' }).click();
    const alert = page.getByRole('alert');
    await alert.filter({ hasText: '이메일 또는 비밀번호가 올바르지 않습니다' }).waitFor();
    expect(await alert.textContent()).not.toContain('로그인이 필요합니다');
    expect(await alert.textContent()).not.toContain(' / ');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Email or password is incorrect' }).waitFor();
  });

  it('sign-up problems appear in Korean beside the field they are about', async () => {
    const taken = await registerUser(t.http, 'seeker');
    const page = await open(PHONE);
    await page.goto(`${t.url}/signup`);
    await page.getByLabel('이름').fill('김민지');
    await page.getByLabel('이메일').fill('minji@localhost'); // the browser lets it through; the server does not
    await page.getByLabel('비밀번호').fill('short1');
    await page.getByLabel('개인정보 수집·이용에 동의합니다').check();
    await page.getByLabel('생년월일').fill('1999-03-15');
    await page.getByRole('button', { name: '가입하기' }).click();

    const password = page.getByLabel('비밀번호');
    await page.locator('#signup-err-password').filter({ hasText: '비밀번호는 10자 이상이어야 합니다' }).waitFor();
    expect(await password.getAttribute('aria-invalid')).toBe('true');
    expect(await password.getAttribute('aria-describedby')).toContain('signup-err-password');
    await page.locator('#signup-err-email').filter({ hasText: '올바른 이메일 주소를 입력해 주세요' }).waitFor();
    expect(await page.locator('#signup-err-email').textContent()).not.toMatch(/must|email must/);
    expect(await page.getByLabel('이름').getAttribute('aria-invalid')).toBeNull();
    // the message beside the field is where the eye is, on the phone
    expect(await inViewport(page, '#signup-err-password')).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await saveScreenshot(page, 'sign-up-field-errors-phone');

    // fixed: the field errors go, and a conflict (not a field problem) shows in the form's note
    await page.getByLabel('이메일').fill(taken.email);
    await page.getByLabel('비밀번호').fill('a-long-enough-passphrase-7');
    await page.getByRole('button', { name: '가입하기' }).click();
    await page.getByRole('alert').filter({ hasText: '이미' }).waitFor();
    expect(await page.locator('#signup-err-password').count()).toBe(0);
    expect(await page.getByRole('alert').textContent()).not.toContain(' / ');
  });

  it('the organizer’s fair form says “종료 일시: 시작 일시보다 뒤여야 합니다” beside the end date; publishing asks first', async () => {
    const page = await open();
    await signIn(page, organizer.email);
    await page.goto(`${t.url}/organizer`);
    await page.getByLabel('박람회 이름').fill('거꾸로 박람회');
    await page.getByLabel('주소용 이름 (slug)').fill(`backwards-${Date.now().toString(36)}`);
    await page.getByLabel('시작일').fill('2026-12-20');
    await page.getByLabel('종료일').fill('2026-12-10');
    await page.getByRole('button', { name: '만들기' }).click();
    await page.locator('#fair-err-endsAt').filter({ hasText: '시작 일시보다 뒤여야 합니다' }).waitFor();
    expect(await page.getByLabel('종료일').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('종료일').fill('2026-12-22');
    await page.getByRole('button', { name: '만들기' }).click();
    const row = page.getByTestId('org-fair').filter({ hasText: '거꾸로 박람회' });
    await row.waitFor();
    expect(await page.locator('#fair-err-endsAt').count()).toBe(0);
    // Publishing asks for confirmation: dismissing it publishes nothing.
    page.once('dialog', (d) => void d.dismiss());
    await row.getByRole('button', { name: '공개하기' }).click();
    await row.getByText('준비 중(비공개)').waitFor();
    page.once('dialog', (d) => {
      expect(d.message()).toContain('거꾸로 박람회');
      void d.accept();
    });
    await row.getByRole('button', { name: '공개하기' }).click();
    await row.getByText('준비 중(비공개)').waitFor({ state: 'detached' });
  });

  it('on a 360 px phone, saving the profile and a refused resume show their message on screen, announced', async () => {
    const seeker = await registerUser(t.http, 'seeker');
    const page = await open(PHONE);
    await signIn(page, seeker.email);
    await page.goto(`${t.url}/me/profile`);
    await page.getByLabel('경력 요약').fill('CATIA 설계 3년');
    await page.getByRole('button', { name: '프로필 저장' }).click();
    const saved = page.getByRole('status').filter({ hasText: '저장했습니다' });
    await saved.waitFor();
    expect(await inViewport(page, '.note-ok')).toBe(true);

    // a file that is not a PDF: the server refuses it by its content, and says so next to the upload button
    await page.getByLabel('이력서 파일').setInputFiles({ name: 'resume.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not a pdf at all') });
    await page.getByRole('button', { name: '이력서 올리기' }).click();
    await page.getByRole('alert').first().waitFor();
    expect(await inViewport(page, '[role=alert]')).toBe(true);
    expect(await page.getByRole('status').filter({ hasText: '저장했습니다' }).count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await saveScreenshot(page, 'profile-feedback-phone');
  });
});
