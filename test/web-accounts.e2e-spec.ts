import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Client } from 'pg';
import { readFileSync } from 'node:fs';
import { PRIVACY_CONSENT_VERSION } from '@bisang/contracts';
import { PASSWORD, SignedIn, connectTestDb, createBooth, createFair, createOrganizer, launchBrowser, registerUser, saveScreenshot, seriousA11yViolations, uniqueEmail } from '@bisang/testing';
import { TestApp, startTestApp } from './support/test-app';

/** Sessions, invitations and coach approval in the web app, in headless Chromium against the real server. */
jest.setTimeout(90_000);

describe('web app: sessions, invitations, coach approval', () => {
  let t: TestApp;
  let db: Client;
  let browser: Browser;
  let organizer: SignedIn;
  let fair: { id: string; slug: string };
  const contexts: BrowserContext[] = [];

  const open = async (): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ko-KR', timezoneId: 'Europe/Berlin' });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    return page;
  };
  const signIn = async (page: Page, email: string, password = PASSWORD) => {
    await page.goto(`${t.url}/signin`);
    await page.getByLabel('이메일').fill(email);
    await page.getByLabel('비밀번호').fill(password);
    await page.getByRole('button', { name: '로그인' }).click();
    await page.getByRole('button', { name: '로그아웃', exact: true }).waitFor();
  };
  const storedRefreshToken = (page: Page) => page.evaluate(() => (globalThis as unknown as { localStorage: { getItem(key: string): string | null } }).localStorage.getItem('bisang.refreshToken'));

  beforeAll(async () => {
    t = await startTestApp({}, { web: true });
    db = await connectTestDb();
    browser = await launchBrowser();
    organizer = await createOrganizer(t.app, t.http);
    fair = await createFair(t.http, organizer);
  });
  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
  });
  afterAll(async () => {
    await browser?.close();
    await db?.end();
    await t?.close();
  });

  it('privacy on a phone: sign-up asks for the consent, the seeker downloads their data and deletes the account', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: 'ko-KR', timezoneId: 'Asia/Seoul', acceptDownloads: true });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const email = uniqueEmail('privacy');
    await page.goto(`${t.url}/signup`);
    await page.getByLabel('이름').fill('박소윤');
    await page.getByLabel('이메일').fill(email);
    await page.getByLabel('비밀번호').fill(PASSWORD);
    await page.getByLabel('생년월일').fill('2000-02-29');
    // The text says what is collected, why and for how long; without the tick, nothing is sent.
    const text = page.getByRole('region', { name: '개인정보 수집·이용 동의' });
    for (const heading of ['수집 항목', '이용 목적', '보유 기간']) await text.getByText(heading, { exact: true }).waitFor();
    await page.getByRole('button', { name: '가입하기' }).click();
    await page.getByRole('alert').filter({ hasText: '개인정보 수집·이용에 동의해야 가입할 수 있습니다' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await saveScreenshot(page, 'sign-up-privacy-consent-phone');
    await page.getByLabel('개인정보 수집·이용에 동의합니다').check();
    await page.getByRole('button', { name: '가입하기' }).click();
    await page.getByRole('button', { name: '로그아웃', exact: true }).waitFor();
    const [user] = (await db.query(`SELECT u.id, c.version FROM users u JOIN privacy_consents c ON c.user_id = u.id WHERE u.email = $1`, [email])).rows;
    expect(user.version).toBe(PRIVACY_CONSENT_VERSION);
    expect(await page.getByTestId('consent-notice').count()).toBe(0);

    // A copy of their data, as a JSON file.
    await page.goto(`${t.url}/me/account`);
    const downloaded = page.waitForEvent('download');
    await page.getByRole('button', { name: '내 데이터 내려받기 (JSON)' }).click();
    const file = await (await downloaded).path();
    const data = JSON.parse(readFileSync(file!, 'utf8'));
    expect(data.account).toMatchObject({ id: user.id, email, name: '박소윤', birthDate: '2000-02-29' });
    expect(data.privacyConsents).toEqual([expect.objectContaining({ version: PRIVACY_CONSENT_VERSION })]);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await saveScreenshot(page, 'account-privacy-phone');

    // Deleting asks for the password (a wrong one is refused, in Korean) and a confirmation.
    page.on('dialog', (d) => void d.accept());
    await page.getByLabel('탈퇴 확인용 비밀번호').fill('not-my-password-1');
    await page.getByRole('button', { name: '회원 탈퇴' }).click();
    await page.getByRole('alert').filter({ hasText: '현재 비밀번호가 올바르지 않습니다' }).waitFor();
    await page.getByLabel('탈퇴 확인용 비밀번호').fill(PASSWORD);
    await page.getByRole('button', { name: '회원 탈퇴' }).click();
    await page.getByRole('heading', { name: '회원 탈퇴가 완료되었습니다' }).waitFor();
    await page.getByRole('link', { name: '로그인', exact: true }).waitFor();
    const [gone] = (await db.query(`SELECT name, birth_date, deleted_at FROM users WHERE id = $1`, [user.id])).rows;
    expect(gone).toMatchObject({ name: '탈퇴한 회원', birth_date: null });
    expect(gone.deleted_at).not.toBeNull();
    expect((await t.http.post('/auth/login', { email, password: PASSWORD })).status).toBe(401);
  });

  it('an account made without the form (the API) is asked for the consent once signed in', async () => {
    const email = uniqueEmail('no-consent');
    const reg = await t.http.post('/auth/register', { email, password: PASSWORD, name: '최동의', role: 'coach' });
    expect(reg.status).toBe(201);
    const seeker = { id: reg.body.user.id as string, email };
    const page = await open();
    await signIn(page, seeker.email);
    const notice = page.getByTestId('consent-notice');
    await notice.getByRole('heading', { name: '개인정보 수집·이용 동의가 필요합니다' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await saveScreenshot(page, 'privacy-consent-renewal-desktop');
    await notice.getByRole('button', { name: '동의합니다' }).click();
    await page.getByRole('status').filter({ hasText: '동의했습니다' }).waitFor();
    expect((await db.query(`SELECT version FROM privacy_consents WHERE user_id = $1`, [seeker.id])).rows).toEqual([{ version: PRIVACY_CONSENT_VERSION }]);
    await page.reload();
    await page.getByRole('button', { name: '로그아웃', exact: true }).waitFor();
    expect(await page.getByTestId('consent-notice').count()).toBe(0);
  });

  it('signing out ends the session on the server: its refresh token no longer works', async () => {
    const seeker = await registerUser(t.http, 'seeker');
    const page = await open();
    await signIn(page, seeker.email);
    const refreshToken = await storedRefreshToken(page);
    expect(refreshToken).toBeTruthy();
    const loggedOut = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/logout') && r.status() === 204);
    await page.getByRole('button', { name: '로그아웃', exact: true }).click();
    await loggedOut;
    await page.getByRole('link', { name: '로그인', exact: true }).waitFor();
    expect(await storedRefreshToken(page)).toBeNull();
    expect((await t.http.post('/auth/refresh', { refreshToken })).status).toBe(401);
  });

  it('a password change on the profile page signs out the other sessions; errors show in the chosen language', async () => {
    const seeker = await registerUser(t.http, 'seeker');
    const page = await open();
    await signIn(page, seeker.email);
    await page.goto(`${t.url}/me/profile`);
    await page.getByRole('heading', { name: '비밀번호 변경' }).waitFor();

    // A wrong current password: the server's message, in English once English is chosen.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByLabel('Current password').fill('not-my-password-1');
    await page.getByLabel('New password', { exact: true }).fill('a-brand-new-passphrase');
    await page.getByLabel('Confirm new password').fill('a-brand-new-passphrase');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('alert').filter({ hasText: 'The current password is incorrect' }).waitFor();
    expect(await page.getByRole('alert').textContent()).not.toContain('현재 비밀번호');

    await page.getByRole('button', { name: '한국어' }).click();
    await page.getByLabel('현재 비밀번호').fill(PASSWORD);
    await page.getByLabel('새 비밀번호', { exact: true }).fill('a-brand-new-passphrase');
    await page.getByLabel('새 비밀번호 확인').fill('a-brand-new-passphrase');
    await page.getByRole('button', { name: '비밀번호 바꾸기' }).click();
    await page.getByText('비밀번호를 바꿨습니다').waitFor();

    // the session that registered (another "device") is over; this page's session goes on
    expect((await t.http.get('/me', seeker.accessToken)).status).toBe(401);
    expect((await t.http.post('/auth/refresh', { refreshToken: seeker.refreshToken })).status).toBe(401);
    expect((await t.http.post('/auth/login', { email: seeker.email, password: 'a-brand-new-passphrase' })).status).toBe(200);
    await page.reload();
    await page.getByRole('button', { name: '로그아웃', exact: true }).waitFor();
  });

  it('a recruiter invites a colleague from the console; the colleague accepts and then sees the company', async () => {
    const booth = await createBooth(t.http, fair.id, '팔공정밀(주)');
    const colleague = await registerUser(t.http, 'recruiter');

    const inviter = await open();
    await signIn(inviter, booth.recruiter.email);
    await inviter.goto(`${t.url}/recruiter`);
    await inviter.getByRole('heading', { name: '회사 담당자' }).waitFor();
    await inviter.getByLabel('초대할 채용 담당자 이메일').fill(colleague.email);
    await inviter.getByRole('button', { name: '초대 보내기' }).click();
    await inviter.getByText(`${colleague.email} 주소로 초대를 보냈습니다`).waitFor();
    await inviter.getByTestId('pending-invitations').getByText(colleague.email).waitFor();

    const invitee = await open();
    await signIn(invitee, colleague.email);
    await invitee.goto(`${t.url}/recruiter`);
    const invitation = invitee.getByTestId('invitation');
    await invitation.getByText('팔공정밀(주)').waitFor();
    await invitation.getByRole('button', { name: '수락' }).click();
    await invitee.getByTestId('staff-list').getByText('테스트 recruiter').first().waitFor();
    await invitee.getByText('팔공정밀(주)').first().waitFor();
    expect(await invitee.getByTestId('my-invitations').count()).toBe(0);
    expect(Number((await db.query('SELECT count(*) FROM company_staff WHERE company_id = $1', [booth.companyId])).rows[0].count)).toBe(2);
  });

  it('a coach asks to join a fair, the organizer approves them on the fair page, and the coach sees it', async () => {
    const coach = await registerUser(t.http, 'coach', { name: '최코치' });
    const coachPage = await open();
    await signIn(coachPage, coach.email);
    await coachPage.goto(`${t.url}/coach`);
    await coachPage.locator('#fair-picker').selectOption(fair.id);
    await coachPage.getByRole('button', { name: '코치로 참여 신청' }).click();
    await coachPage.getByText('운영자의 승인을 기다리고 있습니다').waitFor();

    const orgPage = await open();
    await signIn(orgPage, organizer.email);
    await orgPage.goto(`${t.url}/organizer/fairs/${fair.id}`);
    const pending = orgPage.getByTestId('pending-coach').filter({ hasText: '최코치' });
    await pending.getByRole('button', { name: '코치 승인' }).click();
    await orgPage.getByText('최코치 코치를 승인했습니다').waitFor();
    await orgPage.getByTestId('approved-coaches').getByText('최코치').waitFor();

    await coachPage.reload();
    await coachPage.locator('#fair-picker').selectOption(fair.id);
    await coachPage.getByText('이 박람회의 코치로 승인되었습니다').waitFor();
  });
});
