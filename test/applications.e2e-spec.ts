import { Client } from 'pg';
import type { NotificationEvent } from '@bisang/contracts';
import { SignedIn, advanceTo, applyTo, connectTestDb, connected, createBooth, createFair, createOrganizer, createPeople, eventually, openPosting, publishPosting, registerUser } from '@bisang/testing';
import { TestApp, startTestApp } from './support/test-app';

/** Applying, the hiring pipeline through HTTP, who may see and move what, and the seeker's notifications. */
describe('applications and the hiring pipeline', () => {
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

  const apply = (seeker: { accessToken: string }, postingId: string, body: Record<string, unknown> = {}) =>
    t.http.post(`/postings/${postingId}/applications`, body, seeker.accessToken);
  const move = (who: { accessToken: string }, applicationId: string, status: string, extra: Record<string, unknown> = {}) =>
    t.http.post(`/applications/${applicationId}/status`, { status, ...extra }, who.accessToken);
  const statusOf = async (applicationId: string) =>
    (await db.query(`SELECT status FROM applications WHERE id = $1`, [applicationId])).rows[0]?.status as string | undefined;

  describe('applying', () => {
    it('applies once: 201 applied, then 409 ALREADY_APPLIED', async () => {
      const { postingId, booth } = await openPosting(t.http, organizer);
      const seeker = await registerUser(t.http, 'seeker', { name: '김지원' });
      const first = await apply(seeker, postingId, { coverLetter: '대구에서 일하고 싶습니다.' });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ postingId, boothId: booth.boothId, seekerId: seeker.id, status: 'applied', coverLetter: '대구에서 일하고 싶습니다.' });
      expect(first.body).not.toHaveProperty('recruiterNote');
      const again = await apply(seeker, postingId);
      expect([again.status, again.body.code]).toEqual([409, 'ALREADY_APPLIED']);
    });

    it('keeps one application when one seeker applies ten times at once', async () => {
      const { postingId } = await openPosting(t.http, organizer);
      const [seeker] = await createPeople(t.app, db, 'seeker', 1);
      const results = await Promise.all(Array.from({ length: 10 }, () => apply(seeker, postingId)));
      expect(results.filter((r) => r.status === 201)).toHaveLength(1);
      const conflicts = results.filter((r) => r.status === 409);
      expect(conflicts).toHaveLength(9);
      expect(new Set(conflicts.map((r) => r.body.code))).toEqual(new Set(['ALREADY_APPLIED']));
      const rows = await db.query(`SELECT id FROM applications WHERE posting_id = $1 AND seeker_id = $2`, [postingId, seeker.id]);
      expect(rows.rows).toHaveLength(1);
      const moves = await db.query(`SELECT from_status, to_status FROM application_transitions WHERE application_id = $1`, [rows.rows[0].id]);
      expect(moves.rows).toEqual([{ from_status: null, to_status: 'applied' }]);
    });

    it('accepts only visible, open postings of a live fair: 404 for what a seeker cannot see, 409 naming why otherwise', async () => {
      const seeker = await registerUser(t.http, 'seeker');
      const fair = await createFair(t.http, organizer);
      const booth = await createBooth(t.http, fair.id);
      const visible = await publishPosting(t.http, booth, '공개 공고');
      const draft = await t.http.post(`/booths/${booth.boothId}/postings`, { title: '초안', description: '초안 공고', jobCategory: '0', employmentType: 'regular', openings: 1 }, booth.recruiter.accessToken);

      // Booth not approved yet: its postings are invisible.
      expect((await apply(seeker, visible)).status).toBe(404);
      expect((await t.http.post(`/booths/${booth.boothId}/approve`, {}, organizer.accessToken)).status).toBe(200);
      expect((await apply(seeker, draft.body.id)).status).toBe(404);
      expect((await apply(seeker, '00000000-0000-4000-8000-000000000000')).status).toBe(404);

      // A closed posting, and one whose closing time has passed before its close job ran.
      const closed = await publishPosting(t.http, booth, '마감 공고');
      expect((await t.http.post(`/postings/${closed}/close`, {}, booth.recruiter.accessToken)).status).toBe(200);
      expect((await apply(seeker, closed)).body.code).toBe('POSTING_CLOSED');
      const due = await publishPosting(t.http, booth, '마감 시각 지난 공고');
      await db.query(`UPDATE postings SET closes_at = now() - interval '1 minute' WHERE id = $1`, [due]);
      const dueRes = await apply(seeker, due);
      expect([dueRes.status, dueRes.body.code]).toEqual([409, 'POSTING_CLOSED']);

      // A recruiter or a coach does not apply.
      const recruiter = await registerUser(t.http, 'recruiter');
      expect((await apply(recruiter, visible)).status).toBe(403);

      // A booth rejected after approval takes its postings out of sight.
      const other = await openPosting(t.http, organizer);
      expect((await t.http.post(`/booths/${other.booth.boothId}/reject`, { reason: '채용 의사 확인 불가' }, organizer.accessToken)).status).toBe(200);
      expect((await apply(seeker, other.postingId)).status).toBe(404);

      // A fair not live yet, and one that has closed.
      const later = await createFair(t.http, organizer, { startsAt: new Date(Date.now() + 7 * 86400_000), endsAt: new Date(Date.now() + 30 * 86400_000) });
      expect(later.status).toBe('scheduled');
      const laterBooth = await createBooth(t.http, later.id);
      const laterPosting = await publishPosting(t.http, laterBooth);
      expect((await t.http.post(`/booths/${laterBooth.boothId}/approve`, {}, organizer.accessToken)).status).toBe(200);
      const early = await apply(seeker, laterPosting);
      expect([early.status, early.body.code]).toEqual([409, 'FAIR_NOT_LIVE']);
      await db.query(`UPDATE fairs SET status = 'closed' WHERE id = $1`, [fair.id]);
      const ended = await apply(seeker, visible);
      expect([ended.status, ended.body.code]).toEqual([409, 'FAIR_NOT_LIVE']);

      const made = await db.query(`SELECT count(*)::int AS n FROM applications WHERE seeker_id = $1`, [seeker.id]);
      expect(made.rows[0].n).toBe(0);
    });
  });

  describe('the pipeline through HTTP', () => {
    it('walks applied → screening → interview → offered → hired, recording who moved it, when, from and to', async () => {
      const { postingId, booth } = await openPosting(t.http, organizer, { openings: 2 });
      const seeker = await registerUser(t.http, 'seeker');
      const id = await applyTo(t.http, seeker, postingId);
      for (const status of ['screening', 'interview', 'offered']) {
        const res = await move(booth.recruiter, id, status);
        expect([res.status, res.body.status]).toEqual([200, status]);
      }
      const hired = await move(booth.recruiter, id, 'hired');
      expect([hired.status, hired.body.status]).toEqual([200, 'hired']);
      expect(hired.body.hire).toMatchObject({ employmentType: 'regular', jobCategory: '1', followUps: [{ daysAfterStart: 30 }, { daysAfterStart: 60 }, { daysAfterStart: 90 }] });
      expect(hired.body.reachedInterviewAt).not.toBeNull();
      expect(hired.body.reachedOfferAt).not.toBeNull();

      const detail = await t.http.get(`/applications/${id}`, seeker.accessToken);
      expect(detail.status).toBe(200);
      expect(detail.body.transitions.map((m: { from: string | null; to: string; by: string }) => [m.from, m.to, m.by])).toEqual([
        [null, 'applied', 'seeker'],
        ['applied', 'screening', 'booth_staff'],
        ['screening', 'interview', 'booth_staff'],
        ['interview', 'offered', 'booth_staff'],
        ['offered', 'hired', 'booth_staff'],
      ]);
      const rows = await db.query(`SELECT actor_id FROM application_transitions WHERE application_id = $1 ORDER BY id`, [id]);
      expect(rows.rows.map((r) => r.actor_id)).toEqual([seeker.id, ...Array(4).fill(booth.recruiter.id)]);
      const posting = await t.http.get(`/postings/${postingId}`);
      expect(posting.body.openings).toBe(1);
    });

    it('refuses illegal moves with 409 ILLEGAL_TRANSITION and changes nothing', async () => {
      const { postingId, booth } = await openPosting(t.http, organizer);
      const seeker = await registerUser(t.http, 'seeker');
      const id = await applyTo(t.http, seeker, postingId);
      for (const status of ['interview', 'offered', 'hired']) {
        const res = await move(booth.recruiter, id, status);
        expect([res.status, res.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
      }
      expect((await move(booth.recruiter, id, 'rejected')).status).toBe(200);
      for (const status of ['screening', 'rejected', 'hired']) {
        const res = await move(booth.recruiter, id, status);
        expect([res.status, res.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
      }
      const res = await move(seeker, id, 'withdrawn');
      expect([res.status, res.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
      expect(await statusOf(id)).toBe('rejected');
      const moves = await db.query(`SELECT count(*)::int AS n FROM application_transitions WHERE application_id = $1`, [id]);
      expect(moves.rows[0].n).toBe(2);
    });

    it('lets the seeker only withdraw (403 for anything else), and only the seeker withdraw', async () => {
      const { postingId, booth } = await openPosting(t.http, organizer);
      const seeker = await registerUser(t.http, 'seeker');
      const id = await applyTo(t.http, seeker, postingId);
      await advanceTo(t.http, booth.recruiter, id, 'interview');
      for (const status of ['screening', 'offered', 'hired', 'rejected']) {
        const res = await move(seeker, id, status);
        expect([res.status, res.body.code]).toEqual([403, 'FORBIDDEN']);
      }
      const byStaff = await move(booth.recruiter, id, 'withdrawn');
      expect(byStaff.status).toBe(403);
      expect(await statusOf(id)).toBe('interview');
      const withdrawn = await move(seeker, id, 'withdrawn');
      expect([withdrawn.status, withdrawn.body.status]).toEqual([200, 'withdrawn']);
      const after = await move(booth.recruiter, id, 'offered');
      expect([after.status, after.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
    });

    it('hides an application from recruiters of another company, coaches and other seekers (404)', async () => {
      const { postingId } = await openPosting(t.http, organizer);
      const seeker = await registerUser(t.http, 'seeker');
      const id = await applyTo(t.http, seeker, postingId);
      const stranger = await createBooth(t.http, (await createFair(t.http, organizer)).id, '다른회사(주)');
      const otherSeeker = await registerUser(t.http, 'seeker');
      const coach = await registerUser(t.http, 'coach');
      for (const who of [stranger.recruiter, otherSeeker, coach, organizer]) {
        expect((await t.http.get(`/applications/${id}`, who.accessToken)).status).toBe(404);
        const res = await move(who, id, who === otherSeeker ? 'withdrawn' : 'screening');
        expect([res.status, res.body.code]).toEqual([404, 'APPLICATION_NOT_FOUND']);
        expect((await t.http.patch(`/applications/${id}/review`, { rating: 1 }, who.accessToken)).status).toBe(404);
      }
      expect(await statusOf(id)).toBe('applied');
    });

    it('lets only one of concurrent moves from the same stage win', async () => {
      const { postingId, booth } = await openPosting(t.http, organizer);
      const seeker = await registerUser(t.http, 'seeker');
      const id = await applyTo(t.http, seeker, postingId);
      const results = await Promise.all([move(booth.recruiter, id, 'screening'), move(booth.recruiter, id, 'screening'), move(booth.recruiter, id, 'rejected')]);
      expect(results.some((r) => r.status === 200)).toBe(true);
      const moves = await db.query(`SELECT from_status, to_status FROM application_transitions WHERE application_id = $1 ORDER BY id`, [id]);
      // Every recorded move starts where the previous one ended: no two moves won from the same stage.
      for (let i = 1; i < moves.rows.length; i++) expect(moves.rows[i].from_status).toBe(moves.rows[i - 1].to_status);
      expect(moves.rows.filter((m) => m.from_status === 'applied')).toHaveLength(1);
      expect(results.filter((r) => r.status === 200).length).toBe(moves.rows.length - 1);
      expect(results.filter((r) => r.status !== 200).every((r) => r.status === 409 && r.body.code === 'ILLEGAL_TRANSITION')).toBe(true);
    });

    it('tells the seeker over socket.io: application.status_changed with the posting and company', async () => {
      const { postingId, booth } = await openPosting(t.http, organizer, {}, '달구벌소프트');
      const seeker = await registerUser(t.http, 'seeker');
      const id = await applyTo(t.http, seeker, postingId);
      const socket = t.socket({ token: seeker.accessToken });
      const seen: NotificationEvent[] = [];
      socket.on('notification', (n) => seen.push(n));
      await connected(socket);
      expect((await move(booth.recruiter, id, 'screening')).status).toBe(200);
      await eventually(() => seen.some((n) => n.type === 'application.status_changed'), 5000, 'application.status_changed');
      const event = seen.find((n) => n.type === 'application.status_changed')!;
      expect(event.data).toEqual({ applicationId: id, postingId, postingTitle: '생산관리 담당 (신입)', companyName: '달구벌소프트', from: 'applied', to: 'screening' });
      expect(Number.isInteger(event.id)).toBe(true);
      expect(Number.isNaN(Date.parse(event.at))).toBe(false);
    });
  });

  describe('what the booth staff hear', () => {
    it('tells every recruiter of the company about a new applicant, and nobody else', async () => {
      const { postingId, booth } = await openPosting(t.http, organizer, {}, '새지원(주)');
      const other = await openPosting(t.http, organizer, {}, '다른회사(주)');
      const seeker = await registerUser(t.http, 'seeker');
      const id = await applyTo(t.http, seeker, postingId);
      const inbox = async (who: { accessToken: string }) =>
        ((await t.http.get('/me/notifications', who.accessToken)).body.items as NotificationEvent[]).filter((n) => n.type === 'application.received');
      // A consequence of the application's event: stored by the notifications subscriber moments after the commit.
      await eventually(async () => (await inbox(booth.recruiter)).length > 0, 10_000, 'application.received stored');
      const received = await inbox(booth.recruiter);
      expect(received.map((n) => n.data)).toEqual([
        { applicationId: id, postingId, postingTitle: '생산관리 담당 (신입)', boothId: booth.boothId, seekerName: expect.any(String) },
      ]);
      expect(await inbox(other.booth.recruiter)).toEqual([]);
      expect(await inbox(seeker)).toEqual([]);
    });
  });

  describe('what seekers and staff see', () => {
    it("lists a seeker's applications newest first with posting title and company, page by page, without the staff's note", async () => {
      const seeker = await registerUser(t.http, 'seeker');
      const postings = [];
      for (let i = 0; i < 3; i++) postings.push(await openPosting(t.http, organizer, {}, `회사${i}`));
      for (const p of postings) await applyTo(t.http, seeker, p.postingId);
      const before = (await t.http.get('/me/applications', seeker.accessToken)).body.items[0];
      const reviewed = await t.http.patch(`/applications/${before.id}/review`, { note: '우수', rating: 5 }, postings[2].booth.recruiter.accessToken);
      expect([reviewed.status, reviewed.body.rating]).toEqual([200, 5]);

      const first = await t.http.get('/me/applications?limit=2', seeker.accessToken);
      expect(first.status).toBe(200);
      expect(first.body.items.map((a: { companyName: string }) => a.companyName)).toEqual(['회사2', '회사1']);
      expect(first.body.items[0]).toMatchObject({ postingTitle: '생산관리 담당 (신입)', status: 'applied' });
      expect(first.body.items[0]).not.toHaveProperty('recruiterNote');
      expect(first.body.items[0]).not.toHaveProperty('rating');
      const second = await t.http.get(`/me/applications?limit=2&cursor=${first.body.nextCursor}`, seeker.accessToken);
      expect(second.body.items.map((a: { companyName: string }) => a.companyName)).toEqual(['회사0']);
      expect(second.body.nextCursor).toBeNull();
      const detail = await t.http.get(`/applications/${first.body.items[0].id}`, seeker.accessToken);
      expect(detail.body).not.toHaveProperty('recruiterNote');
      expect(detail.body).not.toHaveProperty('rating');
      // Not even a changed updatedAt tells the seeker that a note was written.
      expect(detail.body).toEqual({ ...before, transitions: expect.any(Array), hire: null });
      expect((await t.http.get('/me/applications', postings[0].booth.recruiter.accessToken)).status).toBe(403);
    });

    it("lists a booth's applications for its staff with the applicant's name, age, note and rating, filtered by status and posting", async () => {
      const { fairId, postingId, booth } = await openPosting(t.http, organizer);
      const second = await publishPosting(t.http, booth, '두 번째 공고');
      const a = await registerUser(t.http, 'seeker', { name: '이청년', birthDate: '2000-01-15' });
      const b = await registerUser(t.http, 'seeker', { name: '박유턴', birthDate: '1971-03-02' });
      const idA = await applyTo(t.http, a, postingId);
      const idB = await applyTo(t.http, b, second);
      await applyTo(t.http, a, second);
      expect((await move(booth.recruiter, idB, 'screening')).status).toBe(200);
      const reviewed = await t.http.patch(`/applications/${idA}/review`, { note: '면접 일정 조율 필요', rating: 4 }, booth.recruiter.accessToken);
      expect([reviewed.status, reviewed.body.recruiterNote, reviewed.body.rating]).toEqual([200, '면접 일정 조율 필요', 4]);

      const all = await t.http.get(`/booths/${booth.boothId}/applications`, booth.recruiter.accessToken);
      expect(all.status).toBe(200);
      expect(all.body.items).toHaveLength(3);
      const ofA = all.body.items.find((x: { id: string }) => x.id === idA);
      const age = (birth: string) => {
        const today = new Date(new Date().toLocaleString('en-US', { timeZone: 'Asia/Seoul' }));
        const [y, m, d] = birth.split('-').map(Number);
        return today.getFullYear() - y - (today.getMonth() + 1 < m || (today.getMonth() + 1 === m && today.getDate() < d) ? 1 : 0);
      };
      expect(ofA).toMatchObject({ seeker: { id: a.id, name: '이청년', age: age('2000-01-15') }, recruiterNote: '면접 일정 조율 필요', rating: 4, fairId });
      const screening = await t.http.get(`/booths/${booth.boothId}/applications?status=screening`, booth.recruiter.accessToken);
      expect(screening.body.items.map((x: { id: string }) => x.id)).toEqual([idB]);
      expect(screening.body.items[0].seeker).toEqual({ id: b.id, name: '박유턴', age: age('1971-03-02') });
      const ofSecond = await t.http.get(`/booths/${booth.boothId}/applications?postingId=${second}&limit=1`, booth.recruiter.accessToken);
      expect(ofSecond.body.items).toHaveLength(1);
      const rest = await t.http.get(`/booths/${booth.boothId}/applications?postingId=${second}&limit=1&cursor=${ofSecond.body.nextCursor}`, booth.recruiter.accessToken);
      expect([...ofSecond.body.items, ...rest.body.items].map((x: { postingId: string }) => x.postingId)).toEqual([second, second]);

      const cleared = await t.http.patch(`/applications/${idA}/review`, { note: null }, booth.recruiter.accessToken);
      expect([cleared.body.recruiterNote, cleared.body.rating]).toEqual([null, 4]);
      const bySeeker = await t.http.patch(`/applications/${idA}/review`, { rating: 5 }, a.accessToken);
      expect(bySeeker.status).toBe(403);
      const stranger = await createBooth(t.http, fairId, '남의회사');
      expect((await t.http.get(`/booths/${booth.boothId}/applications`, stranger.recruiter.accessToken)).status).toBe(403);
      expect((await t.http.get(`/booths/${booth.boothId}/applications`, a.accessToken)).status).toBe(403);
    });
  });

  it('asks for a sign-in (401) and documents every route in the OpenAPI document', async () => {
    const { postingId } = await openPosting(t.http, organizer);
    expect((await t.http.post(`/postings/${postingId}/applications`, {})).status).toBe(401);
    expect((await t.http.get('/me/applications')).status).toBe(401);
    const docs = await t.http.get('/docs-json');
    expect(docs.status).toBe(200);
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/postings/{postingId}/applications',
        '/api/v1/me/applications',
        '/api/v1/booths/{boothId}/applications',
        '/api/v1/applications/{applicationId}',
        '/api/v1/applications/{applicationId}/status',
        '/api/v1/applications/{applicationId}/review',
        '/api/v1/applications/{applicationId}/hire',
        '/api/v1/applications/{applicationId}/hire/undo',
        '/api/v1/applications/{applicationId}/follow-ups/{days}',
      ]),
    );
  });

  describe('bad input', () => {
    let postingId: string;
    let booth: { accessToken: string };
    let seeker: SignedIn;
    let id: string;
    let fairId: string;
    let boothId: string;

    beforeAll(async () => {
      const open = await openPosting(t.http, organizer);
      postingId = open.postingId;
      fairId = open.fairId;
      boothId = open.booth.boothId;
      booth = open.booth.recruiter;
      seeker = await registerUser(t.http, 'seeker');
      id = await applyTo(t.http, seeker, postingId);
    });

    it('answers 400 INVALID_ID for malformed ids, naming the parameter', async () => {
      const cases: [string, Promise<{ status: number; body: { code: string; message: string } }>][] = [
        ['postingId', apply(seeker, 'not-a-uuid')],
        ['applicationId', t.http.get('/applications/123', seeker.accessToken)],
        ['applicationId', move(booth, 'abc', 'screening')],
        ['applicationId', t.http.patch('/applications/abc/review', { rating: 3 }, booth.accessToken)],
        ['applicationId', t.http.patch('/applications/abc/hire', {}, booth.accessToken)],
        ['applicationId', t.http.post('/applications/abc/hire/undo', {}, booth.accessToken)],
        ['boothId', t.http.get('/booths/xyz/applications', booth.accessToken)],
        ['days', t.http.post(`/applications/${id}/follow-ups/45`, { stillEmployed: true }, seeker.accessToken)],
        ['days', t.http.post(`/applications/${id}/follow-ups/thirty`, { stillEmployed: true }, seeker.accessToken)],
      ];
      for (const [name, pending] of cases) {
        const res = await pending;
        expect([res.status, res.body.code]).toEqual([400, 'INVALID_ID']);
        expect(res.body.message).toContain(name);
      }
    });

    it('rejects unknown fields, bad statuses, ratings out of range and malformed hire terms, naming each field, and changes nothing', async () => {
      const cases: [Promise<{ status: number; body: { code: string; message: string[] | string } }>, string[]][] = [
        [apply(seeker, postingId, { coverLetter: '안녕하세요', salary: 1 }), ['salary']],
        [apply(seeker, postingId, { coverLetter: 'x'.repeat(5001) }), ['coverLetter']],
        [apply(seeker, postingId, { coverLetter: 42 }), ['coverLetter']],
        [move(booth, id, 'promoted'), ['status']],
        [move(booth, id, 'applied'), ['status']],
        [t.http.post(`/applications/${id}/status`, {}, booth.accessToken), ['status']],
        [move(booth, id, 'screening', { reason: 'x' }), ['reason']],
        [move(booth, id, 'screening', { hire: { startDate: '2026-12-01' } }), ['hire']],
        [move(booth, id, 'hired', { hire: { startDate: '2026-02-30', employmentType: 'freelance', jobCategory: '12', bonus: 1 } }), ['startDate', 'employmentType', 'jobCategory', 'bonus']],
        [move(booth, id, 'hired', { hire: 'tomorrow' }), ['hire']],
        [t.http.patch(`/applications/${id}/review`, { rating: 0 }, booth.accessToken), ['rating']],
        [t.http.patch(`/applications/${id}/review`, { rating: 6 }, booth.accessToken), ['rating']],
        [t.http.patch(`/applications/${id}/review`, { rating: 2.5 }, booth.accessToken), ['rating']],
        [t.http.patch(`/applications/${id}/review`, { rating: '3' }, booth.accessToken), ['rating']],
        [t.http.patch(`/applications/${id}/review`, { note: 'x'.repeat(5001), stars: 5 }, booth.accessToken), ['note', 'stars']],
        [t.http.patch(`/applications/${id}/hire`, { startDate: '12/01/2026' }, booth.accessToken), ['startDate']],
        [t.http.post(`/applications/${id}/follow-ups/30`, { stillEmployed: 'yes' }, seeker.accessToken), ['stillEmployed']],
        [t.http.get(`/booths/${(await db.query(`SELECT booth_id FROM applications WHERE id = $1`, [id])).rows[0].booth_id}/applications?status=hiredd&postingId=nope&limit=0`, booth.accessToken), ['status', 'postingId', 'limit']],
        [t.http.get('/me/applications?cursor=bm9wZQ', seeker.accessToken), ['cursor']],
      ];
      for (const [pending, fields] of cases) {
        const res = await pending;
        expect(res.status).toBe(400);
        const text = JSON.stringify(res.body.message);
        for (const f of fields) expect(text).toContain(f);
      }
      expect(await statusOf(id)).toBe('applied');
      const row = (await db.query(`SELECT cover_letter, recruiter_note, rating FROM applications WHERE id = $1`, [id])).rows[0];
      expect(row).toEqual({ cover_letter: '열심히 하겠습니다.', recruiter_note: null, rating: null });
    });

    it('answers 400 INVALID_CURSOR, not 500, for forged cursors on every list (instants PostgreSQL cannot hold, free text, non-UUID ids)', async () => {
      const forge = (key: Record<string, unknown>) => Buffer.from(JSON.stringify(key)).toString('base64url');
      const uuid = '00000000-0000-4000-8000-000000000000';
      const lists: [string, string, string, string][] = [
        [`/fairs`, 'startsAt', 'id', seeker.accessToken],
        [`/fairs/${fairId}/booths`, 'createdAt', 'id', seeker.accessToken],
        [`/fairs/${fairId}/postings`, 'publishedAt', 'id', seeker.accessToken],
        [`/me/applications`, 't', 'i', seeker.accessToken],
        [`/booths/${boothId}/applications`, 't', 'i', booth.accessToken],
        [`/me/notifications`, 'k', 'i', seeker.accessToken],
        [`/me/coaching/bookings`, 's', 'i', seeker.accessToken],
        [`/me/coaching/waitlist`, 'c', 'i', seeker.accessToken],
        [`/fairs/${fairId}/coaching/slots`, 's', 'i', seeker.accessToken],
      ];
      for (const [path, at, idField, token] of lists) {
        for (const key of [
          { [at]: -8.64e15, [idField]: uuid },
          { [at]: '-100000-01-01T00:00:00Z', [idField]: uuid },
          { [at]: '2026-02-30T00:00:00Z', [idField]: uuid },
          { [at]: 'zzz', [idField]: uuid },
          { [at]: '2026-05-09T00:00:00Z', [idField]: 'y' },
        ]) {
          const res = await t.http.get(`${path}?cursor=${forge(key)}`, token);
          expect([path, res.status, res.body.code]).toEqual([path, 400, 'INVALID_CURSOR']);
        }
      }
    });

    it('answers 400 naming the field, not 500, for text holding the NUL character PostgreSQL cannot store, and changes nothing', async () => {
      const newcomer = await registerUser(t.http, 'seeker');
      const cases: [Promise<{ status: number; body: { code: string; message: string[] | string } }>, string][] = [
        [apply(newcomer, postingId, { coverLetter: '안녕\u0000하세요' }), 'coverLetter'],
        [t.http.patch(`/applications/${id}/review`, { note: 'a\u0000b' }, booth.accessToken), 'note'],
        [t.http.request('PUT', '/me/profile', { body: { region: '대구\u0000' }, token: newcomer.accessToken }), 'region'],
      ];
      for (const [pending, field] of cases) {
        const res = await pending;
        expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
        expect(JSON.stringify(res.body.message)).toContain(field);
      }
      expect((await db.query(`SELECT 1 FROM applications WHERE seeker_id = $1`, [newcomer.id])).rows).toHaveLength(0);
      expect((await db.query(`SELECT recruiter_note FROM applications WHERE id = $1`, [id])).rows[0].recruiter_note).toBeNull();
      expect((await db.query(`SELECT 1 FROM seeker_profiles WHERE user_id = $1`, [newcomer.id])).rows).toHaveLength(0);
    });
  });
});
