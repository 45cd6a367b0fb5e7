import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Client } from 'pg';
import type { NotificationEvent } from '@bisang/contracts';
import {
  advanceTo,
  applyTo,
  connectTestDb,
  createOrganizer,
  eventually,
  koreanPage,
  launchBrowser,
  openPosting,
  registerUser,
  saveScreenshot,
  seriousA11yViolations,
  SignedIn,
  signInThroughForm,
} from '@bisang/testing';
import { TestApp, startTestApp } from './support/test-app';

/**
 * Issue 15 item 7: an offer has a real acceptance step. The seeker accepts or declines in the app
 * (`POST /applications/:id/offer/accept|decline`, recorded as domain events and told to the booth's staff); staff
 * still record the hire through the status route; rejecting asks first.
 */
jest.setTimeout(120_000);

describe('offer acceptance', () => {
  let t: TestApp;
  let db: Client;
  let browser: Browser;
  let organizer: SignedIn;
  const contexts: BrowserContext[] = [];

  const open = (width = 1280): Promise<Page> => koreanPage(browser, contexts, width);
  const signIn = (page: Page, email: string) => signInThroughForm(page, t.url, email);
  const eventsOf = async (applicationId: string) =>
    (await db.query(`SELECT type FROM domain_events WHERE payload->>'applicationId' = $1 ORDER BY id`, [applicationId])).rows.map((r) => r.type as string);
  const inbox = async (who: SignedIn) => (await t.http.get('/me/notifications', who.accessToken)).body.items as NotificationEvent[];

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

  it('over HTTP: only the seeker answers, only an open offer; accept is recorded once, decline withdraws; staff can still hire', async () => {
    const setup = await openPosting(t.http, organizer, { openings: 3 });
    const seeker = await registerUser(t.http, 'seeker');
    const id = await applyTo(t.http, seeker, setup.postingId);

    // not offered yet
    expect((await t.http.post(`/applications/${id}/offer/accept`, {}, seeker.accessToken)).body.code).toBe('NOT_OFFERED');
    await advanceTo(t.http, setup.booth.recruiter, id, 'offered');
    // staff cannot answer for the seeker; a stranger does not see it
    expect((await t.http.post(`/applications/${id}/offer/accept`, {}, setup.booth.recruiter.accessToken)).status).toBe(403);
    const stranger = await registerUser(t.http, 'seeker');
    expect((await t.http.post(`/applications/${id}/offer/accept`, {}, stranger.accessToken)).status).toBe(404);

    const accepted = await t.http.post(`/applications/${id}/offer/accept`, {}, seeker.accessToken);
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('offered');
    expect(accepted.body.offerAcceptedAt).toEqual(expect.any(String));
    const again = await t.http.post(`/applications/${id}/offer/accept`, {}, seeker.accessToken);
    expect(again.body.offerAcceptedAt).toBe(accepted.body.offerAcceptedAt);
    expect((await eventsOf(id)).filter((e) => e === 'application.offer_accepted')).toHaveLength(1);
    // an accepted offer is left by withdrawing, not by declining
    expect((await t.http.post(`/applications/${id}/offer/decline`, {}, seeker.accessToken)).body.code).toBe('NOT_OFFERED');
    await eventually(async () => (await inbox(setup.booth.recruiter)).some((n) => n.type === 'application.offer_answered' && n.data.accepted), 'staff told');
    // the staff see the acceptance and record the hire as before (CONTRACT status route)
    const staffView = await t.http.get(`/applications/${id}`, setup.booth.recruiter.accessToken);
    expect(staffView.body.offerAcceptedAt).toBe(accepted.body.offerAcceptedAt);
    const hired = await t.http.post(`/applications/${id}/status`, { status: 'hired' }, setup.booth.recruiter.accessToken);
    expect(hired.status).toBe(200);
    expect(hired.body.status).toBe('hired');

    // declining withdraws, recorded as the seeker's move, and the staff hear of it
    const other = await registerUser(t.http, 'seeker');
    const id2 = await applyTo(t.http, other, setup.postingId);
    await advanceTo(t.http, setup.booth.recruiter, id2, 'offered');
    const declined = await t.http.post(`/applications/${id2}/offer/decline`, {}, other.accessToken);
    expect(declined.status).toBe(200);
    expect(declined.body.status).toBe('withdrawn');
    expect(declined.body.transitions.at(-1)).toMatchObject({ from: 'offered', to: 'withdrawn', by: 'seeker' });
    expect(await eventsOf(id2)).toEqual(expect.arrayContaining(['application.moved', 'application.offer_declined']));
    await eventually(
      async () => (await inbox(setup.booth.recruiter)).some((n) => n.type === 'application.offer_answered' && n.data.applicationId === id2 && !n.data.accepted),
      'staff told of the decline',
    );
    expect((await t.http.post(`/applications/${id2}/offer/decline`, {}, other.accessToken)).status).toBe(409);
  });

  it('in the app: the seeker accepts the offer on a phone, the recruiter sees it live and hires; reject asks first', async () => {
    const setup = await openPosting(t.http, organizer, { openings: 2 }, '동성로식품(주)');
    const seeker = await registerUser(t.http, 'seeker', { name: '박수락' });
    const id = await applyTo(t.http, seeker, setup.postingId);
    await advanceTo(t.http, setup.booth.recruiter, id, 'offered');
    const rejectedOne = await registerUser(t.http, 'seeker', { name: '이보류' });
    await applyTo(t.http, rejectedOne, setup.postingId);

    const recruiter = await open();
    await signIn(recruiter, setup.booth.recruiter.email);
    await recruiter.goto(`${t.url}/recruiter`);
    await recruiter.locator('#fair-picker').selectOption(setup.fairId);
    const card = recruiter.getByTestId('applicant').filter({ hasText: '박수락' });
    await card.getByTestId('offer-answer').filter({ hasText: '아직 제안에 답하지 않았습니다' }).waitFor();

    const phone = await open(360);
    await signIn(phone, seeker.email);
    await phone.goto(`${t.url}/me/applications`);
    const offer = phone.getByTestId('offer');
    await offer.getByText('동성로식품(주)에서 합격을 제안했습니다').waitFor();
    expect(await seriousA11yViolations(phone)).toEqual([]);
    await saveScreenshot(phone, 'offer-phone');
    await offer.getByRole('button', { name: '제안 수락' }).click();
    await phone.getByTestId('offer-accepted').waitFor();

    // the recruiter's pipeline follows without a reload, and the hire is recorded
    await card.getByTestId('offer-answer').filter({ hasText: '지원자가 합격 제안을 수락했습니다' }).waitFor();
    await card.getByRole('button', { name: '취업 확정' }).click();
    await recruiter.getByTestId('applicant').filter({ hasText: '박수락' }).and(recruiter.locator('[data-status=hired]')).waitFor();
    await phone.getByTestId('application-status').filter({ hasText: '취업 확정' }).waitFor();

    // rejecting asks first: dismissed, nothing happens; accepted, the applicant is rejected
    const other = recruiter.getByTestId('applicant').filter({ hasText: '이보류' });
    recruiter.once('dialog', (d) => void d.dismiss());
    await other.getByRole('button', { name: '불합격 처리' }).click();
    expect(await other.getAttribute('data-status')).toBe('applied');
    recruiter.once('dialog', (d) => {
      expect(d.message()).toContain('이보류');
      void d.accept();
    });
    await other.getByRole('button', { name: '불합격 처리' }).click();
    await recruiter.getByTestId('applicant').filter({ hasText: '이보류' }).and(recruiter.locator('[data-status=rejected]')).waitFor();
  });
});
