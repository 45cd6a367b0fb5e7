import type { Socket } from 'socket.io-client';
import type { ChatMessage, ChatStarted, QueueUpdate } from '@bisang/contracts';
import { OpenPosting, SignedIn, connected, createOrganizer, eventually, openPosting, registerUser } from '@bisang/testing';
import { TestApp, startTestApp } from './support/test-app';

/** Everything a signed-in socket receives of booth chat. */
function watch(socket: Socket) {
  const got = { queue: [] as QueueUpdate[], started: [] as ChatStarted[], messages: [] as ChatMessage[], ended: [] as { chatId: string }[] };
  socket.on('queue:update', (u: QueueUpdate) => got.queue.push(u));
  socket.on('chat:started', (c: ChatStarted) => got.started.push(c));
  socket.on('chat:message', (m: ChatMessage) => got.messages.push(m));
  socket.on('chat:ended', (e: { chatId: string }) => got.ended.push(e));
  return got;
}

async function emit(socket: Socket, event: string, payload: unknown): Promise<any> {
  await connected(socket);
  return socket.timeout(10_000).emitWithAck(event, payload);
}

describe('booth chat', () => {
  let t: TestApp;
  let organizer: SignedIn;

  beforeAll(async () => {
    t = await startTestApp();
    organizer = await createOrganizer(t.app, t.http);
  });
  afterAll(async () => {
    await t?.close();
  });

  const seeker = (name = '구직자') => registerUser(t.http, 'seeker', { name });
  const join = (s: SignedIn, boothId: string) => t.http.post(`/booths/${boothId}/queue`, {}, s.accessToken);
  const takeNext = (r: SignedIn, boothId: string) => t.http.post(`/booths/${boothId}/chats/next`, {}, r.accessToken);

  async function online(r: SignedIn, boothId: string, capacity?: number) {
    const socket = t.socket({ token: r.accessToken });
    expect(await emit(socket, 'booth:online', capacity === undefined ? { boothId } : { boothId, capacity })).toEqual({ ok: true });
    return socket;
  }

  it('queues seekers in order, shows staff the line and each seeker only their own place, and enforces the limits', async () => {
    const a = await openPosting(t.http, organizer, {}, '큐테스트A(주)');
    const b = await openPosting(t.http, organizer, {}, '큐테스트B(주)');
    const c = await openPosting(t.http, organizer, {}, '큐테스트C(주)');
    const s1 = await seeker('김하나');
    const s2 = await seeker('이두리');

    const first = await join(s1, a.booth.boothId);
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ entryId: expect.any(String), boothId: a.booth.boothId, position: 1, etaSeconds: null });
    const second = await join(s2, a.booth.boothId);
    expect(second.body).toMatchObject({ position: 2, etaSeconds: null });

    expect(await join(s1, a.booth.boothId)).toMatchObject({ status: 409, body: { code: 'ALREADY_QUEUED' } });
    expect((await join(s1, b.booth.boothId)).status).toBe(201);
    expect(await join(s1, c.booth.boothId)).toMatchObject({ status: 409, body: { code: 'QUEUE_LIMIT' } });

    const staffView = await t.http.get(`/booths/${a.booth.boothId}/queue`, a.booth.recruiter.accessToken);
    expect(staffView.status).toBe(200);
    expect(staffView.body.items).toEqual([
      { entryId: first.body.entryId, seeker: { id: s1.id, name: '김하나' }, joinedAt: expect.any(String), preview: expect.objectContaining({ age: expect.any(Number) }), awaySince: null },
      { entryId: second.body.entryId, seeker: { id: s2.id, name: '이두리' }, joinedAt: expect.any(String), preview: expect.objectContaining({ age: expect.any(Number) }), awaySince: null },
    ]);
    expect((await t.http.get(`/booths/${a.booth.boothId}/queue`, s2.accessToken)).body).toEqual({ position: 2, etaSeconds: null });
    // Another company's staff, a seeker not queued: nothing of the line
    expect((await t.http.get(`/booths/${a.booth.boothId}/queue`, b.booth.recruiter.accessToken)).status).toBe(403);
    expect((await t.http.get(`/booths/${c.booth.boothId}/queue`, s2.accessToken)).status).toBe(404);
    // Recruiters cannot queue
    expect((await join(a.booth.recruiter, b.booth.boothId)).status).toBe(403);

    // Leaving moves the next one up; leaving twice is a 404
    expect((await t.http.delete(`/booths/${a.booth.boothId}/queue`, s1.accessToken)).status).toBe(204);
    expect((await t.http.delete(`/booths/${a.booth.boothId}/queue`, s1.accessToken)).status).toBe(404);
    expect((await t.http.get(`/booths/${a.booth.boothId}/queue`, s2.accessToken)).body).toEqual({ position: 1, etaSeconds: null });
    expect((await t.http.get(`/booths/${a.booth.boothId}/queue`, s1.accessToken)).status).toBe(404);
    // Having left one queue, there is room for another
    expect((await join(s1, c.booth.boothId)).status).toBe(201);
  });

  it('refuses a queue of a booth that is not approved (404) and unknown booths', async () => {
    const s = await seeker();
    const res = await join(s, '00000000-0000-4000-8000-000000000000');
    expect(res.status).toBe(404);
    expect((await t.http.post('/booths/not-a-uuid/queue', {}, s.accessToken)).status).toBe(400);
  });

  it('PUT staff-presence takes capacity null as the default (it was a 500)', async () => {
    const a = await openPosting(t.http, organizer, {}, '출석널(주)');
    const put = (body: object) => t.http.request('PUT', `/booths/${a.booth.boothId}/staff-presence`, { body, token: a.booth.recruiter.accessToken });
    expect((await put({ online: true, capacity: null })).body).toMatchObject({ online: true, capacity: 2 });
    expect((await put({ online: true, capacity: 9 })).status).toBe(400);
    expect((await put({ online: false })).status).toBe(200);
  });

  it('shares the profile with the company only while the seeker is queued or chatting', async () => {
    const a = await openPosting(t.http, organizer, {}, '동의테스트(주)');
    const s = await seeker('박동의');
    const profile = () => t.http.get(`/seekers/${s.id}/profile`, a.booth.recruiter.accessToken);
    expect((await profile()).status).toBe(404);
    await join(s, a.booth.boothId);
    expect((await profile()).status).toBe(200);
    expect((await t.http.delete(`/booths/${a.booth.boothId}/queue`, s.accessToken)).status).toBe(204);
    expect((await profile()).status).toBe(404);
  });

  it('take next: online staff only, first free seeker (a seeker chatting elsewhere is skipped and keeps their place), capacity, 204 when nobody waits', async () => {
    const a = await openPosting(t.http, organizer, {}, '테이크A(주)');
    const b = await openPosting(t.http, organizer, {}, '테이크B(주)');
    const busy = await seeker('바쁜사람');
    const free = await seeker('한가한사람');
    await join(busy, b.booth.boothId);
    await join(busy, a.booth.boothId);
    await join(free, a.booth.boothId);

    // Not online yet
    expect(await takeNext(a.booth.recruiter, a.booth.boothId)).toMatchObject({ status: 409, body: { code: 'NOT_ONLINE' } });
    // Another company's recruiter: not their booth
    expect((await takeNext(b.booth.recruiter, a.booth.boothId)).status).toBe(403);

    const recB = await online(b.booth.recruiter, b.booth.boothId, 1);
    const atB = await takeNext(b.booth.recruiter, b.booth.boothId);
    expect(atB.status).toBe(201);
    expect(atB.body).toMatchObject({ id: expect.any(String), boothId: b.booth.boothId, seekerId: busy.id, recruiterId: b.booth.recruiter.id, startedAt: expect.any(String) });
    expect(await takeNext(b.booth.recruiter, b.booth.boothId)).toMatchObject({ status: 409, body: { code: 'CAPACITY_REACHED' } });

    const recA = await online(a.booth.recruiter, a.booth.boothId);
    const atA = await takeNext(a.booth.recruiter, a.booth.boothId);
    expect(atA.body).toMatchObject({ seekerId: free.id });
    // busy is still first in A's line: skipped, not dropped
    expect((await t.http.get(`/booths/${a.booth.boothId}/queue`, busy.accessToken)).body).toMatchObject({ position: 1 });
    expect((await takeNext(a.booth.recruiter, a.booth.boothId)).status).toBe(204);

    // Once busy's chat at B ends, A can take them
    expect((await t.http.post(`/chats/${atB.body.id}/end`, {}, busy.accessToken)).status).toBe(200);
    expect((await takeNext(a.booth.recruiter, a.booth.boothId)).body).toMatchObject({ seekerId: busy.id });
    expect(await takeNext(a.booth.recruiter, a.booth.boothId)).toMatchObject({ status: 409, body: { code: 'CAPACITY_REACHED' } });

    // Going offline (or dropping the socket) takes the recruiter out; open chats stay open
    expect(await emit(recA, 'booth:offline', { boothId: a.booth.boothId })).toEqual({ ok: true });
    expect(await takeNext(a.booth.recruiter, a.booth.boothId)).toMatchObject({ status: 409, body: { code: 'NOT_ONLINE' } });
    expect((await t.http.post(`/chats/${atA.body.id}/messages`, { body: '아직 계신가요?' }, free.accessToken)).status).toBe(201);
    recB.disconnect();
    await eventually(async () => (await takeNext(b.booth.recruiter, b.booth.boothId)).body.code === 'NOT_ONLINE', 'presence gone with the socket');

    // booth:online is for the booth's staff, with a capacity of 1–4
    const stranger = t.socket({ token: free.accessToken });
    expect(await emit(stranger, 'booth:online', { boothId: a.booth.boothId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const again = t.socket({ token: a.booth.recruiter.accessToken });
    expect(await emit(again, 'booth:online', { boothId: a.booth.boothId, capacity: 5 })).toMatchObject({ ok: false, code: 'INVALID_PAYLOAD' });
  });

  it('pushes queue:update and chat:started; messages get increasing seq, replay after a cut with no gap and no duplicate, and chat:ended', async () => {
    const a: OpenPosting = await openPosting(t.http, organizer, {}, '메시지테스트(주)');
    const recruiter = a.booth.recruiter;
    const s1 = await seeker('첫번째');
    const s2 = await seeker('두번째');
    const s2Socket = t.socket({ token: s2.accessToken });
    const s2Got = watch(s2Socket);
    await connected(s2Socket);
    await join(s1, a.booth.boothId);
    await join(s2, a.booth.boothId);
    await eventually(() => s2Got.queue.some((u) => u.position === 2), 'queue:update position 2');

    const recSocket = await online(recruiter, a.booth.boothId);
    const recGot = watch(recSocket);
    const s1Socket = t.socket({ token: s1.accessToken });
    const s1Got = watch(s1Socket);
    await connected(s1Socket);
    const chat = (await takeNext(recruiter, a.booth.boothId)).body;
    const started = { chatId: chat.id, boothId: a.booth.boothId, seekerId: s1.id, recruiterId: recruiter.id };
    await eventually(() => s1Got.started.length > 0 && recGot.started.length > 0, 'chat:started to both');
    expect(s1Got.started[0]).toEqual(started);
    expect(recGot.started[0]).toEqual(started);
    await eventually(() => s2Got.queue.some((u) => u.position === 1), 's2 moves to position 1');

    // Join from now on both sides
    expect(await emit(s1Socket, 'chat:join', { chatId: chat.id })).toEqual({ ok: true, lastSeq: 0 });
    expect(await emit(recSocket, 'chat:join', { chatId: chat.id })).toEqual({ ok: true, lastSeq: 0 });

    const post = (who: SignedIn, body: string) => t.http.post(`/chats/${chat.id}/messages`, { body }, who.accessToken);
    const m1 = await post(s1, '안녕하세요! 생산관리 직무가 궁금합니다.');
    expect(m1.status).toBe(201);
    expect(m1.body).toEqual({ id: expect.any(String), chatId: chat.id, seq: 1, senderId: s1.id, body: '안녕하세요! 생산관리 직무가 궁금합니다.', at: expect.any(String) });
    expect((await post(recruiter, '네, 반갑습니다. 무엇이든 물어보세요.')).body.seq).toBe(2);
    await eventually(() => s1Got.messages.length === 2 && recGot.messages.length === 2, 'both messages live');

    // The seeker's connection is cut; messages go on; they come back with since = the last seq they saw
    s1Socket.disconnect();
    for (let i = 3; i <= 6; i++) expect((await post(recruiter, `메시지 ${i}`)).body.seq).toBe(i);
    const back = t.socket({ token: s1.accessToken });
    const backGot = watch(back);
    expect(await emit(back, 'chat:join', { chatId: chat.id, since: 2 })).toEqual({ ok: true, lastSeq: 6 });
    await post(s1, '다시 연결됐어요');
    await eventually(() => backGot.messages.length === 5, 'replay then live');
    expect(backGot.messages.map((m) => m.seq)).toEqual([3, 4, 5, 6, 7]);
    await eventually(() => recGot.messages.length === 7, 'recruiter has all');
    expect(recGot.messages.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);

    // Over HTTP
    const since = await t.http.get(`/chats/${chat.id}/messages?since=4`, s1.accessToken);
    expect(since.body.items.map((m: ChatMessage) => m.seq)).toEqual([5, 6, 7]);

    // Non-participants: 404 over HTTP and NOT_FOUND on the socket
    expect((await t.http.get(`/chats/${chat.id}/messages`, s2.accessToken)).status).toBe(404);
    expect((await t.http.post(`/chats/${chat.id}/messages`, { body: '끼어들기' }, s2.accessToken)).status).toBe(404);
    expect((await t.http.post(`/chats/${chat.id}/end`, {}, s2.accessToken)).status).toBe(404);
    expect(await emit(s2Socket, 'chat:join', { chatId: chat.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });

    // Bad bodies: every problem named, never stored
    for (const body of [{ body: '' }, { body: 'x'.repeat(2001) }, { body: 'a\u0000b' }, { body: 'abc\u202Eexe' }, {}, { body: '안녕', extra: 1 }]) {
      const res = await t.http.post(`/chats/${chat.id}/messages`, body, s1.accessToken);
      expect(res.status).toBe(400);
    }
    expect((await post(s1, 'x'.repeat(2000))).status).toBe(201);

    // My chats, newest first, for both sides
    const mine = await t.http.get('/me/chats', s1.accessToken);
    expect(mine.body.items[0]).toMatchObject({ id: chat.id, boothId: a.booth.boothId, seekerId: s1.id, recruiterId: recruiter.id });
    expect(mine.body.nextCursor).toBeNull();
    expect((await t.http.get('/me/chats', recruiter.accessToken)).body.items[0]).toMatchObject({ id: chat.id });

    // Either side ends it; both hear it; nothing more can be posted; the transcript stays
    const ended = await t.http.post(`/chats/${chat.id}/end`, {}, recruiter.accessToken);
    expect(ended.status).toBe(200);
    expect(ended.body).toEqual({ id: chat.id, endedAt: expect.any(String) });
    await eventually(() => backGot.ended.length > 0 && recGot.ended.length > 0, 'chat:ended to both');
    expect(backGot.ended[0]).toEqual({ chatId: chat.id });
    expect(await post(s1, '늦었나요?')).toMatchObject({ status: 409, body: { code: 'CHAT_ENDED' } });
    expect((await t.http.get(`/chats/${chat.id}/messages`, s1.accessToken)).body.items.length).toBeGreaterThanOrEqual(8);
  });

  it("stores \"you're next\" for a seeker who is not connected", async () => {
    const a = await openPosting(t.http, organizer, {}, '알림테스트(주)');
    const s1 = await seeker();
    const s2 = await seeker();
    await join(s1, a.booth.boothId);
    await join(s2, a.booth.boothId);
    await eventually(async () => (await t.http.get('/me/notifications', s1.accessToken)).body.items.some((n: any) => n.type === 'queue.next'), 's1 told first');
    expect((await t.http.get('/me/notifications', s2.accessToken)).body.items.filter((n: any) => n.type === 'queue.next')).toEqual([]);
    await t.http.delete(`/booths/${a.booth.boothId}/queue`, s1.accessToken);
    await eventually(async () => {
      const items = (await t.http.get('/me/notifications', s2.accessToken)).body.items;
      return items.some((n: any) => n.type === 'queue.next' && n.data.boothId === a.booth.boothId && n.data.companyName === '알림테스트(주)');
    }, 's2 told once s1 left');
  });

  it('a left message becomes a conversation staff answer later, and the seeker is notified', async () => {
    const a = await openPosting(t.http, organizer, {}, '메모테스트(주)');
    const s = await seeker();
    const left = await t.http.post(`/booths/${a.booth.boothId}/messages`, { body: '내일 다시 연락 주실 수 있나요?' }, s.accessToken);
    expect(left.status).toBe(201);
    expect(left.body).toMatchObject({ kind: 'message', recruiterId: null, lastSeq: 1 });
    const answer = await t.http.post(`/chats/${left.body.id}/messages`, { body: '네, 내일 오전에 연락드리겠습니다.' }, a.booth.recruiter.accessToken);
    expect(answer.body).toMatchObject({ seq: 2, senderId: a.booth.recruiter.id });
    await eventually(async () => (await t.http.get('/me/notifications', s.accessToken)).body.items.some((n: any) => n.type === 'chat.answered'), 'answered');
    expect((await t.http.get(`/chats/${left.body.id}`, s.accessToken)).body).toMatchObject({ recruiterId: a.booth.recruiter.id });
  });

  it('estimates the wait only once the booth has 3 measured chats, and counts chats in the fair KPIs', async () => {
    const a = await openPosting(t.http, organizer, {}, '추정테스트(주)');
    const socket = await online(a.booth.recruiter, a.booth.boothId, 1);
    const quitter = await seeker();
    await join(quitter, a.booth.boothId);
    await t.http.delete(`/booths/${a.booth.boothId}/queue`, quitter.accessToken);
    for (let i = 0; i < 3; i++) {
      const s = await seeker();
      expect((await join(s, a.booth.boothId)).body.etaSeconds).toBeNull();
      const chat = (await takeNext(a.booth.recruiter, a.booth.boothId)).body;
      await t.http.post(`/chats/${chat.id}/end`, {}, a.booth.recruiter.accessToken);
    }
    const late = await seeker();
    const entry = await join(late, a.booth.boothId);
    expect(entry.body.position).toBe(1);
    expect(typeof entry.body.etaSeconds).toBe('number');
    expect(entry.body.etaSeconds).toBeGreaterThanOrEqual(0);
    socket.disconnect();

    const kpis = await t.http.get(`/fairs/${a.fairId}/kpis`, organizer.accessToken);
    expect(kpis.body).toMatchObject({ chatsHeld: 3, chatQueueAbandoned: 1, chatMessagesUnanswered: 0 });
    expect(typeof kpis.body.chatWaitMedianSeconds).toBe('number');
    expect(typeof kpis.body.chatWaitP90Seconds).toBe('number');
  });

  it('read markers and typing hints reach the other participant; markers never pass the newest message', async () => {
    const a = await openPosting(t.http, organizer, {}, '읽음테스트(주)');
    const recruiter = a.booth.recruiter;
    const s = await seeker();
    await join(s, a.booth.boothId);
    const rec = await online(recruiter, a.booth.boothId);
    const chat = (await takeNext(recruiter, a.booth.boothId)).body;
    const mine = t.socket({ token: s.accessToken });
    const reads: any[] = [];
    const typing: any[] = [];
    rec.on('chat:read', (r: unknown) => reads.push(r));
    rec.on('chat:typing', (r: unknown) => typing.push(r));
    expect(await emit(mine, 'chat:typing', { chatId: chat.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await emit(mine, 'chat:join', { chatId: chat.id })).toEqual({ ok: true, lastSeq: 0 });
    expect(await emit(rec, 'chat:join', { chatId: chat.id })).toEqual({ ok: true, lastSeq: 0 });
    expect(await emit(mine, 'chat:typing', { chatId: chat.id })).toEqual({ ok: true });
    await eventually(() => typing.length > 0, 'typing hint');
    expect(typing[0]).toEqual({ chatId: chat.id, userId: s.id });

    await t.http.post(`/chats/${chat.id}/messages`, { body: '첫 메시지' }, recruiter.accessToken);
    await t.http.post(`/chats/${chat.id}/messages`, { body: '두 번째' }, recruiter.accessToken);
    expect((await t.http.get(`/chats/${chat.id}`, s.accessToken)).body).toMatchObject({ lastSeq: 2, readSeq: 0 });
    expect(await emit(mine, 'chat:read', { chatId: chat.id, seq: 2 })).toEqual({ ok: true });
    await eventually(() => reads.length > 0, 'chat:read to the recruiter');
    expect(reads[0]).toEqual({ chatId: chat.id, userId: s.id, seq: 2 });
    expect((await t.http.get(`/chats/${chat.id}`, recruiter.accessToken)).body).toMatchObject({ readSeq: 0, otherReadSeq: 2 });
    expect((await t.http.post(`/chats/${chat.id}/read`, { seq: 99 }, s.accessToken)).body).toEqual({ chatId: chat.id, readSeq: 2 });
    expect((await t.http.post(`/chats/${chat.id}/read`, { seq: 1 }, s.accessToken)).body).toEqual({ chatId: chat.id, readSeq: 2 });
    const other = await seeker();
    expect((await t.http.post(`/chats/${chat.id}/read`, { seq: 1 }, other.accessToken)).status).toBe(404);
  });

  it("hands a chat to a colleague who is online with a free slot; the seeker hears who they talk to now", async () => {
    const a = await openPosting(t.http, organizer, {}, '인계테스트(주)');
    const colleague = await registerUser(t.http, 'recruiter', { name: '동료 담당자' });
    const invited = await t.http.post(`/companies/${a.booth.companyId}/invitations`, { email: colleague.email }, a.booth.recruiter.accessToken);
    expect((await t.http.post(`/invitations/${invited.body.id}/accept`, {}, colleague.accessToken)).status).toBe(200);
    const s = await seeker();
    const seekerSocket = t.socket({ token: s.accessToken });
    const got = watch(seekerSocket);
    await connected(seekerSocket);
    await join(s, a.booth.boothId);
    await online(a.booth.recruiter, a.booth.boothId);
    const chat = (await takeNext(a.booth.recruiter, a.booth.boothId)).body;
    const handOver = (who: SignedIn, recruiterId: string) => t.http.post(`/chats/${chat.id}/handover`, { recruiterId }, who.accessToken);

    expect(await handOver(a.booth.recruiter, colleague.id)).toMatchObject({ status: 409, body: { code: 'NOT_ONLINE' } });
    const other = await openPosting(t.http, organizer, {}, '남의회사(주)');
    expect(await handOver(a.booth.recruiter, other.booth.recruiter.id)).toMatchObject({ status: 404, body: { code: 'COLLEAGUE_NOT_FOUND' } });
    expect((await handOver(other.booth.recruiter, colleague.id)).status).toBe(404);
    await online(colleague, a.booth.boothId, 1);
    const handed = await handOver(a.booth.recruiter, colleague.id);
    expect(handed.status).toBe(200);
    expect(handed.body).toMatchObject({ id: chat.id, recruiterId: colleague.id, seekerId: s.id });
    await eventually(() => got.started.some((c) => c.chatId === chat.id && c.recruiterId === colleague.id), 'seeker told of the colleague');
    // The colleague now answers; the first recruiter is no longer in it
    expect((await t.http.post(`/chats/${chat.id}/messages`, { body: '이어서 안내해 드릴게요.' }, colleague.accessToken)).status).toBe(201);
    expect((await t.http.post(`/chats/${chat.id}/messages`, { body: '저도 있어요' }, a.booth.recruiter.accessToken)).status).toBe(404);
  });

  it('turns a chat into a call: both participants get the same room at once and meet in it; others get 404, an ended chat 409', async () => {
    const a = await openPosting(t.http, organizer, {}, '화상전환(주)');
    const s = await seeker('통화하는사람');
    const stranger = await seeker('남');
    await join(s, a.booth.boothId);
    const rec = await online(a.booth.recruiter, a.booth.boothId);
    const chat = (await takeNext(a.booth.recruiter, a.booth.boothId)).body;

    const byRecruiter = await t.http.post(`/chats/${chat.id}/room`, {}, a.booth.recruiter.accessToken);
    expect(byRecruiter.status).toBe(200);
    expect(byRecruiter.body).toMatchObject({ roomId: expect.any(String), opensAt: expect.any(String), closesAt: expect.any(String), iceServers: expect.any(Array) });
    const bySeeker = await t.http.post(`/chats/${chat.id}/room`, {}, s.accessToken);
    expect(bySeeker.body.roomId).toBe(byRecruiter.body.roomId);
    // The call's chat is the booth chat itself: no second conversation.
    expect([byRecruiter.body.chatId, bySeeker.body.chatId]).toEqual([chat.id, chat.id]);
    expect(Date.parse(bySeeker.body.opensAt)).toBeLessThanOrEqual(Date.now() + 60_000);
    expect((await t.http.post(`/chats/${chat.id}/room`, {}, stranger.accessToken)).status).toBe(404);

    // Both enter: the second sees the first as present, the first hears the second arrive
    const seekerSocket = t.socket({ token: s.accessToken });
    const arrivals: { userId: string; present: boolean }[] = [];
    rec.on('room:peer', (p: { userId: string; present: boolean }) => arrivals.push(p));
    expect(await emit(rec, 'room:join', { roomId: byRecruiter.body.roomId })).toMatchObject({ ok: true, peers: [] });
    expect(await emit(seekerSocket, 'room:join', { roomId: bySeeker.body.roomId })).toMatchObject({ ok: true, peers: [a.booth.recruiter.id] });
    await eventually(() => arrivals.some((p) => p.userId === s.id && p.present), 30_000, 'the recruiter hears the seeker arrive');
    expect(await emit(t.socket({ token: stranger.accessToken }), 'room:join', { roomId: byRecruiter.body.roomId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });

    expect((await t.http.post(`/chats/${chat.id}/end`, {}, s.accessToken)).status).toBe(200);
    expect(await t.http.post(`/chats/${chat.id}/room`, {}, s.accessToken)).toMatchObject({ status: 409, body: { code: 'CHAT_ENDED' } });
  });
});
