import type { Browser } from 'playwright-core';
import { PASSWORD, eventually, launchBrowser, notify, registerUser, seriousA11yViolations } from '@bisang/testing';
import { TestApp, startTestApp } from './support/test-app';

/** Issue 15 item 8: every notification links to a page its reader may open, and opening one marks it read. */
jest.setTimeout(90_000);

describe('web app: notification links', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestApp({}, { web: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it.each([
    ['recruiter', '/recruiter', '기업 부스 관리'],
    ['coach', '/coach', '코치 일정'],
    ['seeker', '/me/bookings', '내 코칭 예약'],
  ] as const)('a %s’s booking notification opens %s (not a forbidden page) and is read once opened', async (role, path, heading) => {
    const user = await registerUser(t.http, role);
    const startsAt = new Date(Date.now() + 86_400_000).toISOString();
    const { id } = await notify(t.app, user.id, 'booking.confirmed', {
      bookingId: '00000000-0000-4000-8000-000000000001',
      slotId: '00000000-0000-4000-8000-000000000002',
      kind: role === 'recruiter' ? 'interview' : 'coaching',
      status: 'confirmed',
      startsAt,
      endsAt: startsAt,
    });
    const context = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: 'ko-KR', timezoneId: 'Asia/Seoul' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${t.url}/signin`);
    await page.getByLabel('이메일').fill(user.email);
    await page.getByLabel('비밀번호').fill(PASSWORD);
    await page.getByRole('button', { name: '로그인' }).click();
    await page.getByRole('button', { name: '로그아웃', exact: true }).waitFor();
    await page.goto(`${t.url}/me/notifications`);
    const link = page.getByTestId('notification').getByRole('link');
    // it says what and when
    await link.filter({ hasText: role === 'recruiter' ? '기업 면접 예약이 확정되었습니다' : '1:1 면접 코칭 예약이 확정되었습니다' }).waitFor();
    expect(await link.getAttribute('href')).toBe(path);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await link.click();
    await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
    expect(await page.getByText('접근 권한이 없습니다').count()).toBe(0);
    await eventually(
      async () => ((await t.http.get('/me/notifications', user.accessToken)).body.items as { id: number; readAt: string | null }[]).find((n) => n.id === id)?.readAt != null,
      'read once opened',
    );
    await context.close();
  });
});
