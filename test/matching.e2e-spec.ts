import { Client } from 'pg';
import { matchKeys, scorePosting } from '@bisang/contracts';
import type { ChatMessage, ChatStarted, PostingView } from '@bisang/contracts';
import {
  SignedIn,
  advanceTo,
  applyTo,
  connected,
  connectTestDb,
  createBooth,
  createFair,
  createOrganizer,
  eventually,
  publishPosting,
  registerUser,
} from '@bisang/testing';
import { TestApp, startTestApp } from './support/test-app';

/**
 * Matching through HTTP: recommendations (and that the SQL scores as the pure rules do), the talent pool by
 * consent, invitations from it, the centre's introductions to hire, and the segment KPIs.
 */
describe('matching', () => {
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

  const put = (path: string, body: unknown, token: string) => t.http.request('PUT', path, { body, token });
  const approve = async (boothId: string) => expect((await t.http.post(`/booths/${boothId}/approve`, {}, organizer.accessToken)).status).toBe(200);
  const profile = (seeker: SignedIn, body: Record<string, unknown>) => put('/me/profile', body, seeker.accessToken);
  const notificationsOf = async (user: SignedIn) => (await t.http.get(`/me/notifications?limit=100`, user.accessToken)).body.items as { type: string; data: any }[];

  /** A live fair with one approved booth. */
  async function fairWithBooth(company = '대구정밀(주)') {
    const fair = await createFair(t.http, organizer);
    const booth = await createBooth(t.http, fair.id, company);
    const first = await publishPosting(t.http, booth, '기본 공고', { location: '서울 강남구', jobCategory: '7' });
    await approve(booth.boothId);
    return { fair, booth, first };
  }

  describe('recommendations', () => {
    it('ranks open postings by the profile with Korean reasons, leaves out closed and applied ones, and scores as the pure rules do', async () => {
      const { fair, booth, first } = await fairWithBooth();
      const seeker = await registerUser(t.http, 'seeker', { name: '추천받는 구직자' });
      const body = { desiredJobCategories: ['1'], region: '대구 수성구', uTurn: false, careerYears: 2, desiredEmploymentTypes: ['regular'] };
      expect((await profile(seeker, body)).status).toBe(200);

      const best = await publishPosting(t.http, booth, '백엔드 개발자', { jobCategory: '1', location: '대구 수성구 범어동', minCareerYears: 1 });
      const cityOnly = await publishPosting(t.http, booth, '프런트엔드 개발자', { jobCategory: '1', location: '대구 달서구', employmentType: 'contract' });
      const tooSenior = await publishPosting(t.http, booth, '수석 개발자', { jobCategory: '1', location: '대구 수성구', minCareerYears: 10 });
      const closed = await publishPosting(t.http, booth, '마감될 공고', { jobCategory: '1', location: '대구 수성구' });
      const applied = await publishPosting(t.http, booth, '지원할 공고', { jobCategory: '1', location: '대구 수성구' });
      expect((await t.http.post(`/postings/${closed}/close`, {}, booth.recruiter.accessToken)).status).toBe(200);
      await applyTo(t.http, seeker, applied);

      const res = await t.http.get(`/fairs/${fair.id}/recommendations`, seeker.accessToken);
      expect(res.status).toBe(200);
      const items = res.body.items as { posting: PostingView; score: number; reasons: string[] }[];
      const ids = items.map((i) => i.posting.id);
      expect(ids).not.toContain(closed);
      expect(ids).not.toContain(applied);
      expect(ids).toEqual([best, tooSenior, cityOnly, first]);
      expect(items[0]).toMatchObject({ score: 90, reasons: ['희망 직무 일치', '수성구', '희망 고용형태(정규직)', '경력 1년 이상 충족'] });
      // Ten years asked for, two held: the job, district and type count, less the shortfall.
      expect(items[1]).toMatchObject({ score: 40 + 25 + 15 - 20, reasons: ['희망 직무 일치', '수성구', '희망 고용형태(정규직)'] });
      expect(items[2]).toMatchObject({ score: 55, reasons: ['희망 직무 일치', '대구 지역'] });
      expect(items[3]).toMatchObject({ score: 15, reasons: ['희망 고용형태(정규직)'] });

      // The SQL and the pure rules agree, posting by posting.
      const keys = matchKeys({ ...body, desiredEmploymentTypes: ['regular'] });
      for (const item of items) expect(item.score).toBe(scorePosting(keys, item.posting).score);
    });

    it('agrees with the pure rules over many generated postings and profiles', async () => {
      const { fair, booth } = await fairWithBooth();
      const locations = ['대구 수성구', '대구 중구', '경산시 하양읍', '서울 강남구', '구미시', null];
      const types = ['regular', 'contract', 'intern', 'part_time'];
      for (let i = 0; i < 24; i++) {
        await publishPosting(t.http, booth, `생성 공고 ${i}`, {
          jobCategory: String(i % 10),
          employmentType: types[i % 4],
          ...(locations[i % 6] ? { location: locations[i % 6] } : {}),
          ...(i % 3 === 0 ? {} : { minCareerYears: i % 7 }),
        });
      }
      const profiles = [
        { desiredJobCategories: ['0', '3'], region: '대구', uTurn: true, careerYears: 25, desiredEmploymentTypes: ['regular'] },
        { desiredJobCategories: ['1'], region: '경북 경산시', uTurn: false, careerYears: 0, desiredEmploymentTypes: ['intern', 'contract'] },
        { desiredJobCategories: [], region: '서울 강남구', uTurn: false, careerYears: null, desiredEmploymentTypes: [] },
        {},
      ];
      for (const p of profiles) {
        const seeker = await registerUser(t.http, 'seeker');
        if (Object.keys(p).length) expect((await profile(seeker, p)).status).toBe(200);
        const res = await t.http.get(`/fairs/${fair.id}/recommendations?limit=100`, seeker.accessToken);
        expect(res.status).toBe(200);
        const keys = matchKeys({
          desiredJobCategories: (p as any).desiredJobCategories ?? [],
          region: (p as any).region ?? null,
          uTurn: (p as any).uTurn ?? false,
          careerYears: (p as any).careerYears ?? null,
          desiredEmploymentTypes: (p as any).desiredEmploymentTypes ?? [],
        });
        expect(res.body.items).toHaveLength(25);
        let previous = Infinity;
        for (const item of res.body.items) {
          const pure = scorePosting(keys, item.posting);
          expect([item.posting.title, item.score, item.reasons]).toEqual([item.posting.title, pure.score, pure.reasons]);
          expect(item.score).toBeLessThanOrEqual(previous);
          previous = item.score;
        }
        // Deterministic: asked again, the same answer.
        const again = await t.http.get(`/fairs/${fair.id}/recommendations?limit=100`, seeker.accessToken);
        expect(again.body.items.map((i: { posting: { id: string } }) => i.posting.id)).toEqual(res.body.items.map((i: { posting: { id: string } }) => i.posting.id));
      }
    });

    it('is for seekers (403 for a recruiter), 404 for an unknown fair, 400 for a bad limit', async () => {
      const { fair, booth } = await fairWithBooth();
      const seeker = await registerUser(t.http, 'seeker');
      expect((await t.http.get(`/fairs/${fair.id}/recommendations`, booth.recruiter.accessToken)).status).toBe(403);
      expect((await t.http.get(`/fairs/${fair.id}/recommendations`)).status).toBe(401);
      expect((await t.http.get(`/fairs/00000000-0000-4000-8000-000000000000/recommendations`, seeker.accessToken)).status).toBe(404);
      expect((await t.http.get(`/fairs/${fair.id}/recommendations?limit=500`, seeker.accessToken)).status).toBe(400);
    });
  });

  describe('the talent pool, by consent', () => {
    it('shows a seeker only while they opt in, their name only if they chose so, and never segment flags or contact data', async () => {
      const { fair, booth } = await fairWithBooth();
      const seeker = await registerUser(t.http, 'seeker', { name: '풀공개 구직자', birthDate: '1971-03-02' });
      expect((await profile(seeker, { desiredJobCategories: ['0'], region: '대구 수성구', uTurn: true, careerYears: 25, careerBreak: true, education: 'bachelor', careerSummary: '연락처 010-1234-5678' })).status).toBe(200);
      const search = async (query = '') => (await t.http.get(`/fairs/${fair.id}/talent-pool${query}`, booth.recruiter.accessToken)).body.items as any[];

      expect(await search()).toEqual([]);
      const opened = await put('/me/talent-pool', { fairId: fair.id, visible: true }, seeker.accessToken);
      expect(opened.status).toBe(200);
      expect(opened.body).toMatchObject({ fairId: fair.id, visible: true, showName: false });

      const [card] = await search();
      expect(Object.keys(card).sort()).toEqual(['age', 'careerYears', 'education', 'jobCategories', 'name', 'region', 'seekerId', 'uturn']);
      expect(card).toMatchObject({ seekerId: seeker.id, name: null, jobCategories: ['0'], region: '대구 수성구', careerYears: 25, uturn: true, education: 'bachelor' });
      expect(card.age).toBeGreaterThanOrEqual(54);
      expect(JSON.stringify(card)).not.toMatch(/010-1234|careerBreak|@test\.bisang|1971/);

      await put('/me/talent-pool', { fairId: fair.id, visible: true, showName: true }, seeker.accessToken);
      expect((await search())[0].name).toBe('풀공개 구직자');
      // Left out, showName keeps the earlier choice.
      await put('/me/talent-pool', { fairId: fair.id, visible: true }, seeker.accessToken);
      expect((await search())[0].name).toBe('풀공개 구직자');

      // Filters.
      expect(await search('?jobCategory=0')).toHaveLength(1);
      expect(await search('?jobCategory=1')).toHaveLength(0);
      expect(await search('?region=수성')).toHaveLength(1);
      expect(await search('?region=%25')).toHaveLength(0);
      expect(await search('?uturn=true')).toHaveLength(1);
      expect(await search('?uturn=false')).toHaveLength(0);
      expect(await search('?minCareerYears=20&education=bachelor')).toHaveLength(1);
      expect(await search('?minCareerYears=30')).toHaveLength(0);
      const bad = await t.http.get(`/fairs/${fair.id}/talent-pool?jobCategory=x&uturn=maybe&limit=101&colour=red`, booth.recruiter.accessToken);
      expect(bad.status).toBe(400);

      // Withdrawal hides them at once.
      expect((await put('/me/talent-pool', { fairId: fair.id, visible: false }, seeker.accessToken)).status).toBe(200);
      expect(await search()).toEqual([]);
    });

    it('is open to staff of an approved booth in that fair only, and pages with a cursor', async () => {
      const { fair, booth } = await fairWithBooth();
      const seekers = await Promise.all([1, 2, 3].map(() => registerUser(t.http, 'seeker')));
      for (const s of seekers) await put('/me/talent-pool', { fairId: fair.id, visible: true }, s.accessToken);

      const first = await t.http.get(`/fairs/${fair.id}/talent-pool?limit=2`, booth.recruiter.accessToken);
      expect(first.status).toBe(200);
      expect(first.body.items).toHaveLength(2);
      const second = await t.http.get(`/fairs/${fair.id}/talent-pool?limit=2&cursor=${first.body.nextCursor}`, booth.recruiter.accessToken);
      expect(second.body).toMatchObject({ nextCursor: null });
      expect([...first.body.items, ...second.body.items].map((i: { seekerId: string }) => i.seekerId).sort()).toEqual(seekers.map((s) => s.id).sort());

      const pending = await createBooth(t.http, fair.id, '승인대기(주)');
      const elsewhere = await fairWithBooth('다른박람회(주)');
      for (const who of [pending.recruiter, elsewhere.booth.recruiter]) {
        const res = await t.http.get(`/fairs/${fair.id}/talent-pool`, who.accessToken);
        expect([res.status, res.body.code]).toEqual([403, 'FORBIDDEN']);
      }
      expect((await t.http.get(`/fairs/${fair.id}/talent-pool`, seekers[0].accessToken)).status).toBe(403);
      // The centre's counsellors search the same pool, with the same cards and filters (and may not invite).
      const centre = await t.http.get(`/fairs/${fair.id}/talent-pool?limit=2`, organizer.accessToken);
      expect(centre.status).toBe(200);
      expect(centre.body.items).toEqual(first.body.items);
      const centreFiltered = await t.http.get(`/fairs/${fair.id}/talent-pool?uturn=true&minCareerYears=1`, organizer.accessToken);
      expect(centreFiltered.body).toEqual({ items: [], nextCursor: null });
      expect((await t.http.get(`/fairs/${fair.id}/talent-pool?education=phd`, organizer.accessToken)).status).toBe(400);
      const organizerInvite = await t.http.post(`/fairs/${fair.id}/talent-pool/${seekers[0].id}/chat-invitations`, { boothId: pending.boothId }, organizer.accessToken);
      expect(organizerInvite.status).toBe(403);
      const noFair = await put('/me/talent-pool', { fairId: '00000000-0000-4000-8000-000000000000', visible: true }, seekers[0].accessToken);
      expect(noFair.status).toBe(404);
      const badBody = await put('/me/talent-pool', { fairId: 'x', visible: 'yes', extra: 1 }, seekers[0].accessToken);
      expect(badBody.status).toBe(400);
    });
  });

  describe('invitations from the pool', () => {
    it('notifies the seeker, reveals nothing more until accepted, and makes an application on acceptance', async () => {
      const { fair, booth } = await fairWithBooth('초대하는회사(주)');
      const postingId = await publishPosting(t.http, booth, '재무 담당', { jobCategory: '0', location: '대구 중구' });
      const seeker = await registerUser(t.http, 'seeker', { name: '초대받는 구직자' });
      await profile(seeker, { desiredJobCategories: ['0'], region: '대구' });
      await put('/me/talent-pool', { fairId: fair.id, visible: true }, seeker.accessToken);

      const invite = (body: Record<string, unknown> = { postingId, message: '함께 일하고 싶습니다.' }, who = booth.recruiter) =>
        t.http.post(`/fairs/${fair.id}/talent-pool/${seeker.id}/invitations`, body, who.accessToken);
      const res = await invite();
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ fairId: fair.id, postingId, seekerId: seeker.id, status: 'pending' });
      expect((await invite()).body.code).toBe('ALREADY_INVITED');

      await eventually(async () => (await notificationsOf(seeker)).some((n) => n.type === 'pool.invitation'), 'the pool.invitation notification');
      const note = (await notificationsOf(seeker)).find((n) => n.type === 'pool.invitation')!;
      expect(note.data).toMatchObject({ invitationId: res.body.id, postingTitle: '재무 담당', companyName: '초대하는회사(주)', message: '함께 일하고 싶습니다.' });

      // Before acceptance the company sees only the pool card: no profile, no application.
      expect((await t.http.get(`/seekers/${seeker.id}/profile`, booth.recruiter.accessToken)).status).toBe(404);

      const mine = await t.http.get('/me/pool-invitations', seeker.accessToken);
      expect(mine.body.items).toEqual([expect.objectContaining({ id: res.body.id, status: 'pending', companyName: '초대하는회사(주)', applicationId: null })]);
      const other = await registerUser(t.http, 'seeker');
      expect((await t.http.post(`/pool-invitations/${res.body.id}/accept`, {}, other.accessToken)).status).toBe(404);

      const accepted = await t.http.post(`/pool-invitations/${res.body.id}/accept`, {}, seeker.accessToken);
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({ status: 'accepted', applicationId: expect.any(String) });
      expect((await t.http.post(`/pool-invitations/${res.body.id}/decline`, {}, seeker.accessToken)).body.code).toBe('ALREADY_ANSWERED');
      const apps = await t.http.get(`/booths/${booth.boothId}/applications`, booth.recruiter.accessToken);
      expect(apps.body.items.map((a: { id: string }) => a.id)).toEqual([accepted.body.applicationId]);
      expect((await t.http.get(`/seekers/${seeker.id}/profile`, booth.recruiter.accessToken)).status).toBe(200);
      // An invitation to a posting they applied to is refused.
      const again = await publishPosting(t.http, booth, '재무 담당 2');
      await applyTo(t.http, seeker, again);
      expect((await invite({ postingId: again })).body.code).toBe('ALREADY_APPLIED');
    });

    it('a declined invitation tells the company nothing; hidden seekers and foreign postings are 404', async () => {
      const { fair, booth } = await fairWithBooth();
      const postingId = await publishPosting(t.http, booth, '생산직');
      const seeker = await registerUser(t.http, 'seeker');
      const hidden = await registerUser(t.http, 'seeker');
      await put('/me/talent-pool', { fairId: fair.id, visible: true }, seeker.accessToken);
      await put('/me/talent-pool', { fairId: fair.id, visible: false }, hidden.accessToken);

      const res = await t.http.post(`/fairs/${fair.id}/talent-pool/${seeker.id}/invitations`, { postingId }, booth.recruiter.accessToken);
      expect(res.status).toBe(201);
      const declined = await t.http.post(`/pool-invitations/${res.body.id}/decline`, {}, seeker.accessToken);
      expect([declined.status, declined.body.status]).toEqual([200, 'declined']);
      expect((await t.http.get(`/seekers/${seeker.id}/profile`, booth.recruiter.accessToken)).status).toBe(404);

      const toHidden = await t.http.post(`/fairs/${fair.id}/talent-pool/${hidden.id}/invitations`, { postingId }, booth.recruiter.accessToken);
      expect(toHidden.status).toBe(404);
      const foreign = await fairWithBooth('남의회사(주)');
      const foreignPosting = await publishPosting(t.http, foreign.booth, '남의 공고');
      const second = await registerUser(t.http, 'seeker');
      await put('/me/talent-pool', { fairId: fair.id, visible: true }, second.accessToken);
      expect((await t.http.post(`/fairs/${fair.id}/talent-pool/${second.id}/invitations`, { postingId: foreignPosting }, booth.recruiter.accessToken)).status).toBe(404);
      expect((await t.http.post(`/fairs/${fair.id}/talent-pool/${second.id}/invitations`, { postingId: 'nope', colour: 1 }, booth.recruiter.accessToken)).status).toBe(400);
    });

    it("holds the company's daily limit, invitations to apply and to chat together, under concurrent invitations (429 INVITATION_LIMIT_REACHED)", async () => {
      const { fair, booth } = await fairWithBooth('한도회사(주)');
      await db.query(`UPDATE fairs SET pool_invitations_per_company_per_day = 3 WHERE id = $1`, [fair.id]);
      const postingId = await publishPosting(t.http, booth, '한도 공고');
      const seekers = await Promise.all(Array.from({ length: 6 }, () => registerUser(t.http, 'seeker')));
      for (const s of seekers) await put('/me/talent-pool', { fairId: fair.id, visible: true }, s.accessToken);
      const results = await Promise.all(
        seekers.map((s, i) =>
          i % 2 === 0
            ? t.http.post(`/fairs/${fair.id}/talent-pool/${s.id}/invitations`, { postingId }, booth.recruiter.accessToken)
            : t.http.post(`/fairs/${fair.id}/talent-pool/${s.id}/chat-invitations`, { boothId: booth.boothId }, booth.recruiter.accessToken),
        ),
      );
      expect(results.filter((r) => r.status === 201)).toHaveLength(3);
      const refused = results.filter((r) => r.status !== 201);
      expect(refused.map((r) => [r.status, r.body.code])).toEqual(Array(3).fill([429, 'INVITATION_LIMIT_REACHED']));
      const stored = await db.query(`SELECT count(*)::int AS n FROM pool_invitations WHERE company_id = $1`, [booth.companyId]);
      expect(stored.rows[0].n).toBe(3);
    });
  });

  describe('invitations from the pool to chat', () => {
    it('reveal nothing until accepted; acceptance opens a booth chat with the inviting recruiter, pushed to both sockets', async () => {
      const { fair, booth } = await fairWithBooth('대화초대회사(주)');
      const neighbour = await createBooth(t.http, fair.id, '옆부스(주)');
      await publishPosting(t.http, neighbour, '옆부스 공고');
      await approve(neighbour.boothId);
      const seeker = await registerUser(t.http, 'seeker', { name: '대화초대 구직자' });
      await put('/me/talent-pool', { fairId: fair.id, visible: true }, seeker.accessToken);
      const inviteChat = (body: Record<string, unknown>, who: SignedIn = booth.recruiter) =>
        t.http.post(`/fairs/${fair.id}/talent-pool/${seeker.id}/chat-invitations`, body, who.accessToken);

      const res = await inviteChat({ boothId: booth.boothId, message: '부스에서 이야기 나눠요' });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        kind: 'chat',
        fairId: fair.id,
        boothId: booth.boothId,
        postingId: null,
        seekerId: seeker.id,
        status: 'pending',
        chatId: null,
        createdAt: expect.any(String),
      });
      expect(await inviteChat({ boothId: booth.boothId })).toMatchObject({ status: 409, body: { code: 'ALREADY_INVITED' } });
      expect((await inviteChat({ boothId: neighbour.boothId })).status).toBe(404); // not the caller's booth
      expect((await inviteChat({ boothId: 'x', postingId: 'y' })).status).toBe(400);

      await eventually(async () => (await notificationsOf(seeker)).some((n) => n.type === 'pool.chat_invitation'), 'the pool.chat_invitation notification');
      const note = (await notificationsOf(seeker)).find((n) => n.type === 'pool.chat_invitation')!;
      expect(note.data).toEqual({ invitationId: res.body.id, fairId: fair.id, boothId: booth.boothId, companyName: '대화초대회사(주)', message: '부스에서 이야기 나눠요' });
      const mine = (await t.http.get('/me/pool-invitations', seeker.accessToken)).body.items;
      expect(mine).toEqual([expect.objectContaining({ id: res.body.id, kind: 'chat', postingId: null, postingTitle: null, companyName: '대화초대회사(주)', chatId: null })]);

      // Pending: the company has the pool card only, no chat, no profile.
      expect((await t.http.get(`/seekers/${seeker.id}/profile`, booth.recruiter.accessToken)).status).toBe(404);
      expect((await t.http.get('/me/chats', booth.recruiter.accessToken)).body.items).toEqual([]);

      const seekerSocket = t.socket({ token: seeker.accessToken });
      const recruiterSocket = t.socket({ token: booth.recruiter.accessToken });
      const started: { seeker: ChatStarted[]; recruiter: ChatStarted[] } = { seeker: [], recruiter: [] };
      const messages: ChatMessage[] = [];
      seekerSocket.on('chat:started', (c: ChatStarted) => started.seeker.push(c));
      seekerSocket.on('chat:message', (m: ChatMessage) => messages.push(m));
      recruiterSocket.on('chat:started', (c: ChatStarted) => started.recruiter.push(c));
      await Promise.all([connected(seekerSocket), connected(recruiterSocket)]);
      try {
        expect((await t.http.post(`/pool-invitations/${res.body.id}/accept`, {}, booth.recruiter.accessToken)).status).toBe(403);
        const accepted = await t.http.post(`/pool-invitations/${res.body.id}/accept`, {}, seeker.accessToken);
        expect(accepted.status).toBe(200);
        expect(accepted.body).toMatchObject({ kind: 'chat', status: 'accepted', applicationId: null, chatId: expect.any(String) });
        const chatId = accepted.body.chatId as string;
        expect((await t.http.post(`/pool-invitations/${res.body.id}/decline`, {}, seeker.accessToken)).body.code).toBe('ALREADY_ANSWERED');

        const expected = { chatId, boothId: booth.boothId, seekerId: seeker.id, recruiterId: booth.recruiter.id };
        await eventually(() => started.seeker.length > 0 && started.recruiter.length > 0, 'chat:started to both');
        expect([started.seeker, started.recruiter]).toEqual([[expected], [expected]]);
        // The inviting recruiter is told too, in case they are not at the console.
        await eventually(async () => (await notificationsOf(booth.recruiter)).some((n) => n.type === 'pool.chat_accepted'), 'pool.chat_accepted to the recruiter');
        expect((await notificationsOf(booth.recruiter)).find((n) => n.type === 'pool.chat_accepted')!.data).toEqual({
          invitationId: res.body.id,
          chatId,
          boothId: booth.boothId,
          seekerName: '대화초대 구직자',
        });
        // The booth chat's own machinery from here: join, messages with seq, the profile shared while it is open.
        expect(await seekerSocket.timeout(10_000).emitWithAck('chat:join', { chatId })).toEqual({ ok: true, lastSeq: 0 });
        const posted = await t.http.post(`/chats/${chatId}/messages`, { body: '초대에 응해 주셔서 감사합니다' }, booth.recruiter.accessToken);
        expect(posted.status).toBe(201);
        await eventually(() => messages.some((m) => m.seq === 1), 'chat:message to the seeker');
        expect((await t.http.get('/me/chats', booth.recruiter.accessToken)).body.items).toEqual([
          expect.objectContaining({ id: chatId, kind: 'live', boothId: booth.boothId, seekerName: '대화초대 구직자' }),
        ]);
        expect((await t.http.get(`/seekers/${seeker.id}/profile`, booth.recruiter.accessToken)).status).toBe(200);
        expect((await t.http.get(`/booths/${booth.boothId}/applications`, booth.recruiter.accessToken)).body.items).toEqual([]);

        // One live chat at a time: the neighbour's invitation waits until this chat ends.
        const second = await inviteChat({ boothId: neighbour.boothId }, neighbour.recruiter);
        expect(second.status).toBe(201);
        expect(await t.http.post(`/pool-invitations/${second.body.id}/accept`, {}, seeker.accessToken)).toMatchObject({ status: 409, body: { code: 'IN_ANOTHER_CHAT' } });
        expect((await t.http.post(`/chats/${chatId}/end`, {}, seeker.accessToken)).status).toBe(200);
        expect((await t.http.post(`/pool-invitations/${second.body.id}/accept`, {}, seeker.accessToken)).body).toMatchObject({ status: 'accepted', chatId: expect.any(String) });
        // Accepted, the company may invite to chat again; booth chat needs a live fair and an approved booth.
        const third = await inviteChat({ boothId: booth.boothId });
        expect(third.status).toBe(201);
        const acceptThird = () => t.http.post(`/pool-invitations/${third.body.id}/accept`, {}, seeker.accessToken);
        await db.query(`UPDATE fairs SET status = 'closed' WHERE id = $1`, [fair.id]);
        const closed = await acceptThird();
        expect([closed.status, closed.body.code]).toEqual([409, 'FAIR_NOT_LIVE']);
        expect(closed.body.message).toContain('Booth chat');
        await db.query(`UPDATE fairs SET status = 'live' WHERE id = $1`, [fair.id]);
        expect((await t.http.post(`/booths/${booth.boothId}/suspend`, { reason: '점검' }, organizer.accessToken)).status).toBe(200);
        expect(await acceptThird()).toMatchObject({ status: 409, body: { code: 'BOOTH_UNAVAILABLE' } });
        expect((await t.http.get('/me/pool-invitations', seeker.accessToken)).body.items[0]).toMatchObject({ id: third.body.id, status: 'pending' });
        // Declined, an invitation to chat answers a new one as a pending one would: ignoring stays private.
        const fourth = await inviteChat({ boothId: neighbour.boothId }, neighbour.recruiter);
        expect((await t.http.post(`/pool-invitations/${fourth.body.id}/decline`, {}, seeker.accessToken)).body).toMatchObject({ kind: 'chat', status: 'declined' });
        expect(await inviteChat({ boothId: neighbour.boothId }, neighbour.recruiter)).toMatchObject({ status: 409, body: { code: 'ALREADY_INVITED' } });
      } finally {
        seekerSocket.disconnect();
        recruiterSocket.disconnect();
      }
    });

    it('an inviter online with every chat seat taken is busy: 409 RECRUITER_BUSY, the invitation stays pending, and it opens once a seat is free', async () => {
      const { fair, booth } = await fairWithBooth('바쁜담당자(주)');
      const recruiterSocket = t.socket({ token: booth.recruiter.accessToken });
      try {
        await connected(recruiterSocket);
        expect(await recruiterSocket.timeout(10_000).emitWithAck('booth:online', { boothId: booth.boothId, capacity: 1 })).toEqual({ ok: true });
        // one seat, taken from the queue
        const walkIn = await registerUser(t.http, 'seeker', { name: '먼저 온 구직자' });
        expect((await t.http.post(`/booths/${booth.boothId}/queue`, {}, walkIn.accessToken)).status).toBe(201);
        const first = await t.http.post(`/booths/${booth.boothId}/chats/next`, {}, booth.recruiter.accessToken);
        expect(first.status).toBe(201);

        const seeker = await registerUser(t.http, 'seeker', { name: '초대받은 구직자' });
        await put('/me/talent-pool', { fairId: fair.id, visible: true }, seeker.accessToken);
        const invited = await t.http.post(`/fairs/${fair.id}/talent-pool/${seeker.id}/chat-invitations`, { boothId: booth.boothId }, booth.recruiter.accessToken);
        expect(invited.status).toBe(201);
        const accept = () => t.http.post(`/pool-invitations/${invited.body.id}/accept`, {}, seeker.accessToken);
        const busy = await accept();
        expect([busy.status, busy.body.code]).toEqual([409, 'RECRUITER_BUSY']);
        expect(busy.body.message).toContain('초대한 채용담당자가 지금 다른 대화로 바쁩니다');
        expect((await t.http.get('/me/pool-invitations', seeker.accessToken)).body.items[0]).toMatchObject({ id: invited.body.id, status: 'pending', chatId: null });
        expect((await t.http.get('/me/chats', booth.recruiter.accessToken)).body.items.filter((c: { endedAt: string | null }) => !c.endedAt)).toHaveLength(1);

        expect((await t.http.post(`/chats/${first.body.id}/end`, {}, booth.recruiter.accessToken)).status).toBe(200);
        expect((await accept()).body).toMatchObject({ kind: 'chat', status: 'accepted', chatId: expect.any(String) });
      } finally {
        recruiterSocket.disconnect();
      }
    });
  });

  describe("the centre's counselling notes and introductions", () => {
    it('records notes the seeker knows exist but only organizers read, and an introduction accepted and hired counts as an introduced hire', async () => {
      const { fair, booth } = await fairWithBooth('성장하는중소기업(주)');
      const postingId = await publishPosting(t.http, booth, '재무이사 (CFO)', { jobCategory: '0', location: '대구 달서구', minCareerYears: 15 });
      const veteran = await registerUser(t.http, 'seeker', { name: '유턴 재무전문가', birthDate: '1971-01-10' });
      await profile(veteran, { desiredJobCategories: ['0'], region: '대구', uTurn: true, careerYears: 25 });

      const note = await t.http.post(`/seekers/${veteran.id}/counselling-notes`, { body: '재무 25년, 대구 복귀 희망' }, organizer.accessToken);
      expect(note.status).toBe(201);
      expect((await t.http.post(`/seekers/${veteran.id}/counselling-notes`, { body: '메모' }, booth.recruiter.accessToken)).status).toBe(403);
      expect((await t.http.get(`/seekers/${veteran.id}/counselling-notes`, veteran.accessToken)).status).toBe(403);
      expect((await t.http.get(`/seekers/${veteran.id}/counselling-notes`, organizer.accessToken)).body.items).toEqual([expect.objectContaining({ body: '재무 25년, 대구 복귀 희망' })]);
      expect((await t.http.get('/me/profile', veteran.accessToken)).body).toMatchObject({ counsellingNotes: 1 });

      const intro = await t.http.post(`/fairs/${fair.id}/introductions`, { seekerId: veteran.id, postingId, message: '센터가 추천합니다' }, organizer.accessToken);
      expect(intro.status).toBe(201);
      expect(intro.body).toMatchObject({ status: 'pending', postingTitle: '재무이사 (CFO)', applicationId: null });
      expect((await t.http.post(`/fairs/${fair.id}/introductions`, { seekerId: veteran.id, postingId }, organizer.accessToken)).body.code).toBe('ALREADY_INTRODUCED');
      await eventually(async () => (await notificationsOf(veteran)).some((n) => n.type === 'introduction.received'), 'introduction notification');

      const accepted = await t.http.post(`/introductions/${intro.body.id}/accept`, {}, veteran.accessToken);
      expect([accepted.status, accepted.body.status]).toEqual([200, 'accepted']);
      const applicationId = accepted.body.applicationId as string;
      const application = await t.http.get(`/applications/${applicationId}`, booth.recruiter.accessToken);
      expect(application.body).toMatchObject({ introducedByCentre: true });
      // The notes stay with the centre: staff see the profile now, never the notes.
      const seen = await t.http.get(`/seekers/${veteran.id}/profile`, booth.recruiter.accessToken);
      expect(seen.status).toBe(200);
      expect(seen.body).not.toHaveProperty('counsellingNotes');
      expect(seen.body).not.toHaveProperty('careerBreak');

      await advanceTo(t.http, booth.recruiter, applicationId, 'offered');
      expect((await t.http.post(`/applications/${applicationId}/status`, { status: 'hired' }, booth.recruiter.accessToken)).status).toBe(200);
      const kpis = await t.http.get(`/fairs/${fair.id}/kpis`, organizer.accessToken);
      expect(kpis.body).toMatchObject({ hires: 1, introducedHires: 1, introducedShare: 1, uturnHires: 1, uturnShare: 1, midCareerHires: 1, midCareerShare: 1, careerBreakHires: 0 });
    });
  });
});
