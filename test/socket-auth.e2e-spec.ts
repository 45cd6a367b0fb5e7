import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import type Redis from 'ioredis';
import type { Client } from 'pg';
import type { Socket } from 'socket.io-client';
import { REDIS } from '@bisang/common';
import { AppConfig } from '@bisang/config';
import { RealtimePublisher, RealtimeSignal, channels } from '@bisang/realtime';
import { AuthLost, FeedEvent, NotificationEvent } from '@bisang/contracts';
import { TestPerson, connectTestDb, connected, createLiveFair, createPeople, eventually, joinFair, tokenServiceFor, notify } from '@bisang/testing';
import { TestApp, startTestApp } from './support/test-app';

const ACCESS_TTL_SECONDS = 3;

/** Every notification a socket receives, and every feed event: a feed event sent after a notification arrives after it. */
function record(socket: Socket) {
  const notifications: NotificationEvent[] = [];
  const feed: FeedEvent[] = [];
  const lost: AuthLost[] = [];
  socket.on('notification', (n: NotificationEvent) => notifications.push(n));
  socket.on('feed', (e: FeedEvent) => feed.push(e));
  socket.on('auth:expired', (info: AuthLost) => lost.push(info));
  return { notifications, feed, lost };
}

describe('a socket’s private access ends with its token and its session', () => {
  let t: TestApp;
  let db: Client;
  let publisher: RealtimePublisher;
  let longLived: ReturnType<typeof tokenServiceFor>;
  let secret: string;

  beforeAll(async () => {
    t = await startTestApp({ JWT_ACCESS_TTL_SECONDS: ACCESS_TTL_SECONDS });
    db = await connectTestDb();
    publisher = t.app.get(RealtimePublisher, { strict: false });
    secret = t.app.get(AppConfig, { strict: false }).jwtSecret;
    // The product's token service on the app's secret with the default lifetime (15 min): tokens that outlive the test.
    longLived = tokenServiceFor(secret);
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  const longToken = (who: TestPerson) => longLived.signAccess({ id: who.id, role: who.role }, randomUUID());

  /** A public event in a live fair, signalled as the API does: the ordering marker "everything sent before has arrived". */
  async function feedMarker(fairId: string): Promise<number> {
    const res = await db.query(
      `WITH bumped AS (UPDATE fairs SET last_event_id = last_event_id + 1 WHERE id = $1 RETURNING last_event_id)
       INSERT INTO fair_events (fair_id, id, type, data, at) SELECT $1::uuid, last_event_id, 'announcement', '{"title":"표시","body":"marker"}', now() FROM bumped RETURNING id`,
      [fairId],
    );
    const id = Number(res.rows[0].id);
    await publisher.feedAdvanced(fairId, id);
    return id;
  }

  async function publishSignal(signal: RealtimeSignal) {
    const redis = t.app.get<Redis>(REDIS, { strict: false });
    await redis.publish(channels.signals(process.env.REDIS_PREFIX!), JSON.stringify(signal));
  }

  it('drops a socket from its user room when its access token expires; a socket with a valid token still gets the notification', async () => {
    const fairId = await createLiveFair(db);
    const [seeker] = await createPeople(t.app, db, 'seeker', 1); // a token of the app's 3 s lifetime
    const expiring = t.socket({ token: seeker.accessToken });
    const seen = record(expiring);
    await connected(expiring);
    expect(await joinFair(expiring, fairId)).toMatchObject({ ok: true });

    await eventually(() => seen.lost.length > 0, (ACCESS_TTL_SECONDS + 5) * 1000, 'auth:expired');
    expect(seen.lost).toEqual([{ reason: 'expired' }]);

    const fresh = t.socket({ token: await longToken(seeker) });
    const freshSeen = record(fresh);
    await connected(fresh);
    const sent = await notify(t.app, seeker.id, 'booking.reminder', { bookingId: '00000000-0000-4000-8000-000000000001' });
    await eventually(() => freshSeen.notifications.length === 1, 3000, 'the notification on the fresh socket');
    expect(freshSeen.notifications[0].id).toBe(sent.id);

    const marker = await feedMarker(fairId);
    await eventually(() => seen.feed.some((e) => e.id === marker), 3000, 'the public feed still reaches the expired socket');
    expect(seen.notifications).toEqual([]);
    // it is a visitor now: a new access token over the socket is the way back (below), not the old one
    expect(await expiring.timeout(3000).emitWithAck('auth:refresh', { token: seeker.accessToken })).toMatchObject({ ok: false, code: 'UNAUTHORIZED' });
  });

  it('auth:refresh with a new token keeps private events flowing past the old token’s expiry', async () => {
    const fairId = await createLiveFair(db);
    const [seeker] = await createPeople(t.app, db, 'seeker', 1);
    const refreshed = t.socket({ token: seeker.accessToken });
    const seen = record(refreshed);
    await connected(refreshed);
    await joinFair(refreshed, fairId);
    expect(await refreshed.timeout(3000).emitWithAck('auth:refresh', { token: await longToken(seeker) })).toEqual({ ok: true });

    // a witness signed a moment later: once its token has expired, so has the refreshed socket's first one
    const [witnessUser] = await createPeople(t.app, db, 'seeker', 1);
    const witness = t.socket({ token: witnessUser.accessToken });
    const witnessSeen = record(witness);
    await connected(witness);
    await eventually(() => witnessSeen.lost.length > 0, (ACCESS_TTL_SECONDS + 5) * 1000, 'the witness’s auth:expired');

    await notify(t.app, seeker.id, 'booking.reminder', { n: 1 });
    await eventually(() => seen.notifications.length === 1, 3000, 'the notification past the first token’s expiry');
    expect(seen.lost).toEqual([]);

    // bad tokens are refused with a code, and change nothing
    expect(await refreshed.timeout(3000).emitWithAck('auth:refresh', { token: 'nope' })).toMatchObject({ ok: false, code: 'UNAUTHORIZED' });
    expect(await refreshed.timeout(3000).emitWithAck('auth:refresh', 'nope')).toMatchObject({ ok: false, code: 'INVALID_PAYLOAD' });
    await notify(t.app, seeker.id, 'booking.reminder', { n: 2 });
    await eventually(() => seen.notifications.length === 2, 3000, 'still signed in');
  });

  it('a visitor socket signs in without reconnecting: auth:refresh joins it to its user room', async () => {
    const [seeker] = await createPeople(t.app, db, 'seeker', 1);
    const visitor = t.socket();
    const seen = record(visitor);
    await connected(visitor);
    expect(await visitor.timeout(3000).emitWithAck('auth:refresh', { token: await longToken(seeker) })).toEqual({ ok: true });
    await notify(t.app, seeker.id, 'booking.reminder', {});
    await eventually(() => seen.notifications.length === 1, 3000, 'the notification');
  });

  it('organizers lose kpi:update rooms with their token and regain them with auth:refresh', async () => {
    const fairId = await createLiveFair(db);
    const [organizer] = await createPeople(t.app, db, 'organizer', 1);
    const s = t.socket({ token: organizer.accessToken });
    const updates: unknown[] = [];
    const lost: AuthLost[] = [];
    s.on('kpi:update', (u) => updates.push(u));
    s.on('auth:expired', (info: AuthLost) => lost.push(info));
    expect(await joinFair(s, fairId)).toMatchObject({ ok: true });
    await eventually(() => lost.length > 0, (ACCESS_TTL_SECONDS + 5) * 1000, 'auth:expired');

    const kpis = { fairId } as Parameters<RealtimePublisher['kpisUpdated']>[0];
    await publisher.kpisUpdated(kpis);
    const marker = await feedMarker(fairId);
    const feed: FeedEvent[] = [];
    s.on('feed', (e: FeedEvent) => feed.push(e));
    await eventually(() => feed.some((e) => e.id === marker), 3000, 'the marker');
    expect(updates).toEqual([]);

    expect(await s.timeout(3000).emitWithAck('auth:refresh', { token: await longToken(organizer) })).toEqual({ ok: true });
    await publisher.kpisUpdated(kpis);
    await eventually(() => updates.length === 1, 3000, 'kpi:update after re-authenticating');
  });

  describe('sessions.revoked (sign-out, sign-out everywhere, password change)', () => {
    /** An access token of a given session (`sid`), as the sessions work signs them. */
    const tokenOfSession = (who: TestPerson, sid: string) =>
      new JwtService().signAsync({ sub: who.id, role: who.role, typ: 'access', sid }, { secret, expiresIn: 900, algorithm: 'HS256' });

    it('drops the private access of the revoked session’s sockets on every node, and refuses its token afterwards', async () => {
      const other = await startTestApp({ JWT_ACCESS_TTL_SECONDS: ACCESS_TTL_SECONDS });
      try {
        const fairId = await createLiveFair(db);
        const [seeker, bystander] = await createPeople(t.app, db, 'seeker', 2);
        const endedToken = await tokenOfSession(seeker, 'session-ended');
        const keptToken = await tokenOfSession(seeker, 'session-kept');
        const endedHere = t.socket({ token: endedToken });
        const endedThere = other.socket({ token: endedToken });
        const kept = t.socket({ token: keptToken });
        const [a, b, k] = [endedHere, endedThere, kept].map(record);
        for (const s of [endedHere, endedThere, kept]) expect(await joinFair(s, fairId)).toMatchObject({ ok: true });

        await publishSignal({ kind: 'sessions.revoked', userId: seeker.id, sessionIds: ['session-ended'] });
        await eventually(() => a.lost.length > 0 && b.lost.length > 0, 3000, 'auth:expired on both nodes');
        expect([a.lost, b.lost]).toEqual([[{ reason: 'revoked' }], [{ reason: 'revoked' }]]);

        await notify(t.app, seeker.id, 'booking.reminder', {});
        await eventually(() => k.notifications.length === 1, 3000, 'the other session still notified');
        const marker = await feedMarker(fairId);
        await eventually(() => [a, b].every((r) => r.feed.some((e) => e.id === marker)), 3000, 'the marker on both');
        expect([a.notifications, b.notifications]).toEqual([[], []]);
        expect(k.lost).toEqual([]);

        // the ended session's token, still a valid JWT, opens nothing any more
        expect(await endedHere.timeout(3000).emitWithAck('auth:refresh', { token: endedToken })).toMatchObject({ ok: false, code: 'UNAUTHORIZED' });
        const again = t.socket({ token: endedToken });
        expect((await new Promise<Error>((resolve) => again.once('connect_error', resolve))).message).toBe('unauthorized');

        // every session: sessionIds null
        const bystanderSocket = t.socket({ token: await longToken(bystander) });
        const bys = record(bystanderSocket);
        await connected(bystanderSocket);
        await publishSignal({ kind: 'sessions.revoked', userId: seeker.id, sessionIds: null });
        await eventually(() => k.lost.length > 0, 3000, 'the kept session revoked too');
        expect(bys.lost).toEqual([]);
      } finally {
        await other.close();
      }
    });
  });
});
