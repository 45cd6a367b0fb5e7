import { DateTime } from 'luxon';
import { Client } from 'pg';
import { ApplicationsRepository } from '@bisang/database';
import { JobProducer, QUEUES, jobIds } from '@bisang/queues';
import type { FeedEvent, KpiUpdate, NotificationEvent } from '@bisang/contracts';
import { SignedIn, advanceTo, applyTo, connectTestDb, connected, createOrganizer, createPeople, eventually, joinFair, openPosting, registerUser } from '@bisang/testing';
import { TestApp, startTestApp } from './support/test-app';

const SEOUL = 'Asia/Seoul';
const todayInSeoul = () => DateTime.now().setZone(SEOUL).toISODate()!;
const daysFromToday = (n: number) => DateTime.now().setZone(SEOUL).startOf('day').plus({ days: n }).toISODate()!;

/** Hires: openings counted down under concurrency, the posting closing itself once, corrections, and retention follow-ups. */
describe('hires and retention follow-ups', () => {
  let t: TestApp;
  let db: Client;
  let jobs: JobProducer;
  let organizer: SignedIn;

  beforeAll(async () => {
    t = await startTestApp();
    db = await connectTestDb();
    jobs = t.app.get(JobProducer, { strict: false });
    organizer = await createOrganizer(t.app, t.http);
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  const hire = (staff: { accessToken: string }, applicationId: string, terms?: Record<string, unknown>) =>
    t.http.post(`/applications/${applicationId}/status`, terms ? { status: 'hired', hire: terms } : { status: 'hired' }, staff.accessToken);
  const closedEventsFor = async (fairId: string, postingId: string) => {
    const feed = await t.http.get(`/fairs/${fairId}/feed?since=0&limit=100`);
    return (feed.body.items as FeedEvent[]).filter((e) => e.type === 'posting.closed' && (e.data.posting as { id: string }).id === postingId);
  };
  const followUpJobStates = (applicationId: string, startDate: string) =>
    Promise.all([30, 60, 90].map((d) => jobs.isScheduled('hire.follow-up', jobIds.hireFollowUp(applicationId, d, startDate))));

  /** A posting with `openings` and `count` seekers whose applications reached offered. */
  async function offeredApplicants(openings: number, count: number) {
    const open = await openPosting(t.http, organizer, { openings, employmentType: 'regular', jobCategory: '1' });
    const seekers = await createPeople(t.app, db, 'seeker', count);
    const ids: string[] = [];
    for (const s of seekers) {
      const id = await applyTo(t.http, s, open.postingId);
      await advanceTo(t.http, open.booth.recruiter, id, 'offered');
      ids.push(id);
    }
    return { ...open, seekers, ids };
  }

  it('hires exactly as many as there are openings when eight offers are accepted at once, and closes the posting once', async () => {
    const { fairId, postingId, booth, ids } = await offeredApplicants(3, 8);
    const results = await Promise.all(ids.map((id) => hire(booth.recruiter, id)));
    const hired = ids.filter((_, i) => results[i].status === 200);
    const refused = results.filter((r) => r.status !== 200);
    expect(hired).toHaveLength(3);
    expect(refused).toHaveLength(5);
    expect(refused.every((r) => r.status === 409 && r.body.code === 'NO_OPENINGS_LEFT')).toBe(true);

    const posting = await t.http.get(`/postings/${postingId}`);
    expect([posting.body.openings, posting.body.status]).toEqual([0, 'closed']);
    const stored = await db.query(
      `SELECT a.id, a.status, EXISTS (SELECT 1 FROM hires h WHERE h.application_id = a.id) AS hired,
              (SELECT count(*)::int FROM hire_follow_ups f WHERE f.application_id = a.id) AS follow_ups,
              (SELECT count(*)::int FROM application_transitions m WHERE m.application_id = a.id AND m.to_status = 'hired') AS hired_moves
         FROM applications a WHERE a.posting_id = $1`,
      [postingId],
    );
    for (const row of stored.rows) {
      const won = hired.includes(row.id);
      expect(row).toMatchObject({ status: won ? 'hired' : 'offered', hired: won, follow_ups: won ? 3 : 0, hired_moves: won ? 1 : 0 });
    }
    expect(await closedEventsFor(fairId, postingId)).toHaveLength(1);

    // Undoing one hire gives the opening back (the posting stays closed: see README), and it can be filled once more.
    const undone = await t.http.post(`/applications/${hired[0]}/hire/undo`, {}, booth.recruiter.accessToken);
    expect([undone.status, undone.body.status, undone.body.hire]).toEqual([200, 'offered', null]);
    expect((await t.http.get(`/postings/${postingId}`)).body).toMatchObject({ openings: 1, status: 'closed' });
    const waiting = ids.filter((id) => !hired.includes(id));
    const again = await Promise.all(waiting.map((id) => hire(booth.recruiter, id)));
    expect(again.filter((r) => r.status === 200)).toHaveLength(1);
    expect(again.filter((r) => r.status === 409 && r.body.code === 'NO_OPENINGS_LEFT')).toHaveLength(4);
    expect((await t.http.get(`/postings/${postingId}`)).body.openings).toBe(0);
    expect(await closedEventsFor(fairId, postingId)).toHaveLength(1);
    const count = await db.query(`SELECT count(*)::int AS n FROM hires WHERE posting_id = $1`, [postingId]);
    expect(count.rows[0].n).toBe(3);
  });

  it('keeps status, hire and openings consistent when the seeker withdraws while staff hire', async () => {
    const { booth, ids, seekers, postingId } = await offeredApplicants(6, 6);
    const results = await Promise.all(
      ids.flatMap((id, i) => [hire(booth.recruiter, id), t.http.post(`/applications/${id}/status`, { status: 'withdrawn' }, seekers[i].accessToken)]),
    );
    for (let i = 0; i < ids.length; i++) {
      const [hired, withdrawn] = [results[2 * i], results[2 * i + 1]];
      // Exactly one of the two moves from offered wins; the loser is judged again against the new stage.
      expect([hired.status, withdrawn.status].sort()).toEqual([200, 409]);
      expect((hired.status === 409 ? hired : withdrawn).body.code).toBe('ILLEGAL_TRANSITION');
    }
    const rows = await db.query(
      `SELECT a.status, EXISTS (SELECT 1 FROM hires h WHERE h.application_id = a.id) AS has_hire FROM applications a WHERE a.posting_id = $1`,
      [postingId],
    );
    const hiredCount = rows.rows.filter((r) => r.status === 'hired').length;
    expect(rows.rows.every((r) => (r.status === 'hired') === r.has_hire && ['hired', 'withdrawn'].includes(r.status))).toBe(true);
    expect((await t.http.get(`/postings/${postingId}`)).body.openings).toBe(6 - hiredCount);
  });

  it("records the posting's terms and today's date (fair time) by default, or the terms given", async () => {
    const { booth, ids } = await offeredApplicants(5, 2);
    const plain = await hire(booth.recruiter, ids[0]);
    expect(plain.body.hire).toMatchObject({ employmentType: 'regular', jobCategory: '1', startDate: todayInSeoul() });
    const startDate = daysFromToday(14);
    const given = await hire(booth.recruiter, ids[1], { startDate, employmentType: 'intern', jobCategory: '0' });
    expect(given.status).toBe(200);
    expect(given.body.hire).toMatchObject({ employmentType: 'intern', jobCategory: '0', startDate, employmentTypeLabel: { ko: '인턴', en: 'Intern' } });
    const row = await db.query(`SELECT employment_type, job_category, start_date::text AS start FROM hires WHERE application_id = $1`, [ids[1]]);
    expect(row.rows[0]).toEqual({ employment_type: 'intern', job_category: '0', start: startDate });
  });

  it('refuses a start date more than a year away, and hiring from a stage before offered, changing nothing', async () => {
    const { booth, ids, postingId } = await offeredApplicants(2, 1);
    const far = await hire(booth.recruiter, ids[0], { startDate: daysFromToday(400) });
    expect([far.status, JSON.stringify(far.body.message)]).toEqual([400, expect.stringContaining('startDate')]);
    const seeker = await registerUser(t.http, 'seeker');
    const early = await applyTo(t.http, seeker, postingId);
    const skip = await hire(booth.recruiter, early);
    expect([skip.status, skip.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
    expect((await t.http.get(`/postings/${postingId}`)).body.openings).toBe(2);
    const hires = await db.query(`SELECT count(*)::int AS n FROM hires WHERE posting_id = $1`, [postingId]);
    expect(hires.rows[0].n).toBe(0);
  });

  it('schedules follow-ups 30, 60 and 90 days after the start at 09:00 fair time, moves them with the start date, asks once, and keeps the answer', async () => {
    const { booth, ids, seekers } = await offeredApplicants(2, 1);
    const [id] = ids;
    const [seeker] = seekers;
    const startDate = daysFromToday(3);
    expect((await hire(booth.recruiter, id, { startDate })).status).toBe(200);
    await eventually(async () => JSON.stringify(await followUpJobStates(id, startDate)) === JSON.stringify([true, true, true]), 10_000, 'follow-up jobs [true, true, true]');
    const queue = jobs.queue(QUEUES.outcomes);
    for (const days of [30, 60, 90]) {
      const job = (await queue.getJob(jobIds.hireFollowUp(id, days, startDate)))!;
      const due = DateTime.fromISO(startDate, { zone: SEOUL }).plus({ days }).set({ hour: 9 });
      expect(Math.abs(job.timestamp + job.delay - due.toMillis())).toBeLessThan(60_000);
      expect(job.data).toEqual({ applicationId: id, daysAfterStart: days, startDate });
    }

    const early = await t.http.post(`/applications/${id}/follow-ups/30`, { stillEmployed: true }, seeker.accessToken);
    expect([early.status, early.body.code]).toEqual([409, 'FOLLOW_UP_NOT_ASKED']);

    // The contract differed and the start moved: the terms are corrected and the follow-ups follow the new date.
    const moved = daysFromToday(10);
    const patched = await t.http.patch(`/applications/${id}/hire`, { startDate: moved, employmentType: 'contract', jobCategory: '3' }, booth.recruiter.accessToken);
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ startDate: moved, employmentType: 'contract', jobCategory: '3' });
    await eventually(async () => JSON.stringify(await followUpJobStates(id, startDate)) === JSON.stringify([false, false, false]), 10_000, 'follow-up jobs [false, false, false]');
    await eventually(async () => JSON.stringify(await followUpJobStates(id, moved)) === JSON.stringify([true, true, true]), 10_000, 'follow-up jobs [true, true, true]');
    expect((await t.http.patch(`/applications/${id}/hire`, { jobCategory: '1' }, seeker.accessToken)).status).toBe(403);

    // The 30-day follow-up comes due (its delayed job, fired now): the seeker is asked over socket.io.
    const socket = t.socket({ token: seeker.accessToken });
    const asked: NotificationEvent[] = [];
    socket.on('notification', (n) => n.type === 'hire.follow_up' && asked.push(n));
    await connected(socket);
    await (await queue.getJob(jobIds.hireFollowUp(id, 30, moved)))!.promote();
    await eventually(() => asked.length === 1, 'hire.follow_up');
    expect(asked[0].data).toEqual({ applicationId: id, daysAfterStart: 30 });
    const askedAt = async () =>
      (await db.query(`SELECT days_after_start AS d, asked_at FROM hire_follow_ups WHERE application_id = $1 ORDER BY d`, [id])).rows;
    const first = await askedAt();
    expect(first.map((r) => r.asked_at !== null)).toEqual([true, false, false]);

    // A second delivery asks nothing: asked_at is set once.
    const repo = t.app.get(ApplicationsRepository, { strict: false });
    expect(await repo.markFollowUpAsked(id, 30, moved, new Date())).toBeNull();
    expect((await askedAt())[0].asked_at).toEqual(first[0].asked_at);

    const answer = await t.http.post(`/applications/${id}/follow-ups/30`, { stillEmployed: true }, seeker.accessToken);
    expect([answer.status, answer.body.daysAfterStart, answer.body.stillEmployed]).toEqual([200, 30, true]);
    const changed = await t.http.post(`/applications/${id}/follow-ups/30`, { stillEmployed: false }, seeker.accessToken);
    expect([changed.status, changed.body.stillEmployed]).toEqual([200, false]);
    const notYet = await t.http.post(`/applications/${id}/follow-ups/60`, { stillEmployed: true }, seeker.accessToken);
    expect([notYet.status, notYet.body.code]).toEqual([409, 'FOLLOW_UP_NOT_ASKED']);
    expect((await t.http.post(`/applications/${id}/follow-ups/30`, { stillEmployed: true }, booth.recruiter.accessToken)).status).toBe(403);
    const detail = await t.http.get(`/applications/${id}`, seeker.accessToken);
    expect(detail.body.hire.followUps[0]).toMatchObject({ daysAfterStart: 30, stillEmployed: false });
  });

  it('undoes a mistaken hire: back to offered (recorded), opening restored, follow-ups and their jobs gone', async () => {
    const { booth, ids, seekers, postingId } = await offeredApplicants(1, 1);
    const [id] = ids;
    const [seeker] = seekers;
    const startDate = daysFromToday(7);
    expect((await hire(booth.recruiter, id, { startDate })).status).toBe(200);
    await eventually(async () => JSON.stringify(await followUpJobStates(id, startDate)) === JSON.stringify([true, true, true]), 10_000, 'follow-up jobs [true, true, true]');
    expect((await t.http.get(`/postings/${postingId}`)).body).toMatchObject({ openings: 0, status: 'closed' });

    const socket = t.socket({ token: seeker.accessToken });
    const seen: NotificationEvent[] = [];
    socket.on('notification', (n) => seen.push(n));
    await connected(socket);
    expect((await t.http.post(`/applications/${id}/hire/undo`, {}, seeker.accessToken)).status).toBe(403);
    const undone = await t.http.post(`/applications/${id}/hire/undo`, {}, booth.recruiter.accessToken);
    expect([undone.status, undone.body.status, undone.body.hire]).toEqual([200, 'offered', null]);
    expect(undone.body.transitions.at(-1)).toMatchObject({ from: 'hired', to: 'offered', by: 'booth_staff' });

    const queue = jobs.queue(QUEUES.outcomes);
    // `hire.undone` takes the follow-up jobs away moments after the commit.
    await eventually(
      async () => (await Promise.all([30, 60, 90].map((days) => queue.getJob(jobIds.hireFollowUp(id, days, startDate))))).every((j) => j === undefined),
      'follow-up jobs removed',
    );
    const left = await db.query(
      `SELECT (SELECT count(*)::int FROM hires WHERE application_id = $1) AS hires,
              (SELECT count(*)::int FROM hire_follow_ups WHERE application_id = $1) AS follow_ups`,
      [id],
    );
    expect(left.rows[0]).toEqual({ hires: 0, follow_ups: 0 });
    expect((await t.http.get(`/postings/${postingId}`)).body).toMatchObject({ openings: 1, status: 'closed' });
    await eventually(() => seen.some((n) => n.type === 'application.status_changed' && n.data.from === 'hired' && n.data.to === 'offered'), 'undo notified');

    // A follow-up job that escaped removal finds no hire and asks nothing.
    const repo = t.app.get(ApplicationsRepository, { strict: false });
    expect(await repo.markFollowUpAsked(id, 30, startDate, new Date())).toBeNull();

    for (const res of [
      await t.http.post(`/applications/${id}/hire/undo`, {}, booth.recruiter.accessToken),
      await t.http.patch(`/applications/${id}/hire`, { jobCategory: '2' }, booth.recruiter.accessToken),
      await t.http.post(`/applications/${id}/follow-ups/30`, { stillEmployed: true }, seeker.accessToken),
    ]) {
      expect([res.status, res.body.code]).toEqual([409, 'NOT_HIRED']);
    }

    // Hired again (the opening was restored), with fresh follow-up jobs under the same date.
    expect((await hire(booth.recruiter, id, { startDate })).status).toBe(200);
    await eventually(async () => JSON.stringify(await followUpJobStates(id, startDate)) === JSON.stringify([true, true, true]), 10_000, 'follow-up jobs [true, true, true]');
  });

  it('an organizer watching the fair sees the KPIs move live as a seeker applies and is hired', async () => {
    const open = await openPosting(t.http, organizer, { openings: 2, employmentType: 'regular', jobCategory: '1' });
    const watching = t.socket({ token: organizer.accessToken });
    const updates: KpiUpdate[] = [];
    watching.on('kpi:update', (u: KpiUpdate) => updates.push(u));
    expect(await joinFair(watching, open.fairId)).toMatchObject({ ok: true });

    const [seeker] = await createPeople(t.app, db, 'seeker', 1);
    const id = await applyTo(t.http, seeker, open.postingId);
    await eventually(() => updates.some((u) => u.kpis.applications === 1), 'kpi:update after applying');
    expect(updates.every((u) => u.fairId === open.fairId)).toBe(true);

    await advanceTo(t.http, open.booth.recruiter, id, 'offered');
    expect((await hire(open.booth.recruiter, id)).status).toBe(200);
    await eventually(() => updates.at(-1)?.kpis.hires === 1, 'kpi:update after the hire');
    expect(updates.at(-1)!.kpis).toMatchObject({ applications: 1, interviews: 1, hires: 1, regularHires: 1, regularShare: 1 });

    expect((await t.http.post(`/applications/${id}/hire/undo`, {}, open.booth.recruiter.accessToken)).status).toBe(200);
    await eventually(() => updates.at(-1)?.kpis.hires === 0, 'kpi:update after undoing the hire');
  });
});
