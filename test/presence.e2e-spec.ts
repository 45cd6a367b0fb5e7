import type { Socket } from 'socket.io-client';
import type { BoothPresence } from '@bisang/contracts';
import { SignedIn, collectFeed, connected, createBooth, createFair, createOrganizer, eventually, joinFair, publishPosting } from '@bisang/testing';
import { TestApp, startTestApp } from './support/test-app';

/** Records every booth:presence a socket receives; `last` is the newest. */
function watchPresence(socket: Socket) {
  const seen: BoothPresence[] = [];
  socket.on('booth:presence', (p: BoothPresence) => seen.push(p));
  return { seen, last: () => seen[seen.length - 1] };
}

async function enter(socket: Socket, boothId: string) {
  await connected(socket);
  return socket.timeout(5000).emitWithAck('booth:enter', { boothId });
}

describe('booth presence and multi-node delivery', () => {
  let a: TestApp;
  let b: TestApp;
  let organizer: SignedIn;

  beforeAll(async () => {
    a = await startTestApp();
    b = await startTestApp();
    organizer = await createOrganizer(a.app, a.http);
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  async function approvedBooth(t: TestApp) {
    const fair = await createFair(t.http, organizer);
    const booth = await createBooth(t.http, fair.id);
    await publishPosting(t.http, booth, '프레즌스 공고');
    expect((await t.http.post(`/booths/${booth.boothId}/approve`, {}, organizer.accessToken)).status).toBe(200);
    return { fair, booth };
  }

  it('counts visitors and recruiters at a booth, and drops a visitor whose connection dies', async () => {
    const { booth } = await approvedBooth(a);
    const v1 = a.socket();
    const v2 = a.socket();
    const p1 = watchPresence(v1);
    const p2 = watchPresence(v2);

    expect(await enter(v1, booth.boothId)).toEqual({ ok: true });
    expect(await enter(v2, booth.boothId)).toEqual({ ok: true });
    await eventually(() => p1.last()?.visitors === 2 && p2.last()?.visitors === 2, 3000, 'visitors 2 on both');
    expect(p1.last()).toEqual({ boothId: booth.boothId, visitors: 2, recruitersOnline: 0 });

    const rec = a.socket({ token: booth.recruiter.accessToken });
    const pr = watchPresence(rec);
    expect(await enter(rec, booth.boothId)).toEqual({ ok: true });
    await eventually(() => p1.last()?.recruitersOnline === 1 && pr.last()?.recruitersOnline === 1, 3000, 'recruitersOnline 1');
    expect(p1.last()).toEqual({ boothId: booth.boothId, visitors: 2, recruitersOnline: 1 });

    // v2's connection dies without a goodbye
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    (v2.io.engine as any).transport.ws?._socket?.destroy();
    await eventually(() => p1.last()?.visitors === 1 && pr.last()?.visitors === 1, 5000, 'visitors 1 after the abrupt disconnect');
    expect(p1.last()).toEqual({ boothId: booth.boothId, visitors: 1, recruitersOnline: 1 });

    // an orderly leave counts too
    expect(await rec.timeout(2000).emitWithAck('booth:leave', { boothId: booth.boothId })).toEqual({ ok: true });
    await eventually(() => p1.last()?.recruitersOnline === 0, 3000, 'recruiter left');
  });

  it('refuses bad booth payloads and booths that are not public', async () => {
    const fair = await createFair(a.http, organizer);
    const pending = await createBooth(a.http, fair.id);
    const s = a.socket();
    await connected(s);
    expect(await s.timeout(2000).emitWithAck('booth:enter', 'x')).toMatchObject({ ok: false, code: 'INVALID_PAYLOAD' });
    expect(await s.timeout(2000).emitWithAck('booth:enter', { boothId: 'nope' })).toMatchObject({ ok: false, code: 'INVALID_PAYLOAD' });
    expect(await s.timeout(2000).emitWithAck('booth:enter', { boothId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await s.timeout(2000).emitWithAck('booth:enter', { boothId: pending.boothId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    // its own recruiter may wait in a pending booth
    const rec = b.socket({ token: pending.recruiter.accessToken });
    expect(await enter(rec, pending.boothId)).toEqual({ ok: true });
  });

  it('delivers to a client on node A the feed event of a posting published through node B', async () => {
    const { fair, booth } = await approvedBooth(a);
    const socket = a.socket();
    const events = collectFeed(socket);
    const ack = await joinFair(socket, fair.id);
    expect(ack).toMatchObject({ ok: true });

    const id = await publishPosting(b.http, booth, '다른 노드에서 공개한 공고');
    await eventually(() => events.some((e) => e.type === 'posting.published'), 2000, 'posting.published on node A');
    await new Promise((r) => setTimeout(r, 200));
    expect(events).toHaveLength(1);
    expect((events[0].data as { posting: { id: string } }).posting.id).toBe(id);
    expect(events[0].id).toBe((ack as { lastEventId: number }).lastEventId + 1);
  });

  it('adds up presence across two nodes', async () => {
    const { booth } = await approvedBooth(a);
    const onA = a.socket();
    const onB = b.socket();
    const pa = watchPresence(onA);
    const pb = watchPresence(onB);
    expect(await enter(onA, booth.boothId)).toEqual({ ok: true });
    expect(await enter(onB, booth.boothId)).toEqual({ ok: true });
    await eventually(() => pa.last()?.visitors === 2 && pb.last()?.visitors === 2, 3000, 'visitors 2 on both nodes');

    const rec = b.socket({ token: booth.recruiter.accessToken });
    expect(await enter(rec, booth.boothId)).toEqual({ ok: true });
    await eventually(() => pa.last()?.recruitersOnline === 1, 3000, 'recruiter on node B seen on node A');
    expect(pa.last()).toEqual({ boothId: booth.boothId, visitors: 2, recruitersOnline: 1 });

    onB.disconnect();
    await eventually(() => pa.last()?.visitors === 1, 3000, 'visitors 1 on node A after node B’s visitor left');
  });
});
