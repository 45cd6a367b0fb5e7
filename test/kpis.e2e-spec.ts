import { request } from 'node:http';
import { Client } from 'pg';
import type { KpiUpdate } from '@bisang/contracts';
import { JobProducer, KPI_REFRESH_WINDOW_MS, KpiSignals, QUEUES } from '@bisang/queues';
import { SignedIn, connectTestDb, createLiveFair, createOrganizer, createPeople, EVENT_WAIT_MS, eventually, hourFromNow, insertApplication, insertCoachingBooking, insertCompanyBooth, insertFair, insertFollowUp, insertHire, insertPosting, insertUser, joinFair, publishAvailability, registerUser, settledBookings } from '@bisang/testing';
import { TestApp, startTestApp } from './support/test-app';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * The organizer's KPIs against a fixture computed by hand, the CSV exports, and live kpi:update.
 * Applications and hires are inserted with SQL (the applications API lives elsewhere); everything is read
 * back through HTTP and socket.io.
 */
describe('KPIs and exports', () => {
  let t: TestApp;
  let db: Client;
  let organizer: SignedIn;

  beforeAll(async () => {
    t = await startTestApp();
    db = await connectTestDb();
    organizer = await createOrganizer(t.app, t.http);
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  /**
   * A closed fair, 2026-06-01 – 2026-06-30 in Asia/Seoul (UTC+9), target 8, youth 15–34, professional 0–3.
   * Hires (local hire day, age on it):
   *   H5 박"지훈", 주니어  born 1991-06-15, hired 06-14 23:30Z = 06-15 08:30 KST → 35 (34 by the UTC date): not youth; regular, KECO 3 (prof.)
   *   H1 김민준           born 1991-06-16, hired 06-15 10:00 KST → 34 (35 tomorrow): youth;           regular, KECO 1 (prof.)
   *   H2 이서연           born 1991-06-15, hired 06-15 11:00 KST → 35 today: not youth;               contract, KECO 5
   *   H3 최유나           born 2011-06-20, hired 06-20 14:00 KST → 15 today: youth;                   regular, KECO 0 (prof.)
   *   H4 정하준           born 2011-06-21, hired 06-20 15:00 KST → 14: not youth;                     part_time, KECO 8
   * → hires 5, youth 2 (0.4), regular 3 (0.6), professional 3 (0.6), progress 5/8.
   * Applications: the 5 hired (interview and offer reached), applied, screening, interview, offered,
   * rejected after interview, withdrawn → 11, interviews 8, offers 6.
   * Coaching: confirmed, completed, no_show ×2, cancelled, rejected, pending, and one interview-kind
   * confirmed → bookings 4, completions 1, no-shows 2.
   */
  async function buildFixture() {
    const fair = await insertFair(db, {
      startsAt: new Date('2026-05-31T15:00:00Z'),
      endsAt: new Date('2026-06-30T15:00:00Z'),
      hiringTarget: 8,
      status: 'closed',
    });
    const x = await insertCompanyBooth(db, fair.id, '대구정밀(주)');
    const y = await insertCompanyBooth(db, fair.id, '(주)수성, 푸드');
    const z = await insertCompanyBooth(db, fair.id, '달성기계');
    const px1 = await insertPosting(db, x, { title: '백엔드 개발자 (Node.js)', jobCategory: '1' });
    const px2 = await insertPosting(db, x, { title: '=HYPERLINK("http://evil")', jobCategory: '5', employmentType: 'contract' });
    const py1 = await insertPosting(db, y, { title: '생산관리\n(주간)', jobCategory: '0' });

    const hiredApplied = new Date('2026-06-05T03:00:00Z');
    const hire = async (
      postingId: string,
      name: string,
      birthDate: string,
      hiredAt: string,
      employmentType: string,
      jobCategory: string,
    ): Promise<string> => {
      const seekerId = await insertUser(db, 'seeker', name, birthDate);
      const applicationId = await insertApplication(db, {
        postingId,
        seekerId,
        status: 'hired',
        appliedAt: hiredApplied,
        reachedInterviewAt: new Date('2026-06-08T03:00:00Z'),
        reachedOfferAt: new Date('2026-06-12T03:00:00Z'),
        updatedAt: new Date(hiredAt),
      });
      await insertHire(db, { applicationId, employmentType, jobCategory, startDate: '2026-07-01', hiredAt: new Date(hiredAt) });
      return applicationId;
    };
    const h5 = await hire(px1, '박"지훈", 주니어', '1991-06-15', '2026-06-14T23:30:00Z', 'regular', '3');
    const h1 = await hire(px1, '김민준', '1991-06-16', '2026-06-15T01:00:00Z', 'regular', '1');
    const h2 = await hire(px2, '이서연', '1991-06-15', '2026-06-15T02:00:00Z', 'contract', '5');
    const h3 = await hire(py1, '최유나', '2011-06-20', '2026-06-20T05:00:00Z', 'regular', '0');
    const h4 = await hire(py1, '정하준', '2011-06-21', '2026-06-20T06:00:00Z', 'part_time', '8');

    // 2026-06-10 16:00Z is 06-11 01:00 in Seoul.
    const appliedAt = new Date('2026-06-10T16:00:00Z');
    const interviewAt = new Date('2026-06-12T00:00:00Z');
    const offerAt = new Date('2026-06-13T00:00:00Z');
    const other = async (postingId: string, name: string, status: 'applied' | 'screening' | 'interview' | 'offered' | 'rejected' | 'withdrawn', stage: 0 | 1 | 2) =>
      insertApplication(db, {
        postingId,
        seekerId: await insertUser(db, 'seeker', name, '2000-01-01'),
        status,
        appliedAt,
        reachedInterviewAt: stage >= 1 ? interviewAt : null,
        reachedOfferAt: stage >= 2 ? offerAt : null,
      });
    await other(px1, '한지우', 'applied', 0);
    await other(px2, '오세훈', 'screening', 0);
    await other(px1, '윤도현', 'interview', 1);
    await other(py1, '장미란', 'offered', 2);
    await other(py1, '임하늘', 'rejected', 1);
    await other(py1, '강바다', 'withdrawn', 0);

    await insertFollowUp(db, { applicationId: h1, days: 30, asked: true, stillEmployed: true });
    await insertFollowUp(db, { applicationId: h2, days: 30, asked: true, stillEmployed: false });
    await insertFollowUp(db, { applicationId: h3, days: 30, asked: true });
    await insertFollowUp(db, { applicationId: h1, days: 60, asked: true, stillEmployed: true });

    const coach = await insertUser(db, 'coach', '코치');
    const statuses = ['confirmed', 'completed', 'no_show', 'no_show', 'cancelled', 'rejected', 'pending'];
    for (const [i, status] of statuses.entries()) {
      await insertCoachingBooking(db, {
        fairId: fair.id,
        coachId: coach,
        seekerId: await insertUser(db, 'seeker', `코칭 ${i}`, '2000-01-01'),
        status,
        startsAt: new Date(Date.UTC(2026, 5, 10, i)),
      });
    }
    await insertCoachingBooking(db, {
      fairId: fair.id,
      coachId: coach,
      seekerId: await insertUser(db, 'seeker', '면접자', '2000-01-01'),
      status: 'confirmed',
      kind: 'interview',
      boothId: x.boothId,
      startsAt: new Date(Date.UTC(2026, 5, 10, 12)),
    });
    return { fair, x, y, z, hires: { h1, h2, h3, h4, h5 } };
  }

  let fixture: Awaited<ReturnType<typeof buildFixture>>;
  beforeAll(async () => {
    fixture = await buildFixture();
  });

  it('counts hires, youth by age on the local hire day, regular and professional shares, the pipeline and coaching', async () => {
    const res = await t.http.get(`/fairs/${fixture.fair.id}/kpis`, organizer.accessToken);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      hiringTarget: 8,
      hires: 5,
      targetProgress: 0.625,
      youthHires: 2,
      regularHires: 3,
      professionalHires: 3,
      applications: 11,
      interviews: 8,
      offers: 6,
      coachingBookings: 4,
      coachingCompletions: 1,
      coachingNoShows: 2,
    });
    expect(res.body.youthShare).toBeCloseTo(0.4, 10);
    expect(res.body.regularShare).toBeCloseTo(0.6, 10);
    expect(res.body.professionalShare).toBeCloseTo(0.6, 10);
    expect(res.body.retention).toEqual([
      { days: 30, asked: 3, answered: 2, stillEmployed: 1, rate: 0.5 },
      { days: 60, asked: 1, answered: 1, stillEmployed: 1, rate: 1 },
      { days: 90, asked: 0, answered: 0, stillEmployed: 0, rate: 0 },
    ]);
  });

  it("gives one row per day of the fair in its time zone: a hire at 23:30 UTC counts on the next Seoul day", async () => {
    const { body } = await t.http.get(`/fairs/${fixture.fair.id}/kpis`, organizer.accessToken);
    expect(body.daily).toHaveLength(30);
    expect(body.daily[0]).toEqual({ date: '2026-06-01', hires: 0, cumulativeHires: 0, applications: 0 });
    expect(body.daily[29]).toEqual({ date: '2026-06-30', hires: 0, cumulativeHires: 5, applications: 0 });
    const day = (d: string) => body.daily.find((r: { date: string }) => r.date === d);
    expect(day('2026-06-05')).toEqual({ date: '2026-06-05', hires: 0, cumulativeHires: 0, applications: 5 });
    expect(day('2026-06-10')).toEqual({ date: '2026-06-10', hires: 0, cumulativeHires: 0, applications: 0 });
    expect(day('2026-06-11')).toEqual({ date: '2026-06-11', hires: 0, cumulativeHires: 0, applications: 6 });
    expect(day('2026-06-14')).toEqual({ date: '2026-06-14', hires: 0, cumulativeHires: 0, applications: 0 });
    expect(day('2026-06-15')).toEqual({ date: '2026-06-15', hires: 3, cumulativeHires: 3, applications: 0 });
    expect(day('2026-06-20')).toEqual({ date: '2026-06-20', hires: 2, cumulativeHires: 5, applications: 0 });
  });

  it('has a per-company table, hires first, with companies that have a booth and no activity yet', async () => {
    const { body } = await t.http.get(`/fairs/${fixture.fair.id}/kpis`, organizer.accessToken);
    expect(body.companies).toEqual([
      { companyId: fixture.x.companyId, name: '대구정밀(주)', applications: 6, interviews: 4, offers: 3, hires: 3 },
      { companyId: fixture.y.companyId, name: '(주)수성, 푸드', applications: 5, interviews: 4, offers: 3, hires: 2 },
      { companyId: fixture.z.companyId, name: '달성기계', applications: 0, interviews: 0, offers: 0, hires: 0 },
    ]);
  });

  it('zero hires: shares and target progress are 0, and other fairs do not leak in', async () => {
    const fair = await insertFair(db, { startsAt: new Date(Date.now() - 86400_000), endsAt: new Date(Date.now() + 86400_000) });
    const booth = await insertCompanyBooth(db, fair.id, '빈손상사');
    const posting = await insertPosting(db, booth, { title: '영업' });
    await insertApplication(db, { postingId: posting, seekerId: await insertUser(db, 'seeker', '지원자', '2000-01-01'), status: 'applied', appliedAt: new Date() });
    const { status, body } = await t.http.get(`/fairs/${fair.id}/kpis`, organizer.accessToken);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      hiringTarget: 150,
      hires: 0,
      targetProgress: 0,
      youthHires: 0,
      youthShare: 0,
      regularHires: 0,
      regularShare: 0,
      professionalHires: 0,
      professionalShare: 0,
      applications: 1,
      interviews: 0,
      coachingBookings: 0,
      coachingNoShows: 0,
    });
    // A live fair's series runs from its first local day to today.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(new Date());
    expect(body.daily.at(-1)).toMatchObject({ date: today, applications: 1, cumulativeHires: 0 });
  });

  it('while hires and applications commit concurrently, every answer is one consistent snapshot', async () => {
    const fair = await insertFair(db, { startsAt: new Date(Date.now() - 86400_000), endsAt: new Date(Date.now() + 86400_000), hiringTarget: 60 });
    const booths = [await insertCompanyBooth(db, fair.id, '동시상사'), await insertCompanyBooth(db, fair.id, '병렬산업')];
    const postings = [await insertPosting(db, booths[0], { title: '사무직' }), await insertPosting(db, booths[1], { title: '생산직' })];
    const writer = await connectTestDb();
    let writing = true;
    const writes = (async () => {
      for (let i = 0; i < 60; i++) {
        // One transaction: an application and its hire appear together or not at all.
        await writer.query('BEGIN');
        const seekerId = await insertUser(writer, 'seeker', `동시 ${i}`, '2000-01-01');
        const applicationId = await insertApplication(writer, { postingId: postings[i % 2], seekerId, status: 'hired', appliedAt: new Date() });
        await insertHire(writer, { applicationId, employmentType: 'regular', jobCategory: '1', startDate: '2026-12-01', hiredAt: new Date() });
        await writer.query('COMMIT');
      }
      writing = false;
    })();
    const answers: any[] = [];
    while (writing) answers.push((await t.http.get(`/fairs/${fair.id}/kpis`, organizer.accessToken)).body);
    await writes;
    await writer.end();
    answers.push((await t.http.get(`/fairs/${fair.id}/kpis`, organizer.accessToken)).body);

    const sum = (rows: Record<string, number>[], key: string) => rows.reduce((n, r) => n + r[key], 0);
    const inconsistent = answers.filter(
      (k) =>
        k.applications !== k.hires ||
        sum(k.companies, 'hires') !== k.hires ||
        sum(k.companies, 'applications') !== k.applications ||
        sum(k.daily, 'applications') !== k.applications ||
        k.daily.at(-1).cumulativeHires !== k.hires,
    );
    expect(answers.length).toBeGreaterThan(1);
    expect(inconsistent).toEqual([]);
    expect(answers.at(-1)).toMatchObject({ hires: 60, applications: 60, regularShare: 1, targetProgress: 1 });
  });

  it('only organizers: 401 anonymous, 403 other roles, 404 unknown fair, 400 malformed id', async () => {
    const seeker = await registerUser(t.http, 'seeker');
    const recruiter = await registerUser(t.http, 'recruiter');
    for (const path of ['kpis', 'exports/hires.csv', 'exports/applications.csv']) {
      expect((await t.http.get(`/fairs/${fixture.fair.id}/${path}`)).status).toBe(401);
      const asSeeker = await t.http.get(`/fairs/${fixture.fair.id}/${path}`, seeker.accessToken);
      expect([asSeeker.status, asSeeker.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
      expect((await t.http.get(`/fairs/${fixture.fair.id}/${path}`, recruiter.accessToken)).status).toBe(403);
      const unknown = await t.http.get(`/fairs/00000000-0000-4000-8000-000000000000/${path}`, organizer.accessToken);
      expect([unknown.status, unknown.body.code]).toEqual([404, 'NOT_FOUND']);
      const malformed = await t.http.get(`/fairs/not-a-uuid/${path}`, organizer.accessToken);
      expect([malformed.status, malformed.body.code]).toEqual([400, 'INVALID_ID']);
    }
  });

  const download = async (path: string) => {
    const res = await fetch(`${t.url}/api/v1${path}`, { headers: { authorization: `Bearer ${organizer.accessToken}` } });
    return { res, bytes: Buffer.from(await res.arrayBuffer()) };
  };
  /** The records of a CSV body after the BOM (cells here never hold CRLF, only LF). */
  const records = (bytes: Buffer) => bytes.subarray(3).toString('utf8').split('\r\n').slice(0, -1);

  it('exports hires as UTF-8 CSV with BOM: Korean intact, quoted, formulas neutralised, hire times in the fair zone', async () => {
    const { res, bytes } = await download(`/fairs/${fixture.fair.id}/exports/hires.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="${fixture.fair.slug}-hires-\\d{8}\\.csv"$`));
    expect(bytes.subarray(0, 3)).toEqual(BOM);
    expect(records(bytes)).toEqual([
      '회사(company),채용공고(posting),구직자(seeker),취업 시 나이(age at hire),청년(youth),중장년(mid-career),U-턴(U-turn),경력단절(career break),센터 소개(introduced),전문직(professional),고용형태(employment type),KECO 코드(code),KECO 직종(group),입사일(start date),취업 일시(hired at Asia/Seoul)',
      '대구정밀(주),백엔드 개발자 (Node.js),"박""지훈"", 주니어",35,N,N,N,N,N,Y,상용직(정규직),3,보건·의료직,2026-07-01,2026-06-15 08:30',
      '대구정밀(주),백엔드 개발자 (Node.js),김민준,34,Y,N,N,N,N,Y,상용직(정규직),1,연구직 및 공학 기술직,2026-07-01,2026-06-15 10:00',
      `대구정밀(주),"'=HYPERLINK(""http://evil"")",이서연,35,N,N,N,N,N,N,계약직,5,미용·여행·숙박·음식·경비·청소직,2026-07-01,2026-06-15 11:00`,
      '"(주)수성, 푸드","생산관리\n(주간)",최유나,15,Y,N,N,N,N,Y,상용직(정규직),0,경영·사무·금융·보험직,2026-07-01,2026-06-20 14:00',
      '"(주)수성, 푸드","생산관리\n(주간)",정하준,14,N,N,N,N,N,N,시간제,8,설치·정비·생산직,2026-07-01,2026-06-20 15:00',
    ]);
  });

  it('exports applications with status, applied at and last change in the fair zone', async () => {
    const { res, bytes } = await download(`/fairs/${fixture.fair.id}/exports/applications.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="${fixture.fair.slug}-applications-\\d{8}\\.csv"$`));
    expect(bytes.subarray(0, 3)).toEqual(BOM);
    const lines = records(bytes);
    expect(lines[0]).toBe(
      '회사(company),채용공고(posting),구직자(seeker),상태(status),상태명(status label),지원일시(applied at Asia/Seoul),최근 변경(last change Asia/Seoul)',
    );
    expect(lines).toHaveLength(12);
    expect(lines).toContain('대구정밀(주),백엔드 개발자 (Node.js),김민준,hired,채용,2026-06-05 12:00,2026-06-15 10:00');
    expect(lines).toContain(`대구정밀(주),"'=HYPERLINK(""http://evil"")",오세훈,screening,서류 심사,2026-06-11 01:00,2026-06-11 01:00`);
    expect(lines).toContain('"(주)수성, 푸드","생산관리\n(주간)",강바다,withdrawn,지원 철회,2026-06-11 01:00,2026-06-11 01:00');
  });

  it('streams an export larger than one cursor batch, every row once', async () => {
    const fair = await insertFair(db, { startsAt: new Date(Date.now() - 86400_000), endsAt: new Date(Date.now() + 86400_000) });
    const booth = await insertCompanyBooth(db, fair.id, '대량채용(주)');
    const posting = await insertPosting(db, booth, { title: '생산직' });
    await db.query(
      `WITH s AS (
         INSERT INTO users (email, password_hash, name, role, birth_date)
         SELECT 'bulk.' || $2 || '.' || i || '@fixture.bisang.kr', 'x', '지원자 ' || i, 'seeker', date '2000-01-01'
           FROM generate_series(1, 1234) AS i RETURNING id)
       INSERT INTO applications (posting_id, booth_id, company_id, fair_id, seeker_id)
       SELECT p.id, p.booth_id, p.company_id, p.fair_id, s.id FROM s, postings p WHERE p.id = $1`,
      [posting, fair.slug],
    );
    const { res, bytes } = await download(`/fairs/${fair.id}/exports/applications.csv`);
    expect(res.status).toBe(200);
    const lines = records(bytes);
    expect(lines).toHaveLength(1235);
    expect(new Set(lines.slice(1).map((l) => l.split(',')[2])).size).toBe(1234);
  });

  it('a download abandoned half-way gives its database connection back', async () => {
    const fair = await insertFair(db, { startsAt: new Date(Date.now() - 86400_000), endsAt: new Date(Date.now() + 86400_000) });
    const booth = await insertCompanyBooth(db, fair.id, '중단상사');
    const posting = await insertPosting(db, booth, { title: '긴 목록' });
    await db.query(
      `WITH s AS (
         INSERT INTO users (email, password_hash, name, role, birth_date)
         SELECT 'abandon.' || $2 || '.' || i || '@fixture.bisang.kr', 'x', '아주 긴 이름을 가진 지원자 ' || i, 'seeker', date '2000-01-01'
           FROM generate_series(1, 40000) AS i RETURNING id)
       INSERT INTO applications (posting_id, booth_id, company_id, fair_id, seeker_id)
       SELECT p.id, p.booth_id, p.company_id, p.fair_id, s.id FROM s, postings p WHERE p.id = $1`,
      [posting, fair.slug],
    );
    const cursorsOpen = async () =>
      Number(
        (
          await db.query(
            `SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE 'FETCH FORWARD%' AND state LIKE 'idle in transaction%'`,
          )
        ).rows[0].count,
      );
    // A client that reads the first chunk and then stops reading, then hangs up.
    const req = request(`${t.url}/api/v1/fairs/${fair.id}/exports/applications.csv`, { headers: { authorization: `Bearer ${organizer.accessToken}` } });
    const first = await new Promise<Buffer>((resolve, reject) => {
      req.on('response', (res) =>
        res.once('data', (chunk: Buffer) => {
          res.pause();
          resolve(chunk);
        }),
      );
      req.on('error', reject);
      req.end();
    });
    expect(first.subarray(0, 3)).toEqual(BOM);
    // The client stops reading: the server waits on it with the cursor open…
    await eventually(async () => (await cursorsOpen()) === 1, 'the export to wait on the client');
    req.destroy();
    // …until it goes away: then the transaction ends and the connection returns to the pool.
    await eventually(async () => (await cursorsOpen()) === 0, 'the cursor to be closed');
  });

  it('a burst of changes within one window makes one kpi.refresh job', async () => {
    const signals = t.app.get(KpiSignals, { strict: false });
    const queue = t.app.get(JobProducer, { strict: false }).queue(QUEUES.kpis);
    let fairId: string;
    for (;;) {
      fairId = await createLiveFair(db);
      const window = Math.floor(Date.now() / KPI_REFRESH_WINDOW_MS);
      await Promise.all(Array.from({ length: 5 }, () => signals.kpisChanged(fairId)));
      if (Math.floor(Date.now() / KPI_REFRESH_WINDOW_MS) === window) break;
      // the burst straddled two windows (two jobs, rightly): try again with a fresh fair
    }
    const jobs = await queue.getJobs(['delayed', 'waiting', 'active', 'completed']);
    expect(jobs.filter((j) => j.data.fairId === fairId)).toHaveLength(1);
  });

  it('live: an organizer socket that joined the fair receives kpi:update when a coaching booking is confirmed and cancelled; a seeker socket does not', async () => {
    const fairId = await createLiveFair(db);
    const [coach] = await createPeople(t.app, db, 'coach', 1);
    const [booker, watcher] = await createPeople(t.app, db, 'seeker', 2);
    const organizerSocket = t.socket({ token: organizer.accessToken });
    const seekerSocket = t.socket({ token: watcher.accessToken });
    const toOrganizer: KpiUpdate[] = [];
    const toSeeker: KpiUpdate[] = [];
    organizerSocket.on('kpi:update', (u: KpiUpdate) => toOrganizer.push(u));
    seekerSocket.on('kpi:update', (u: KpiUpdate) => toSeeker.push(u));
    expect(await joinFair(organizerSocket, fairId)).toMatchObject({ ok: true });
    expect(await joinFair(seekerSocket, fairId)).toMatchObject({ ok: true });

    const start = hourFromNow(48);
    const [slot] = await publishAvailability(t.http, coach, fairId, start, new Date(start.getTime() + 30 * 60_000));
    const booked = await t.http.post('/coaching/bookings', { slotId: slot.id }, booker.accessToken);
    expect((await settledBookings(db, [booked.body.id])).get(booked.body.id)?.status).toBe('confirmed');

    await eventually(() => toOrganizer.some((u) => u.kpis.coachingBookings === 1), 'kpi:update after the confirmation');
    const update = toOrganizer.find((u) => u.kpis.coachingBookings === 1)!;
    expect(update.fairId).toBe(fairId);
    const current = await t.http.get(`/fairs/${fairId}/kpis`, organizer.accessToken);
    expect({ ...update.kpis, asOf: 'x' }).toEqual({ ...current.body, asOf: 'x' });

    const cancelled = await t.http.post(`/coaching/bookings/${booked.body.id}/cancel`, {}, booker.accessToken);
    expect(cancelled.status).toBe(200);
    await eventually(() => toOrganizer.at(-1)?.kpis.coachingBookings === 0, 'kpi:update after the cancellation');

    // A round trip on the seeker's socket: anything sent to it before is in by now.
    await seekerSocket.timeout(EVENT_WAIT_MS).emitWithAck('fair:leave', { fairId });
    expect(toSeeker).toEqual([]);
  });
});
