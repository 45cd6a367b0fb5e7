import type { Socket } from 'socket.io-client';
import type { ChatMessage, ChatTimeWarning } from '@bisang/contracts';
import { OpenPosting, SignedIn, connected, createOrganizer, eventually, hourFromNow, openPosting, publishPosting, registerUser } from '@bisang/testing';
import { TestApp, startTestApp } from './support/test-app';

async function emit(socket: Socket, event: string, payload: unknown): Promise<any> {
  await connected(socket);
  return socket.timeout(10_000).emitWithAck(event, payload);
}

/**
 * Booth chat, the recruiter's side beyond talking: private note and rating, an invitation to apply, an offered
 * interview slot, the seeker's profile while queued or chatting, a dropped seeker's grace period, the chat timer.
 * Its own app: a grace period of 2 s and a warning 2 min before the end (so a 1-min chat is warned at once).
 */
describe('booth chat: recruiter actions, shared profile, grace period and timer', () => {
  let t: TestApp;
  let organizer: SignedIn;

  beforeAll(async () => {
    t = await startTestApp({ CHAT_QUEUE_GRACE_SECONDS: 2, CHAT_TIME_WARNING_SECONDS: 120 });
    organizer = await createOrganizer(t.app, t.http);
  });
  afterAll(async () => {
    await t?.close();
  });

  const seeker = (name = '구직자') => registerUser(t.http, 'seeker', { name });
  const join = (s: SignedIn, boothId: string) => t.http.post(`/booths/${boothId}/queue`, {}, s.accessToken);
  const takeNext = (r: SignedIn, boothId: string) => t.http.post(`/booths/${boothId}/chats/next`, {}, r.accessToken);
  const notifications = async (s: SignedIn) => (await t.http.get('/me/notifications', s.accessToken)).body.items as any[];

  async function online(r: SignedIn, boothId: string) {
    const socket = t.socket({ token: r.accessToken });
    expect(await emit(socket, 'booth:online', { boothId, capacity: 4 })).toEqual({ ok: true });
    return socket;
  }

  /** A live chat between a new seeker and the booth's recruiter. */
  async function chatAt(p: OpenPosting, name = '대화상대') {
    const s = await seeker(name);
    expect((await join(s, p.booth.boothId)).status).toBe(201);
    const taken = await takeNext(p.booth.recruiter, p.booth.boothId);
    expect(taken.status).toBe(201);
    return { seeker: s, chatId: taken.body.id as string };
  }

  /** Follows a chat on a socket of `who` and collects its messages. */
  async function follow(who: SignedIn, chatId: string) {
    const socket = t.socket({ token: who.accessToken });
    const messages: ChatMessage[] = [];
    socket.on('chat:message', (m: ChatMessage) => messages.push(m));
    expect(await emit(socket, 'chat:join', { chatId, since: 0 })).toMatchObject({ ok: true });
    return { socket, messages };
  }

  let a: OpenPosting;
  let b: OpenPosting;
  let recA: Socket;
  beforeAll(async () => {
    a = await openPosting(t.http, organizer, {}, '행동테스트A(주)');
    b = await openPosting(t.http, organizer, {}, '행동테스트B(주)');
    recA = await online(a.booth.recruiter, a.booth.boothId);
  });

  it("keeps the note and rating private to the company's staff", async () => {
    const { seeker: s, chatId } = await chatAt(a, '노트대상');
    const put = (who: SignedIn, body: unknown) => t.http.request('PUT', `/chats/${chatId}/review`, { body, token: who.accessToken });

    const saved = await put(a.booth.recruiter, { note: '생산관리 경험 3년, 야간근무 가능', rating: 4 });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ chatId, seekerId: s.id, note: '생산관리 경험 3년, 야간근무 가능', rating: 4, reviewedAt: expect.any(String) });
    // undefined keeps a field, null clears it
    expect((await put(a.booth.recruiter, { rating: null })).body).toMatchObject({ note: '생산관리 경험 3년, 야간근무 가능', rating: null });
    expect((await put(a.booth.recruiter, { rating: 5 })).body).toMatchObject({ rating: 5 });
    expect((await t.http.get(`/chats/${chatId}/review`, a.booth.recruiter.accessToken)).body).toMatchObject({ note: '생산관리 경험 3년, 야간근무 가능', rating: 5 });

    // Bad input: named, never a 500
    const bad = await put(a.booth.recruiter, { rating: 6, note: 'a\u202Eb' });
    expect(bad.status).toBe(400);
    expect(bad.body.message.join(' ')).toMatch(/rating/);
    expect(bad.body.message.join(' ')).toMatch(/note/);
    expect((await put(a.booth.recruiter, { extra: 1 })).status).toBe(400);

    // The seeker never sees it; another company's staff get nothing
    expect((await t.http.get(`/chats/${chatId}/review`, s.accessToken)).status).toBe(403);
    expect((await put(s, { rating: 1 })).status).toBe(403);
    expect((await t.http.get(`/chats/${chatId}/review`, b.booth.recruiter.accessToken)).status).toBe(404);
    expect((await put(b.booth.recruiter, { rating: 1 })).status).toBe(404);
    const seen = JSON.stringify([(await t.http.get(`/chats/${chatId}`, s.accessToken)).body, (await t.http.get(`/chats/${chatId}/messages`, s.accessToken)).body, await notifications(s)]);
    expect(seen).not.toContain('야간근무');
    await t.http.post(`/chats/${chatId}/end`, {}, s.accessToken);
  });

  it('invites the seeker to apply from the chat: the seeker gets it in the chat and applies with one click', async () => {
    const { seeker: s, chatId } = await chatAt(a, '초대대상');
    const inSeekerChat = await follow(s, chatId);

    const invited = await t.http.post(`/chats/${chatId}/invitations`, { postingId: a.postingId, message: '이 공고에 꼭 지원해 주세요!' }, a.booth.recruiter.accessToken);
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({ id: expect.any(String), postingId: a.postingId, seekerId: s.id, status: 'pending' });
    const invitationId = invited.body.id;

    // In the chat, live, with what the one click needs; and a stored notification
    await eventually(() => inSeekerChat.messages.some((m) => m.action?.type === 'invitation'), 'the invitation reaches the seeker in the chat');
    const message = inSeekerChat.messages.find((m) => m.action?.type === 'invitation')!;
    expect(message).toMatchObject({ senderId: a.booth.recruiter.id, body: '이 공고에 꼭 지원해 주세요!', action: { type: 'invitation', invitationId, postingId: a.postingId, postingTitle: expect.any(String), ownWords: true } });
    await eventually(async () => (await notifications(s)).some((n) => n.type === 'pool.invitation' && n.data.invitationId === invitationId && n.data.chatId === chatId), 'notified');

    // Twice, another booth's posting, not the chat's recruiter: refused with a reason
    expect((await t.http.post(`/chats/${chatId}/invitations`, { postingId: a.postingId }, a.booth.recruiter.accessToken)).body.code).toBe('ALREADY_INVITED');
    expect(await t.http.post(`/chats/${chatId}/invitations`, { postingId: b.postingId }, a.booth.recruiter.accessToken)).toMatchObject({ status: 404, body: { code: 'POSTING_NOT_FOUND' } });
    expect((await t.http.post(`/chats/${chatId}/invitations`, { postingId: a.postingId }, s.accessToken)).status).toBe(403);
    expect((await t.http.post(`/chats/${chatId}/invitations`, { postingId: a.postingId }, b.booth.recruiter.accessToken)).status).toBe(404);
    expect((await t.http.post(`/chats/${chatId}/invitations`, { postingId: 'nope' }, a.booth.recruiter.accessToken)).status).toBe(400);

    // One click: the existing acceptance makes the application
    const accepted = await t.http.post(`/pool-invitations/${invitationId}/accept`, {}, s.accessToken);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', applicationId: expect.any(String) });
    const mine = (await t.http.get('/me/applications', s.accessToken)).body.items;
    expect(mine).toEqual([expect.objectContaining({ postingId: a.postingId, status: 'applied' })]);
    // The chat's note and rating show on the applicant's card in the booth console, never to the seeker
    await t.http.request('PUT', `/chats/${chatId}/review`, { body: { note: '지원 권유함', rating: 3 }, token: a.booth.recruiter.accessToken });
    const cards = (await t.http.get(`/booths/${a.booth.boothId}/applications`, a.booth.recruiter.accessToken)).body.items;
    expect(cards.find((c: any) => c.seeker.id === s.id).chatReview).toEqual({ chatId, seekerId: s.id, note: '지원 권유함', rating: 3, reviewedAt: expect.any(String) });
    expect((await t.http.get('/me/applications', s.accessToken)).body.items[0]).not.toHaveProperty('chatReview');
    // The seeker needs no talent-pool entry for it; an ended chat takes no more invitations
    const other = await publishPosting(t.http, a.booth, '품질관리 (경력)');
    await t.http.post(`/chats/${chatId}/end`, {}, a.booth.recruiter.accessToken);
    expect((await t.http.post(`/chats/${chatId}/invitations`, { postingId: other }, a.booth.recruiter.accessToken)).body.code).toBe('CHAT_ENDED');
    inSeekerChat.socket.disconnect();
  });

  it("offers one of the booth's interview slots: the seeker books it through the booking path, nobody else can", async () => {
    const published = await t.http.post(
      `/booths/${a.booth.boothId}/interview-slots/availability`,
      { startsAt: hourFromNow(50).toISOString(), endsAt: hourFromNow(51).toISOString(), slotMinutes: 30 },
      a.booth.recruiter.accessToken,
    );
    expect(published.status).toBe(201);
    const [slot, other] = published.body.slots;
    const { seeker: s, chatId } = await chatAt(a, '면접제안대상');
    const stranger = await seeker('지나가는사람');

    const offered = await t.http.post(`/chats/${chatId}/slot-offers`, { slotId: slot.id }, a.booth.recruiter.accessToken);
    expect(offered.status).toBe(201);
    expect(offered.body).toEqual({ id: expect.any(String), chatId, slotId: slot.id, startsAt: slot.startsAt, endsAt: slot.endsAt, seq: expect.any(Number) });
    const replay = (await t.http.get(`/chats/${chatId}/messages`, s.accessToken)).body.items;
    expect(replay.at(-1)).toMatchObject({ seq: offered.body.seq, action: { type: 'slot_offer', offerId: offered.body.id, slotId: slot.id, startsAt: slot.startsAt, ownWords: false } });
    await eventually(async () => (await notifications(s)).some((n) => n.type === 'chat.slot_offer' && n.data.slotId === slot.id && n.data.chatId === chatId), 'notified');

    expect((await t.http.post(`/chats/${chatId}/slot-offers`, { slotId: slot.id }, a.booth.recruiter.accessToken)).body.code).toBe('ALREADY_OFFERED');
    // The offer opens this slot to this seeker only (no application in the interview stage needed)
    expect((await t.http.post('/coaching/bookings', { slotId: slot.id }, stranger.accessToken)).body.code).toBe('NOT_IN_INTERVIEW_STAGE');
    expect((await t.http.post('/coaching/bookings', { slotId: other.id }, s.accessToken)).body.code).toBe('NOT_IN_INTERVIEW_STAGE');
    const booked = await t.http.post('/coaching/bookings', { slotId: slot.id }, s.accessToken);
    expect([201, 202]).toContain(booked.status);
    await eventually(async () => (await t.http.get(`/coaching/bookings/${booked.body.id}`, s.accessToken)).body.status === 'confirmed', 'booking confirmed');

    // A booked slot, another booth's slot, an unknown slot: refused with a reason
    const second = await chatAt(a, '두번째대상');
    expect(await t.http.post(`/chats/${second.chatId}/slot-offers`, { slotId: slot.id }, a.booth.recruiter.accessToken)).toMatchObject({ status: 409, body: { code: 'SLOT_TAKEN' } });
    expect(await t.http.post(`/chats/${second.chatId}/slot-offers`, { slotId: '00000000-0000-4000-8000-000000000000' }, a.booth.recruiter.accessToken)).toMatchObject({
      status: 404,
      body: { code: 'SLOT_NOT_FOUND' },
    });
    expect((await t.http.post(`/chats/${second.chatId}/slot-offers`, { slotId: other.id }, second.seeker.accessToken)).status).toBe(403);
    await t.http.post(`/chats/${chatId}/end`, {}, s.accessToken);
    await t.http.post(`/chats/${second.chatId}/end`, {}, second.seeker.accessToken);
  });

  it("shows the booth's staff a preview of each waiting seeker and the profile while queued or chatting; other companies get 404", async () => {
    const s = await seeker('프로필공유');
    const profile = { region: '대구 달서구', desiredJobCategories: ['1', '8'], careerYears: 3, education: 'bachelor', uTurn: true };
    expect((await t.http.request('PUT', '/me/profile', { body: profile, token: s.accessToken })).status).toBe(200);
    const see = (who: SignedIn) => t.http.get(`/seekers/${s.id}/profile`, who.accessToken);
    expect((await see(a.booth.recruiter)).status).toBe(404);

    expect((await join(s, a.booth.boothId)).status).toBe(201);
    const line = (await t.http.get(`/booths/${a.booth.boothId}/queue`, a.booth.recruiter.accessToken)).body.items;
    expect(line.find((w: any) => w.seeker.id === s.id)).toEqual({
      entryId: expect.any(String),
      seeker: { id: s.id, name: '프로필공유' },
      joinedAt: expect.any(String),
      awaySince: null,
      preview: { age: expect.any(Number), region: '대구 달서구', jobCategories: ['1', '8'], careerYears: 3, education: 'bachelor', uturn: true, hasResume: false },
    });
    expect((await see(a.booth.recruiter)).body).toMatchObject({ region: '대구 달서구' });
    expect((await see(b.booth.recruiter)).status).toBe(404);
    expect((await t.http.get(`/booths/${a.booth.boothId}/queue`, b.booth.recruiter.accessToken)).status).toBe(403);

    const chat = await takeNext(a.booth.recruiter, a.booth.boothId);
    expect(chat.body.seekerId).toBe(s.id);
    expect((await see(a.booth.recruiter)).status).toBe(200);
    expect((await see(b.booth.recruiter)).status).toBe(404);
    await t.http.post(`/chats/${chat.body.id}/end`, {}, a.booth.recruiter.accessToken);
    expect((await see(a.booth.recruiter)).status).toBe(404);
  });

  it('a seeker who drops keeps their place for the grace period (skipped meanwhile), then the entry is abandoned', async () => {
    const c = await openPosting(t.http, organizer, {}, '유예테스트(주)');
    const recC = await online(c.booth.recruiter, c.booth.boothId);
    const flaky = await seeker('끊긴사람');
    const steady = await seeker('꾸준한사람');
    let flakySocket = t.socket({ token: flaky.accessToken });
    await connected(flakySocket);
    expect((await join(flaky, c.booth.boothId)).status).toBe(201);
    expect((await join(steady, c.booth.boothId)).status).toBe(201);
    const away = async () => (await t.http.get(`/booths/${c.booth.boothId}/queue`, c.booth.recruiter.accessToken)).body.items.find((w: any) => w.seeker.id === flaky.id)?.awaySince;

    // Dropped and back within the grace period: nothing lost
    flakySocket.disconnect();
    await eventually(async () => typeof (await away()) === 'string', 'marked away');
    flakySocket = t.socket({ token: flaky.accessToken });
    await eventually(async () => (await away()) === null, 'back');
    expect((await t.http.get(`/booths/${c.booth.boothId}/queue`, flaky.accessToken)).body).toMatchObject({ position: 1 });

    // Dropped again: skipped by take-next while away, place kept; then abandoned after the grace period
    flakySocket.disconnect();
    await eventually(async () => typeof (await away()) === 'string', 'marked away again');
    const taken = await takeNext(c.booth.recruiter, c.booth.boothId);
    expect(taken.body.seekerId).toBe(steady.id);
    await eventually(async () => (await t.http.get(`/booths/${c.booth.boothId}/queue`, flaky.accessToken)).status === 404, 'abandoned after the grace period');
    expect((await takeNext(c.booth.recruiter, c.booth.boothId)).status).toBe(204);
    await eventually(async () => (await t.http.get(`/fairs/${c.fairId}/kpis`, organizer.accessToken)).body.chatQueueAbandoned === 1, 'counted as abandoned');
    recC.disconnect();
  });

  it('a per-booth chat timer, set by its staff, warns both sides before the chat ends', async () => {
    const settings = (body: unknown) => t.http.request('PUT', `/booths/${b.booth.boothId}/chat-settings`, { body, token: b.booth.recruiter.accessToken });
    expect((await t.http.get(`/booths/${b.booth.boothId}/chat-settings`, b.booth.recruiter.accessToken)).body).toEqual({ boothId: b.booth.boothId, chatMinutes: 10 });
    expect((await settings({ chatMinutes: 0 })).status).toBe(400);
    expect((await t.http.request('PUT', `/booths/${b.booth.boothId}/chat-settings`, { body: { chatMinutes: 5 }, token: a.booth.recruiter.accessToken })).status).toBe(403);
    expect((await settings({ chatMinutes: 1 })).body).toEqual({ boothId: b.booth.boothId, chatMinutes: 1 });

    const recB = await online(b.booth.recruiter, b.booth.boothId);
    const s = await seeker('타이머');
    const seekerSocket = t.socket({ token: s.accessToken });
    await connected(seekerSocket);
    const warned: Record<string, ChatTimeWarning[]> = { seeker: [], recruiter: [] };
    seekerSocket.on('chat:time_warning', (w: ChatTimeWarning) => warned.seeker.push(w));
    recB.on('chat:time_warning', (w: ChatTimeWarning) => warned.recruiter.push(w));
    await join(s, b.booth.boothId);
    const chat = await takeNext(b.booth.recruiter, b.booth.boothId);
    expect(new Date(chat.body.endsAt).getTime() - new Date(chat.body.startedAt).getTime()).toBe(60_000);
    // The warning comes 2 min before the end here (CHAT_TIME_WARNING_SECONDS), so at once for a 1-min chat
    await eventually(() => warned.seeker.length > 0 && warned.recruiter.length > 0, 'both sides warned');
    expect(warned.seeker[0]).toEqual({ chatId: chat.body.id, endsAt: chat.body.endsAt });
    expect((await t.http.get(`/chats/${chat.body.id}`, s.accessToken)).body.endsAt).toBe(chat.body.endsAt);
    await t.http.post(`/chats/${chat.body.id}/end`, {}, s.accessToken);
    recB.disconnect();
  });

  afterAll(() => {
    recA?.disconnect();
  });
});
