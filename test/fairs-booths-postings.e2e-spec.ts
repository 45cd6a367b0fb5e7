import type { FeedEvent } from '@bisang/contracts';
import { BoothSetup, SignedIn, collectFeed, createBooth, createFair, createOrganizer, eventually, joinFair, postingBody, publishPosting, registerUser } from '@bisang/testing';
import { TestApp, startTestApp } from './support/test-app';

const MISSING = '00000000-0000-4000-8000-000000000000';

describe('fairs, booths and postings (HTTP + socket.io)', () => {
  let t: TestApp;
  let organizer: SignedIn;

  beforeAll(async () => {
    t = await startTestApp();
    organizer = await createOrganizer(t.app, t.http);
  });
  afterAll(() => t.close());

  const feedOf = async (fairId: string): Promise<FeedEvent[]> => {
    const res = await t.http.get(`/fairs/${fairId}/feed?since=0&limit=100`);
    expect(res.status).toBe(200);
    return res.body.items;
  };
  /** The feed without the fair's own lifecycle events (publishing a live fair writes fair.opened). */
  const boothFeedOf = async (fairId: string) => (await feedOf(fairId)).filter((e) => !e.type.startsWith('fair.'));
  const draft = async (booth: BoothSetup, title?: string, extra?: Record<string, unknown>) => {
    const res = await t.http.post(`/booths/${booth.boothId}/postings`, postingBody(title, extra), booth.recruiter.accessToken);
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('draft');
    return res.body.id as string;
  };
  const listIds = async (fairId: string, query = '') => {
    const res = await t.http.get(`/fairs/${fairId}/postings${query}`);
    expect(res.status).toBe(200);
    return (res.body.items as { id: string }[]).map((p) => p.id);
  };
  const approvedFairBooth = async () => {
    const fair = await createFair(t.http, organizer);
    const booth = await createBooth(t.http, fair.id);
    await publishPosting(t.http, booth, '승인용 공고');
    expect((await t.http.post(`/booths/${booth.boothId}/approve`, {}, organizer.accessToken)).status).toBe(200);
    return { fair, booth };
  };

  describe('booth approval', () => {
    it('refuses NO_HIRING_INTENT until a published open posting with openings exists, then puts its postings on the feed', async () => {
      const fair = await createFair(t.http, organizer);
      const booth = await createBooth(t.http, fair.id);

      const none = await t.http.post(`/booths/${booth.boothId}/approve`, {}, organizer.accessToken);
      expect(none.status).toBe(409);
      expect(none.body.code).toBe('NO_HIRING_INTENT');

      await draft(booth, '초안 공고');
      const withDraft = await t.http.post(`/booths/${booth.boothId}/approve`, {}, organizer.accessToken);
      expect(withDraft.status).toBe(409);
      expect(withDraft.body.code).toBe('NO_HIRING_INTENT');

      // a published posting that was closed again does not count either
      const closedOne = await publishPosting(t.http, booth, '마감된 공고');
      expect((await t.http.post(`/postings/${closedOne}/close`, {}, booth.recruiter.accessToken)).status).toBe(200);
      expect((await t.http.post(`/booths/${booth.boothId}/approve`, {}, organizer.accessToken)).body.code).toBe('NO_HIRING_INTENT');

      expect((await t.http.get(`/fairs/${fair.id}/booths`)).body.items).toEqual([]);
      expect(await boothFeedOf(fair.id)).toEqual([]);

      const socket = t.socket();
      const live = collectFeed(socket);
      await joinFair(socket, fair.id);

      const postingId = await publishPosting(t.http, booth, '공개된 공고');
      const approved = await t.http.post(`/booths/${booth.boothId}/approve`, {}, organizer.accessToken);
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({ id: booth.boothId, status: 'approved' });

      const events = await boothFeedOf(fair.id);
      expect(events.map((e) => e.type)).toEqual(['booth.approved', 'posting.published']);
      expect((events[1].data as { posting: { id: string } }).posting.id).toBe(postingId);
      await eventually(() => live.length >= 2, 'live booth.approved + posting.published');
      await new Promise((r) => setTimeout(r, 200));
      expect(live.map((e) => e.type)).toEqual(['booth.approved', 'posting.published']);

      const booths = await t.http.get(`/fairs/${fair.id}/booths`);
      expect(booths.status).toBe(200);
      expect(booths.body.items.map((b: { id: string }) => b.id)).toEqual([booth.boothId]);
      expect(await listIds(fair.id)).toEqual([postingId]);
    });

    it('rejects with a reason; only organizers approve or reject', async () => {
      const fair = await createFair(t.http, organizer);
      const booth = await createBooth(t.http, fair.id);
      await publishPosting(t.http, booth);

      const byRecruiter = await t.http.post(`/booths/${booth.boothId}/approve`, {}, booth.recruiter.accessToken);
      expect(byRecruiter.status).toBe(403);
      const seeker = await registerUser(t.http, 'seeker');
      expect((await t.http.post(`/booths/${booth.boothId}/approve`, {}, seeker.accessToken)).status).toBe(403);
      expect((await t.http.post(`/booths/${booth.boothId}/reject`, { reason: 'x' }, seeker.accessToken)).status).toBe(403);
      expect((await t.http.post(`/booths/${booth.boothId}/approve`, {})).status).toBe(401);

      expect((await t.http.post(`/booths/${booth.boothId}/reject`, {}, organizer.accessToken)).status).toBe(400);
      const rejected = await t.http.post(`/booths/${booth.boothId}/reject`, { reason: '채용 계획 불명확' }, organizer.accessToken);
      expect(rejected.status).toBe(200);
      expect(rejected.body).toMatchObject({ status: 'rejected', rejectionReason: '채용 계획 불명확' });
      expect((await t.http.get(`/fairs/${fair.id}/booths`)).body.items).toEqual([]);
      expect(await listIds(fair.id)).toEqual([]);
      expect(await boothFeedOf(fair.id)).toEqual([]);
    });
  });

  describe('a recruiter’s own booths', () => {
    it('GET /me/booths lists the booths of the caller’s companies in any status, per fair on request; nobody else’s', async () => {
      const fair = await createFair(t.http, organizer);
      const other = await createFair(t.http, organizer);
      const booth = await createBooth(t.http, fair.id, '내부스(주)');
      const stranger = await createBooth(t.http, fair.id, '남의부스(주)');
      const inOther = await t.http.post(`/fairs/${other.id}/booths`, { companyId: booth.companyId, headline: '두 번째 박람회' }, booth.recruiter.accessToken);
      expect(inOther.status).toBe(201);

      const all = await t.http.get('/me/booths', booth.recruiter.accessToken);
      expect(all.status).toBe(200);
      expect(all.body.items.map((b: { id: string; status: string }) => [b.id, b.status])).toEqual([
        [booth.boothId, 'pending'],
        [inOther.body.id, 'pending'],
      ]);
      const one = await t.http.get(`/me/booths?fairId=${fair.id}`, booth.recruiter.accessToken);
      expect(one.body.items).toEqual([expect.objectContaining({ id: booth.boothId, companyName: '내부스(주)', fairId: fair.id })]);
      expect((await t.http.get(`/me/booths?fairId=${fair.id}`, stranger.recruiter.accessToken)).body.items.map((b: { id: string }) => b.id)).toEqual([
        stranger.boothId,
      ]);

      const bad = await t.http.get('/me/booths?fairId=nope&extra=1', booth.recruiter.accessToken);
      expect(bad.status).toBe(400);
      expect(String(bad.body.message)).toMatch(/fairId/);
      expect((await t.http.get('/me/booths', organizer.accessToken)).status).toBe(403);
      expect((await t.http.get('/me/booths')).status).toBe(401);
    });
  });

  describe('visibility', () => {
    it('hides a pending booth’s published posting until approval; drafts never appear', async () => {
      const fair = await createFair(t.http, organizer);
      const booth = await createBooth(t.http, fair.id);
      const published = await publishPosting(t.http, booth, '대기 중 부스 공고');
      const drafted = await draft(booth, '초안은 보이지 않음');

      expect(await listIds(fair.id)).toEqual([]);
      expect((await t.http.get(`/postings/${published}`)).status).toBe(404);
      const other = await registerUser(t.http, 'recruiter');
      expect((await t.http.get(`/postings/${published}`, other.accessToken)).status).toBe(404);
      // its own staff still see it
      expect((await t.http.get(`/postings/${published}`, booth.recruiter.accessToken)).status).toBe(200);

      expect((await t.http.post(`/booths/${booth.boothId}/approve`, {}, organizer.accessToken)).status).toBe(200);
      expect(await listIds(fair.id)).toEqual([published]);
      const anon = await t.http.get(`/postings/${published}`);
      expect(anon.status).toBe(200);
      expect(anon.body).toMatchObject({ id: published, status: 'published', boothId: booth.boothId });
      expect((await t.http.get(`/postings/${drafted}`)).status).toBe(404);
    });

    it('closing removes a posting from the list and writes posting.closed; patching a visible one writes posting.updated', async () => {
      const { fair, booth } = await approvedFairBooth();
      const a = await publishPosting(t.http, booth, '수정될 공고');
      const b = await publishPosting(t.http, booth, '마감될 공고');
      const before = (await feedOf(fair.id)).length;

      const patched = await t.http.patch(`/postings/${a}`, { title: '수정된 공고', openings: 5 }, booth.recruiter.accessToken);
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({ title: '수정된 공고', openings: 5, status: 'published' });

      const closed = await t.http.post(`/postings/${b}/close`, {}, booth.recruiter.accessToken);
      expect(closed.status).toBe(200);
      expect(closed.body.status).toBe('closed');

      const ids = await listIds(fair.id);
      expect(ids).toContain(a);
      expect(ids).not.toContain(b);
      const events = (await feedOf(fair.id)).slice(before);
      expect(events.map((e) => e.type)).toEqual(['posting.updated', 'posting.closed']);
      expect(JSON.stringify(events[0].data)).toContain(a);
      expect(JSON.stringify(events[1].data)).toContain(b);
      expect((await t.http.get(`/postings/${a}`)).body.title).toBe('수정된 공고');

      // a closed posting cannot be changed any more
      const again = await t.http.patch(`/postings/${b}`, { title: '되살리기' }, booth.recruiter.accessToken);
      expect(again.status).toBe(409);
      expect((await t.http.post(`/postings/${b}/publish`, {}, booth.recruiter.accessToken)).status).toBe(409);

      // publishing a published posting again changes nothing and writes no event
      const feedLength = (await feedOf(fair.id)).length;
      const republished = await t.http.post(`/postings/${a}/publish`, {}, booth.recruiter.accessToken);
      expect(republished.status).toBe(200);
      expect(republished.body).toMatchObject({ id: a, status: 'published', title: '수정된 공고' });
      expect((await feedOf(fair.id)).length).toBe(feedLength);
    });
  });

  describe('access control across two companies', () => {
    it('recruiter B cannot touch A’s booth, postings or company, until A adds B as staff', async () => {
      const { fair, booth: a } = await approvedFairBooth();
      const b = await createBooth(t.http, fair.id, '경북기계(주)');
      const aPosting = await publishPosting(t.http, a, 'A사 공고', { openings: 3 });
      const aDraft = await draft(a, 'A사 초안');
      const snapshot = (await t.http.get(`/postings/${aPosting}`)).body;
      const feedBefore = (await feedOf(fair.id)).length;
      const bt = b.recruiter.accessToken;

      const attempts = [
        await t.http.post(`/booths/${a.boothId}/postings`, postingBody('B의 침입'), bt),
        await t.http.patch(`/postings/${aPosting}`, { title: '해킹됨' }, bt),
        await t.http.post(`/postings/${aPosting}/close`, {}, bt),
        await t.http.post(`/postings/${aDraft}/publish`, {}, bt),
        await t.http.patch(`/postings/${aDraft}`, { title: '해킹됨' }, bt),
        await t.http.post(`/companies/${a.companyId}/invitations`, { email: b.recruiter.email }, bt),
        await t.http.post(`/fairs/${fair.id}/booths`, { companyId: a.companyId, headline: '가짜' }, bt),
        await t.http.get(`/booths/${a.boothId}/postings`, bt),
      ];
      for (const r of attempts) {
        expect([403, 404, 409]).toContain(r.status);
        expect(r.status).not.toBe(409); // 409 would mean the attempt got past the ownership check
      }

      expect((await t.http.get(`/postings/${aPosting}`)).body).toEqual(snapshot);
      const aDraftNow = await t.http.get(`/postings/${aDraft}`, a.recruiter.accessToken);
      expect(aDraftNow.body).toMatchObject({ title: 'A사 초안', status: 'draft' });
      const console = await t.http.get(`/booths/${a.boothId}/postings`, a.recruiter.accessToken);
      expect(console.body.map((p: { title: string }) => p.title).sort()).toEqual(['A사 공고', 'A사 초안', '승인용 공고'].sort());
      expect((await feedOf(fair.id)).length).toBe(feedBefore);

      // A invites B; once B accepts, B can act for A
      const invited = await t.http.post(`/companies/${a.companyId}/invitations`, { email: b.recruiter.email }, a.recruiter.accessToken);
      expect(invited.status).toBe(201);
      expect((await t.http.patch(`/postings/${aPosting}`, { title: '수락 전' }, bt)).status).toBe(403);
      expect((await t.http.post(`/invitations/${invited.body.id}/accept`, {}, bt)).status).toBe(200);
      const patched = await t.http.patch(`/postings/${aPosting}`, { title: 'B가 고친 A사 공고' }, bt);
      expect(patched.status).toBe(200);
      expect((await t.http.post(`/postings/${aDraft}/publish`, {}, bt)).status).toBe(200);
      expect((await t.http.post(`/booths/${a.boothId}/postings`, postingBody('B가 만든 A사 공고'), bt)).status).toBe(201);
      expect((await t.http.get(`/postings/${aPosting}`)).body.title).toBe('B가 고친 A사 공고');

      // the old direct "add staff" route is gone; a malformed address is refused
      expect((await t.http.post(`/companies/${a.companyId}/staff`, { email: b.recruiter.email }, a.recruiter.accessToken)).status).toBe(404);
      expect((await t.http.post(`/companies/${a.companyId}/invitations`, { email: 'not-an-email' }, a.recruiter.accessToken)).status).toBe(400);
    });
  });

  describe('search and filters', () => {
    it('matches Korean and English substrings, filters, and pages by keyset without duplicates', async () => {
      const fair = await createFair(t.http, organizer);
      const a = await createBooth(t.http, fair.id, '대구정밀(주)');
      const b = await createBooth(t.http, fair.id, '경북소프트(주)');
      const desc = { description: '채용박람회 특별 채용' };
      const p1 = await publishPosting(t.http, a, '자동차 부품 설계 엔지니어', { ...desc, jobCategory: '1', employmentType: 'regular' });
      const p2 = await publishPosting(t.http, a, '품질관리 담당자', { ...desc, jobCategory: '8', employmentType: 'contract' });
      const p3 = await publishPosting(t.http, b, 'Backend Developer (Node.js)', { ...desc, jobCategory: '1', employmentType: 'intern' });
      const p4 = await publishPosting(t.http, b, '생산직 사원', { description: '부품 조립 라인 근무', jobCategory: '8', employmentType: 'part_time' });
      const p5 = await publishPosting(t.http, b, '영업 관리', { ...desc, jobCategory: '0', employmentType: 'regular' });
      for (const booth of [a, b]) expect((await t.http.post(`/booths/${booth.boothId}/approve`, {}, organizer.accessToken)).status).toBe(200);

      const q = (s: string) => listIds(fair.id, `?q=${encodeURIComponent(s)}`);
      expect((await q('부품')).sort()).toEqual([p1, p4].sort()); // title of one, description of the other
      expect(await q('부품 설계')).toEqual([p1]);
      expect(await q('품질')).toEqual([p2]);
      expect(await q('developer')).toEqual([p3]);
      expect(await q('DEVELOPER')).toEqual([p3]);
      expect(await q('node.js')).toEqual([p3]);
      expect(await q('설계 엔')).toEqual([p1]);
      expect(await q('없는단어')).toEqual([]);
      expect(await q('%')).toEqual([]);
      expect(await q('_')).toEqual([]);
      // two characters (served by the bigram index): case-insensitive, literal, in the title or the description
      expect(await q('DE')).toEqual([p3]);
      expect(await q('E.')).toEqual([p3]);
      expect(await q('조립')).toEqual([p4]);
      expect(await q('1%')).toEqual([]);
      expect(await q('경비')).toEqual([]);

      expect((await listIds(fair.id, '?jobCategory=1')).sort()).toEqual([p1, p3].sort());
      expect(await listIds(fair.id, '?employmentType=contract')).toEqual([p2]);
      expect((await listIds(fair.id, `?boothId=${b.boothId}`)).sort()).toEqual([p3, p4, p5].sort());
      expect(await listIds(fair.id, `?boothId=${b.boothId}&jobCategory=8`)).toEqual([p4]);
      expect(await listIds(fair.id, `?q=${encodeURIComponent('부품')}&employmentType=part_time`)).toEqual([p4]);

      // newest first
      const all = await listIds(fair.id, '?limit=100');
      expect(all).toEqual([p5, p4, p3, p2, p1]);

      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res: { status: number; body: any } = await t.http.get(`/fairs/${fair.id}/postings?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        expect(res.status).toBe(200);
        expect(res.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...res.body.items.map((p: { id: string }) => p.id));
        cursor = res.body.nextCursor;
        pages++;
      } while (cursor && pages < 10);
      expect(seen).toEqual(all);
      expect(new Set(seen).size).toBe(5);

      expect((await t.http.get(`/fairs/${fair.id}/postings?cursor=garbage`)).status).toBe(400);
      expect((await t.http.get(`/fairs/${fair.id}/postings?limit=101`)).status).toBe(400);
      expect((await t.http.get(`/fairs/${fair.id}/postings?jobCategory=A`)).status).toBe(400);
      expect((await t.http.get(`/fairs/${fair.id}/postings?boothId=nope`)).status).toBe(400);
    });
  });

  describe('bad input', () => {
    it('answers 400 naming the field for bad postings and writes nothing', async () => {
      const { fair, booth } = await approvedFairBooth();
      const token = booth.recruiter.accessToken;
      const countBefore = (await t.http.get(`/booths/${booth.boothId}/postings`, token)).body.length;
      const cases: [Record<string, unknown>, string][] = [
        [{ jobCategory: '10' }, 'jobCategory'],
        [{ jobCategory: 'A' }, 'jobCategory'],
        [{ employmentType: 'freelance' }, 'employmentType'],
        [{ openings: 0 }, 'openings'],
        [{ openings: 1.5 }, 'openings'],
        [{ salaryMin: 50_000_000, salaryMax: 30_000_000 }, 'salaryMin'],
        [{ closesAt: new Date(Date.now() - 60_000).toISOString() }, 'closesAt'],
        [{ closesAt: 'tomorrow' }, 'closesAt'],
        [{ hackerField: true }, 'hackerField'],
      ];
      for (const [extra, field] of cases) {
        const res = await t.http.post(`/booths/${booth.boothId}/postings`, postingBody('잘못된 공고', extra), token);
        expect({ extra, status: res.status }).toEqual({ extra, status: 400 });
        expect(JSON.stringify(res.body.message)).toContain(field);
      }
      const missing = await t.http.post(`/booths/${booth.boothId}/postings`, {}, token);
      expect(missing.status).toBe(400);
      for (const field of ['title', 'description', 'jobCategory', 'employmentType', 'openings']) expect(JSON.stringify(missing.body.message)).toContain(field);
      expect((await t.http.get(`/booths/${booth.boothId}/postings`, token)).body.length).toBe(countBefore);

      // PATCH validates too and changes nothing
      const id = await publishPosting(t.http, booth, '수정 검증');
      const before = (await t.http.get(`/postings/${id}`)).body;
      for (const patch of [{ openings: 0 }, { jobCategory: '10' }, { salaryMin: 9, salaryMax: 1 }, { closesAt: '2000-01-01T00:00:00Z' }, { status: 'closed' }]) {
        const res = await t.http.patch(`/postings/${id}`, patch, token);
        expect({ patch, status: res.status }).toEqual({ patch, status: 400 });
      }
      expect((await t.http.get(`/postings/${id}`)).body).toEqual(before);
      expect((await t.http.request('POST', `/booths/${booth.boothId}/postings`, { raw: '{"title":', token })).status).toBe(400);
      void fair;
    });

    it('validates fairs and answers 404 / 400 / 409 for ids and slugs', async () => {
      const base = () => ({
        slug: `bad-input-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`,
        title: '검증 박람회',
        timezone: 'Asia/Seoul',
        startsAt: new Date(Date.now() + 3600_000).toISOString(),
        endsAt: new Date(Date.now() + 7200_000).toISOString(),
        hiringTarget: 10,
      });
      const cases: [Record<string, unknown>, string][] = [
        [{ timezone: 'Mars/Base' }, 'timezone'],
        // Node knows this old name, PostgreSQL does not: accepted, the fair's KPIs (AT TIME ZONE) were a 500.
        [{ timezone: 'US/Pacific-New' }, 'timezone'],
        [{ endsAt: new Date(Date.now() + 1800_000).toISOString() }, 'endsAt'],
        [{ slug: 'A B' }, 'slug'],
        [{ hiringTarget: -1 }, 'hiringTarget'],
        [{ extra: 1 }, 'extra'],
      ];
      for (const [patch, field] of cases) {
        const body = { ...base(), ...patch };
        const res = await t.http.post('/fairs', body, organizer.accessToken);
        expect({ patch, status: res.status }).toEqual({ patch, status: 400 });
        expect(JSON.stringify(res.body.message)).toContain(field);
        if (typeof body.slug === 'string') expect((await t.http.get(`/fairs/${encodeURIComponent(body.slug)}`, organizer.accessToken)).status).toBe(404);
      }

      const recruiter = await registerUser(t.http, 'recruiter');
      expect((await t.http.post('/fairs', base(), recruiter.accessToken)).status).toBe(403);

      const ok = base();
      expect((await t.http.post('/fairs', ok, organizer.accessToken)).status).toBe(201);
      const dup = await t.http.post('/fairs', { ...base(), slug: ok.slug }, organizer.accessToken);
      expect(dup.status).toBe(409);
      expect(dup.body.code).toBe('SLUG_TAKEN');

      const { booth } = await approvedFairBooth();
      const rt = booth.recruiter.accessToken;
      expect((await t.http.get(`/fairs/${MISSING}`)).status).toBe(404);
      expect((await t.http.get(`/fairs/${MISSING}/postings`)).status).toBe(404);
      expect((await t.http.get(`/fairs/${MISSING}/booths`)).status).toBe(404);
      expect((await t.http.post(`/fairs/${MISSING}/publish`, {}, organizer.accessToken)).status).toBe(404);
      expect((await t.http.post(`/fairs/${MISSING}/booths`, { companyId: booth.companyId, headline: 'x' }, rt)).status).toBe(404);
      expect((await t.http.post(`/booths/${MISSING}/approve`, {}, organizer.accessToken)).status).toBe(404);
      expect((await t.http.post(`/booths/${MISSING}/postings`, postingBody(), rt)).status).toBe(404);
      expect((await t.http.get(`/postings/${MISSING}`)).status).toBe(404);
      expect((await t.http.patch(`/postings/${MISSING}`, { title: 'x' }, rt)).status).toBe(404);
      expect((await t.http.post(`/postings/${MISSING}/publish`, {}, rt)).status).toBe(404);

      expect((await t.http.get(`/fairs/not-a-uuid/postings`)).status).toBe(400);
      expect((await t.http.get(`/fairs/not-a-uuid/booths`)).status).toBe(400);
      expect((await t.http.post(`/booths/not-a-uuid/approve`, {}, organizer.accessToken)).status).toBe(400);
      expect((await t.http.get(`/postings/not-a-uuid`)).status).toBe(400);
      expect((await t.http.patch(`/postings/not-a-uuid`, { title: 'x' }, rt)).status).toBe(400);
      expect((await t.http.post(`/postings/not-a-uuid/close`, {}, rt)).status).toBe(400);
    });
  });

  describe('on time, by itself', () => {
    it('a published fair goes scheduled → live → closed, with fair.opened and fair.closed on the feed', async () => {
      const now = Date.now();
      const fair = await createFair(t.http, organizer, { startsAt: new Date(now + 2000), endsAt: new Date(now + 4000) });
      expect(fair.status).toBe('scheduled');
      const socket = t.socket();
      const events = collectFeed(socket);
      expect(await joinFair(socket, fair.id)).toMatchObject({ ok: true });

      const statuses = new Set<string>();
      await eventually(async () => {
        statuses.add((await t.http.get(`/fairs/${fair.id}`)).body.status);
        return events.some((e) => e.type === 'fair.opened');
      }, 'fair.opened');
      await eventually(async () => {
        statuses.add((await t.http.get(`/fairs/${fair.id}`)).body.status);
        return events.some((e) => e.type === 'fair.closed');
      }, 'fair.closed');
      expect(events.map((e) => e.type)).toEqual(['fair.opened', 'fair.closed']);
      expect(Date.now() - now).toBeGreaterThanOrEqual(3900);
      expect(statuses.has('live')).toBe(true);
      expect((await t.http.get(`/fairs/${fair.id}`)).body.status).toBe('closed');
      expect((await feedOf(fair.id)).map((e) => e.type)).toEqual(['fair.opened', 'fair.closed']);
    }, 90_000);

    it('a posting with closesAt closes itself and writes posting.closed', async () => {
      const { fair, booth } = await approvedFairBooth();
      const socket = t.socket();
      const events = collectFeed(socket);
      await joinFair(socket, fair.id);
      const id = await publishPosting(t.http, booth, '곧 마감', { closesAt: new Date(Date.now() + 2000).toISOString() });
      expect((await t.http.get(`/postings/${id}`)).body.status).toBe('published');
      await eventually(async () => (await t.http.get(`/postings/${id}`)).body.status === 'closed', 'the posting closed');
      await eventually(() => events.some((e) => e.type === 'posting.closed'), 'posting.closed live');
      expect(JSON.stringify(events.find((e) => e.type === 'posting.closed')!.data)).toContain(id);
      expect(await listIds(fair.id)).not.toContain(id);
    }, 90_000);
  });

  it('lists live fairs before the others (newest first within each), page by page without a gap or a repeat', async () => {
    const day = 86400_000;
    const upcoming = await createFair(t.http, organizer, { startsAt: new Date(Date.now() + 30 * day), endsAt: new Date(Date.now() + 60 * day) });
    const live = await createFair(t.http, organizer, { startsAt: new Date(Date.now() - 2 * day) });
    expect([upcoming.status, live.status]).toEqual(['scheduled', 'live']);
    const seen: { id: string; status: string }[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { status: number; body: any } = await t.http.get(`/fairs?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.items);
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor && pages < 500);
    expect(new Set(seen.map((f) => f.id)).size).toBe(seen.length);
    const firstNotLive = seen.findIndex((f) => f.status !== 'live');
    expect(seen.slice(firstNotLive).some((f) => f.status === 'live')).toBe(false);
    expect(seen.findIndex((f) => f.id === live.id)).toBeLessThan(seen.findIndex((f) => f.id === upcoming.id));
  });
});
