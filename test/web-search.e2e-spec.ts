import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Posting } from '@bisang/contracts';
import { SignedIn, createBooth, createFair, createOrganizer, launchBrowser, publishPosting, saveScreenshot, seriousA11yViolations } from '@bisang/testing';
import { TestApp, startTestApp } from './support/test-app';

/**
 * Issue 15 item 9: region is a filter and region words match ("수성구" finds postings located there); sort by
 * newest or by deadline; cards show the deadline (D-day) and salary; results show a loading state; on a phone
 * the filters fold away.
 */
jest.setTimeout(120_000);

const DAY = 86_400_000;

describe('posting search: region, sort, deadlines', () => {
  let t: TestApp;
  let browser: Browser;
  let organizer: SignedIn;
  let fair: { id: string; slug: string };
  const ids: Record<'suseong' | 'gyeongsan' | 'open' | 'dalseo', string> = { suseong: '', gyeongsan: '', open: '', dalseo: '' };
  const contexts: BrowserContext[] = [];

  const open = async (width: number): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width, height: 800 }, locale: 'ko-KR', timezoneId: 'Asia/Seoul' });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    return page;
  };
  const search = async (query: string) => t.http.get(`/fairs/${fair.id}/postings?${query}`);
  const titles = (items: Posting[]) => items.map((p) => p.id);

  beforeAll(async () => {
    t = await startTestApp({}, { web: true });
    browser = await launchBrowser();
    organizer = await createOrganizer(t.app, t.http);
    fair = await createFair(t.http, organizer);
    const booth = await createBooth(t.http, fair.id, '수성정밀(주)');
    const plain = { description: '생산 설비 운영과 품질 관리를 맡습니다.' };
    const closes = (days: number) => new Date(Date.now() + days * DAY).toISOString();
    // published in this order: newest first is dalseo, open, gyeongsan, suseong
    ids.suseong = await publishPosting(t.http, booth, '품질관리 담당', { ...plain, location: '대구광역시 수성구 동대구로 100', closesAt: closes(10), salaryMin: 32_000_000, salaryMax: 38_000_000 });
    ids.gyeongsan = await publishPosting(t.http, booth, '설비 보전 기사', { ...plain, location: '경북 경산시 하양읍', closesAt: closes(3) });
    ids.open = await publishPosting(t.http, booth, '사무 보조', { ...plain });
    ids.dalseo = await publishPosting(t.http, booth, '물류 관리', { ...plain, location: '대구 달서구 성서공단로', closesAt: closes(20) });
    const approved = await t.http.post(`/booths/${booth.boothId}/approve`, {}, organizer.accessToken);
    expect(approved.status).toBe(200);
  });
  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('over HTTP: q matches the location, region filters by its words, sort=deadline pages soonest first, bad values are 400', async () => {
    // "수성구" is only in one posting's location, never in a title or description
    expect(titles((await search(`q=${encodeURIComponent('수성구')}`)).body.items)).toEqual([ids.suseong]);
    expect(titles((await search(`region=${encodeURIComponent('수성구')}`)).body.items)).toEqual([ids.suseong]);
    expect(titles((await search(`region=${encodeURIComponent('대구 수성구')}`)).body.items)).toEqual([ids.suseong]);
    // "대구광역시" and "대구" are one city
    expect(titles((await search(`region=${encodeURIComponent('대구광역시')}`)).body.items)).toEqual([ids.dalseo, ids.suseong]);
    expect(titles((await search(`region=${encodeURIComponent('경산')}&q=${encodeURIComponent('설비')}`)).body.items)).toEqual([ids.gyeongsan]);

    // newest first stays the default, and the explicit newest is the same
    const newest = [ids.dalseo, ids.open, ids.gyeongsan, ids.suseong];
    expect(titles((await search('')).body.items)).toEqual(newest);
    expect(titles((await search('sort=newest')).body.items)).toEqual(newest);

    // by deadline, soonest first, open-ended last, across pages
    const first = await search('sort=deadline&limit=2');
    expect(titles(first.body.items)).toEqual([ids.gyeongsan, ids.suseong]);
    const second = await search(`sort=deadline&limit=2&cursor=${first.body.nextCursor}`);
    expect(titles(second.body.items)).toEqual([ids.dalseo, ids.open]);
    expect(second.body.nextCursor).toBeNull();

    const badSort = await search('sort=salary');
    expect(badSort.status).toBe(400);
    expect(JSON.stringify(badSort.body.message)).toContain('sort must be one of newest, deadline');
    expect((await search('region=')).status).toBe(400);
    // a cursor of the other order is refused, not misread
    const newestPage = await search('limit=1');
    expect((await search(`sort=deadline&cursor=${newestPage.body.nextCursor}`)).body.code).toBe('INVALID_CURSOR');
  });

  it('on a phone: the filters fold away; region and sort apply; cards show D-day and salary; a loading state shows', async () => {
    const page = await open(360);
    await page.goto(`${t.url}/fairs/${fair.slug}/postings`);
    await page.getByTestId('posting-card').first().waitFor();
    // folded: the search box is there, the region filter is not shown until asked for
    await page.getByLabel('검색어').waitFor();
    expect(await page.getByLabel('지역').isVisible()).toBe(false);
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByText('검색 조건').click();
    await page.getByLabel('지역').selectOption('대구 수성구');
    // hold the answer, to see the loading state, then let it through
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/fairs/*/postings?*', async (route) => {
      await held;
      await route.continue();
    });
    await page.getByRole('button', { name: '검색', exact: true }).click();
    await page.getByTestId('search-loading').filter({ hasText: '검색 중' }).waitFor();
    release();
    await page.getByTestId('search-loading').waitFor({ state: 'detached' });
    const cards = page.getByTestId('posting-card');
    expect(await cards.count()).toBe(1);
    const card = cards.first();
    expect(await card.getAttribute('data-posting-id')).toBe(ids.suseong);
    expect(await card.textContent()).toContain('3,200만원 – 3,800만원');
    expect(await card.getByTestId('posting-deadline').textContent()).toMatch(/^D-10 2026년 \d{1,2}월 \d{1,2}일 \([월화수목금토일]\) 마감$|^D-10 \d{4}년 \d{1,2}월 \d{1,2}일 \([월화수목금토일]\) 마감$/);
    expect(page.url()).toContain('region=');
    // nothing wider than the phone
    expect(await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await saveScreenshot(page, 'search-region-phone');
  });

  it('on a desktop: the filters are open; sorting by deadline puts the soonest first', async () => {
    const page = await open(1280);
    await page.goto(`${t.url}/fairs/${fair.slug}/postings`);
    await page.getByTestId('posting-card').first().waitFor();
    expect(await page.getByLabel('지역').isVisible()).toBe(true);
    await page.getByLabel('정렬').selectOption('deadline');
    await page.getByRole('button', { name: '검색', exact: true }).click();
    await page.waitForURL(/sort=deadline/);
    await page.locator(`[data-testid="posting-card"]:first-child[data-posting-id="${ids.gyeongsan}"]`).waitFor();
    const order = await page.getByTestId('posting-card').evaluateAll((els) => els.map((e) => e.getAttribute('data-posting-id')));
    expect(order).toEqual([ids.gyeongsan, ids.suseong, ids.dalseo, ids.open]);
    expect(await page.getByTestId('posting-card').first().textContent()).toContain('D-3');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await saveScreenshot(page, 'search-deadline-desktop');
  });
});
