import { jobIds, JobProducer } from '@bisang/queues';
import { BoothSetup, SignedIn, SmtpSink, collectFeed, connected, createBooth, rawHeader, createFair, createOrganizer, eventually, joinFair, publishPosting, registerUser, samplePdf, samplePng } from '@bisang/testing';
import { TestApp, startTestApp } from './support/test-app';

/**
 * Issue 15, the basics job sites and virtual fairs have, over HTTP: saved postings (스크랩) with a deadline reminder
 * through the notification channel, the fair's programme (기업설명회), and company pages with a business number an
 * organizer confirms and images checked by content.
 */
jest.setTimeout(60_000);

const HOUR = 3600_000;

describe('the basics: saved postings, the fair programme, company pages', () => {
  let t: TestApp;
  let organizer: SignedIn;
  let fair: { id: string; slug: string };
  let booth: BoothSetup;
  let jobs: JobProducer;
  const sink = new SmtpSink();

  beforeAll(async () => {
    await sink.start();
    t = await startTestApp({ SMTP_URL: sink.url, PUBLIC_URL: 'https://bisang.example', EMAIL_VERIFICATION: 'off' });
    jobs = t.app.get(JobProducer);
    organizer = await createOrganizer(t.app, t.http);
    fair = await createFair(t.http, organizer);
    booth = await createBooth(t.http, fair.id, '스크랩정밀(주)');
    await publishPosting(t.http, booth, '상시 채용 생산직');
    expect((await t.http.post(`/booths/${booth.boothId}/approve`, {}, organizer.accessToken)).status).toBe(200);
  });
  afterAll(async () => {
    await t?.close();
    await sink.stop();
  });

  const deadlineNotices = async (seeker: SignedIn, postingId: string) =>
    ((await t.http.get('/me/notifications?limit=100', seeker.accessToken)).body.items as { type: string; data: { postingId: string } }[]).filter(
      (n) => n.type === 'posting.deadline_soon' && n.data.postingId === postingId,
    );

  describe('saved postings (스크랩)', () => {
    it('saves, lists newest first, unsaves; bad input is a clear 4xx', async () => {
      const seeker = await registerUser(t.http, 'seeker');
      const first = await publishPosting(t.http, booth, '용접 기사', { closesAt: new Date(Date.now() + 5 * 24 * HOUR).toISOString() });
      const second = await publishPosting(t.http, booth, '품질 관리');
      expect((await t.http.put(`/postings/${first}/saved`, {}, seeker.accessToken)).body).toEqual({ postingId: first, saved: true });
      expect((await t.http.put(`/postings/${second}/saved`, {}, seeker.accessToken)).status).toBe(200);
      // again: nothing changes
      expect((await t.http.put(`/postings/${second}/saved`, {}, seeker.accessToken)).status).toBe(200);
      const list = await t.http.get('/me/saved-postings', seeker.accessToken);
      expect(list.status).toBe(200);
      expect(list.body.items.map((s: { postingId: string }) => s.postingId)).toEqual([second, first]);
      expect(list.body.items[1].posting).toMatchObject({ id: first, title: '용접 기사', companyName: '스크랩정밀(주)' });
      expect(list.body.nextCursor).toBeNull();
      const page1 = await t.http.get('/me/saved-postings?limit=1', seeker.accessToken);
      const page2 = await t.http.get(`/me/saved-postings?limit=1&cursor=${page1.body.nextCursor}`, seeker.accessToken);
      expect(page2.body.items.map((s: { postingId: string }) => s.postingId)).toEqual([first]);
      expect((await t.http.get(`/postings/${first}/saved`, seeker.accessToken)).body).toEqual({ postingId: first, saved: true });

      expect((await t.http.delete(`/postings/${first}/saved`, seeker.accessToken)).status).toBe(204);
      expect((await t.http.delete(`/postings/${first}/saved`, seeker.accessToken)).status).toBe(204);
      expect((await t.http.get(`/postings/${first}/saved`, seeker.accessToken)).body.saved).toBe(false);
      expect((await t.http.get('/me/saved-postings', seeker.accessToken)).body.items).toHaveLength(1);

      // a draft, an unknown posting, a bad id, a bad cursor, the wrong role, nobody
      const draft = await t.http.post(`/booths/${booth.boothId}/postings`, { title: '초안', description: '초안', jobCategory: '1', employmentType: 'regular', openings: 1 }, booth.recruiter.accessToken);
      expect((await t.http.put(`/postings/${draft.body.id}/saved`, {}, seeker.accessToken)).status).toBe(404);
      expect((await t.http.put(`/postings/00000000-0000-4000-8000-000000000000/saved`, {}, seeker.accessToken)).status).toBe(404);
      expect((await t.http.put(`/postings/not-a-uuid/saved`, {}, seeker.accessToken)).status).toBe(400);
      expect((await t.http.get('/me/saved-postings?cursor=zzz', seeker.accessToken)).body.code).toBe('INVALID_CURSOR');
      expect((await t.http.put(`/postings/${second}/saved`, {}, booth.recruiter.accessToken)).status).toBe(403);
      expect((await t.http.put(`/postings/${second}/saved`, {})).status).toBe(401);
    });

    it('reminds a day before the deadline: at once inside that day, scheduled outside it, cancelled when unsaved, moved with the deadline', async () => {
      const seeker = await registerUser(t.http, 'seeker');
      // closes in 20 hours: inside the reminder's day, the notification comes at once
      const soon = await publishPosting(t.http, booth, '마감 임박 공고', { closesAt: new Date(Date.now() + 20 * HOUR).toISOString() });
      await t.http.put(`/postings/${soon}/saved`, {}, seeker.accessToken);
      await eventually(async () => (await deadlineNotices(seeker, soon)).length === 1, 'the deadline notification');
      const [notice] = await deadlineNotices(seeker, soon);
      expect(notice!.data).toMatchObject({ postingId: soon, postingTitle: '마감 임박 공고', companyName: '스크랩정밀(주)', fairId: fair.id });
      // and by mail, linking to the posting, with one-click unsubscribe (it is informative mail)
      await eventually(() => sink.to(seeker.email).some((m) => m.subject.includes('마감 임박 공고')), 'the deadline mail');
      const mail = sink.to(seeker.email).find((m) => m.subject.includes('마감 임박 공고'))!;
      expect(mail.subject).toBe('[비상] 스크랩한 채용공고가 곧 마감됩니다: 마감 임박 공고');
      expect(mail.text).toContain(`https://bisang.example/postings/${soon}`);
      expect(rawHeader(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');

      // closes in three days: a reminder waits on the queue, and unsaving removes it
      const closesAt = new Date(Date.now() + 72 * HOUR);
      closesAt.setMilliseconds(0);
      const later = await publishPosting(t.http, booth, '여유 있는 공고', { closesAt: closesAt.toISOString() });
      await t.http.put(`/postings/${later}/saved`, {}, seeker.accessToken);
      const jobId = jobIds.savedPostingReminder(seeker.id, later, closesAt);
      await eventually(() => jobs.isScheduled('saved-posting.remind', jobId), 'the reminder scheduled');
      await t.http.delete(`/postings/${later}/saved`, seeker.accessToken);
      await eventually(async () => !(await jobs.isScheduled('saved-posting.remind', jobId)), 'the reminder cancelled');

      // saved again, then the company brings the deadline forward into the day: the reminder comes now
      await t.http.put(`/postings/${later}/saved`, {}, seeker.accessToken);
      await eventually(() => jobs.isScheduled('saved-posting.remind', jobId), 'the reminder scheduled again');
      const patched = await t.http.patch(`/postings/${later}`, { closesAt: new Date(Date.now() + 10 * HOUR).toISOString() }, booth.recruiter.accessToken);
      expect(patched.status).toBe(200);
      await eventually(async () => (await deadlineNotices(seeker, later)).length === 1, 'the moved deadline notification');
      // once per deadline: the first posting still has one notification
      expect(await deadlineNotices(seeker, soon)).toHaveLength(1);
    });
  });

  describe('the fair programme', () => {
    const at = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();

    it('organizers add, change and remove items; everyone lists them in time order', async () => {
      const briefing = await t.http.post(
        `/fairs/${fair.id}/programme`,
        { kind: 'briefing', title: '  스크랩정밀 기업설명회 ', boothId: booth.boothId, startsAt: at(30), endsAt: at(31), description: '회사 소개와 질의응답' },
        organizer.accessToken,
      );
      expect(briefing.status).toBe(201);
      expect(briefing.body).toMatchObject({ kind: 'briefing', title: '스크랩정밀 기업설명회', boothId: booth.boothId, companyId: booth.companyId, companyName: '스크랩정밀(주)' });
      const talk = await t.http.post(`/fairs/${fair.id}/programme`, { kind: 'talk', title: '취업 특강', startsAt: at(5), endsAt: at(6) }, organizer.accessToken);
      expect(talk.status).toBe(201);
      expect(talk.body).toMatchObject({ boothId: null, companyName: null, description: null });

      const list = await t.http.get(`/fairs/${fair.slug}/programme`);
      expect(list.status).toBe(200);
      expect(list.body.items.map((i: { title: string }) => i.title)).toEqual(['취업 특강', '스크랩정밀 기업설명회']);
      const fromLater = await t.http.get(`/fairs/${fair.id}/programme?from=${encodeURIComponent(at(10))}`);
      expect(fromLater.body.items.map((i: { title: string }) => i.title)).toEqual(['스크랩정밀 기업설명회']);

      const moved = await t.http.patch(`/programme/${talk.body.id}`, { startsAt: at(40), endsAt: at(41), description: '  ' }, organizer.accessToken);
      expect(moved.status).toBe(200);
      expect((await t.http.get(`/fairs/${fair.id}/programme`)).body.items.map((i: { title: string }) => i.title)).toEqual(['스크랩정밀 기업설명회', '취업 특강']);
      expect((await t.http.delete(`/programme/${talk.body.id}`, organizer.accessToken)).status).toBe(204);
      expect((await t.http.delete(`/programme/${talk.body.id}`, organizer.accessToken)).status).toBe(404);
    });

    it('puts each change on the fair’s feed (programme.changed), live to a connected page and in GET /feed', async () => {
      const socket = t.socket();
      const events = collectFeed(socket);
      await connected(socket);
      await joinFair(socket, fair.id);
      const item = await t.http.post(`/fairs/${fair.id}/programme`, { kind: 'workshop', title: '면접 실습', startsAt: at(7), endsAt: at(8) }, organizer.accessToken);
      expect(item.status).toBe(201);
      expect((await t.http.patch(`/programme/${item.body.id}`, { title: '모의 면접 실습' }, organizer.accessToken)).status).toBe(200);
      expect((await t.http.delete(`/programme/${item.body.id}`, organizer.accessToken)).status).toBe(204);
      const mine = () => events.filter((e) => e.type === 'programme.changed' && e.data.itemId === item.body.id).map((e) => (e.type === 'programme.changed' ? e.data.change : ''));
      await eventually(() => mine().length === 3, 'three programme.changed events');
      expect(mine()).toEqual(['added', 'updated', 'removed']);
      const feed = await t.http.get(`/fairs/${fair.id}/feed?since=0&limit=100`);
      expect(feed.body.items.filter((e: { type: string; data: { itemId?: string } }) => e.type === 'programme.changed' && e.data.itemId === item.body.id)).toHaveLength(3);
      // a refused change puts nothing on the feed
      const before = (await t.http.get(`/fairs/${fair.id}/feed?since=0&limit=100`)).body.items.length;
      expect((await t.http.patch(`/programme/${item.body.id}`, { title: 'x' }, organizer.accessToken)).status).toBe(404);
      expect((await t.http.post(`/fairs/${fair.id}/programme`, { kind: 'talk', title: 'x', startsAt: at(6), endsAt: at(5) }, organizer.accessToken)).status).toBe(400);
      expect((await t.http.get(`/fairs/${fair.id}/feed?since=0&limit=100`)).body.items.length).toBe(before);
      socket.disconnect();
    });

    it('refuses bad items with a clear 4xx, never a 500', async () => {
      const post = (body: object, token = organizer.accessToken) => t.http.post(`/fairs/${fair.id}/programme`, body, token);
      const backwards = await post({ kind: 'talk', title: '거꾸로', startsAt: at(6), endsAt: at(5) });
      expect([backwards.status, backwards.body.message]).toEqual([400, ['endsAt must be after startsAt']]);
      expect((await post({ kind: 'talk', title: '박람회 뒤', startsAt: at(60 * 24), endsAt: at(60 * 24 + 1) })).status).toBe(400);
      expect((await post({ kind: 'party', title: '?', startsAt: at(5), endsAt: at(6) })).body.code).toBe('VALIDATION_FAILED');
      expect((await post({ kind: 'talk', title: '', startsAt: at(5), endsAt: at(6) })).status).toBe(400);
      expect((await post({ kind: 'talk', title: 'x', startsAt: 'tomorrow', endsAt: at(6) })).status).toBe(400);
      expect((await post({ kind: 'talk', title: 'x', startsAt: at(5), endsAt: at(6), seats: 30 })).status).toBe(400);
      const otherFair = await createFair(t.http, organizer);
      const otherBooth = await createBooth(t.http, otherFair.id);
      const wrongBooth = await post({ kind: 'briefing', title: '남의 부스', boothId: otherBooth.boothId, startsAt: at(5), endsAt: at(6) });
      expect([wrongBooth.status, wrongBooth.body.message]).toEqual([400, ['boothId: 이 박람회의 부스가 아닙니다 / boothId must be a booth of this fair']]);
      expect((await post({ kind: 'talk', title: 'x', startsAt: at(5), endsAt: at(6) }, booth.recruiter.accessToken)).status).toBe(403);
      expect((await t.http.post(`/fairs/00000000-0000-4000-8000-000000000000/programme`, { kind: 'talk', title: 'x', startsAt: at(5), endsAt: at(6) }, organizer.accessToken)).status).toBe(404);
      expect((await t.http.get(`/fairs/no-such-fair/programme`)).status).toBe(404);
      expect((await t.http.get(`/fairs/${fair.id}/programme?from=soon`)).status).toBe(400);
      // a draft's programme is not public
      const draft = await createFair(t.http, organizer, { publish: false });
      expect((await t.http.get(`/fairs/${draft.id}/programme`)).status).toBe(404);
      expect((await t.http.get(`/fairs/${draft.id}/programme`, organizer.accessToken)).status).toBe(200);
    });
  });

  describe('company pages', () => {
    const upload = (path: string, method: string, token: string | undefined, bytes: Buffer, name = 'logo.png', type = 'image/png') => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
      return t.http.form(method, path, form, token);
    };

    it('staff write the page; only they may; a bad business number is a 400; an organizer verifies, a change un-verifies', async () => {
      const path = `/companies/${booth.companyId}`;
      const patched = await t.http.patch(
        path,
        { introduction: ' 자동차 부품을 만드는 강소기업입니다. ', benefits: ['4대 보험', ' ', '통근 버스'], location: '대구 달서구 성서공단로 1', region: '대구 달서구', businessNumber: '1248100998' },
        booth.recruiter.accessToken,
      );
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({
        name: '스크랩정밀(주)',
        introduction: '자동차 부품을 만드는 강소기업입니다.',
        benefits: ['4대 보험', '통근 버스'],
        location: '대구 달서구 성서공단로 1',
        region: '대구 달서구',
        businessNumber: '124-81-00998',
        businessNumberVerified: false,
        logo: null,
        photos: [],
      });
      const bad = await t.http.patch(path, { businessNumber: '124-81-00997' }, booth.recruiter.accessToken);
      expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(String(bad.body.message)).toContain('businessNumber');
      expect((await t.http.patch(path, { benefits: 'all' }, booth.recruiter.accessToken)).status).toBe(400);
      expect((await t.http.patch(path, { founded: 1987 }, booth.recruiter.accessToken)).status).toBe(400);
      const stranger = await registerUser(t.http, 'recruiter');
      expect((await t.http.patch(path, { introduction: '가짜' }, stranger.accessToken)).body.code).toBe('NOT_COMPANY_STAFF');
      const seeker = await registerUser(t.http, 'seeker');
      expect((await t.http.patch(path, { introduction: '가짜' }, seeker.accessToken)).status).toBe(403);
      expect((await t.http.patch('/companies/00000000-0000-4000-8000-000000000000', { introduction: 'x' }, booth.recruiter.accessToken)).status).toBe(404);

      // the organizer confirms; the public page shows it; a recruiter cannot
      expect((await t.http.post(`${path}/business-number/verify`, {}, booth.recruiter.accessToken)).status).toBe(403);
      const verified = await t.http.post(`${path}/business-number/verify`, {}, organizer.accessToken);
      expect(verified.status).toBe(200);
      expect((await t.http.get(path)).body).toMatchObject({ businessNumber: '124-81-00998', businessNumberVerified: true });
      // other changes keep it; a new number loses it
      await t.http.patch(path, { introduction: '새 소개' }, booth.recruiter.accessToken);
      expect((await t.http.get(path)).body.businessNumberVerified).toBe(true);
      await t.http.patch(path, { businessNumber: '220-81-62517' }, booth.recruiter.accessToken);
      expect((await t.http.get(path)).body).toMatchObject({ businessNumber: '220-81-62517', businessNumberVerified: false });
      // nothing to confirm
      const bare = await createBooth(t.http, fair.id, '번호없음(주)');
      expect((await t.http.post(`/companies/${bare.companyId}/business-number/verify`, {}, organizer.accessToken)).body.code).toBe('NO_BUSINESS_NUMBER');
    });

    it('takes a logo and photos checked by their content, serves them publicly, and removes them', async () => {
      const base = `/companies/${booth.companyId}`;
      // a PDF named .png and declared image/png is refused, and so is nothing
      const pdf = await upload(`${base}/logo`, 'PUT', booth.recruiter.accessToken, samplePdf(), 'logo.png', 'image/png');
      expect([pdf.status, pdf.body.code]).toEqual([400, 'NOT_AN_IMAGE']);
      const json = await t.http.put(`${base}/logo`, { file: 'x' }, booth.recruiter.accessToken);
      expect([json.status, json.body.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
      const big = await upload(`${base}/photos`, 'POST', booth.recruiter.accessToken, Buffer.concat([samplePng(), Buffer.alloc(2 * 1024 * 1024)]));
      expect([big.status, big.body.code]).toEqual([413, 'FILE_TOO_LARGE']);
      const stranger = await registerUser(t.http, 'recruiter');
      expect((await upload(`${base}/logo`, 'PUT', stranger.accessToken, samplePng())).body.code).toBe('NOT_COMPANY_STAFF');

      const logo = await upload(`${base}/logo`, 'PUT', booth.recruiter.accessToken, samplePng(), 'anything.pdf', 'application/pdf');
      expect(logo.status).toBe(200);
      const photo = await upload(`${base}/photos`, 'POST', booth.recruiter.accessToken, samplePng());
      expect(photo.status).toBe(201);
      const page = (await t.http.get(base)).body;
      expect(page.logo).toEqual({ id: logo.body.id, url: `/api/v1/company-images/${logo.body.id}` });
      expect(page.photos).toEqual([photo.body]);
      const served = await t.http.bytes(`/company-images/${logo.body.id}`);
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toBe('image/png');
      expect(served.body.equals(samplePng())).toBe(true);

      // a new logo replaces the old one (which is gone)
      const second = await upload(`${base}/logo`, 'PUT', booth.recruiter.accessToken, samplePng());
      expect((await t.http.get(base)).body.logo.id).toBe(second.body.id);
      expect((await t.http.bytes(`/company-images/${logo.body.id}`)).status).toBe(404);
      expect((await t.http.delete(`${base}/images/${photo.body.id}`, booth.recruiter.accessToken)).status).toBe(204);
      expect((await t.http.delete(`${base}/images/${photo.body.id}`, booth.recruiter.accessToken)).status).toBe(404);
      expect((await t.http.get(base)).body.photos).toEqual([]);
      expect((await t.http.get('/companies/not-a-uuid')).status).toBe(400);
      expect((await t.http.get('/company-images/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    });
  });
});
