import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Client } from 'pg';
import {
  connectTestDb,
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
 * Issue 15 item 10, the organizer: the live fair before upcoming ones on the home page; approved booths listed
 * and suspended with a reason (`POST /booths/:boothId/suspend`: hidden with its postings, booth.suspended);
 * announcements listed, edited and withdrawn (`GET /fairs/:fairId/announcements`, `PATCH` / `DELETE
 * /announcements/:id`, with announcement.updated / announcement.withdrawn on the feed).
 */
jest.setTimeout(120_000);

const DAY = 86_400_000;

describe('organizer: fair order, booth suspension', () => {
  let t: TestApp;
  let db: Client;
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
  const phoneFits = (page: Page) =>
    page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);

  beforeAll(async () => {
    t = await startTestApp({}, { web: true });
    db = await connectTestDb();
    browser = await launchBrowser();
    organizer = await createOrganizer(t.app, t.http);
  });
  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
  });
  afterAll(async () => {
    await browser?.close();
    await db?.end();
    await t?.close();
  });

  it('the home page lists the live fair before an upcoming one', async () => {
    const live = await createFair(t.http, organizer);
    const upcoming = await createFair(t.http, organizer, { startsAt: new Date(Date.now() + 2 * DAY), endsAt: new Date(Date.now() + 9 * DAY) });
    await t.http.patch(`/fairs/${live.id}`, { title: '지금 열린 박람회' }, organizer.accessToken);
    await t.http.patch(`/fairs/${upcoming.id}`, { title: '곧 열릴 박람회' }, organizer.accessToken);
    const page = await open(360);
    await page.goto(`${t.url}/`);
    await page.getByTestId('fair-card').filter({ hasText: '곧 열릴 박람회' }).first().waitFor();
    const titles = await page.getByTestId('fair-card').evaluateAll((els) => els.map((e) => e.textContent ?? ''));
    const liveAt = titles.findIndex((x) => x.includes('지금 열린 박람회'));
    const upcomingAt = titles.findIndex((x) => x.includes('곧 열릴 박람회'));
    expect(liveAt).toBeGreaterThanOrEqual(0);
    expect(liveAt).toBeLessThan(upcomingAt);
    // no live fair after any upcoming one
    const statuses = await page.getByTestId('fair-card').locator('.status').evaluateAll((els) => els.map((e) => e.className));
    const firstUpcoming = statuses.findIndex((c) => c.includes('status-scheduled'));
    expect(statuses.slice(firstUpcoming).some((c) => c.includes('status-live'))).toBe(false);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('the queue dashboard link opens the dashboard itself, signing in through the cookie; so does opening it directly', async () => {
    const page = await open(1280);
    await signIn(page, organizer.email);
    await page.goto(`${t.url}/organizer`);
    await page.getByRole('link', { name: '작업 큐 대시보드' }).click();
    await page.waitForURL(`${t.url}/admin/queues`);
    // Bull Board's own page (its React root), not a JSON refusal.
    await page.locator('#root *').first().waitFor();
    expect(await page.locator('body').textContent()).not.toContain('UNAUTHORIZED');

    // A bookmark opened without the cookie (or once it expired) goes through the web app and comes back.
    await page.context().clearCookies();
    await page.goto(`${t.url}/admin/queues`);
    await page.waitForURL(`${t.url}/admin/queues`);
    await page.locator('#root *').first().waitFor();
    expect((await page.context().cookies()).map((c) => c.name)).toContain('bisang_queues');
  });

  it('over HTTP: only an approved booth is suspended, by an organizer, with a reason; it and its postings leave the fair', async () => {
    const fair = await createFair(t.http, organizer);
    const booth = await createBooth(t.http, fair.id, '중지대상(주)');
    const postingId = await publishPosting(t.http, booth, '중지될 공고');
    // pending: nothing to suspend
    const early = await t.http.post(`/booths/${booth.boothId}/suspend`, { reason: '확인 필요' }, organizer.accessToken);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('BOOTH_NOT_APPROVED');
    expect((await t.http.post(`/booths/${booth.boothId}/approve`, {}, organizer.accessToken)).status).toBe(200);
    expect((await t.http.get(`/fairs/${fair.id}/postings`)).body.items.map((p: { id: string }) => p.id)).toEqual([postingId]);

    expect((await t.http.post(`/booths/${booth.boothId}/suspend`, { reason: '   ' }, organizer.accessToken)).status).toBe(400);
    expect((await t.http.post(`/booths/${booth.boothId}/suspend`, { reason: 'x', extra: 1 }, organizer.accessToken)).status).toBe(400);
    expect((await t.http.post(`/booths/${booth.boothId}/suspend`, { reason: '남의 부스' }, booth.recruiter.accessToken)).status).toBe(403);

    const suspended = await t.http.post(`/booths/${booth.boothId}/suspend`, { reason: '허위 채용공고 신고가 확인되었습니다' }, organizer.accessToken);
    expect(suspended.status).toBe(200);
    expect(suspended.body).toMatchObject({ status: 'suspended', suspensionReason: '허위 채용공고 신고가 확인되었습니다' });
    expect((await t.http.post(`/booths/${booth.boothId}/suspend`, { reason: '두 번' }, organizer.accessToken)).body.code).toBe('BOOTH_NOT_APPROVED');

    // hidden: the public list, the booth page, its postings, the search, the totals
    expect((await t.http.get(`/fairs/${fair.id}/booths`)).body.items).toEqual([]);
    expect((await t.http.get(`/booths/${booth.boothId}`)).status).toBe(404);
    expect((await t.http.get(`/postings/${postingId}`)).status).toBe(404);
    expect((await t.http.get(`/fairs/${fair.id}/postings`)).body.items).toEqual([]);
    expect((await t.http.get(`/fairs/${fair.id}/summary`)).body).toMatchObject({ postings: 0, booths: 0 });
    // organizers still see it, with the reason
    const listed = await t.http.get(`/fairs/${fair.id}/booths?status=suspended`, organizer.accessToken);
    expect(listed.body.items.map((b: { id: string }) => b.id)).toEqual([booth.boothId]);
    // a seeker cannot apply to its posting
    const seeker = await registerUser(t.http, 'seeker');
    expect((await t.http.post(`/postings/${postingId}/applications`, {}, seeker.accessToken)).status).toBe(404);

    // the domain event and the feed event committed with it
    const domain = await db.query(`SELECT payload FROM domain_events WHERE type = 'booth.suspended' AND payload->>'boothId' = $1`, [booth.boothId]);
    expect(domain.rows).toHaveLength(1);
    expect(domain.rows[0].payload).toMatchObject({ fairId: fair.id, reason: '허위 채용공고 신고가 확인되었습니다', by: organizer.id });
    const feed = await t.http.get(`/fairs/${fair.id}/feed?since=0`);
    expect(feed.body.items.filter((e: { type: string }) => e.type === 'booth.suspended').map((e: { data: unknown }) => e.data)).toEqual([{ boothId: booth.boothId }]);
  });

  it('in the browser: the organizer lists approved booths and suspends one with a reason; the fair home drops its postings live', async () => {
    const fair = await createFair(t.http, organizer);
    const keep = await createBooth(t.http, fair.id, '계속참가(주)');
    const drop = await createBooth(t.http, fair.id, '중지기업(주)');
    await publishPosting(t.http, keep, '남는 공고');
    await publishPosting(t.http, drop, '내려갈 공고');
    for (const b of [keep, drop]) expect((await t.http.post(`/booths/${b.boothId}/approve`, {}, organizer.accessToken)).status).toBe(200);

    const visitor = await open(360);
    await visitor.goto(`${t.url}/fairs/${fair.slug}`);
    await visitor.getByTestId('feed').getByText('내려갈 공고').waitFor();

    const page = await open(360);
    await signIn(page, organizer.email);
    await page.goto(`${t.url}/organizer/fairs/${fair.id}`);
    const card = page.getByTestId('approved-booth').filter({ hasText: '중지기업(주)' });
    await card.waitFor();
    expect(await page.getByTestId('approved-booth').count()).toBe(2);
    await card.getByRole('button', { name: '운영 중지' }).click();
    await card.getByLabel('운영 중지 사유').fill('허위 채용공고 신고 확인');
    page.once('dialog', (d) => void d.accept());
    await card.getByRole('button', { name: '운영 중지하기' }).click();
    await page.getByRole('status').filter({ hasText: '중지기업(주) 부스의 운영을 중지했습니다.' }).waitFor();
    await page.getByTestId('suspended-booth').filter({ hasText: '허위 채용공고 신고 확인' }).waitFor();
    expect(await page.getByTestId('approved-booth').count()).toBe(1);
    expect(await phoneFits(page)).toBeLessThanOrEqual(360);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await saveScreenshot(page, 'organizer-booth-suspended-phone');

    // the visitor's home drops the booth's posting without a reload, and the totals follow
    await visitor.getByTestId('feed').getByText('내려갈 공고').waitFor({ state: 'detached' });
    await visitor.getByTestId('booth-count').filter({ hasText: '1' }).waitFor();
    await visitor.getByTestId('feed').getByText('남는 공고').waitFor();
  });

  it('over HTTP: announcements are listed newest first, edited and withdrawn by organizers, each told on the feed', async () => {
    const fair = await createFair(t.http, organizer);
    const first = await t.http.post(`/fairs/${fair.id}/announcements`, { title: '개막 안내', body: '오전 10시에 엽니다.' }, organizer.accessToken);
    expect(first.status).toBe(201);
    expect(first.body.announcementId).toEqual(expect.any(String));
    const second = await t.http.post(`/fairs/${fair.id}/announcements`, { title: '기업설명회', body: '오후 2시' }, organizer.accessToken);
    const list = await t.http.get(`/fairs/${fair.id}/announcements`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((a: { title: string }) => a.title)).toEqual(['기업설명회', '개막 안내']);
    expect(list.body.items[1]).toMatchObject({ id: first.body.announcementId, fairId: fair.id, feedEventId: first.body.id, body: '오전 10시에 엽니다.' });
    // pages
    const p1 = await t.http.get(`/fairs/${fair.id}/announcements?limit=1`);
    const p2 = await t.http.get(`/fairs/${fair.id}/announcements?limit=1&cursor=${p1.body.nextCursor}`);
    expect(p2.body.items.map((a: { id: string }) => a.id)).toEqual([first.body.announcementId]);

    const id = first.body.announcementId as string;
    const seeker = await registerUser(t.http, 'seeker');
    expect((await t.http.patch(`/announcements/${id}`, { title: '가로채기' }, seeker.accessToken)).status).toBe(403);
    expect((await t.http.patch(`/announcements/${id}`, { title: '' }, organizer.accessToken)).status).toBe(400);
    expect((await t.http.patch(`/announcements/${id}`, { color: 'red' }, organizer.accessToken)).status).toBe(400);
    const edited = await t.http.patch(`/announcements/${id}`, { body: '오전 9시 30분으로 앞당겨 엽니다.' }, organizer.accessToken);
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ id, title: '개막 안내', body: '오전 9시 30분으로 앞당겨 엽니다.' });

    expect((await t.http.delete(`/announcements/${second.body.announcementId}`, seeker.accessToken)).status).toBe(403);
    expect((await t.http.delete(`/announcements/${second.body.announcementId}`, organizer.accessToken)).status).toBe(204);
    expect((await t.http.delete(`/announcements/${second.body.announcementId}`, organizer.accessToken)).status).toBe(404);
    expect((await t.http.patch(`/announcements/${second.body.announcementId}`, { title: '되살리기' }, organizer.accessToken)).status).toBe(404);
    expect((await t.http.get(`/fairs/${fair.id}/announcements`)).body.items.map((a: { id: string; body: string }) => [a.id, a.body])).toEqual([
      [id, '오전 9시 30분으로 앞당겨 엽니다.'],
    ]);

    const feed = (await t.http.get(`/fairs/${fair.id}/feed?since=0`)).body.items as { type: string; data: Record<string, unknown> }[];
    expect(feed.filter((e) => e.type.startsWith('announcement')).map((e) => e.type)).toEqual(['announcement', 'announcement', 'announcement.updated', 'announcement.withdrawn']);
    expect(feed.find((e) => e.type === 'announcement.updated')!.data).toMatchObject({ announcementId: id, body: '오전 9시 30분으로 앞당겨 엽니다.' });
    expect(feed.find((e) => e.type === 'announcement.withdrawn')!.data).toMatchObject({ announcementId: second.body.announcementId });
    const domain = await db.query(`SELECT type FROM domain_events WHERE payload->>'announcementId' = ANY($1) ORDER BY id`, [[id, second.body.announcementId]]);
    expect(domain.rows.map((r) => r.type)).toEqual(['fair.announcement_updated', 'fair.announcement_withdrawn']);
  });

  it('in the browser: the organizer edits and withdraws an announcement; a visitor’s fair home follows live', async () => {
    const fair = await createFair(t.http, organizer);
    await t.http.post(`/fairs/${fair.id}/announcements`, { title: '주차 안내', body: '주차는 2시간 무료입니다.' }, organizer.accessToken);
    await t.http.post(`/fairs/${fair.id}/announcements`, { title: '잘못 올린 공지', body: '무시해 주세요.' }, organizer.accessToken);

    const visitor = await open(360);
    await visitor.goto(`${t.url}/fairs/${fair.slug}`);
    await visitor.getByTestId('announcements').getByText('잘못 올린 공지').waitFor();

    const page = await open(1280);
    await signIn(page, organizer.email);
    await page.goto(`${t.url}/organizer/fairs/${fair.id}`);
    const parking = page.getByTestId('org-announcement').filter({ hasText: '주차 안내' });
    await parking.getByRole('button', { name: '고치기' }).click();
    await page.getByLabel('내용').last().fill('주차는 3시간 무료입니다.');
    await page.getByRole('button', { name: '고친 내용 저장' }).click();
    await page.getByRole('status').filter({ hasText: '공지사항을 고쳤습니다.' }).waitFor();
    await page.getByTestId('org-announcement').filter({ hasText: '주차는 3시간 무료입니다.' }).waitFor();

    page.once('dialog', (d) => void d.accept());
    await page.getByTestId('org-announcement').filter({ hasText: '잘못 올린 공지' }).getByRole('button', { name: '내리기' }).click();
    await page.getByRole('status').filter({ hasText: '공지사항을 내렸습니다.' }).waitFor();
    await page.getByTestId('org-announcement').filter({ hasText: '잘못 올린 공지' }).waitFor({ state: 'detached' });
    expect(await page.getByTestId('org-announcement').count()).toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // the visitor's home: edited text, withdrawn one gone, no reload
    await visitor.getByTestId('announcements').getByText('주차는 3시간 무료입니다.').waitFor();
    await visitor.getByText('잘못 올린 공지').waitFor({ state: 'detached' });
    expect(await phoneFits(visitor)).toBeLessThanOrEqual(360);
    expect(await seriousA11yViolations(visitor)).toEqual([]);
    await saveScreenshot(visitor, 'fair-home-announcement-edited-phone');
  });
});
