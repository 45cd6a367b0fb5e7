import type { FeedEvent } from '@bisang/contracts';
import { SignedIn, collectFeed, connected, createBooth, createFair, createOrganizer, eventually, joinFair, publishPosting } from '@bisang/testing';
import { TestApp, startTestApp } from './support/test-app';

describe('the live feed (HTTP + socket.io)', () => {
  let t: TestApp;
  let organizer: SignedIn;

  beforeAll(async () => {
    t = await startTestApp();
    organizer = await createOrganizer(t.app, t.http);
  });
  afterAll(() => t.close());

  /** A live fair with one approved booth. */
  async function liveFairWithBooth() {
    const fair = await createFair(t.http, organizer);
    const booth = await createBooth(t.http, fair.id);
    await publishPosting(t.http, booth, '첫 공고');
    const approved = await t.http.post(`/booths/${booth.boothId}/approve`, {}, organizer.accessToken);
    expect(approved.status).toBe(200);
    return { fair, booth };
  }

  it('delivers a newly published posting to a connected visitor within a second', async () => {
    const { fair, booth } = await liveFairWithBooth();
    const socket = t.socket();
    const events = collectFeed(socket);
    const ack = await joinFair(socket, fair.id);
    expect(ack).toMatchObject({ ok: true });

    const postingId = await publishPosting(t.http, booth, '실시간 공고: 품질관리 엔지니어');
    await eventually(() => events.some((e) => e.type === 'posting.published'), 1000, 'posting.published within 1 s');
    const event = events.find((e) => e.type === 'posting.published')!;
    expect(event.fairId).toBe(fair.id);
    expect((event.data.posting as { id: string; title: string }).id).toBe(postingId);
    expect(event.id).toBeGreaterThan((ack as { lastEventId: number }).lastEventId);
  });

  it('replays exactly what a client missed while offline, in order, then goes live', async () => {
    const { fair, booth } = await liveFairWithBooth();
    const first = t.socket();
    const ack = await joinFair(first, fair.id);
    const lastSeen = (ack as { lastEventId: number }).lastEventId;
    first.disconnect();

    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await publishPosting(t.http, booth, `오프라인 중 공고 ${i}`));
    expect((await t.http.post(`/postings/${ids[0]}/close`, {}, booth.recruiter.accessToken)).status).toBe(200);

    const again = t.socket();
    const replayed = collectFeed(again);
    const ack2 = await joinFair(again, fair.id, lastSeen);
    expect(ack2).toEqual({ ok: true, lastEventId: lastSeen + 6 });
    await eventually(() => replayed.length >= 6, 3000, 'six replayed events');
    expect(replayed.map((e) => e.type)).toEqual([...Array(5).fill('posting.published'), 'posting.closed']);
    expect(replayed.map((e) => e.id)).toEqual([1, 2, 3, 4, 5, 6].map((n) => lastSeen + n));

    // then live, with no duplicate of the replay
    await publishPosting(t.http, booth, '재접속 후 공고');
    await eventually(() => replayed.length === 7, 2000, 'the live event');
    expect(replayed[6].id).toBe(lastSeen + 7);
  });

  it('delivers 50 concurrently published postings exactly once, in strictly increasing id order, and HTTP agrees', async () => {
    const { fair, booth } = await liveFairWithBooth();
    const socket = t.socket();
    const events = collectFeed(socket);
    const ack = await joinFair(socket, fair.id);
    const start = (ack as { lastEventId: number }).lastEventId;

    const drafts = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t.http.post(`/booths/${booth.boothId}/postings`, { title: `동시 공고 ${i}`, description: '동시성 시험', jobCategory: '8', employmentType: 'contract', openings: 1 }, booth.recruiter.accessToken),
      ),
    );
    const published = await Promise.all(drafts.map((d) => t.http.post(`/postings/${d.body.id}/publish`, {}, booth.recruiter.accessToken)));
    expect(published.every((r) => r.status === 200)).toBe(true);

    await eventually(() => events.length >= 50, 5000, '50 events');
    await new Promise((r) => setTimeout(r, 300)); // any duplicate would arrive by now
    expect(events).toHaveLength(50);
    const ids = events.map((e) => e.id);
    expect(ids).toEqual(Array.from({ length: 50 }, (_, i) => start + 1 + i));
    const postingIds = new Set(events.map((e) => (e.data as { posting: { id: string } }).posting.id));
    expect(postingIds.size).toBe(50);

    const http = await t.http.get(`/fairs/${fair.id}/feed?since=${start}&limit=100`);
    expect(http.status).toBe(200);
    expect(http.body.items.map((e: FeedEvent) => e.id)).toEqual(ids);
    expect(http.body.nextCursor).toBeNull();
  });

  it('a join with since while events are being published gets no gap and no duplicate', async () => {
    const { fair, booth } = await liveFairWithBooth();
    const publishing = Promise.all(Array.from({ length: 20 }, (_, i) => publishPosting(t.http, booth, `경합 ${i}`)));
    await new Promise((r) => setTimeout(r, 50));
    const socket = t.socket();
    const events = collectFeed(socket);
    await joinFair(socket, fair.id, 0);
    await publishing;
    const total = (await t.http.get(`/fairs/${fair.id}`)).body.lastEventId;
    await eventually(() => events.length >= total, 5000, 'every event');
    await new Promise((r) => setTimeout(r, 200));
    expect(events.map((e) => e.id)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
  });

  it('pages the HTTP feed with nextCursor', async () => {
    const { fair, booth } = await liveFairWithBooth();
    for (let i = 0; i < 3; i++) await publishPosting(t.http, booth, `페이지 ${i}`);
    const page1 = await t.http.get(`/fairs/${fair.id}/feed?limit=2`);
    expect(page1.body.items.map((e: FeedEvent) => e.id)).toEqual([1, 2]);
    const page2 = await t.http.get(`/fairs/${fair.id}/feed?since=${page1.body.nextCursor}&limit=100`);
    expect(page2.body.items[0].id).toBe(3);
    expect(page2.body.nextCursor).toBeNull();
    expect((await t.http.get(`/fairs/${fair.id}/feed?since=-1`)).status).toBe(400);
  });

  it('refuses an invalid handshake token with connect_error "unauthorized"', async () => {
    const socket = t.socket({ token: 'not-a-jwt' });
    const err = await new Promise<Error>((resolve) => socket.once('connect_error', resolve));
    expect(err.message).toBe('unauthorized');
  });

  it('answers malformed socket payloads with an ack code and keeps the socket usable', async () => {
    const { fair } = await liveFairWithBooth();
    const socket = t.socket();
    await connected(socket);
    expect(await socket.timeout(2000).emitWithAck('fair:join', 'nope')).toMatchObject({ ok: false, code: 'INVALID_PAYLOAD' });
    expect(await socket.timeout(2000).emitWithAck('fair:join', { fairId: 'x' })).toMatchObject({ ok: false, code: 'INVALID_PAYLOAD' });
    expect(await socket.timeout(2000).emitWithAck('fair:join', { fairId: fair.id, since: -3 })).toMatchObject({ ok: false, code: 'INVALID_PAYLOAD' });
    expect(await socket.timeout(2000).emitWithAck('fair:join', { fairId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    // a since past the newest event would make live ids repeat what the client believes it has
    const newest = (await t.http.get(`/fairs/${fair.id}`)).body.lastEventId as number;
    expect(await socket.timeout(2000).emitWithAck('fair:join', { fairId: fair.id, since: newest + 5 })).toMatchObject({ ok: false, code: 'INVALID_SINCE' });
    expect(await socket.timeout(2000).emitWithAck('fair:join', { fairId: fair.id })).toMatchObject({ ok: true });
  });

  it('writes announcements to the feed', async () => {
    const { fair } = await liveFairWithBooth();
    const socket = t.socket();
    const events = collectFeed(socket);
    await joinFair(socket, fair.id);
    const res = await t.http.post(`/fairs/${fair.id}/announcements`, { title: '개막', body: '박람회가 열렸습니다' }, organizer.accessToken);
    expect(res.status).toBe(201);
    await eventually(() => events.some((e) => e.type === 'announcement'), 1000, 'announcement');
    expect(events.find((e) => e.type === 'announcement')!.data).toMatchObject({ title: '개막', body: '박람회가 열렸습니다' });
  });
});
