import type { Socket as NetSocket } from 'node:net';
import type { Client } from 'pg';
import type { Socket } from 'socket.io-client';
import type { BoothPresence, FeedEvent, JoinAck } from '@bisang/contracts';
import { SignedIn, collectFeed, connectTestDb, connected, createBooth, createFair, createOrganizer, eventually, joinFair, publishPosting } from '@bisang/testing';
import { TestApp, startTestApp } from './support/test-app';
import { FairGateway } from '../apps/realtime/src/fair/fair.gateway';
import type { FairNamespace } from '../apps/realtime/src/fair/fair-socket';

/** `count` announcements appended to a fair's feed in one statement, as appendFairEvent numbers them. */
async function appendAnnouncements(db: Client, fairId: string, count: number, bodyLength = 200): Promise<number> {
  const res = await db.query(
    `WITH bumped AS (UPDATE fairs SET last_event_id = last_event_id + $2 WHERE id = $1 RETURNING last_event_id)
     INSERT INTO fair_events (fair_id, id, type, data, at)
     SELECT $1::uuid, b.last_event_id - $2 + i, 'announcement', jsonb_build_object('title', '공지 ' || i, 'body', repeat('가', $3)), now()
       FROM bumped b, generate_series(1, $2::int) AS i
     RETURNING id`,
    [fairId, count, bodyLength],
  );
  return Math.max(...res.rows.map((r: { id: string }) => Number(r.id)));
}

function watchPresence(socket: Socket) {
  const seen: BoothPresence[] = [];
  socket.on('booth:presence', (p: BoothPresence) => seen.push(p));
  return { seen, last: () => seen[seen.length - 1] };
}

const disconnectReason = (socket: Socket) => new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));

describe('socket limits', () => {
  let db: Client;
  beforeAll(async () => {
    db = await connectTestDb();
  });
  afterAll(() => db.end());

  describe('with the limits on (small, to reach them quickly)', () => {
    let t: TestApp;
    let organizer: SignedIn;
    beforeAll(async () => {
      t = await startTestApp({ RATE_LIMITS: 'on', SOCKET_EVENTS_PER_SECOND: 2, SOCKET_EVENT_BURST: 5, SOCKET_ABUSE_DISCONNECT_AFTER: 20, FEED_REPLAY_MAX: 5 });
      organizer = await createOrganizer(t.app, t.http);
    });
    afterAll(() => t.close());

    it('answers RATE_LIMITED past the burst, on every event, and disconnects a socket that keeps on', async () => {
      const fair = await createFair(t.http, organizer);
      const s = t.socket();
      await connected(s);
      const events: [string, unknown][] = [
        ['fair:join', { fairId: fair.id }],
        ['fair:leave', { fairId: fair.id }],
        ['booth:enter', { boothId: '00000000-0000-4000-8000-000000000000' }],
        ['booth:leave', { boothId: '00000000-0000-4000-8000-000000000000' }],
        ['fair:join', 'not even a payload'],
        ['auth:refresh', { token: 'x' }],
      ];
      const acks: { ok: boolean; code?: string; retryAfterMs?: number }[] = await Promise.all(
        events.map(([name, body]) => (s.timeout(5000) as unknown as Socket).emitWithAck(name, body)),
      );
      // the burst of five is served (each by its own handler), the sixth is refused before any handler
      expect(acks.slice(0, 5).map((a) => a.code)).not.toContain('RATE_LIMITED');
      expect(acks[5]).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
      expect(acks[5].retryAfterMs).toBeGreaterThan(0);

      // whatever the event, the same allowance
      const more = await Promise.all(Array.from({ length: 5 }, () => s.timeout(5000).emitWithAck('booth:leave', { boothId: '00000000-0000-4000-8000-000000000000' })));
      expect(more.filter((a) => !a.ok && a.code === 'RATE_LIMITED').length).toBeGreaterThanOrEqual(4);

      // keeping on past the refusals: the server disconnects the socket
      const gone = disconnectReason(s);
      for (let i = 0; i < 40 && s.connected; i++) s.emit('fair:leave', { fairId: fair.id });
      expect(await gone).toBe('io server disconnect');
    });

    it('a socket within its rate is never refused', async () => {
      const fair = await createFair(t.http, organizer);
      const s = t.socket();
      const ack = await joinFair(s, fair.id);
      expect(ack).toMatchObject({ ok: true });
    });

    it('bounds the replay: too far behind answers REPLAY_TOO_LARGE with the newest id; HTTP catch-up, then a join with a newer since', async () => {
      const fair = await createFair(t.http, organizer);
      const booth = await createBooth(t.http, fair.id);
      await publishPosting(t.http, booth, '리플레이 한도 공고');
      expect((await t.http.post(`/booths/${booth.boothId}/approve`, {}, organizer.accessToken)).status).toBe(200);
      const newest = await appendAnnouncements(db, fair.id, 8);

      const s = t.socket();
      const received = collectFeed(s);
      const refused = (await joinFair(s, fair.id, 0)) as { ok: false; code: string; lastEventId: number; message: string };
      expect(refused).toMatchObject({ ok: false, code: 'REPLAY_TOO_LARGE', lastEventId: newest });
      expect(refused.message).toContain(`/fairs/${fair.id}/feed?since=0`);

      // what the web app does: read the feed over HTTP up to lastEventId, then join with the newest id read
      const page = await t.http.get(`/fairs/${fair.id}/feed?since=0&limit=100`);
      const read: FeedEvent[] = page.body.items;
      expect(read.map((e) => e.id)).toEqual(Array.from({ length: newest }, (_, i) => i + 1));
      expect(await joinFair(s, fair.id, read[read.length - 1].id)).toEqual({ ok: true, lastEventId: newest });

      // within the bound: replayed as before
      const other = t.socket();
      const replayed = collectFeed(other);
      expect(await joinFair(other, fair.id, newest - 5)).toEqual({ ok: true, lastEventId: newest });
      await eventually(() => replayed.length === 5, 3000, 'five replayed events');
      expect(replayed.map((e) => e.id)).toEqual([1, 2, 3, 4, 5].map((n) => newest - 5 + n));

      // and live from there on, on both
      await publishPosting(t.http, booth, '따라잡은 뒤 공고');
      await eventually(() => received.length === 1 && replayed.length === 6, 3000, 'the live event on both');
      expect(received[0].id).toBe(newest + 1);
    });
  });

  describe('with RATE_LIMITS=off (load tests), and what stays bounded even then', () => {
    let t: TestApp;
    let organizer: SignedIn;
    beforeAll(async () => {
      t = await startTestApp({ RATE_LIMITS: 'off', SOCKET_MAX_BUFFERED_PACKETS: 1000, PRESENCE_BROADCAST_MS: 250 });
      organizer = await createOrganizer(t.app, t.http);
    });
    afterAll(() => t.close());

    async function approvedBooth() {
      const fair = await createFair(t.http, organizer);
      const booth = await createBooth(t.http, fair.id);
      await publishPosting(t.http, booth, '프레즌스 공고');
      expect((await t.http.post(`/booths/${booth.boothId}/approve`, {}, organizer.accessToken)).status).toBe(200);
      return { fair, booth };
    }

    it('a visitor’s join is acked and replayed while another socket floods joins with full replays', async () => {
      const fair = await createFair(t.http, organizer);
      const newest = await appendAnnouncements(db, fair.id, 400);
      const order: string[] = [];

      const flooder = t.socket();
      await connected(flooder);
      const FLOOD = 40;
      let floodAcks = 0;
      const firstFloodAck = new Promise<void>((resolve) => {
        for (let i = 0; i < FLOOD; i++) {
          flooder.emit('fair:join', { fairId: fair.id, since: 0 }, (ack: JoinAck) => {
            expect(ack).toMatchObject({ ok: true });
            floodAcks++;
            if (floodAcks === 1) resolve();
            if (floodAcks === FLOOD) order.push('flood: last ack');
          });
        }
      });
      await firstFloodAck; // the flood is being served

      const visitor = t.socket();
      const replay: FeedEvent[] = [];
      visitor.on('feed', (e: FeedEvent) => {
        replay.push(e);
        if (replay.length === 10) order.push('visitor: replay complete');
      });
      const ack = await joinFair(visitor, fair.id, newest - 10);
      order.push('visitor: ack');
      expect(ack).toEqual({ ok: true, lastEventId: newest });
      await eventually(() => replay.length === 10, 10_000, 'the visitor’s replay');
      // On a busy machine the flooder itself may fall behind enough to be dropped as a slow consumer: that ends the flood too.
      await eventually(() => floodAcks === FLOOD || flooder.disconnected, 60_000, 'the whole flood, or the flooder dropped');
      expect(replay.map((e) => e.id)).toEqual(Array.from({ length: 10 }, (_, i) => newest - 9 + i));
      // Before: every join of a fair waited on one chain, so the visitor came after the whole flood.
      // (The ack's promise may resume after the replay's events were handled: their order on the client says nothing.)
      expect(order.slice(0, 2).sort()).toEqual(['visitor: ack', 'visitor: replay complete']);
      if (order.length > 2) expect(order[2]).toBe('flood: last ack');
    }, 90_000);

    it('coalesces presence: a socket toggling booth:enter/leave 100 times gives a handful of broadcasts, the last with the true count', async () => {
      const { booth } = await approvedBooth();
      const observer = t.socket();
      const watched = watchPresence(observer);
      await connected(observer);
      expect(await observer.timeout(5000).emitWithAck('booth:enter', { boothId: booth.boothId })).toEqual({ ok: true });
      await eventually(() => watched.last()?.visitors === 1, 3000, 'the observer counted');

      const toggler = t.socket();
      await connected(toggler);
      const before = watched.seen.length;
      const started = Date.now();
      const acks: Promise<unknown>[] = [];
      for (let i = 0; i < 50; i++) {
        acks.push(toggler.timeout(10_000).emitWithAck('booth:enter', { boothId: booth.boothId }));
        acks.push(toggler.timeout(10_000).emitWithAck('booth:leave', { boothId: booth.boothId }));
      }
      acks.push(toggler.timeout(10_000).emitWithAck('booth:enter', { boothId: booth.boothId })); // ends inside: 2 visitors
      expect((await Promise.all(acks)).every((a) => (a as { ok: boolean }).ok)).toBe(true); // RATE_LIMITS=off: none refused
      const elapsed = Date.now() - started;

      await eventually(() => watched.last()?.visitors === 2, 5000, 'the final count');
      expect(watched.last()).toEqual({ boothId: booth.boothId, visitors: 2, recruitersOnline: 0 });
      // at most one per 250 ms window (plus the window the toggling started in and the trailing one), never one per toggle
      const broadcasts = watched.seen.length - before;
      expect(broadcasts).toBeLessThanOrEqual(Math.ceil(elapsed / 250) + 2);
      expect(broadcasts).toBeLessThan(101);
    });

    it('drops a socket that stops reading once its unsent packets pass SOCKET_MAX_BUFFERED_PACKETS; it catches up with since', async () => {
      const { fair, booth } = await approvedBooth();
      const newest = await appendAnnouncements(db, fair.id, 1000, 500);

      const observer = t.socket();
      const watched = watchPresence(observer);
      await connected(observer);
      await observer.timeout(5000).emitWithAck('booth:enter', { boothId: booth.boothId });

      const slow = t.socket();
      await connected(slow);
      expect(await slow.timeout(5000).emitWithAck('booth:enter', { boothId: booth.boothId })).toEqual({ ok: true });
      expect(await slow.timeout(5000).emitWithAck('fair:join', { fairId: fair.id })).toMatchObject({ ok: true });
      await eventually(() => watched.last()?.visitors === 2, 3000, 'two visitors');

      // Why the server let it go, in its own words: 'forced close' is the slow-consumer drop, while a client that
      // merely stopped answering would go with 'ping timeout' (after 20 s) whatever this limit.
      const namespace = (t.app.get(FairGateway) as unknown as { namespace: FairNamespace }).namespace;
      const onServer = namespace.sockets.get(slow.id!)!;
      const serverReason = new Promise<string>((resolve) => onServer.once('disconnect', (reason) => resolve(reason)));

      // The client stops reading: its TCP socket is paused, so the kernel's buffers fill and engine.io queues the rest.
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const raw = (slow.io.engine as any).transport.ws._socket as NetSocket;
      raw.pause();
      // It keeps asking for full replays (1,000 events of ~1.5 KB each) until the server gives up on it.
      for (let i = 0; i < 200 && watched.last()?.visitors !== 1; i++) {
        slow.emit('fair:join', { fairId: fair.id, since: 0 });
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(await serverReason).toBe('forced close');
      await eventually(() => watched.last()?.visitors === 1, 10_000, 'the slow consumer dropped (the booth counts one visitor)');

      // A new connection catches up from where the client was.
      const again = t.socket();
      const replayed = collectFeed(again);
      expect(await joinFair(again, fair.id, newest - 3)).toEqual({ ok: true, lastEventId: newest });
      await eventually(() => replayed.length === 3, 3000, 'the catch-up');
      raw.destroy();
    }, 60_000);
  });
});
