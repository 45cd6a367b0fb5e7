import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Client } from 'pg';
import {
  approveCoach,
  connectTestDb,
  createLiveFair,
  eventually,
  hourFromNow,
  koreanPage,
  launchBrowser,
  publishAvailability,
  registerUser,
  samplePdf,
  saveScreenshot,
  seriousA11yViolations,
  signInThroughForm,
} from '@bisang/testing';
import { TestApp, startTestApp } from './support/test-app';

/**
 * Issue 15 items 5 and 6: the coach sees whom they meet, upcoming first and past apart, marks a session only once
 * it started (no-show asks first), with slots collapsed by day; the seeker sees the booking limit before it
 * bites, picks a day, confirms a cancellation, and finds refused attempts folded away.
 */
jest.setTimeout(120_000);

describe('web app: coaching sessions and bookings', () => {
  let t: TestApp;
  let db: Client;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  const open = (width = 1280): Promise<Page> => koreanPage(browser, contexts, width);
  const signIn = (page: Page, email: string) => signInThroughForm(page, t.url, email);
  const book = async (seeker: { accessToken: string }, slotId: string) => {
    const res = await t.http.post('/coaching/bookings', { slotId }, seeker.accessToken, { 'idempotency-key': randomUUID() });
    let booking = res.body as { id: string; status: string };
    await eventually(async () => {
      booking = (await t.http.get(`/coaching/bookings/${booking.id}`, seeker.accessToken)).body;
      return booking.status !== 'pending';
    }, 'booking decided');
    return booking;
  };

  beforeAll(async () => {
    t = await startTestApp({}, { web: true });
    db = await connectTestDb();
    browser = await launchBrowser();
  });
  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
  });
  afterAll(async () => {
    await browser?.close();
    await db?.end();
    await t?.close();
  });

  it('the coach sees who, upcoming first and past apart; complete/no-show only once started; no-show confirms and can be undone', async () => {
    const fairId = await createLiveFair(db);
    const coach = await registerUser(t.http, 'coach', { name: '한코치' });
    await approveCoach(fairId, coach.id);
    const seeker = await registerUser(t.http, 'seeker', { name: '최구직' });
    expect((await t.http.request('PUT', '/me/profile', { body: { desiredJobCategories: ['1', '5'] }, token: seeker.accessToken })).status).toBe(200);
    const later = hourFromNow(48);
    const sooner = hourFromNow(26);
    const laterSlots = await publishAvailability(t.http, { ...coach, role: 'coach' }, fairId, later, new Date(later.getTime() + 1800_000), 30);
    const soonerSlots = await publishAvailability(t.http, { ...coach, role: 'coach' }, fairId, sooner, new Date(sooner.getTime() + 1800_000), 30);
    const second = await book(seeker, laterSlots[0]!.id);
    const first = await book(seeker, soonerSlots[0]!.id);
    expect([first.status, second.status]).toEqual(['confirmed', 'confirmed']);

    const page = await open();
    await signIn(page, coach.email);
    await page.goto(`${t.url}/coach`);
    const upcoming = page.getByTestId('upcoming-sessions').getByTestId('session');
    await upcoming.nth(1).waitFor();
    // in time order, and who: name, age, desired job groups
    await upcoming.nth(0).getByTestId('session-seeker').filter({ hasText: '희망 직무' }).waitFor();
    expect(await upcoming.nth(0).getByTestId('session-seeker').textContent()).toMatch(/최구직 · \d+세 · 희망 직무: /);
    const ids = await page.getByTestId('upcoming-sessions').getByTestId('session').evaluateAll((els) => els.map((e) => e.textContent ?? ''));
    expect(ids).toHaveLength(2);
    // not started: complete and no-show are disabled
    expect(await upcoming.nth(0).getByRole('button', { name: '완료 처리' }).isDisabled()).toBe(true);
    expect(await upcoming.nth(0).getByRole('button', { name: '불참 처리' }).isDisabled()).toBe(true);
    // the slot grid is folded by day (it loads on its own, after the sessions)
    await page.locator('details.coach-day-slots').first().waitFor({ state: 'attached' });
    expect(await page.locator('details.coach-day-slots[open]').count()).toBe(0);
    expect(await page.locator('details.coach-day-slots').count()).toBeGreaterThan(0);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // the resume only once the seeker shares it on that booking
    await upcoming.nth(0).getByTestId('session-no-resume').waitFor();
    expect(await page.getByTestId('session-resume').count()).toBe(0);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(samplePdf('ux'))], { type: 'application/pdf' }), '이력서.pdf');
    expect((await t.http.form('PUT', '/me/resume', form, seeker.accessToken)).status).toBe(200);
    expect((await t.http.request('PUT', `/coaching/bookings/${first.id}/resume-sharing`, { body: { shared: true }, token: seeker.accessToken })).status).toBe(200);
    await page.reload();
    await page.getByTestId('upcoming-sessions').getByTestId('session').nth(0).getByRole('button', { name: '최구직 님 이력서 (PDF)' }).waitFor();
    expect(await page.getByTestId('upcoming-sessions').getByTestId('session').nth(1).getByTestId('session-no-resume').count()).toBe(1);

    // the sooner session started 15 minutes ago and the seeker is not there: no-show asks first (dismissed: nothing),
    // then recorded; it moves to the past
    await db.query(`UPDATE coaching_bookings SET starts_at = now() - interval '15 minutes', ends_at = now() + interval '15 minutes' WHERE id = $1`, [first.id]);
    await page.reload();
    const started = page.getByTestId('upcoming-sessions').getByTestId('session').first();
    await started.getByRole('button', { name: '불참 처리' }).waitFor();
    expect(await started.getByRole('button', { name: '불참 처리' }).isEnabled()).toBe(true);
    page.once('dialog', (d) => void d.dismiss());
    await started.getByRole('button', { name: '불참 처리' }).click();
    expect((await t.http.get(`/coaching/bookings/${first.id}`, coach.accessToken)).body.status).toBe('confirmed');
    // Confirmed, it waits a few seconds before it is sent: undone meanwhile, nothing reaches the server.
    const noShowRequests: string[] = [];
    page.on('request', (r) => r.url().endsWith(`/coaching/bookings/${first.id}/no-show`) && noShowRequests.push(r.method()));
    page.once('dialog', (d) => void d.accept());
    await started.getByRole('button', { name: '불참 처리' }).click();
    await started.getByRole('status').filter({ hasText: '되돌릴 수 있습니다' }).waitFor();
    expect(await started.getByRole('button', { name: '완료' }).isDisabled()).toBe(true);
    await started.getByRole('button', { name: '노쇼 기록 되돌리기' }).click();
    await started.getByRole('status').filter({ hasText: '노쇼 기록을 취소했습니다' }).waitFor();
    expect((await t.http.get(`/coaching/bookings/${first.id}`, coach.accessToken)).body.status).toBe('confirmed');
    page.once('dialog', (d) => {
      expect(d.message()).toContain('최구직');
      void d.accept();
    });
    await started.getByRole('button', { name: '불참 처리' }).click();
    await page.getByTestId('past-sessions').waitFor({ timeout: 30_000 });
    expect(noShowRequests).toEqual(['POST']);
    await eventually(async () => (await t.http.get(`/coaching/bookings/${first.id}`, coach.accessToken)).body.status === 'no_show', 'no-show recorded');
    expect(await page.getByTestId('upcoming-sessions').getByTestId('session').count()).toBe(1);
  });

  it('the seeker sees the limit, picks a day on a phone, confirms a cancel; refused attempts are folded away', async () => {
    const fairId = await createLiveFair(db, { maxUpcomingCoachingPerSeeker: 2 });
    const coach = await registerUser(t.http, 'coach', { name: '윤코치' });
    await approveCoach(fairId, coach.id);
    const day1 = hourFromNow(26);
    const day2 = new Date(day1.getTime() + 86_400_000);
    const slots1 = await publishAvailability(t.http, { ...coach, role: 'coach' }, fairId, day1, new Date(day1.getTime() + 3600_000), 30);
    const slots2 = await publishAvailability(t.http, { ...coach, role: 'coach' }, fairId, day2, new Date(day2.getTime() + 3600_000), 30);
    const seeker = await registerUser(t.http, 'seeker');
    expect((await book(seeker, slots1[0]!.id)).status).toBe('confirmed');
    expect((await book(seeker, slots1[1]!.id)).status).toBe('confirmed');
    // a third attempt is refused (the limit): it must not pile up among the bookings
    expect((await book(seeker, slots2[0]!.id)).status).toBe('rejected');

    const page = await open(360);
    await signIn(page, seeker.email);
    await page.goto(`${t.url}/fairs/${fairId}/coaching`);
    await page.getByTestId('booking-limit').filter({ hasText: '예약 가능 2건 중 2건 사용' }).waitFor();
    const picker = page.getByTestId('day-picker');
    await picker.getByRole('button').nth(1).waitFor();
    // the first day with a free slot is shown first: the first day's two slots are both taken (by this seeker)
    expect(await picker.getByRole('button').nth(1).getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('li.day').count()).toBe(1);
    expect(await page.locator('li.day [data-testid=slot]:not(.slot-taken)').count()).toBeGreaterThan(0);
    await picker.getByRole('button').nth(0).click();
    expect(await picker.getByRole('button').nth(0).getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('li.day').count()).toBe(1);
    expect(await page.locator('li.day [data-testid=slot]:not(.slot-taken)').count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBe(0);
    await saveScreenshot(page, 'coaching-day-picker-phone');

    await page.goto(`${t.url}/me/bookings`);
    await page.getByRole('heading', { name: '1:1 면접 코칭' }).waitFor();
    expect(await page.locator('[data-testid=booking][data-status=confirmed]').count()).toBe(2);
    // the refused attempt is folded away, not among the bookings
    expect(await page.getByTestId('refused-bookings').locator('summary').textContent()).toContain('1건');
    expect(await page.getByTestId('refused-bookings').getAttribute('open')).toBeNull();
    expect(await page.getByText('코치: 윤코치').first().isVisible()).toBe(true);
    // the seeker shows their resume to the coach of one booking, with one tick
    const shareBox = page.locator('[data-testid=booking][data-status=confirmed]').first().getByRole('checkbox', { name: '코치에게 내 이력서 보여주기' });
    expect(await shareBox.isChecked()).toBe(false);
    await shareBox.check();
    await eventually(async () => ((await t.http.get('/me/coaching/bookings', seeker.accessToken)).body.items as { resumeShared: boolean }[]).some((b) => b.resumeShared), 'shared');
    expect(await shareBox.isChecked()).toBe(true);
    // cancel asks first
    const booking = page.locator('[data-testid=booking][data-status=confirmed]').first();
    page.once('dialog', (d) => void d.dismiss());
    await booking.getByRole('button', { name: '예약 취소' }).click();
    expect(await page.locator('[data-testid=booking][data-status=confirmed]').count()).toBe(2);
    page.once('dialog', (d) => void d.accept());
    await booking.getByRole('button', { name: '예약 취소' }).click();
    await page.locator('[data-testid=booking][data-status=cancelled]').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await saveScreenshot(page, 'my-bookings-phone');
  });
});
