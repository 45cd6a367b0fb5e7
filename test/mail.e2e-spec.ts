import { Client } from 'pg';
import * as ical from 'node-ical';
import {
  PASSWORD,
  ReceivedMail,
  SignedIn,
  SmtpSink,
  applyTo,
  connectTestDb,
  createLiveFair,
  createOrganizer,
  createPeople,
  eventually,
  hourFromNow,
  linkIn,
  openPosting,
  publishAvailability,
  rawHeader,
  registerUser,
} from '@bisang/testing';
import { TestApp, startTestApp } from './support/test-app';

const PUBLIC_URL = 'https://bisang.example';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * E-mail through a real SMTP server inside the test: every mail is sent by the product over TCP, parsed with
 * mailparser, and its links are followed through the real HTTP surface.
 */
describe('e-mail', () => {
  const sink = new SmtpSink();
  let t: TestApp;
  let db: Client;

  beforeAll(async () => {
    await sink.start();
    // EMAIL_VERIFICATION is left to its default: required, since SMTP_URL is set.
    t = await startTestApp({ SMTP_URL: sink.url, PUBLIC_URL, MAIL_FROM: '비상 <no-reply@bisang.example>', MAIL_RETRY_BASE_MS: 100 });
    db = await connectTestDb();
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
    await db.end();
  });

  const mailTo = async (address: string, what: (m: ReceivedMail) => boolean, ms = 15_000): Promise<ReceivedMail> => {
    await eventually(() => sink.to(address).some(what), ms, `a mail to ${address}`);
    return sink.to(address).find(what)!;
  };

  /** Registers, then verifies through the link of the verification mail. */
  const verifiedUser = async (role: 'seeker' | 'recruiter', language: 'ko' | 'en' = 'ko'): Promise<SignedIn> => {
    const user = await registerUser(t.http, role);
    const mail = await mailTo(user.email, (m) => m.text.includes('/verify-email?token='));
    expect((await t.http.post('/auth/verify-email', { token: linkIn(mail, '/verify-email').searchParams.get('token') })).status).toBe(204);
    if (language !== 'ko') expect((await t.http.patch('/me', { language }, user.accessToken)).status).toBe(200);
    return user;
  };

  it('sends a Korean verification link on registration; applying and booking wait for it (403 EMAIL_NOT_VERIFIED)', async () => {
    const organizer = await createOrganizer(t.app, t.http);
    const { postingId } = await openPosting(t.http, organizer);
    const seeker = await registerUser(t.http, 'seeker');
    const mail = await mailTo(seeker.email, () => true);
    expect(mail.subject).toContain('이메일 주소를 인증해 주세요');
    expect(mail.html).toContain('<html lang="ko">');
    expect(mail.messageId).toMatch(/^<mail-\d+-verify-email-[0-9a-f-]+@bisang\.example>$/);
    expect(rawHeader(mail, 'List-Unsubscribe')).toBeNull(); // transactional
    const link = linkIn(mail, '/verify-email');
    expect(link.origin).toBe(PUBLIC_URL);

    const refused = await t.http.post(`/postings/${postingId}/applications`, {}, seeker.accessToken);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ statusCode: 403, code: 'EMAIL_NOT_VERIFIED' });
    const booking = await t.http.post('/coaching/bookings', { slotId: '00000000-0000-4000-8000-000000000000' }, seeker.accessToken);
    expect(booking.body.code).toBe('EMAIL_NOT_VERIFIED');

    const forged = await t.http.post('/auth/verify-email', { token: link.searchParams.get('token')!.replace(/\.(.)/, (_, c: string) => `.${c === 'A' ? 'B' : 'A'}`) });
    expect(forged.status).toBe(400);
    expect(forged.body.code).toBe('INVALID_TOKEN');
    expect((await t.http.post('/auth/verify-email', { token: link.searchParams.get('token') })).status).toBe(204);
    expect((await t.http.get('/me', seeker.accessToken)).body).toMatchObject({ emailVerified: true, language: 'ko' });
    expect((await t.http.post(`/postings/${postingId}/applications`, {}, seeker.accessToken)).status).toBe(201);

    // Resending once verified is a conflict; the one registration event gave exactly one mail.
    expect((await t.http.post('/auth/verify-email/resend', {}, seeker.accessToken)).body.code).toBe('EMAIL_ALREADY_VERIFIED');
    expect(sink.to(seeker.email)).toHaveLength(1);
  });

  it('resets a password end to end: one link, valid once; every old session dead, the old password refused', async () => {
    const user = await registerUser(t.http, 'recruiter');
    await mailTo(user.email, () => true); // the verification mail
    const unknown = await t.http.post('/auth/password-reset/request', { email: `nobody.${Date.now()}@test.bisang.kr` });
    expect(unknown.status).toBe(202);
    const known = await t.http.post('/auth/password-reset/request', { email: user.email.toUpperCase() });
    expect(known.status).toBe(202);
    expect((await t.http.post('/auth/password-reset/request', { email: 'not-an-address' })).status).toBe(400);

    const mail = await mailTo(user.email, (m) => m.text.includes('/reset-password?token='));
    expect(mail.subject).toContain('비밀번호 재설정');
    const token = linkIn(mail, '/reset-password').searchParams.get('token')!;
    expect((await t.http.post('/auth/password-reset/confirm', { token, password: 'short' })).status).toBe(400);
    expect((await t.http.post('/auth/password-reset/confirm', { token: 'x.y', password: 'new-password-77' })).body.code).toBe('INVALID_TOKEN');

    expect((await t.http.post('/auth/password-reset/confirm', { token, password: 'new-password-77' })).status).toBe(204);
    expect((await t.http.post('/auth/refresh', { refreshToken: user.refreshToken })).status).toBe(401);
    expect((await t.http.post('/auth/login', { email: user.email, password: PASSWORD })).status).toBe(401);
    expect((await t.http.post('/auth/login', { email: user.email, password: 'new-password-77' })).status).toBe(200);
    const again = await t.http.post('/auth/password-reset/confirm', { token, password: 'another-password-88' });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('INVALID_TOKEN');
    // No mail went to an address without an account.
    expect(sink.mails.filter((m) => m.to.startsWith('nobody.'))).toEqual([]);
  });

  it('booking confirmed and cancelled: an English invitation (METHOD:REQUEST) then its cancellation (METHOD:CANCEL, same UID)', async () => {
    const fairId = await createLiveFair(db);
    const [coach] = await createPeople(t.app, db, 'coach', 1);
    const coachEmail = (await db.query(`SELECT email FROM users WHERE id = $1`, [coach.id])).rows[0].email as string;
    const seeker = await verifiedUser('seeker', 'en');
    const start = hourFromNow(48);
    const [slot] = await publishAvailability(t.http, coach, fairId, start, new Date(start.getTime() + 30 * 60_000));
    const booked = await t.http.post('/coaching/bookings', { slotId: slot.id }, seeker.accessToken);
    expect([201, 202]).toContain(booked.status);
    const bookingId = booked.body.id as string;

    const confirmed = await mailTo(seeker.email, (m) => m.subject.includes('confirmed'));
    expect(confirmed.subject).toMatch(/^\[Bisang\] Your coaching session is confirmed/);
    expect(confirmed.html).toContain('<html lang="en">');
    expect(confirmed.text).toContain(`${PUBLIC_URL}/me/bookings`);
    expect(confirmed.text).toMatch(/GMT\+9|KST/); // the fair's zone, Asia/Seoul
    const invite = Object.values(ical.sync.parseICS(confirmed.calendar!)).find((c) => c?.type === 'VEVENT') as ical.VEvent;
    expect(confirmed.calendar).toContain('METHOD:REQUEST');
    expect(invite.uid).toBe(`booking-${bookingId}@bisang`);
    expect(new Date(invite.start).toISOString()).toBe(start.toISOString());
    // The coach hears of it too, in Korean (the default language).
    expect((await mailTo(coachEmail, (m) => m.subject.includes('예약 확정'))).calendar).toContain(`UID:booking-${bookingId}@bisang`);

    expect((await t.http.post(`/coaching/bookings/${bookingId}/cancel`, {}, seeker.accessToken)).status).toBe(200);
    const cancelled = await mailTo(seeker.email, (m) => m.subject.includes('cancelled'));
    const cancel = Object.values(ical.sync.parseICS(cancelled.calendar!)).find((c) => c?.type === 'VEVENT') as ical.VEvent;
    expect(cancelled.calendar).toContain('METHOD:CANCEL');
    expect(cancel.uid).toBe(invite.uid);
    expect(Number(cancel.sequence)).toBeGreaterThan(Number(invite.sequence ?? 0));
  });

  it('reminds both sides: a booking made 3 hours ahead gets its reminder at once, worded by the time left', async () => {
    const fairId = await createLiveFair(db);
    const [coach] = await createPeople(t.app, db, 'coach', 1);
    const seeker = await verifiedUser('seeker', 'en');
    const start = hourFromNow(3);
    const [slot] = await publishAvailability(t.http, coach, fairId, start, new Date(start.getTime() + 30 * 60_000));
    expect([201, 202]).toContain((await t.http.post('/coaching/bookings', { slotId: slot.id }, seeker.accessToken)).status);
    const reminder = await mailTo(seeker.email, (m) => m.subject.includes('Your coaching session in'));
    expect(reminder.subject).toMatch(/in [23] hours/);
    expect(reminder.text).toContain(`${PUBLIC_URL}/me/bookings`);
    expect(rawHeader(reminder, 'List-Unsubscribe')).toBeNull(); // booking mail is transactional
  });

  it('application moves reach the seeker, informative: one-click unsubscribe works without signing in and is honoured', async () => {
    const organizer = await createOrganizer(t.app, t.http);
    const open = await openPosting(t.http, organizer, {}, '한빛소프트(주)');
    const seeker = await verifiedUser('seeker', 'en');
    const applicationId = await applyTo(t.http, seeker, open.postingId);
    const move = (status: string) => t.http.post(`/applications/${applicationId}/status`, { status }, open.booth.recruiter.accessToken);

    expect((await move('screening')).status).toBe(200);
    const moved = await mailTo(seeker.email, (m) => m.subject.includes('in screening'));
    expect(moved.text).toContain(`${PUBLIC_URL}/me/applications`);
    expect(rawHeader(moved, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    const unsubscribe = /^<([^>]+)>$/.exec(rawHeader(moved, 'List-Unsubscribe') ?? '')?.[1];
    expect(unsubscribe).toMatch(new RegExp(`^${PUBLIC_URL}/api/v1/mail/unsubscribe\\?token=`));

    // What a mail client does (RFC 8058): a POST with the form body, no cookies, no token of ours.
    const path = new URL(unsubscribe!);
    const res = await fetch(`${t.url}${path.pathname}${path.search}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(res.status).toBe(200);
    const forged = await fetch(`${t.url}${path.pathname}?token=abc.def`, { method: 'POST' });
    expect(forged.status).toBe(400);

    expect((await move('interview')).status).toBe(200);
    await eventually(async () => (await db.query(`SELECT 1 FROM mail_deliveries WHERE user_id = $1 AND kind = 'application-moved' AND status = 'skipped'`, [seeker.id])).rowCount === 1, 15_000, 'the skipped delivery');
    expect(sink.to(seeker.email).filter((m) => m.subject.includes('interview'))).toEqual([]);
  });

  it('SMTP down: the mails wait and go out once the server is back, once each', async () => {
    const user = await registerUser(t.http, 'recruiter');
    await mailTo(user.email, () => true);
    await sink.stop();
    expect((await t.http.post('/auth/password-reset/request', { email: user.email })).status).toBe(202);
    await eventually(async () => (await db.query(`SELECT 1 FROM mail_deliveries WHERE user_id = $1 AND kind = 'password-reset' AND status = 'failed'`, [user.id])).rowCount === 1, 15_000, 'a failed attempt');
    await sleep(500);
    expect(sink.to(user.email)).toHaveLength(1);
    await sink.start();
    await mailTo(user.email, (m) => m.text.includes('/reset-password?token='), 30_000);
    await sleep(500);
    expect(sink.to(user.email).filter((m) => m.text.includes('/reset-password'))).toHaveLength(1);
  });
});
