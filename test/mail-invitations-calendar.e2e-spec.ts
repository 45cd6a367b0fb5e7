import { Client } from 'pg';
import * as ical from 'node-ical';
import {
  PASSWORD,
  advanceTo,
  applyTo,
  openPosting,
  ReceivedMail,
  SmtpSink,
  TestPerson,
  connectTestDb,
  createBooth,
  createFair,
  createLiveFair,
  createOrganizer,
  createPeople,
  eventually,
  hourFromNow,
  linkIn,
  publishAvailability,
  rawHeader,
  registerUser,
  uniqueEmail,
} from '@bisang/testing';
import { MailLinkTokens } from '@bisang/auth';
import { JobProducer, QUEUES, jobIds } from '@bisang/queues';
import { TestApp, startTestApp } from './support/test-app';

const PUBLIC_URL = 'https://bisang.example';

/** The calendar entry of a mail's `text/calendar` part, parsed with a calendar parser (node-ical). */
const vevent = (mail: ReceivedMail) => {
  const parsed = ical.sync.parseICS(mail.calendar!);
  return Object.values(parsed).find((c) => c?.type === 'VEVENT') as ical.VEvent;
};

/** Company invitations by mail, rescheduled bookings in calendars, and the no-show notice, through a real SMTP server. */
describe('e-mail: invitations, rescheduling, no-shows', () => {
  const sink = new SmtpSink();
  let t: TestApp;
  let db: Client;

  beforeAll(async () => {
    await sink.start();
    t = await startTestApp({ SMTP_URL: sink.url, PUBLIC_URL, MAIL_FROM: '비상 <no-reply@bisang.example>', MAIL_RETRY_BASE_MS: 100, EMAIL_VERIFICATION: 'off', MAIL_DIGEST_WINDOW_MS: 5000, MAIL_ANNOUNCEMENT_BATCH: 2, MAIL_ANNOUNCEMENT_PAUSE_MS: 50 });
    db = await connectTestDb();
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
    await db.end();
  });

  const mailTo = async (address: string, what: (m: ReceivedMail) => boolean): Promise<ReceivedMail> => {
    await eventually(() => sink.to(address).some(what), 15_000, `a mail to ${address}`);
    return sink.to(address).find(what)!;
  };
  const emailOf = async (who: { id: string }) => (await db.query(`SELECT email FROM users WHERE id = $1`, [who.id])).rows[0].email as string;
  const setLanguage = (who: TestPerson, language: 'ko' | 'en') => db.query(`UPDATE users SET language = $2 WHERE id = $1`, [who.id, language]);

  it('mails an invited address without an account an accept link; signed up as that address, the link joins the company', async () => {
    const organizer = await createOrganizer(t.app, t.http);
    const fair = await createFair(t.http, organizer);
    const { companyId, recruiter } = await createBooth(t.http, fair.id, '달구벌정밀(주)');
    const address = uniqueEmail('invitee');

    const invited = await t.http.post(`/companies/${companyId}/invitations`, { email: address }, recruiter.accessToken);
    expect(invited.status).toBe(201);
    expect(invited.body).toEqual({ id: expect.any(String), status: 'pending' });
    expect((await t.http.post(`/companies/${companyId}/invitations`, { email: 'not an address' }, recruiter.accessToken)).status).toBe(400);

    const mail = await mailTo(address, (m) => m.text.includes('/invitations/accept?token='));
    expect(mail.subject).toBe('[비상] 달구벌정밀(주) 채용 담당자로 초대되었습니다'); // no account: Korean
    expect(mail.html).toContain('<html lang="ko">');
    expect(rawHeader(mail, 'List-Unsubscribe')).toBeNull(); // transactional
    expect(mail.messageId).toMatch(new RegExp(`^<mail-\\d+-company-invitation-${invited.body.id}@bisang\\.example>$`));
    const link = linkIn(mail, '/invitations/accept');
    expect(link.origin).toBe(PUBLIC_URL);
    const token = link.searchParams.get('token')!;

    // Someone else signed in cannot use the link; a forged link is a clear 400 and changes nothing.
    const stranger = await registerUser(t.http, 'recruiter');
    expect((await t.http.post('/invitations/accept', { token }, stranger.accessToken)).status).toBe(404);
    const forged = await t.http.post('/invitations/accept', { token: token.replace(/\.(.)/, (_, c: string) => `.${c === 'A' ? 'B' : 'A'}`) }, stranger.accessToken);
    expect([forged.status, forged.body.code]).toEqual([400, 'INVALID_TOKEN']);
    expect((await t.http.post('/invitations/accept', {}, stranger.accessToken)).status).toBe(400);

    // The invitee signs up as the invited address, then follows the link.
    const reg = await t.http.post('/auth/register', { email: address, password: PASSWORD, name: '새 담당자', role: 'recruiter' });
    expect(reg.status).toBe(201);
    const accepted = await t.http.post('/invitations/accept', { token }, reg.body.accessToken);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({ id: invited.body.id, status: 'accepted', companyId });
    expect((await t.http.get(`/companies/${companyId}/staff`, reg.body.accessToken)).status).toBe(200);

    // Both steps are domain events, written with the change.
    const events = await db.query(`SELECT type FROM domain_events WHERE payload->>'invitationId' = $1 ORDER BY id`, [invited.body.id]);
    expect(events.rows.map((r) => r.type)).toEqual(['company_invitation.created', 'company_invitation.accepted']);
    expect(sink.to(address).filter((m) => m.text.includes('/invitations/accept'))).toHaveLength(1);
  });

  it('writes to an invited account in its language and by its name', async () => {
    const organizer = await createOrganizer(t.app, t.http);
    const fair = await createFair(t.http, organizer);
    const { companyId, recruiter } = await createBooth(t.http, fair.id, 'Hanbit Soft');
    const english = await registerUser(t.http, 'recruiter');
    expect((await t.http.patch('/me', { language: 'en' }, english.accessToken)).status).toBe(200);
    expect((await t.http.post(`/companies/${companyId}/invitations`, { email: english.email }, recruiter.accessToken)).status).toBe(201);
    const mail = await mailTo(english.email, (m) => m.text.includes('/invitations/accept?token='));
    expect(mail.subject).toBe('[Bisang] You are invited to recruit for Hanbit Soft');
    expect(mail.text).toContain('Hello 테스트 recruiter,');
  });

  it('a rescheduled booking keeps its calendar entry: the same UID, a higher SEQUENCE, no cancellation beside it', async () => {
    const fairId = await createLiveFair(db);
    const [coach] = await createPeople(t.app, db, 'coach', 1);
    const [seeker] = await createPeople(t.app, db, 'seeker', 1);
    await setLanguage(seeker, 'en');
    const [seekerEmail, coachEmail] = await Promise.all([emailOf(seeker), emailOf(coach)]);
    const start = hourFromNow(50);
    const [slotA, slotB] = await publishAvailability(t.http, coach, fairId, start, new Date(start.getTime() + 60 * 60_000));

    const booked = await t.http.post('/coaching/bookings', { slotId: slotA.id }, seeker.accessToken);
    expect([201, 202]).toContain(booked.status);
    const firstId = booked.body.id as string;
    const invite = vevent(await mailTo(seekerEmail, (m) => m.subject.includes('is confirmed')));
    expect(invite.uid).toBe(`booking-${firstId}@bisang`);
    expect(Number(invite.sequence ?? 0)).toBe(0);
    await mailTo(coachEmail, (m) => m.subject.includes('예약 확정'));

    const moved = await t.http.post(`/coaching/bookings/${firstId}/reschedule`, { slotId: slotB.id }, seeker.accessToken);
    expect(moved.status).toBe(201);
    const secondId = moved.body.id as string;
    const seekerMail = await mailTo(seekerEmail, (m) => m.subject.includes('was moved'));
    expect(seekerMail.calendar).toContain('METHOD:REQUEST');
    const movedEntry = vevent(seekerMail);
    expect(movedEntry.uid).toBe(invite.uid);
    expect(Number(movedEntry.sequence)).toBe(1);
    expect(new Date(movedEntry.start).toISOString()).toBe(new Date(slotB.startsAt).toISOString());
    const coachMail = await mailTo(coachEmail, (m) => m.subject.includes('일정 변경 확정'));
    expect(vevent(coachMail).uid).toBe(invite.uid);

    // Cancelling the moved booking cancels that one entry: the first UID, a SEQUENCE above the move's.
    expect((await t.http.post(`/coaching/bookings/${secondId}/cancel`, {}, seeker.accessToken)).status).toBe(200);
    const cancelled = await mailTo(seekerEmail, (m) => m.subject.includes('was cancelled'));
    expect(cancelled.calendar).toContain('METHOD:CANCEL');
    expect(vevent(cancelled).uid).toBe(invite.uid);
    expect(Number(vevent(cancelled).sequence)).toBe(2);
    await mailTo(coachEmail, (m) => m.subject.includes('취소'));
    // The rescheduling's own cancellation of the first booking mailed no one (it would fight the move).
    expect(sink.to(seekerEmail).filter((m) => m.calendar?.includes('METHOD:CANCEL'))).toHaveLength(1);
    expect(sink.to(coachEmail).filter((m) => m.calendar?.includes('METHOD:CANCEL'))).toHaveLength(1);
  });

  it('moved to another coach: the first coach gets the cancellation, the new coach a plain invitation, same UID', async () => {
    const fairId = await createLiveFair(db);
    const [coachA, coachB] = await createPeople(t.app, db, 'coach', 2);
    const [seeker] = await createPeople(t.app, db, 'seeker', 1);
    const [seekerEmail, aEmail, bEmail] = await Promise.all([emailOf(seeker), emailOf(coachA), emailOf(coachB)]);
    const [slotA] = await publishAvailability(t.http, coachA, fairId, hourFromNow(70), new Date(hourFromNow(70).getTime() + 30 * 60_000));
    const [slotB] = await publishAvailability(t.http, coachB, fairId, hourFromNow(80), hourFromNow(81), 60);
    const firstId = (await t.http.post('/coaching/bookings', { slotId: slotA.id }, seeker.accessToken)).body.id as string;
    await mailTo(seekerEmail, (m) => m.subject.includes('예약 확정'));
    expect((await t.http.post(`/coaching/bookings/${firstId}/reschedule`, { slotId: slotB.id }, seeker.accessToken)).status).toBe(201);

    const cancelA = await mailTo(aEmail, (m) => !!m.calendar?.includes('METHOD:CANCEL'));
    expect(vevent(cancelA).uid).toBe(`booking-${firstId}@bisang`);
    const inviteB = await mailTo(bEmail, (m) => !!m.calendar?.includes('METHOD:REQUEST'));
    expect(inviteB.subject).toContain('예약 확정');
    expect(vevent(inviteB).uid).toBe(`booking-${firstId}@bisang`);
    const seekerMoved = await mailTo(seekerEmail, (m) => m.subject.includes('일정 변경 확정'));
    expect(Number(vevent(seekerMoved).sequence)).toBe(1);
  });

  it('tells a seeker marked absent, kindly, with the way back to booking', async () => {
    const fairId = await createLiveFair(db);
    const slug = (await db.query(`SELECT slug FROM fairs WHERE id = $1`, [fairId])).rows[0].slug as string;
    const [coach] = await createPeople(t.app, db, 'coach', 1);
    const [seeker] = await createPeople(t.app, db, 'seeker', 1);
    const seekerEmail = await emailOf(seeker);
    const [slot] = await publishAvailability(t.http, coach, fairId, hourFromNow(90), new Date(hourFromNow(90).getTime() + 30 * 60_000));
    const id = (await t.http.post('/coaching/bookings', { slotId: slot.id }, seeker.accessToken)).body.id as string;
    await mailTo(seekerEmail, (m) => m.subject.includes('예약 확정'));
    await db.query(`UPDATE coaching_bookings SET starts_at = starts_at - interval '20 days', ends_at = ends_at - interval '20 days' WHERE id = $1`, [id]);
    expect((await t.http.post(`/coaching/bookings/${id}/no-show`, {}, coach.accessToken)).status).toBe(200);
    const notice = await mailTo(seekerEmail, (m) => m.subject.includes('참석하지 않은 것으로'));
    expect(notice.text).toContain(`${PUBLIC_URL}/fairs/${slug}/coaching`);
    expect(notice.text).toContain('사정이 있으셨다면 괜찮습니다');
    expect(notice.calendar).toBeNull();
  });

  it('an offer comes with accept and decline links to the application page; a rejection is worded kindly', async () => {
    const organizer = await createOrganizer(t.app, t.http);
    const open = await openPosting(t.http, organizer, {}, '한빛소프트(주)');
    const [offered, rejected] = await createPeople(t.app, db, 'seeker', 2);
    const [offeredEmail, rejectedEmail] = await Promise.all([emailOf(offered), emailOf(rejected)]);
    const offeredApp = await applyTo(t.http, offered, open.postingId);
    const rejectedApp = await applyTo(t.http, rejected, open.postingId);
    await advanceTo(t.http, open.booth.recruiter, offeredApp, 'offered');
    expect((await t.http.post(`/applications/${rejectedApp}/status`, { status: 'rejected' }, open.booth.recruiter.accessToken)).status).toBe(200);

    const offer = await mailTo(offeredEmail, (m) => m.subject.includes('채용을 제안했습니다'));
    const accept = linkIn(offer, '&answer=accept');
    const decline = linkIn(offer, '&answer=decline');
    for (const link of [accept, decline]) {
      expect(`${link.origin}${link.pathname}`).toBe(`${PUBLIC_URL}/me/applications`);
      expect(link.searchParams.get('application')).toBe(offeredApp);
    }
    expect(offer.html).toContain('제안 거절하기');
    expect(rawHeader(offer, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    const no = await mailTo(rejectedEmail, (m) => m.subject.includes('지원 결과 안내'));
    expect(no.text).toContain('진심으로 감사드립니다');
    expect(no.text).not.toMatch(/불합격/);
  });

  it('recruiters get one digest of a booth’s new applicants per window, never a mail per application', async () => {
    const organizer = await createOrganizer(t.app, t.http);
    const open = await openPosting(t.http, organizer, {}, '새빛전자(주)');
    const recruiterEmail = await emailOf(open.booth.recruiter);
    const seekers = await createPeople(t.app, db, 'seeker', 4);
    for (const seeker of seekers) await applyTo(t.http, seeker, open.postingId);
    const digests = () => sink.to(recruiterEmail).filter((m) => m.subject.includes('새 지원자'));
    const counted = () => digests().reduce((n, m) => n + Number(/새 지원자 (\d+)명/.exec(m.subject)![1]), 0);
    // The window is 5 s here (an hour in production): the applications may straddle two windows, no more.
    await eventually(() => counted() === 4, 20_000, 'every applicant in a digest');
    expect(digests().length).toBeLessThanOrEqual(2);
    const digest = digests()[0];
    expect(digest.text).toContain('테스트 seeker');
    expect(digest.text).toContain('생산관리 담당 (신입)');
    expect(digest.text).toContain(`${PUBLIC_URL}/recruiter`);
    expect(rawHeader(digest, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    // The last window ended and nothing more comes: one mail per window, not per application.
    // Message-ID digest-<booth uuid>-<window start>-<recipient uuid>: the booth's uuid spelled out, so that an
    // all-digit group of the recipient's uuid is never taken for the window
    const windows = new Set(digests().map((m) => /digest-[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}-(\d+)-/.exec(m.messageId)![1]));
    expect(windows.size).toBe(digests().length);
  });

  it('each user has a private webcal feed of their bookings that parses; rotating it revokes the old URL', async () => {
    const fairId = await createLiveFair(db);
    const [coach] = await createPeople(t.app, db, 'coach', 1);
    const [seeker] = await createPeople(t.app, db, 'seeker', 1);
    const [slotA, slotB] = await publishAvailability(t.http, coach, fairId, hourFromNow(100), hourFromNow(101));
    const first = (await t.http.post('/coaching/bookings', { slotId: slotA.id }, seeker.accessToken)).body.id as string;
    await eventually(async () => (await t.http.get(`/coaching/bookings/${first}`, seeker.accessToken)).body.status === 'confirmed', 15_000, 'confirmed');
    expect((await t.http.post(`/coaching/bookings/${first}/reschedule`, { slotId: slotB.id }, seeker.accessToken)).status).toBe(201);

    expect((await t.http.get('/me/calendar-feed')).status).toBe(401);
    const res = await t.http.get('/me/calendar-feed', seeker.accessToken);
    expect(res.status).toBe(200);
    const url = new URL(res.body.url as string);
    expect(url.protocol).toBe('webcal:');
    expect(url.host).toBe('bisang.example');
    expect((await t.http.get('/me/calendar-feed', seeker.accessToken)).body.url).toBe(res.body.url); // stable until rotated
    const fetchFeed = (u: URL) => fetch(`${t.url}${u.pathname}${u.search}`);

    const feed = await fetchFeed(url);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toMatch(/^text\/calendar/);
    const events = Object.values(ical.sync.parseICS(await feed.text())).filter((c) => c?.type === 'VEVENT') as ical.VEvent[];
    // One entry: the moved booking, under its first booking's UID (the one the mails used), at the new time.
    expect(events).toHaveLength(1);
    expect(events[0].uid).toBe(`booking-${first}@bisang`);
    expect(new Date(events[0].start).toISOString()).toBe(new Date(slotB.startsAt).toISOString());
    expect(Number(events[0].sequence)).toBe(1);
    // The coach's own feed has it too; nobody else's does.
    const coachFeed = new URL((await t.http.get('/me/calendar-feed', coach.accessToken)).body.url);
    expect(await (await fetchFeed(coachFeed)).text()).toContain(`UID:booking-${first}@bisang`);

    const rotated = await t.http.post('/me/calendar-feed/rotate', {}, seeker.accessToken);
    expect(rotated.status).toBe(200);
    expect(rotated.body.url).not.toBe(res.body.url);
    const old = await fetchFeed(url);
    expect(old.status).toBe(404);
    expect(await old.text()).toContain('캘린더 구독 주소가 올바르지 않거나');
    expect((await fetchFeed(new URL(rotated.body.url))).status).toBe(200);
    expect((await fetch(`${t.url}/api/v1/calendar-feed?token=abc.def`)).status).toBe(404);
  });

  it('the 30-day follow-up is mailed with answer links that work without signing in; a tampered or expired link changes nothing', async () => {
    const organizer = await createOrganizer(t.app, t.http);
    const open = await openPosting(t.http, organizer, {}, '대구로봇(주)');
    const [seeker] = await createPeople(t.app, db, 'seeker', 1);
    const seekerEmail = await emailOf(seeker);
    const id = await applyTo(t.http, seeker, open.postingId);
    await advanceTo(t.http, open.booth.recruiter, id, 'offered');
    const startDate = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    expect((await t.http.post(`/applications/${id}/status`, { status: 'hired', hire: { startDate } }, open.booth.recruiter.accessToken)).status).toBe(200);
    const queue = t.app.get(JobProducer, { strict: false }).queue(QUEUES.outcomes);
    await eventually(async () => !!(await queue.getJob(jobIds.hireFollowUp(id, 30, startDate))), 10_000, 'the follow-up job');
    await (await queue.getJob(jobIds.hireFollowUp(id, 30, startDate)))!.promote(); // the 30 days have passed

    const mail = await mailTo(seekerEmail, (m) => m.subject.includes('입사 30일'));
    expect(mail.text).toContain('대구로봇(주)');
    const no = linkIn(mail, '/api/v1/follow-ups/answer');
    const links = [...mail.text.matchAll(/https:\/\/bisang\.example\/api\/v1\/follow-ups\/answer\?token=[^\s]+/g)].map((m) => new URL(m[0]));
    expect(links).toHaveLength(2);
    const [yes, noLink] = links;
    expect(no.href).toBe(yes.href);
    const answerOf = async () => (await t.http.get(`/applications/${id}`, seeker.accessToken)).body.hire.followUps[0].stillEmployed;
    const at = (u: URL, token = u.searchParams.get('token')!) => `${t.url}${u.pathname}?token=${encodeURIComponent(token)}`;

    // Opening the link (what a person, or a mail scanner, does first) only shows the one button.
    const shown = await fetch(at(noLink));
    expect(shown.status).toBe(200);
    expect(await shown.text()).toContain('아니요, 지금은 근무하지 않습니다');
    expect(await answerOf()).toBeNull();
    // The button: a POST with no sign-in, no cookie.
    const posted = await fetch(at(noLink), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
    expect(posted.status).toBe(200);
    expect(await posted.text()).toContain('답변해 주셔서 감사합니다');
    expect(await answerOf()).toBe(false);

    // A tampered link (the "no" turned into a "yes" by hand) and an expired one: a clear Korean page, nothing changed.
    const token = yes.searchParams.get('token')!;
    const [body] = token.split('.');
    const forgedBody = Buffer.from(Buffer.from(body, 'base64url').toString().replace('/yes', '/no')).toString('base64url');
    const tampered = await fetch(at(yes, `${forgedBody}.${token.split('.')[1]}`), { method: 'POST' });
    expect(tampered.status).toBe(400);
    expect(await tampered.text()).toContain('만료되었거나 올바르지 않습니다. 아무것도 바뀌지 않았습니다');
    const expiredToken = t.app.get(MailLinkTokens, { strict: false }).followUpAnswer(seeker.id, id, 30, true, Date.now() - 31 * 86_400_000);
    const expired = await fetch(at(yes, expiredToken), { method: 'POST' });
    expect(expired.status).toBe(400);
    expect((await fetch(at(yes, expiredToken))).status).toBe(400);
    expect(await answerOf()).toBe(false);
    // The yes link itself works, and a later answer replaces the earlier one.
    expect((await fetch(at(yes), { method: 'POST' })).status).toBe(200);
    expect(await answerOf()).toBe(true);
  });

  it('an announcement by mail reaches the fair’s registered seekers in paced pages, honours opt-outs, and counts in the KPIs', async () => {
    const organizer = await createOrganizer(t.app, t.http);
    const open = await openPosting(t.http, organizer, {}, '비상물산(주)');
    const seekers = await createPeople(t.app, db, 'seeker', 5);
    const optedOut = seekers[3]; // seekers[4] never took part in the fair
    for (const s of seekers.slice(0, 4)) await applyTo(t.http, s, open.postingId);
    await db.query(`UPDATE users SET mail_opt_outs = '{announcements}' WHERE id = $1`, [optedOut.id]);
    const emails = await Promise.all(seekers.map(emailOf));

    const bad = await t.http.post(`/fairs/${open.fairId}/announcements`, { title: '공지', body: '본문', email: 'yes' }, organizer.accessToken);
    expect(bad.status).toBe(400);
    const res = await t.http.post(`/fairs/${open.fairId}/announcements`, { title: '2일차 일정', body: '오후 2시에 특별 세션이 열립니다.\n\n많은 참여 바랍니다.', email: true }, organizer.accessToken);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ type: 'announcement', title: '2일차 일정' });

    // Three registered seekers who did not opt out, over pages of two: each gets it once.
    for (const email of emails.slice(0, 3)) {
      const mail = await mailTo(email, (m) => m.subject.includes('2일차 일정'));
      expect(mail.text).toContain('오후 2시에 특별 세션이 열립니다.');
      expect(rawHeader(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
      expect(mail.text).toContain('박람회 공지 메일을 그만 받으려면');
    }
    await eventually(
      async () => (await db.query(`SELECT 1 FROM mail_deliveries WHERE user_id = $1 AND kind = 'announcement' AND status = 'skipped'`, [optedOut.id])).rowCount === 1,
      15_000,
      'the opted-out seeker skipped',
    );
    expect(sink.to(emails[3]).filter((m) => m.subject.includes('2일차 일정'))).toEqual([]);
    expect(sink.to(emails[4]).filter((m) => m.subject.includes('2일차 일정'))).toEqual([]);
    for (const email of emails.slice(0, 3)) expect(sink.to(email).filter((m) => m.subject.includes('2일차 일정'))).toHaveLength(1);

    // An announcement without `email` mails no one.
    expect((await t.http.post(`/fairs/${open.fairId}/announcements`, { title: '피드 전용', body: '메일 없음' }, organizer.accessToken)).status).toBe(201);

    const kpis = await t.http.get(`/fairs/${open.fairId}/kpis`, organizer.accessToken);
    expect(kpis.status).toBe(200);
    expect(kpis.body.mailsSent).toBeGreaterThanOrEqual(3);
    expect(kpis.body).toMatchObject({ mailsFailed: 0, mailsBouncedOnSend: 0 });
    expect(sink.mails.filter((m) => m.subject.includes('피드 전용'))).toEqual([]);
  });

  it("booth chat by mail: \"you're next\" and a recruiter's answer to a left message reach the seeker, informative (one-click unsubscribe)", async () => {
    const organizer = await createOrganizer(t.app, t.http);
    const open = await openPosting(t.http, organizer, {}, '대화메일(주)');
    const seeker = await registerUser(t.http, 'seeker', { name: '메일받는사람' });
    const address = await emailOf(seeker);

    // Nobody online: the seeker leaves a message; a recruiter answers it later
    const left = await t.http.post(`/booths/${open.booth.boothId}/messages`, { body: '안녕하세요, 신입도 지원할 수 있나요?' }, seeker.accessToken);
    expect(left.status).toBe(201);
    const answered = await t.http.post(`/chats/${left.body.id}/messages`, { body: '네, 가능합니다!' }, open.booth.recruiter.accessToken);
    expect(answered.status).toBe(201);
    const answer = await mailTo(address, (m) => m.subject.includes('답했습니다'));
    expect(answer.text).toContain(`${PUBLIC_URL}/booths/${open.booth.boothId}`);
    expect(rawHeader(answer, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    // The seeker's own message mails nobody
    expect(sink.to(address).filter((m) => m.subject.includes('답했습니다'))).toHaveLength(1);

    // Queued first in line: "you're next"
    expect((await t.http.post(`/booths/${open.booth.boothId}/queue`, {}, seeker.accessToken)).status).toBe(201);
    const next = await mailTo(address, (m) => m.subject.includes('곧 대화 차례'));
    expect(next.subject).toContain('대화메일(주)');
    expect(next.text).toContain(`${PUBLIC_URL}/booths/${open.booth.boothId}`);
  });

  it("the talent pool by mail: a company's invitation (to apply, to chat) and the centre's introduction reach the seeker in their language, with a link to their offers", async () => {
    const organizer = await createOrganizer(t.app, t.http);
    const open = await openPosting(t.http, organizer, {}, '인재풀메일(주)');
    const ko = await registerUser(t.http, 'seeker', { name: '풀메일 구직자' });
    const en = await registerUser(t.http, 'seeker', { name: 'Pool Mail Seeker' });
    expect((await t.http.patch('/me', { language: 'en' }, en.accessToken)).status).toBe(200);
    for (const s of [ko, en]) expect((await t.http.request('PUT', '/me/talent-pool', { body: { fairId: open.fairId, visible: true }, token: s.accessToken })).status).toBe(200);
    const [koAddress, enAddress] = [await emailOf(ko), await emailOf(en)];
    const offersLink = `${PUBLIC_URL}/me/profile#talent-pool`;

    const invited = await t.http.post(`/fairs/${open.fairId}/talent-pool/${ko.id}/invitations`, { postingId: open.postingId, message: '함께 일해요' }, open.booth.recruiter.accessToken);
    expect(invited.status).toBe(201);
    const toApply = await mailTo(koAddress, (m) => m.subject.includes('지원을 제안했습니다'));
    expect(toApply.subject).toBe('[비상] 인재풀메일(주)에서 지원을 제안했습니다: 생산관리 담당 (신입)');
    expect(toApply.text).toContain('함께 일해요');
    expect(toApply.text).toContain(offersLink);
    expect(toApply.html).toContain('<html lang="ko">');
    expect(toApply.html).toContain('href="https://bisang.example/me/profile#talent-pool"');
    expect(rawHeader(toApply, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');

    const chat = await t.http.post(`/fairs/${open.fairId}/talent-pool/${en.id}/chat-invitations`, { boothId: open.booth.boothId }, open.booth.recruiter.accessToken);
    expect(chat.status).toBe(201);
    const toChat = await mailTo(enAddress, (m) => m.subject.includes('invites you to chat'));
    expect(toChat.subject).toBe('[Bisang] 인재풀메일(주) invites you to chat at its booth');
    expect(toChat.html).toContain('<html lang="en">');
    expect(toChat.text).toContain(offersLink);

    const intro = await t.http.post(`/fairs/${open.fairId}/introductions`, { seekerId: ko.id, postingId: open.postingId, message: '센터가 추천합니다' }, organizer.accessToken);
    expect(intro.status).toBe(201);
    const introduced = await mailTo(koAddress, (m) => m.subject.includes('고용센터가 채용공고를 소개합니다'));
    expect(introduced.subject).toBe('[비상] 고용센터가 채용공고를 소개합니다: 인재풀메일(주) · 생산관리 담당 (신입)');
    expect(introduced.text).toContain('센터가 추천합니다');
    expect(introduced.text).toContain(offersLink);

    // One event, one mail each; the company's staff get none of these.
    expect(sink.to(koAddress).filter((m) => /지원을 제안했습니다|소개합니다/.test(m.subject))).toHaveLength(2);
    expect(sink.to(enAddress).filter((m) => m.subject.includes('invites you'))).toHaveLength(1);
    expect(sink.to(await emailOf(open.booth.recruiter)).filter((m) => /인재풀|소개|invites/.test(m.subject))).toEqual([]);
  });

  it('a pool invitation the seeker answered before its mail job ran is not mailed: the delivery is recorded as skipped', async () => {
    const organizer = await createOrganizer(t.app, t.http);
    const open = await openPosting(t.http, organizer, {}, '먼저답함(주)');
    const seeker = await registerUser(t.http, 'seeker', { name: '빠른 답변' });
    expect((await t.http.request('PUT', '/me/talent-pool', { body: { fairId: open.fairId, visible: true }, token: seeker.accessToken })).status).toBe(200);
    const address = await emailOf(seeker);
    // the mail queue is paused (no worker takes its jobs) while the seeker answers on the page
    const mailQueue = t.app.get(JobProducer).queue(QUEUES.mail);
    await mailQueue.pause();
    try {
      const invited = await t.http.post(`/fairs/${open.fairId}/talent-pool/${seeker.id}/invitations`, { postingId: open.postingId }, open.booth.recruiter.accessToken);
      expect(invited.status).toBe(201);
      expect((await t.http.post(`/pool-invitations/${invited.body.id}/accept`, {}, seeker.accessToken)).status).toBe(200);
    } finally {
      await mailQueue.resume();
    }
    const deliveries = async () => (await db.query(`SELECT status FROM mail_deliveries WHERE user_id = $1 AND kind = 'pool-invitation'`, [seeker.id])).rows.map((r) => r.status);
    await eventually(async () => (await deliveries()).some((status) => status !== 'sending'), 'the invitation mail job ran');
    expect(await deliveries()).toEqual(['skipped']);
    expect(sink.to(address).filter((m) => m.subject.includes('지원을 제안했습니다'))).toEqual([]);
  });
});
