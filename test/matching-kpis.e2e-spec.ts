import { Client } from 'pg';
import type { KpiUpdate } from '@bisang/contracts';
import { SignedIn, connectTestDb, createOrganizer, eventually, insertApplication, insertCompanyBooth, insertFair, insertHire, insertPosting, insertUser, joinFair } from '@bisang/testing';
import { TestApp, startTestApp } from './support/test-app';

/**
 * The segment KPIs (mid-career, U-turn, career break, introduced) against a fixture worked by hand, with the
 * birthday and time-zone boundaries the youth share already honours; the CSV columns; target shares and
 * kpi:update carrying them.
 */
describe('segment KPIs', () => {
  let t: TestApp;
  let db: Client;
  let organizer: SignedIn;
  let fair: { id: string; slug: string };

  beforeAll(async () => {
    t = await startTestApp();
    db = await connectTestDb();
    organizer = await createOrganizer(t.app, t.http);
    fair = await buildFixture();
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  /**
   * A fair in June 2026, Asia/Seoul (UTC+9), mid-career from 40 (the default). Hires (local hire day → age):
   *   M1 born 1986-06-15, hired 06-14 23:30Z = 06-15 08:30 KST → 40 (39 by the UTC date): mid-career; U-turn
   *   M2 born 1986-06-16, hired 06-15 10:00 KST → 39 (40 tomorrow): not;                   career break
   *   M3 born 1986-06-15, hired 06-14 14:00Z = 06-14 23:00 KST → 39 (40 in an hour): not
   *   M4 born 1971-01-10, hired 06-20 → 55: mid-career;                                    U-turn, introduced by the centre
   * → hires 4, mid-career 2 (0.5), U-turn 2 (0.5), career break 1 (0.25), introduced 1 (0.25).
   */
  async function buildFixture() {
    const f = await insertFair(db, { startsAt: new Date('2026-05-31T15:00:00Z'), endsAt: new Date('2026-06-30T15:00:00Z'), status: 'closed' });
    const booth = await insertCompanyBooth(db, f.id, '세그먼트(주)');
    const posting = await insertPosting(db, booth, { title: '재무 담당', jobCategory: '0' });
    const hire = async (name: string, birthDate: string, hiredAt: string, profile: { uTurn?: boolean; careerBreak?: boolean } = {}) => {
      const seekerId = await insertUser(db, 'seeker', name, birthDate);
      await db.query(
        `INSERT INTO seeker_profiles (user_id, desired_job_categories, u_turn, career_break, updated_at) VALUES ($1, '{}', $2, $3, now())`,
        [seekerId, profile.uTurn ?? false, profile.careerBreak ?? false],
      );
      const applicationId = await insertApplication(db, { postingId: posting, seekerId, status: 'hired', appliedAt: new Date('2026-06-05T03:00:00Z') });
      await insertHire(db, { applicationId, employmentType: 'regular', jobCategory: '0', startDate: '2026-07-01', hiredAt: new Date(hiredAt) });
      return { seekerId, applicationId };
    };
    await hire('중년 경계', '1986-06-15', '2026-06-14T23:30:00Z', { uTurn: true });
    await hire('하루 전', '1986-06-16', '2026-06-15T01:00:00Z', { careerBreak: true });
    await hire('한 시간 전', '1986-06-15', '2026-06-14T14:00:00Z');
    const m4 = await hire('유턴 재무전문가', '1971-01-10', '2026-06-20T05:00:00Z', { uTurn: true });
    const intro = await db.query(
      `INSERT INTO introductions (fair_id, posting_id, seeker_id, status, application_id) VALUES ($1, $2, $3, 'accepted', $4) RETURNING id`,
      [f.id, posting, m4.seekerId, m4.applicationId],
    );
    await db.query(`UPDATE applications SET introduction_id = $2 WHERE id = $1`, [m4.applicationId, intro.rows[0].id]);
    return f;
  }

  it('counts mid-career by age on the local hire day, U-turn and career break from the profile, introduced hires from the application', async () => {
    const res = await t.http.get(`/fairs/${fair.id}/kpis`, organizer.accessToken);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      hires: 4,
      midCareerHires: 2,
      midCareerShare: 0.5,
      uturnHires: 2,
      uturnShare: 0.5,
      careerBreakHires: 1,
      careerBreakShare: 0.25,
      introducedHires: 1,
      introducedShare: 0.25,
      youthHires: 0,
      targets: {},
    });
  });

  it("follows the fair's mid-career threshold", async () => {
    await db.query(`UPDATE fairs SET mid_career_age_min = 50 WHERE id = $1`, [fair.id]);
    try {
      const res = await t.http.get(`/fairs/${fair.id}/kpis`, organizer.accessToken);
      expect(res.body).toMatchObject({ midCareerHires: 1, midCareerShare: 0.25 });
    } finally {
      await db.query(`UPDATE fairs SET mid_career_age_min = 40 WHERE id = $1`, [fair.id]);
    }
  });

  it('takes midCareerAgeMin when a fair is created (default 40)', async () => {
    const base = { title: '중장년 박람회', timezone: 'Asia/Seoul', startsAt: '2026-09-01T00:00:00+09:00', endsAt: '2026-09-30T18:00:00+09:00', hiringTarget: 10 };
    const given = await t.http.post('/fairs', { ...base, slug: `mid-${Date.now()}`, midCareerAgeMin: 45 }, organizer.accessToken);
    expect([given.status, given.body.midCareerAgeMin]).toEqual([201, 45]);
    const byDefault = await t.http.post('/fairs', { ...base, slug: `mid-d-${Date.now()}` }, organizer.accessToken);
    expect(byDefault.body.midCareerAgeMin).toBe(40);
    expect((await t.http.post('/fairs', { ...base, slug: `mid-x-${Date.now()}`, midCareerAgeMin: -1 }, organizer.accessToken)).status).toBe(400);
  });

  it('exports the segments in the hires CSV', async () => {
    const res = await t.http.bytes(`/fairs/${fair.id}/exports/hires.csv`, organizer.accessToken);
    const lines = res.body.subarray(3).toString('utf8').split('\r\n').slice(0, -1);
    expect(lines[0]).toContain('청년(youth),중장년(mid-career),U-턴(U-turn),경력단절(career break),센터 소개(introduced)');
    const segments = (name: string) => {
      const cells = lines.find((l) => l.includes(name))!.split(',');
      return cells.slice(4, 9).join(',');
    };
    expect(segments('한 시간 전')).toBe('N,N,N,N,N');
    expect(segments('중년 경계')).toBe('N,Y,Y,N,N');
    expect(segments('하루 전')).toBe('N,N,N,Y,N');
    expect(segments('유턴 재무전문가')).toBe('N,Y,Y,N,Y');
  });

  it('keeps target shares the organizer sets, and pushes them with kpi:update', async () => {
    const socket = t.socket({ token: organizer.accessToken });
    const updates: KpiUpdate[] = [];
    socket.on('kpi:update', (u: KpiUpdate) => updates.push(u));
    expect(await joinFair(socket, fair.id)).toMatchObject({ ok: true });

    const targets = { youthShare: 0.475, regularShare: 0.758, professionalShare: 0.501, midCareerShare: 0.2, uturnShare: null };
    const res = await t.http.request('PUT', `/fairs/${fair.id}/kpi-targets`, { body: targets, token: organizer.accessToken });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ youthShare: 0.475, regularShare: 0.758, professionalShare: 0.501, midCareerShare: 0.2 });
    await eventually(() => updates.some((u) => u.kpis.targets?.youthShare === 0.475), 'kpi:update with the targets');
    expect(updates.find((u) => u.kpis.targets?.youthShare === 0.475)!.kpis).toMatchObject({ midCareerHires: 2, uturnHires: 2, introducedHires: 1 });

    const bad = await t.http.request('PUT', `/fairs/${fair.id}/kpi-targets`, { body: { youthShare: 2, regularShare: 'half', colour: 1 }, token: organizer.accessToken });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toEqual(expect.arrayContaining([expect.stringContaining('youthShare'), expect.stringContaining('regularShare')]));
  });
});
