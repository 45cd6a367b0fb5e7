import { Client } from 'pg';
import type { NotificationEvent } from '@bisang/contracts';
import { TestPerson, connectTestDb, connected, createLiveFair, createPeople, eventually, hourFromNow, publishAvailability } from '@bisang/testing';
import { TestApp, startTestApp } from './support/test-app';

/** The stored inbox: every notification pushed over socket.io is also kept, with the same id, for GET /me/notifications. */
describe('stored notifications', () => {
  let t: TestApp;
  let db: Client;
  let fairId: string;

  beforeAll(async () => {
    t = await startTestApp();
    db = await connectTestDb();
    fairId = await createLiveFair(db);
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  const inbox = (who: TestPerson, query = '') => t.http.get(`/me/notifications${query}`, who.accessToken);

  it('keeps a coaching confirmation with the id the socket saw; read marking works; nobody else can read it', async () => {
    const [coach] = await createPeople(t.app, db, 'coach', 1);
    const [seeker, stranger] = await createPeople(t.app, db, 'seeker', 2);
    const [slot] = await publishAvailability(t.http, coach, fairId, hourFromNow(70), hourFromNow(71));
    const socket = t.socket({ token: seeker.accessToken });
    const pushed: NotificationEvent[] = [];
    socket.on('notification', (n) => pushed.push(n));
    await connected(socket);

    const booking = await t.http.post('/coaching/bookings', { slotId: slot.id }, seeker.accessToken);
    expect([201, 202]).toContain(booking.status);
    await eventually(() => pushed.some((n) => n.type === 'booking.confirmed'), 'booking.confirmed pushed');
    const event = pushed.find((n) => n.type === 'booking.confirmed')!;
    expect(event.data).toMatchObject({ bookingId: booking.body.id });

    const list = await inbox(seeker);
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([{ ...event, readAt: null }]);
    expect(list.body).toMatchObject({ nextCursor: null, unreadCount: 1 });

    // Ids are each user's own numbers: the seeker's first is 1, and so is the coach's copy; the stranger has nothing.
    expect(event.id).toBe(1);
    expect(list.body.lastNotificationId).toBe(1);
    const coachInbox = await inbox(coach);
    expect(coachInbox.body.items).toHaveLength(1);
    expect(coachInbox.body.items[0]).toMatchObject({ id: 1, type: 'booking.confirmed', data: { bookingId: booking.body.id, seekerId: seeker.id } });
    expect((await inbox(stranger)).body).toEqual({ items: [], nextCursor: null, unreadCount: 0, lastNotificationId: 0 });

    const res = await t.http.post(`/me/notifications/${event.id}/read`, {}, stranger.accessToken);
    expect([res.status, res.body.code]).toEqual([404, 'NOTIFICATION_NOT_FOUND']);
    expect((await inbox(seeker)).body.unreadCount).toBe(1);

    const read = await t.http.post(`/me/notifications/${event.id}/read`, {}, seeker.accessToken);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: event.id, type: 'booking.confirmed' });
    expect(Date.parse(read.body.readAt)).not.toBeNaN();
    const readAgain = await t.http.post(`/me/notifications/${event.id}/read`, {}, seeker.accessToken);
    expect(readAgain.body.readAt).toBe(read.body.readAt);

    const after = await inbox(seeker);
    expect(after.body).toMatchObject({ unreadCount: 0, items: [{ id: event.id, readAt: read.body.readAt }] });
    expect((await inbox(seeker, '?unread=true')).body).toEqual({ items: [], nextCursor: null, unreadCount: 0, lastNotificationId: 1 });
    expect((await inbox(coach)).body.unreadCount).toBe(1);
  });

  it('pages newest first with a keyset cursor, filters unread, and reads all', async () => {
    const [user, other] = await createPeople(t.app, db, 'seeker', 2);
    // Ten stored notifications (seven at one instant), as the notifications subscriber numbers them: 1..10.
    await db.query(
      `INSERT INTO notifications (user_id, seq, type, data, created_at)
       SELECT $1, i, 'booking.reminder', jsonb_build_object('n', i), now() - interval '1 hour' + (CASE WHEN i > 7 THEN i ELSE 0 END) * interval '1 minute'
         FROM generate_series(1, 10) AS i`,
      [user.id],
    );
    await db.query(`UPDATE users SET last_notification_seq = 10 WHERE id = $1`, [user.id]);
    await db.query(`INSERT INTO notifications (user_id, seq, type, data) VALUES ($1, 1, 'booking.reminder', '{"n": 0}')`, [other.id]);
    await db.query(`UPDATE users SET last_notification_seq = 1 WHERE id = $1`, [other.id]);

    const seen: { id: number; n: number }[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { status: number; body: { items: { id: number; data: { n: number } }[]; nextCursor: string | null; unreadCount: number } } =
        await inbox(user, `?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.body.unreadCount).toBe(10);
      seen.push(...res.body.items.map((i) => ({ id: i.id, n: i.data.n })));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(4);
    expect(new Set(seen.map((s) => s.id)).size).toBe(10);
    expect(seen.map((s) => s.n)).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);

    // The replay over HTTP: after an id, oldest first, paged by `since`.
    const replay = await inbox(user, '?since=4&limit=4');
    expect(replay.body.items.map((i: { id: number }) => i.id)).toEqual([5, 6, 7, 8]);
    expect(replay.body.nextCursor).toBe('8');
    const rest = await inbox(user, `?since=${replay.body.nextCursor}&limit=4`);
    expect([rest.body.items.map((i: { id: number }) => i.id), rest.body.nextCursor]).toEqual([[9, 10], null]);

    await t.http.post(`/me/notifications/${seen[0].id}/read`, {}, user.accessToken);
    const unread = await inbox(user, '?unread=true&limit=100');
    expect(unread.body.items).toHaveLength(9);
    expect(unread.body.items.map((i: { id: number }) => i.id)).not.toContain(seen[0].id);
    expect(unread.body.unreadCount).toBe(9);

    const all = await t.http.post('/me/notifications/read-all', {}, user.accessToken);
    expect([all.status, all.body]).toEqual([200, { marked: 9, unreadCount: 0 }]);
    expect((await inbox(user, '?unread=true')).body.items).toEqual([]);
    expect((await inbox(other)).body.unreadCount).toBe(1);
  });

  it('answers 400 for bad queries and ids, 401 anonymous', async () => {
    const [user] = await createPeople(t.app, db, 'recruiter', 1);
    for (const query of ['?unread=yes', '?limit=0', '?limit=101', '?cursor=nope', '?cursor=99999999999999999999', '?since=-1', '?since=1.5', '?since=99999999999999999999', '?since=1&unread=true']) {
      const res = await inbox(user, query);
      expect([res.status, query]).toEqual([400, query]);
    }
    expect((await inbox(user, '?unread=false')).status).toBe(200);
    for (const id of ['not-a-number', '0', '-1', '1.5', '99999999999999999999']) {
      const res = await t.http.post(`/me/notifications/${id}/read`, {}, user.accessToken);
      expect([res.status, res.body.code, id]).toEqual([400, 'VALIDATION_FAILED', id]);
    }
    expect((await t.http.post('/me/notifications/12345/read', {}, user.accessToken)).status).toBe(404);
    expect((await t.http.get('/me/notifications')).status).toBe(401);
    expect((await t.http.post('/me/notifications/read-all', {})).status).toBe(401);
  });

  it('replays on me:join {since} every notification missed, in order, then live ones, with no gap and no duplicate', async () => {
    const [coach] = await createPeople(t.app, db, 'coach', 1);
    const [seeker] = await createPeople(t.app, db, 'seeker', 1);
    const slots = await publishAvailability(t.http, coach, fairId, hourFromNow(80), hourFromNow(82));
    const book = async (slotId: string) => {
      const res = await t.http.post('/coaching/bookings', { slotId }, seeker.accessToken);
      await eventually(async () => (await t.http.get(`/coaching/bookings/${res.body.id}`, seeker.accessToken)).body.status === 'confirmed', 10_000, 'confirmed');
      return res.body.id as string;
    };
    const first = await book(slots[0].id);
    const second = await book(slots[1].id);
    await eventually(async () => (await inbox(seeker)).body.lastNotificationId === 2, 10_000, 'two notifications stored');

    // A client that saw notification 1 comes back: it gets 2 from the replay, then 3 and 4 live (two cancellations).
    const socket = t.socket({ token: seeker.accessToken });
    const got: NotificationEvent[] = [];
    socket.on('notification', (n) => got.push(n));
    await connected(socket);
    const ack = await socket.emitWithAck('me:join', { since: 1 });
    expect(ack).toEqual({ ok: true, lastNotificationId: 2 });
    await eventually(() => got.length >= 1, 10_000, 'replayed');
    expect(got[0]).toMatchObject({ id: 2, type: 'booking.confirmed', data: { bookingId: second } });

    for (const id of [first, second]) expect((await t.http.post(`/coaching/bookings/${id}/cancel`, {}, seeker.accessToken)).status).toBe(200);
    await eventually(() => got.length >= 3, 10_000, 'live cancellations');
    expect(got.map((n) => [n.id, n.type])).toEqual([
      [2, 'booking.confirmed'],
      [3, 'booking.cancelled'],
      [4, 'booking.cancelled'],
    ]);
    // The HTTP replay serves the same, and nothing was stored twice.
    const replay = await inbox(seeker, '?since=0');
    expect(replay.body.items.map((n: { id: number; type: string }) => [n.id, n.type])).toEqual([
      [1, 'booking.confirmed'],
      [2, 'booking.confirmed'],
      [3, 'booking.cancelled'],
      [4, 'booking.cancelled'],
    ]);

    // A `since` past the newest, a bad payload, or no token: refused with a code.
    expect(await socket.emitWithAck('me:join', { since: 99 })).toMatchObject({ ok: false, code: 'INVALID_SINCE' });
    expect(await socket.emitWithAck('me:join', { since: 'x' })).toMatchObject({ ok: false, code: 'INVALID_PAYLOAD' });
    const visitor = t.socket();
    await connected(visitor);
    expect(await visitor.emitWithAck('me:join', {})).toMatchObject({ ok: false, code: 'UNAUTHORIZED' });
    await new Promise((r) => setTimeout(r, 200));
    expect(got).toHaveLength(3);
  });
});
