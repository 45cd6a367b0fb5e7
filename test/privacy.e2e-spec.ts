import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DELETED_ACCOUNT_NAME, PRIVACY_CONSENT_VERSION } from '@bisang/contracts';
import {
  PASSWORD,
  SignedIn,
  connectTestDb,
  createOrganizer,
  eventually,
  filesUnder,
  insertApplication,
  insertCoachingBooking,
  insertCompanyBooth,
  insertFair,
  insertHire,
  insertPosting,
  insertUser,
  registerUser,
  samplePdf,
  uniqueEmail,
} from '@bisang/testing';
import { TestApp, startTestApp } from './support/test-app';

/**
 * Privacy (issue #15): the consent at sign-up with its version and time, the seeker's data export, and account
 * deletion that erases personal data while every KPI of the fair stays exactly what it was.
 */
describe('privacy: consent, data export, account deletion', () => {
  let t: TestApp;
  let db: Client;
  let organizer: SignedIn;
  let storageDir: string;

  beforeAll(async () => {
    storageDir = mkdtempSync(join(tmpdir(), 'bisang-privacy-'));
    t = await startTestApp({ STORAGE_DIR: storageDir });
    db = await connectTestDb();
    organizer = await createOrganizer(t.app, t.http);
  });
  afterAll(async () => {
    await db.end();
    await t.close();
    rmSync(storageDir, { recursive: true, force: true });
  });

  const register = (extra: Record<string, unknown>) =>
    t.http.post('/auth/register', { email: uniqueEmail('seeker'), password: PASSWORD, name: '김민지', role: 'seeker', birthDate: '1999-04-01', ...extra });

  describe('consent at sign-up', () => {
    it('records the version agreed to on the form, with its time', async () => {
      const res = await register({ privacyConsentVersion: PRIVACY_CONSENT_VERSION });
      expect(res.status).toBe(201);
      const status = await t.http.get('/me/privacy-consents', res.body.accessToken);
      expect(status.status).toBe(200);
      expect(status.body).toMatchObject({ currentVersion: PRIVACY_CONSENT_VERSION, agreed: true, consents: [{ version: PRIVACY_CONSENT_VERSION }] });
      expect(Date.parse(status.body.consents[0].agreedAt)).not.toBeNaN();
    });

    it('still accepts the CONTRACT request without the field; the consent is then asked for and recorded once', async () => {
      const res = await register({});
      expect(res.status).toBe(201);
      const seeker = { accessToken: res.body.accessToken as string };
      expect((await t.http.get('/me/privacy-consents', seeker.accessToken)).body).toEqual({
        currentVersion: PRIVACY_CONSENT_VERSION,
        agreed: false,
        consents: [],
      });
      const agreed = await t.http.request('PUT', '/me/privacy-consents', { body: { version: PRIVACY_CONSENT_VERSION }, token: seeker.accessToken });
      expect(agreed.status).toBe(200);
      expect(agreed.body.agreed).toBe(true);
      const again = await t.http.request('PUT', '/me/privacy-consents', { body: { version: PRIVACY_CONSENT_VERSION }, token: seeker.accessToken });
      expect(again.body.consents).toEqual(agreed.body.consents);
    });

    it('refuses a version that is not the current one, naming the field (400)', async () => {
      const res = await register({ privacyConsentVersion: '2020-01-01' });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body.message)).toContain('privacyConsentVersion');
      const seeker = await registerUser(t.http, 'seeker');
      const put = await t.http.request('PUT', '/me/privacy-consents', { body: { version: '2020-01-01' }, token: seeker.accessToken });
      expect(put.status).toBe(400);
      expect(JSON.stringify(put.body.message)).toContain('version');
    });

    it('asks again when only an earlier version was agreed to', async () => {
      const res = await register({});
      const seeker = { id: res.body.user.id as string, accessToken: res.body.accessToken as string };
      await db.query(`INSERT INTO privacy_consents (user_id, version, agreed_at) VALUES ($1, '2025-01-01', now())`, [seeker.id]);
      const status = await t.http.get('/me/privacy-consents', seeker.accessToken);
      expect(status.body).toMatchObject({ agreed: false, consents: [{ version: '2025-01-01' }] });
    });
  });

  /**
   * A closed fair (June 2026) where the seeker about to leave was hired (age 31: youth, U-turn, career break),
   * another seeker (40: mid-career) was hired, and the leaving seeker also has an application in the interview
   * stage, a completed and a no-show coaching session, and a booth chat; plus an upcoming session and a talent pool
   * entry in a live fair.
   */
  async function buildFixture() {
    const fair = await insertFair(db, { startsAt: new Date('2026-05-31T15:00:00Z'), endsAt: new Date('2026-06-30T15:00:00Z'), hiringTarget: 4, status: 'closed' });
    const live = await insertFair(db, { startsAt: new Date(Date.now() - 86_400_000), endsAt: new Date(Date.now() + 30 * 86_400_000), status: 'live' });
    const booth = await insertCompanyBooth(db, fair.id, '대구정밀(주)');
    const recruiter = await registerUser(t.http, 'recruiter');
    await db.query(`INSERT INTO company_staff (company_id, user_id) VALUES ($1, $2)`, [booth.companyId, recruiter.id]);
    const p1 = await insertPosting(db, booth, { title: '백엔드 개발자', jobCategory: '1' });
    const p2 = await insertPosting(db, booth, { title: '생산관리', jobCategory: '8', employmentType: 'contract' });

    const seeker = await registerUser(t.http, 'seeker', { birthDate: '1995-05-10', name: '이서연' });
    const profile = { education: 'bachelor', desiredJobCategories: ['1'], region: '대구 수성구', uTurn: true, careerBreak: true, careerSummary: '서울에서 5년간 개발.' };
    expect((await t.http.request('PUT', '/me/profile', { body: profile, token: seeker.accessToken })).status).toBe(200);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(samplePdf())], { type: 'application/pdf' }), '이력서.pdf');
    expect((await t.http.form('PUT', '/me/resume', form, seeker.accessToken)).status).toBe(200);

    const hired = await insertApplication(db, {
      postingId: p1,
      seekerId: seeker.id,
      status: 'hired',
      appliedAt: new Date('2026-06-02T03:00:00Z'),
      reachedInterviewAt: new Date('2026-06-05T03:00:00Z'),
      reachedOfferAt: new Date('2026-06-08T03:00:00Z'),
    });
    await db.query(`UPDATE applications SET cover_letter = '열심히 하겠습니다.', recruiter_note = '면접 인상 좋음' WHERE id = $1`, [hired]);
    await insertHire(db, { applicationId: hired, employmentType: 'regular', jobCategory: '1', startDate: '2026-07-01', hiredAt: new Date('2026-06-10T03:00:00Z') });
    const interviewing = await insertApplication(db, {
      postingId: p2,
      seekerId: seeker.id,
      status: 'interview',
      appliedAt: new Date('2026-06-03T03:00:00Z'),
      reachedInterviewAt: new Date('2026-06-09T03:00:00Z'),
    });

    const other = await insertUser(db, 'seeker', '박지훈', '1986-01-20');
    const otherApp = await insertApplication(db, {
      postingId: p2,
      seekerId: other,
      status: 'hired',
      appliedAt: new Date('2026-06-02T03:00:00Z'),
      reachedInterviewAt: new Date('2026-06-04T03:00:00Z'),
      reachedOfferAt: new Date('2026-06-06T03:00:00Z'),
    });
    await insertHire(db, { applicationId: otherApp, employmentType: 'contract', jobCategory: '8', startDate: '2026-07-01', hiredAt: new Date('2026-06-12T03:00:00Z') });

    const coach = await insertUser(db, 'coach', '최코치');
    await insertCoachingBooking(db, { fairId: fair.id, coachId: coach, seekerId: seeker.id, status: 'completed', startsAt: new Date('2026-06-04T01:00:00Z') });
    await insertCoachingBooking(db, { fairId: fair.id, coachId: coach, seekerId: seeker.id, status: 'no_show', startsAt: new Date('2026-06-06T01:00:00Z') });
    const upcoming = await insertCoachingBooking(db, { fairId: live.id, coachId: coach, seekerId: seeker.id, status: 'confirmed', startsAt: new Date(Date.now() + 3 * 86_400_000) });
    expect((await t.http.request('PUT', '/me/talent-pool', { body: { fairId: live.id, visible: true, showName: true }, token: seeker.accessToken })).status).toBe(200);

    const chat = await db.query(
      `INSERT INTO chats (kind, booth_id, fair_id, company_id, seeker_id, recruiter_id, last_seq, waited_seconds, started_at, ended_at)
       VALUES ('live', $1, $2, $3, $4, $5, 2, 30, '2026-06-03T02:00:00Z', '2026-06-03T02:10:00Z') RETURNING id`,
      [booth.boothId, fair.id, booth.companyId, seeker.id, recruiter.id],
    );
    const chatId: string = chat.rows[0].id;
    await db.query(
      `INSERT INTO chat_messages (chat_id, seq, sender_id, body) VALUES ($1, 1, $2, '제 연락처는 010-1234-5678입니다'), ($1, 2, $3, '감사합니다')`,
      [chatId, seeker.id, recruiter.id],
    );
    await db.query(`INSERT INTO notifications (user_id, seq, type, data) VALUES ($1, 1000, 'application.status_changed', '{"status":"interview"}')`, [seeker.id]);
    return { fair, live, booth, recruiter, seeker, coach, hired, interviewing, upcoming, chatId };
  }

  it('exports the seeker’s data as a JSON file', async () => {
    const f = await buildFixture();
    const res = await t.http.get('/me/data-export', f.seeker.accessToken);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="bisang-my-data-\d{4}-\d{2}-\d{2}\.json"$/);
    const data = res.body;
    expect(data.account).toMatchObject({ id: f.seeker.id, email: f.seeker.email, name: '이서연', role: 'seeker', birthDate: '1995-05-10' });
    expect(data.account.passwordHash).toBeUndefined();
    expect(data.profile).toMatchObject({ region: '대구 수성구', uTurn: true, careerBreak: true, careerSummary: '서울에서 5년간 개발.' });
    expect(data.resume).toMatchObject({ fileName: '이력서.pdf' });
    expect(data.resume.storageKey).toBeUndefined();
    expect(data.applications.map((a: { id: string }) => a.id).sort()).toEqual([f.hired, f.interviewing].sort());
    expect(data.applications.find((a: { id: string }) => a.id === f.hired)).toMatchObject({
      companyName: '대구정밀(주)',
      coverLetter: '열심히 하겠습니다.',
      hire: { employmentType: 'regular', startDate: '2026-07-01' },
    });
    expect(data.applications.find((a: { id: string }) => a.id === f.hired).recruiterNote).toBeUndefined();
    expect(data.coachingBookings.map((b: { status: string }) => b.status).sort()).toEqual(['completed', 'confirmed', 'no_show']);
    expect(data.chats).toEqual([expect.objectContaining({ id: f.chatId, companyName: '대구정밀(주)' })]);
    expect(data.messagesSent).toEqual([expect.objectContaining({ chatId: f.chatId, seq: 1, body: '제 연락처는 010-1234-5678입니다' })]);
    expect(data.talentPool).toEqual([expect.objectContaining({ fairId: f.live.id, visible: true })]);
    expect(data.notifications).toEqual([expect.objectContaining({ type: 'application.status_changed' })]);
    expect(data.privacyConsents).toEqual([{ version: PRIVACY_CONSENT_VERSION, agreedAt: expect.any(String) }]);
    // Nobody else's: another seeker's export has none of it.
    const stranger = await registerUser(t.http, 'seeker');
    const theirs = (await t.http.get('/me/data-export', stranger.accessToken)).body;
    expect(theirs).toMatchObject({ applications: [], coachingBookings: [], chats: [], messagesSent: [], profile: null, resume: null });
  });

  it('deletes the account after the password: personal data gone, sessions ended, every KPI exactly the same', async () => {
    const f = await buildFixture();
    const kpis = async () => {
      const res = await t.http.get(`/fairs/${f.fair.id}/kpis`, organizer.accessToken);
      expect(res.status).toBe(200);
      const { asOf: _asOf, ...rest } = res.body;
      return rest;
    };
    const before = await kpis();
    // The fixture is what it says: 2 hires, the leaving seeker youth, U-turn and career break, the other mid-career.
    expect(before).toMatchObject({ hires: 2, youthHires: 1, uturnHires: 1, careerBreakHires: 1, midCareerHires: 1, applications: 3, interviews: 3, coachingBookings: 2, coachingNoShows: 1, chatsHeld: 1 });
    const hiresCsvBefore = (await t.http.get(`/fairs/${f.fair.id}/exports/hires.csv`, organizer.accessToken)).body as string;
    const resumeKey: string = (await db.query(`SELECT storage_key FROM resumes WHERE seeker_id = $1`, [f.seeker.id])).rows[0].storage_key;
    expect(filesUnder(storageDir)).toContain(resumeKey);

    const wrong = await t.http.post('/me/delete', { password: 'not-my-password-1' }, f.seeker.accessToken);
    expect(wrong.status).toBe(403);
    expect(wrong.body.code).toBe('INVALID_CURRENT_PASSWORD');
    expect((await t.http.post('/me/delete', {}, f.seeker.accessToken)).status).toBe(400);
    expect((await t.http.post('/me/delete', { password: PASSWORD }, f.recruiter.accessToken)).status).toBe(403);
    expect((await t.http.get('/me', f.seeker.accessToken)).status).toBe(200);

    expect((await t.http.post('/me/delete', { password: PASSWORD }, f.seeker.accessToken)).status).toBe(204);

    // Every KPI reads the same.
    expect(await kpis()).toEqual(before);
    const hiresCsvAfter = (await t.http.get(`/fairs/${f.fair.id}/exports/hires.csv`, organizer.accessToken)).body as string;
    expect(hiresCsvAfter.replace(DELETED_ACCOUNT_NAME, '이서연')).toEqual(hiresCsvBefore);

    // Sessions end, and the account can no longer be signed in to.
    expect((await t.http.get('/me', f.seeker.accessToken)).status).toBe(401);
    expect((await t.http.post('/auth/refresh', { refreshToken: f.seeker.refreshToken })).status).toBe(401);
    expect((await t.http.post('/auth/login', { email: f.seeker.email, password: PASSWORD })).status).toBe(401);

    // The company sees no personal data of theirs: a withdrawn application under a placeholder name.
    const list = await t.http.get(`/booths/${f.booth.boothId}/applications`, f.recruiter.accessToken);
    expect(list.status).toBe(200);
    const mine = list.body.items.filter((a: { seeker: { id: string } }) => a.seeker.id === f.seeker.id);
    expect(mine).toHaveLength(2);
    for (const a of mine) {
      expect(a.seeker).toMatchObject({ name: DELETED_ACCOUNT_NAME, age: null });
      expect(a.coverLetter).toBeNull();
    }
    expect(mine.find((a: { id: string }) => a.id === f.interviewing).status).toBe('withdrawn');
    expect((await t.http.get(`/seekers/${f.seeker.id}/profile`, f.recruiter.accessToken)).status).toBe(404);
    const chat = await t.http.get(`/chats/${f.chatId}/messages`, f.recruiter.accessToken);
    expect(chat.body.items.map((m: { body: string }) => m.body).join(' ')).not.toContain('010-1234-5678');

    // Nothing personal is left in the database or the file storage.
    const [user] = (await db.query(`SELECT name, email, birth_date, password_hash, deleted_at FROM users WHERE id = $1`, [f.seeker.id])).rows;
    expect(user).toMatchObject({ name: DELETED_ACCOUNT_NAME, birth_date: null });
    expect(user.email).not.toContain(f.seeker.email.split('@')[0]);
    expect(user.deleted_at).not.toBeNull();
    const left = async (sql: string) => (await db.query(sql, [f.seeker.id])).rows[0].n as number;
    expect(await left(`SELECT count(*)::int AS n FROM seeker_profiles WHERE user_id = $1`)).toBe(0);
    expect(await left(`SELECT count(*)::int AS n FROM resumes WHERE seeker_id = $1`)).toBe(0);
    expect(await left(`SELECT count(*)::int AS n FROM talent_pool_entries WHERE seeker_id = $1`)).toBe(0);
    // The coach is told of the cancelled session; the deleted account is told nothing (no inbox comes back).
    await eventually(
      async () => (await db.query(`SELECT 1 FROM notifications WHERE user_id = $1 AND type = 'booking.cancelled'`, [f.coach])).rowCount === 1,
      'the coach notified of the cancelled session',
    );
    expect(await left(`SELECT count(*)::int AS n FROM notifications WHERE user_id = $1`)).toBe(0);
    expect(await left(`SELECT count(*)::int AS n FROM applications WHERE seeker_id = $1 AND (cover_letter IS NOT NULL OR recruiter_note IS NOT NULL)`)).toBe(0);
    expect(await left(`SELECT count(*)::int AS n FROM domain_events WHERE payload->>'seekerId' = $1 AND payload->>'seekerName' = '이서연'`)).toBe(0);
    expect(filesUnder(storageDir)).not.toContain(resumeKey);
    // The upcoming session is cancelled (the coach is told through booking.cancelled); held ones stay as they were.
    const bookings = (await db.query(`SELECT id, status FROM coaching_bookings WHERE seeker_id = $1`, [f.seeker.id])).rows;
    expect(bookings.find((b) => b.id === f.upcoming).status).toBe('cancelled');
    expect(bookings.map((b) => b.status).sort()).toEqual(['cancelled', 'completed', 'no_show']);
    // A second deletion finds nobody.
    expect((await t.http.post('/auth/login', { email: `deleted-${f.seeker.id}@deleted.invalid`, password: '!deleted' })).status).toBe(401);
  });
});
