import { Client } from 'pg';
import type { NotificationEvent } from '@bisang/realtime';
import {
  TestApp,
  TestPerson,
  connectTestDb,
  connected,
  createLiveFair,
  createPeople,
  eventually,
  hourFromNow,
  publishAvailability,
  startTestApp,
} from '@bisang/testing';

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

    // The coach got their own copy, with another id; the stranger has nothing.
    const coachInbox = await inbox(coach);
    expect(coachInbox.body.items).toHaveLength(1);
    expect(coachInbox.body.items[0]).toMatchObject({ type: 'booking.confirmed', data: { bookingId: booking.body.id, seekerId: seeker.id } });
    expect(coachInbox.body.items[0].id).not.toBe(event.id);
    expect((await inbox(stranger)).body).toEqual({ items: [], nextCursor: null, unreadCount: 0 });

    for (const other of [stranger, coach]) {
      const res = await t.http.post(`/me/notifications/${event.id}/read`, {}, other.accessToken);
      expect([res.status, res.body.code]).toEqual([404, 'NOTIFICATION_NOT_FOUND']);
    }
    expect((await inbox(seeker)).body.unreadCount).toBe(1);

    const read = await t.http.post(`/me/notifications/${event.id}/read`, {}, seeker.accessToken);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: event.id, type: 'booking.confirmed' });
    expect(Date.parse(read.body.readAt)).not.toBeNaN();
    const readAgain = await t.http.post(`/me/notifications/${event.id}/read`, {}, seeker.accessToken);
    expect(readAgain.body.readAt).toBe(read.body.readAt);

    const after = await inbox(seeker);
    expect(after.body).toMatchObject({ unreadCount: 0, items: [{ id: event.id, readAt: read.body.readAt }] });
    expect((await inbox(seeker, '?unread=true')).body).toEqual({ items: [], nextCursor: null, unreadCount: 0 });
    expect((await inbox(coach)).body.unreadCount).toBe(1);
  });

  it('pages newest first with a keyset cursor (ties on the instant broken by id), filters unread, and reads all', async () => {
    const [user, other] = await createPeople(t.app, db, 'seeker', 2);
    // Seven at one instant (one statement), then three later: every one must appear exactly once across pages.
    await db.query(
      `INSERT INTO notifications (user_id, type, data, created_at)
       SELECT $1, 'booking.reminder', jsonb_build_object('n', i), now() - interval '1 hour' FROM generate_series(1, 7) AS i`,
      [user.id],
    );
    await db.query(
      `INSERT INTO notifications (user_id, type, data, created_at)
       SELECT $1, 'booking.reminder', jsonb_build_object('n', i), now() - (10 - i) * interval '1 minute' FROM generate_series(8, 10) AS i`,
      [user.id],
    );
    await db.query(`INSERT INTO notifications (user_id, type, data) VALUES ($1, 'booking.reminder', '{"n": 0}')`, [other.id]);

    const seen: { id: string; n: number }[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { status: number; body: { items: { id: string; data: { n: number } }[]; nextCursor: string | null; unreadCount: number } } =
        await inbox(user, `?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.body.unreadCount).toBe(10);
      seen.push(...res.body.items.map((i) => ({ id: i.id, n: i.data.n })));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(4);
    expect(new Set(seen.map((s) => s.id)).size).toBe(10);
    expect(seen.slice(0, 3).map((s) => s.n)).toEqual([10, 9, 8]);
    expect(seen.slice(3).map((s) => s.n).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7]);

    await t.http.post(`/me/notifications/${seen[0].id}/read`, {}, user.accessToken);
    const unread = await inbox(user, '?unread=true&limit=100');
    expect(unread.body.items).toHaveLength(9);
    expect(unread.body.items.map((i: { id: string }) => i.id)).not.toContain(seen[0].id);
    expect(unread.body.unreadCount).toBe(9);

    const all = await t.http.post('/me/notifications/read-all', {}, user.accessToken);
    expect([all.status, all.body]).toEqual([200, { marked: 9, unreadCount: 0 }]);
    expect((await inbox(user, '?unread=true')).body.items).toEqual([]);
    expect((await inbox(other)).body.unreadCount).toBe(1);
  });

  it('answers 400 for bad queries and ids, 401 anonymous', async () => {
    const [user] = await createPeople(t.app, db, 'recruiter', 1);
    for (const query of ['?unread=yes', '?limit=0', '?limit=101', '?cursor=nope', '?since=3']) {
      const res = await inbox(user, query);
      expect([res.status, query]).toEqual([400, query]);
    }
    expect((await inbox(user, '?unread=false')).status).toBe(200);
    expect((await t.http.post('/me/notifications/not-a-uuid/read', {}, user.accessToken)).body.code).toBe('INVALID_ID');
    expect((await t.http.post('/me/notifications/00000000-0000-4000-8000-000000000000/read', {}, user.accessToken)).status).toBe(404);
    expect((await t.http.get('/me/notifications')).status).toBe(401);
    expect((await t.http.post('/me/notifications/read-all', {})).status).toBe(401);
  });
});
