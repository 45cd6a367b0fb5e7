import type { Browser, BrowserContext, Page } from 'playwright-core';
import { EVENT_WAIT_MS, PASSWORD, SignedIn, createBooth, createFair, createOrganizer, launchBrowser, publishPosting, registerUser, seriousA11yViolations } from '@bisang/testing';
import { TestApp, startTestApp } from './support/test-app';

/**
 * Matching in a real browser: the seeker's recommendations on the fair home, opening their profile to the talent
 * pool with the name hidden, the recruiter's pool search and invitation, and the seeker accepting it — at a
 * 360 px phone width, without serious accessibility violations.
 */
jest.setTimeout(600_000);

const PHONE = { width: 360, height: 780 };

describe('matching in the web app', () => {
  let t: TestApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let fair: { id: string; slug: string };
  let booth: Awaited<ReturnType<typeof createBooth>>;
  let seeker: SignedIn;
  let organizer: SignedIn;

  beforeAll(async () => {
    t = await startTestApp({}, { web: true });
    browser = await launchBrowser();
    organizer = await createOrganizer(t.app, t.http);
    fair = await createFair(t.http, organizer);
    booth = await createBooth(t.http, fair.id, '초대하는정밀(주)');
    await publishPosting(t.http, booth, '백엔드 개발자 (수성구)', { jobCategory: '1', location: '대구 수성구' });
    expect((await t.http.post(`/booths/${booth.boothId}/approve`, {}, organizer.accessToken)).status).toBe(200);
    seeker = await registerUser(t.http, 'seeker', { name: '웹매칭 구직자' });
    const profile = await t.http.request('PUT', '/me/profile', {
      body: { desiredJobCategories: ['1'], region: '대구 수성구', careerYears: 2, desiredEmploymentTypes: ['regular'] },
      token: seeker.accessToken,
    });
    expect(profile.status).toBe(200);
  });
  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** A phone-sized page signed in as `who` (by its email and the test password), working on our fair. */
  const signedIn = async (who: SignedIn): Promise<Page> => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'ko-KR', timezoneId: 'Asia/Seoul' });
    contexts.push(context);
    await context.addInitScript({ content: `localStorage.setItem('bisang.consoleFair', ${JSON.stringify(fair.id)})` });
    const page = await context.newPage();
    page.setDefaultTimeout(EVENT_WAIT_MS * 2);
    await page.goto(`${t.url}/signin`);
    await page.getByLabel('이메일').fill(who.email);
    await page.getByLabel('비밀번호').fill(PASSWORD);
    await page.getByRole('button', { name: '로그인' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
    return page;
  };
  const fits = async (page: Page) => {
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth')).toBeLessThanOrEqual(0);
  };

  it('recommends, pools, invites and accepts, on a phone', async () => {
    // The seeker sees recommendations with their reasons, and opens their profile to the pool, name hidden.
    const page = await signedIn(seeker);
    await page.goto(`${t.url}/fairs/${fair.slug}`);
    const recommendation = page.getByTestId('recommendation').first();
    await recommendation.waitFor();
    expect(await recommendation.textContent()).toContain('희망 직무 일치 · 수성구');
    await fits(page);

    await page.goto(`${t.url}/me/profile`);
    await page.getByTestId('pool-visible').check();
    await page.getByText('인재풀에 공개했습니다.').waitFor();
    expect(await page.getByTestId('pool-show-name').isChecked()).toBe(false);
    await fits(page);

    // The recruiter finds them (name hidden) and invites them to the posting.
    const recruiter = await signedIn(booth.recruiter);
    await recruiter.goto(`${t.url}/recruiter`);
    const card = recruiter.getByTestId('pool-seeker').filter({ hasText: '비공개' }).first();
    await card.waitFor();
    expect(await recruiter.getByTestId('pool-search').textContent()).not.toContain('웹매칭 구직자');
    await card.getByLabel('메시지 (선택)').fill('함께 일해요');
    await card.getByRole('button', { name: '지원 제안 보내기' }).click();
    await recruiter.getByText('제안을 보냈습니다.', { exact: false }).waitFor();
    await fits(recruiter);

    // The seeker accepts: an application is made.
    await page.reload();
    const offer = page.getByTestId('offer').first();
    await offer.waitFor();
    expect(await offer.textContent()).toContain('초대하는정밀(주)');
    await offer.getByRole('button', { name: '수락하고 지원' }).click();
    await page.getByText('수락했습니다.', { exact: false }).waitFor();
    const mine = await t.http.get('/me/applications', seeker.accessToken);
    expect(mine.body.items.map((a: { postingTitle: string }) => a.postingTitle)).toEqual(['백엔드 개발자 (수성구)']);
  });

  it("invites to chat and opens the chat at the booth; the centre's counsellor finds a seeker in the pool and introduces them", async () => {
    const talker = await registerUser(t.http, 'seeker', { name: '대화초대 웹구직자' });
    const pooled = await t.http.request('PUT', '/me/talent-pool', { body: { fairId: fair.id, visible: true, showName: true }, token: talker.accessToken });
    expect(pooled.status).toBe(200);

    // The recruiter invites them to chat from the pool search.
    const recruiter = await signedIn(booth.recruiter);
    await recruiter.goto(`${t.url}/recruiter`);
    const card = recruiter.getByTestId('pool-seeker').filter({ hasText: '대화초대 웹구직자' });
    await card.getByRole('button', { name: '대화 초대 보내기' }).click();
    await recruiter.getByText('대화 초대를 보냈습니다.', { exact: false }).waitFor();
    await fits(recruiter);

    // The recruiter is online with one seat, taken by a walk-in: accepting now is refused, said in Korean in the
    // offer's own card; once the walk-in's chat ends, the same button opens the chat.
    expect((await t.http.request('PUT', `/booths/${booth.boothId}/staff-presence`, { body: { online: true, capacity: 1 }, token: booth.recruiter.accessToken })).status).toBe(200);
    const walkIn = await registerUser(t.http, 'seeker', { name: '먼저 온 웹구직자' });
    expect((await t.http.post(`/booths/${booth.boothId}/queue`, {}, walkIn.accessToken)).status).toBe(201);
    const walkInChat = await t.http.post(`/booths/${booth.boothId}/chats/next`, {}, booth.recruiter.accessToken);
    expect(walkInChat.status).toBe(201);
    const page = await signedIn(talker);
    await page.goto(`${t.url}/me/profile`);
    const offer = page.getByTestId('offer').filter({ hasText: '기업의 대화 초대' });
    await offer.getByRole('button', { name: '수락하고 대화하기' }).click();
    await offer.getByText('초대한 채용담당자가 지금 다른 대화로 바쁩니다. 잠시 후 다시 수락해 주세요').waitFor();
    expect(await offer.textContent()).not.toContain('The recruiter');
    await fits(page);
    expect((await t.http.post(`/chats/${walkInChat.body.id}/end`, {}, booth.recruiter.accessToken)).status).toBe(200);

    // The seeker accepts and goes to the chat at the booth, where the recruiter's message arrives.
    await offer.getByRole('button', { name: '수락하고 대화하기' }).click();
    await offer.getByRole('link', { name: '대화로 가기' }).click();
    await page.waitForURL(`**/booths/${booth.boothId}`);
    const [chat] = (await t.http.get('/me/chats', talker.accessToken)).body.items as { id: string }[];
    expect((await t.http.post(`/chats/${chat.id}/messages`, { body: '초대에 응해 주셔서 반갑습니다' }, booth.recruiter.accessToken)).status).toBe(201);
    await page.getByTestId(`chat-${chat.id}`).getByText('초대에 응해 주셔서 반갑습니다').waitFor();
    await fits(page);

    // The organizer searches the same pool in the console and introduces the seeker picked there.
    const centre = await signedIn(organizer);
    await centre.goto(`${t.url}/organizer/fairs/${fair.id}`);
    const found = centre.getByTestId('pool-seeker').filter({ hasText: '대화초대 웹구직자' });
    await found.getByRole('button', { name: '이 구직자 소개하기' }).click();
    expect(await centre.getByLabel('구직자 ID').inputValue()).toBe(talker.id);
    await fits(centre);
    await centre.getByRole('button', { name: '소개하기', exact: true }).click();
    await centre.getByText('소개했습니다.', { exact: false }).waitFor();
    expect((await t.http.get('/me/introductions', talker.accessToken)).body.items).toEqual([expect.objectContaining({ postingTitle: '백엔드 개발자 (수성구)', status: 'pending' })]);
  });
});
