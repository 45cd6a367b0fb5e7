import type { Socket } from 'socket.io-client';
import type { ChatTimeWarning } from '@bisang/contracts';
import { clockSettings, configureClock, type ClockSettings } from '@bisang/common';
import { SignedIn, connected, createOrganizer, eventually, openPosting, registerUser } from '@bisang/testing';
import { TestApp, startTestApp } from './support/test-app';

/**
 * The booth's chat timer running out, end to end: the warning, then the chat ends by itself for both sides, and a
 * message after it is refused. This file's process (the app runs in it) is on a scaled clock, 30 fair seconds per
 * real second, so a 1-minute chat lasts 2 s; the chat timer's jobs are BullMQ delays on that clock, as in the drill.
 */
describe('booth chat: the timer ends the chat', () => {
  let t: TestApp;
  let before: ClockSettings;

  beforeAll(async () => {
    before = clockSettings();
    const now = Date.now();
    configureClock({ kind: 'scaled', epochMs: now, realStartMs: now, rate: 30 });
    t = await startTestApp({ CHAT_TIME_WARNING_SECONDS: 30 });
  });
  afterAll(async () => {
    await t?.close();
    configureClock(before);
  });

  async function emit(socket: Socket, event: string, payload: unknown): Promise<any> {
    await connected(socket);
    return socket.timeout(10_000).emitWithAck(event, payload);
  }

  it('ends the chat at its time for both sides, after the warning, and refuses a message after it', async () => {
    const organizer = await createOrganizer(t.app, t.http);
    const p = await openPosting(t.http, organizer, {}, '타이머기업(주)');
    const recruiter: SignedIn = p.booth.recruiter;
    expect((await t.http.request('PUT', `/booths/${p.booth.boothId}/chat-settings`, { body: { chatMinutes: 1 }, token: recruiter.accessToken })).status).toBe(200);
    const recSocket = t.socket({ token: recruiter.accessToken });
    expect(await emit(recSocket, 'booth:online', { boothId: p.booth.boothId, capacity: 2 })).toEqual({ ok: true });

    const seeker = await registerUser(t.http, 'seeker', { name: '시간제한' });
    const seekerSocket = t.socket({ token: seeker.accessToken });
    await connected(seekerSocket);
    const seen: Record<'seeker' | 'recruiter', string[]> = { seeker: [], recruiter: [] };
    for (const [who, socket] of [['seeker', seekerSocket], ['recruiter', recSocket]] as const) {
      socket.on('chat:time_warning', (w: ChatTimeWarning) => seen[who].push(`warning ${w.chatId}`));
      socket.on('chat:ended', (e: { chatId: string }) => seen[who].push(`ended ${e.chatId}`));
    }
    expect((await t.http.post(`/booths/${p.booth.boothId}/queue`, {}, seeker.accessToken)).status).toBe(201);
    const chat = await t.http.post(`/booths/${p.booth.boothId}/chats/next`, {}, recruiter.accessToken);
    expect(chat.status).toBe(201);
    const chatId = chat.body.id as string;
    expect((await t.http.post(`/chats/${chatId}/messages`, { body: '안녕하세요, 1분만 이야기할 수 있어요.' }, seeker.accessToken)).status).toBe(201);

    await eventually(() => seen.seeker.includes(`ended ${chatId}`) && seen.recruiter.includes(`ended ${chatId}`), 'the chat ended for both sides');
    // the end came once to each side, after its warning (which booth-chat-actions proves on its own; a worker
    // that is late by more than the warning's lead may find the chat already over and skip it)
    for (const events of [seen.seeker, seen.recruiter]) {
      expect(events.filter((e) => e.startsWith('ended'))).toEqual([`ended ${chatId}`]);
      expect(events[events.length - 1]).toBe(`ended ${chatId}`);
      expect(events.filter((e) => e.startsWith('warning')).length).toBeLessThanOrEqual(1);
    }
    const view = await t.http.get(`/chats/${chatId}`, seeker.accessToken);
    expect(view.body.endedAt).not.toBeNull();
    // it ended at its time on the fair clock, not before
    expect(new Date(view.body.endedAt).getTime()).toBeGreaterThanOrEqual(new Date(chat.body.endsAt).getTime());
    const late = await t.http.post(`/chats/${chatId}/messages`, { body: '아직 있나요?' }, seeker.accessToken);
    expect([late.status, late.body.code]).toEqual([409, 'CHAT_ENDED']);
    // the message before the end is kept, the one after it is not
    expect((await t.http.get(`/chats/${chatId}/messages`, recruiter.accessToken)).body.items.map((m: { body: string }) => m.body)).toEqual(['안녕하세요, 1분만 이야기할 수 있어요.']);
    // the recruiter's seat is free again: the next seeker is taken
    const next = await registerUser(t.http, 'seeker', { name: '다음순서' });
    expect((await t.http.post(`/booths/${p.booth.boothId}/queue`, {}, next.accessToken)).status).toBe(201);
    expect((await t.http.post(`/booths/${p.booth.boothId}/chats/next`, {}, recruiter.accessToken)).status).toBe(201);
    recSocket.disconnect();
    seekerSocket.disconnect();
  });
});
