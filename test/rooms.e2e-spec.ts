import { Client } from 'pg';
import { io, Socket } from 'socket.io-client';
import type { ChatJoinAck, ChatMessage, RoomJoinAck, RoomPeer, RoomSignal, SimpleAck } from '@bisang/contracts';
import { JobProducer, QUEUE_OF, jobIds } from '@bisang/queues';
import {
  EVENT_WAIT_MS,
  HttpClient,
  TestPerson,
  connectTestDb,
  connected,
  createLiveFair,
  createPeople,
  eventually,
  hourFromNow,
  publishAvailability,
  samplePdf,
  settledBookings,
  splitDeployment,
} from '@bisang/testing';
import { TestApp, startTestApp } from './support/test-app';

/** The next whole minute at least `minutes` from now: a slot that starts soon, so that its room is open already. */
const minutesFromNow = (minutes: number) => new Date(Math.ceil((Date.now() + minutes * 60_000) / 60_000) * 60_000);

const join = async (s: Socket, roomId: string): Promise<RoomJoinAck> => {
  await connected(s);
  return s.timeout(EVENT_WAIT_MS).emitWithAck('room:join', { roomId });
};
const signal = (s: Socket, roomId: string, data: unknown): Promise<SimpleAck> => s.timeout(EVENT_WAIT_MS).emitWithAck('room:signal', { roomId, data });
const collect = <T>(s: Socket, event: 'room:peer' | 'room:signal'): T[] => {
  const seen: T[] = [];
  s.on(event, (e: T) => seen.push(e));
  return seen;
};

/** A confirmed booking of a fresh coach and seeker, in a slot starting at `start`. */
async function confirmedBooking(http: HttpClient, db: Client, people: { coach: TestPerson; seeker: TestPerson }, fairId: string, start: Date) {
  const [slot] = await publishAvailability(http, people.coach, fairId, start, new Date(start.getTime() + 30 * 60_000), 30);
  const res = await http.post('/coaching/bookings', { slotId: slot.id }, people.seeker.accessToken);
  const [state] = [...(await settledBookings(db, [res.body.id])).values()];
  expect(state.status).toBe('confirmed');
  return res.body.id as string;
}

describe('session rooms', () => {
  let t: TestApp;
  let db: Client;
  let fairId: string;
  let jobs: JobProducer;

  beforeAll(async () => {
    t = await startTestApp();
    db = await connectTestDb();
    jobs = t.app.get(JobProducer, { strict: false });
    fairId = await createLiveFair(db, { maxUpcomingCoachingPerSeeker: 5 });
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  const pair = async () => {
    const [coach] = await createPeople(t.app, db, 'coach', 1);
    const [seeker] = await createPeople(t.app, db, 'seeker', 1);
    return { coach, seeker };
  };
  const enter = (bookingId: string, who: TestPerson) => t.http.post(`/coaching/bookings/${bookingId}/room`, {}, who.accessToken);

  it('gives a booking one room for its seeker and coach only, open from 10 min before the start, with the ICE servers', async () => {
    const people = await pair();
    const [stranger] = await createPeople(t.app, db, 'seeker', 1);
    const [otherCoach] = await createPeople(t.app, db, 'coach', 1);
    const bookingId = await confirmedBooking(t.http, db, people, fairId, minutesFromNow(5));

    const bySeeker = await enter(bookingId, people.seeker);
    const byCoach = await enter(bookingId, people.coach);
    expect(bySeeker.status).toBe(200);
    expect(byCoach.status).toBe(200);
    expect(bySeeker.body).toMatchObject({ roomId: expect.any(String), opensAt: expect.any(String), closesAt: expect.any(String), iceServers: expect.any(Array) });
    expect(byCoach.body.roomId).toBe(bySeeker.body.roomId);
    expect((await enter(bookingId, people.seeker)).body.roomId).toBe(bySeeker.body.roomId);
    const booking = (await t.http.get(`/coaching/bookings/${bookingId}`, people.seeker.accessToken)).body;
    expect(new Date(bySeeker.body.opensAt).getTime()).toBe(new Date(booking.startsAt).getTime() - 10 * 60_000);
    expect(new Date(bySeeker.body.closesAt).getTime()).toBe(new Date(booking.endsAt).getTime() + 15 * 60_000);
    expect(bySeeker.body.peer).toEqual({ id: people.coach.id, name: expect.any(String) });
    expect([bySeeker.body.as, byCoach.body.as]).toEqual(['guest', 'host']);

    for (const outsider of [stranger, otherCoach]) {
      const res = await enter(bookingId, outsider);
      expect([res.status, res.body.code]).toEqual([404, 'ROOM_NOT_FOUND']);
    }
    expect((await t.http.post(`/coaching/bookings/${bookingId}/room`, {})).status).toBe(401);
    expect((await enter('00000000-0000-4000-8000-000000000000', people.seeker)).status).toBe(404);
    expect((await enter('not-a-uuid', people.seeker)).status).toBe(400);
  });

  it('makes one room per booking however many enter at once', async () => {
    const people = await pair();
    const bookingId = await confirmedBooking(t.http, db, people, fairId, minutesFromNow(5));
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => enter(bookingId, i % 2 ? people.coach : people.seeker)));
    expect(answers.map((a) => a.status)).toEqual(Array(12).fill(200));
    expect(new Set(answers.map((a) => a.body.roomId)).size).toBe(1);
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM session_rooms WHERE booking_id = $1`, [bookingId]);
    expect(rows[0].n).toBe(1);
  });

  it('answers 409 ROOM_NOT_OPEN with opensAt before the window, and 404 for a cancelled booking', async () => {
    const people = await pair();
    const later = await confirmedBooking(t.http, db, people, fairId, hourFromNow(30));
    const early = await enter(later, people.seeker);
    expect([early.status, early.body.code]).toEqual([409, 'ROOM_NOT_OPEN']);
    const booking = (await t.http.get(`/coaching/bookings/${later}`, people.seeker.accessToken)).body;
    expect(new Date(early.body.opensAt).getTime()).toBe(new Date(booking.startsAt).getTime() - 10 * 60_000);

    // On the socket too: a room that exists but is not open yet.
    const { rows } = await db.query(`SELECT id FROM session_rooms WHERE booking_id = $1`, [later]);
    const s = t.socket({ token: people.seeker.accessToken });
    const ack = await join(s, rows[0].id);
    expect(ack).toMatchObject({ ok: false, code: 'ROOM_NOT_OPEN', opensAt: early.body.opensAt });

    expect((await t.http.post(`/coaching/bookings/${later}/cancel`, {}, people.seeker.accessToken)).status).toBe(200);
    const gone = await enter(later, people.seeker);
    expect([gone.status, gone.body.code]).toEqual([404, 'ROOM_NOT_FOUND']);
    expect(await join(s, rows[0].id)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('lets the two participants meet on the socket: presence, signals relayed only to the peer, attendance recorded', async () => {
    const people = await pair();
    const [stranger] = await createPeople(t.app, db, 'seeker', 1);
    const bookingId = await confirmedBooking(t.http, db, people, fairId, minutesFromNow(5));
    const { roomId } = (await enter(bookingId, people.coach)).body;

    const coach = t.socket({ token: people.coach.accessToken });
    const seeker = t.socket({ token: people.seeker.accessToken });
    const outsider = t.socket({ token: stranger.accessToken });
    const visitor = t.socket();
    const coachPeers = collect<RoomPeer>(coach, 'room:peer');
    const coachSignals = collect<RoomSignal>(coach, 'room:signal');
    const seekerSignals = collect<RoomSignal>(seeker, 'room:signal');
    const outsiderSignals = collect<RoomSignal>(outsider, 'room:signal');

    expect(await join(coach, roomId)).toEqual({ ok: true, roomId, peers: [] });
    expect(await join(outsider, roomId)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await join(visitor, roomId)).toMatchObject({ ok: false });
    expect(await join(seeker, roomId)).toEqual({ ok: true, roomId, peers: [people.coach.id] });
    await eventually(() => coachPeers.some((p) => p.userId === people.seeker.id && p.present), 'coach told the seeker arrived');

    const offer = { description: { type: 'offer', sdp: 'v=0\r\n…' }, nested: [1, { ok: null }] };
    expect(await signal(seeker, roomId, offer)).toEqual({ ok: true });
    await eventually(() => coachSignals.length === 1, 'signal relayed');
    expect(coachSignals[0]).toEqual({ roomId, from: people.seeker.id, data: offer });
    expect(await signal(coach, roomId, 'answer')).toEqual({ ok: true });
    await eventually(() => seekerSignals.length === 1, 'answer relayed');
    expect(seekerSignals[0]).toEqual({ roomId, from: people.coach.id, data: 'answer' });

    // Not in the room: refused. Over 64 KB: refused. Nobody but the peer ever received anything.
    expect(await signal(outsider, roomId, 'x')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await signal(seeker, roomId, 'x'.repeat(70 * 1024))).toMatchObject({ ok: false, code: 'PAYLOAD_TOO_LARGE' });
    expect(await signal(seeker, roomId, { big: 'y'.repeat(60 * 1024) })).toEqual({ ok: true });
    await eventually(() => coachSignals.length === 2, 'a large but allowed signal relayed');
    expect(outsiderSignals).toEqual([]);
    expect(seekerSignals).toHaveLength(1);

    seeker.disconnect();
    await eventually(() => coachPeers.some((p) => p.userId === people.seeker.id && !p.present), 'coach told the seeker left');
    await eventually(async () => {
      const { rows } = await db.query(`SELECT type, payload FROM domain_events WHERE type LIKE 'room.%' AND payload->>'roomId' = $1 ORDER BY id`, [roomId]);
      return rows.map((r) => `${r.type}:${r.payload.userId === people.seeker.id ? 'seeker' : 'coach'}`).join(',') === 'room.joined:coach,room.joined:seeker,room.left:seeker';
    }, 'attendance events');
    const attendance = await db.query(`SELECT user_id, left_at FROM session_room_attendance WHERE room_id = $1 ORDER BY id`, [roomId]);
    expect(attendance.rows.map((r) => [r.user_id, r.left_at === null])).toEqual([
      [people.coach.id, true],
      [people.seeker.id, false],
    ]);
    const { rows } = await db.query(`SELECT payload FROM domain_events WHERE type = 'room.joined' AND payload->>'roomId' = $1 LIMIT 1`, [roomId]);
    expect(rows[0].payload).toMatchObject({ roomId, kind: 'booking', bookingId, refId: bookingId, fairId });
  });

  it('closes the attendance a dead gateway node left open when the other side enters', async () => {
    const people = await pair();
    const bookingId = await confirmedBooking(t.http, db, people, fairId, minutesFromNow(5));
    const { roomId } = (await enter(bookingId, people.coach)).body;
    // The coach "was" in the room on a node that died: a row no gateway holds a socket for.
    await db.query(
      `INSERT INTO session_room_attendance (room_id, user_id, socket_id, joined_at) VALUES ($1, $2, 'socket-of-a-dead-node', now() - interval '1 minute')`,
      [roomId, people.coach.id],
    );
    const seeker = t.socket({ token: people.seeker.accessToken });
    expect(await join(seeker, roomId)).toEqual({ ok: true, roomId, peers: [] });
    const { rows } = await db.query(`SELECT left_at FROM session_room_attendance WHERE room_id = $1 AND user_id = $2`, [roomId, people.coach.id]);
    expect(rows.map((r) => r.left_at !== null)).toEqual([true]);
    const left = await db.query(`SELECT 1 FROM domain_events WHERE type = 'room.left' AND payload->>'roomId' = $1 AND payload->>'userId' = $2`, [roomId, people.coach.id]);
    expect(left.rows).toHaveLength(1);
    // A live coach entering now is seen as present.
    const coach = t.socket({ token: people.coach.accessToken });
    expect(await join(coach, roomId)).toEqual({ ok: true, roomId, peers: [people.seeker.id] });
  });

  it('keeps a chat beside the room for its two participants only, replayed after a cut exactly once and in order, video or not', async () => {
    const people = await pair();
    const [stranger] = await createPeople(t.app, db, 'seeker', 1);
    const [otherCoach] = await createPeople(t.app, db, 'coach', 1);
    const bookingId = await confirmedBooking(t.http, db, people, fairId, minutesFromNow(5));
    const bySeeker = (await enter(bookingId, people.seeker)).body;
    const byCoach = (await enter(bookingId, people.coach)).body;
    const chatId = bySeeker.chatId as string;
    expect(chatId).toEqual(expect.any(String));
    expect(byCoach.chatId).toBe(chatId);
    expect((await enter(bookingId, people.seeker)).body.chatId).toBe(chatId);

    const chatJoin = async (s: Socket, since?: number): Promise<ChatJoinAck> => {
      await connected(s);
      return s.timeout(EVENT_WAIT_MS).emitWithAck('chat:join', since === undefined ? { chatId } : { chatId, since });
    };
    const messagesOf = (s: Socket) => {
      const seen: ChatMessage[] = [];
      s.on('chat:message', (m: ChatMessage) => seen.push(m));
      return seen;
    };
    const post = (who: TestPerson, body: string) => t.http.post(`/chats/${chatId}/messages`, { body }, who.accessToken);

    // Neither has joined the room's call (no video at all): the chat works all the same.
    const coach = t.socket({ token: people.coach.accessToken });
    const seeker = t.socket({ token: people.seeker.accessToken });
    const coachGot = messagesOf(coach);
    const seekerGot = messagesOf(seeker);
    expect(await chatJoin(coach)).toEqual({ ok: true, lastSeq: 0 });
    expect(await chatJoin(seeker)).toEqual({ ok: true, lastSeq: 0 });
    const first = await post(people.seeker, '카메라가 안 켜져요. 채팅으로 할까요?');
    expect([first.status, first.body.seq, first.body.senderId]).toEqual([201, 1, people.seeker.id]);
    expect((await post(people.coach, '네, 채팅으로 진행하죠.')).body.seq).toBe(2);
    await eventually(() => coachGot.length === 2 && seekerGot.length === 2, 'both messages live on both sides');

    // The seeker's connection is cut; the coach goes on; back with since = the last seq shown: the rest once, in order, then live.
    seeker.disconnect();
    for (let i = 3; i <= 5; i++) expect((await post(people.coach, `메시지 ${i}`)).body.seq).toBe(i);
    const back = t.socket({ token: people.seeker.accessToken });
    const backGot = messagesOf(back);
    expect(await chatJoin(back, 2)).toEqual({ ok: true, lastSeq: 5 });
    expect((await post(people.seeker, '다시 들어왔어요')).body.seq).toBe(6);
    await eventually(() => backGot.length === 4 && coachGot.length === 6, 'replay then live');
    expect(backGot.map((m) => m.seq)).toEqual([3, 4, 5, 6]);
    expect(coachGot.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    const replay = await t.http.get(`/chats/${chatId}/messages?since=0`, people.coach.accessToken);
    expect(replay.body.items.map((m: ChatMessage) => m.body)).toEqual(['카메라가 안 켜져요. 채팅으로 할까요?', '네, 채팅으로 진행하죠.', '메시지 3', '메시지 4', '메시지 5', '다시 들어왔어요']);

    // Anyone else: 404 over HTTP, NOT_FOUND on the socket; and the room's chat is not a booth chat in anyone's inbox.
    for (const outsider of [stranger, otherCoach]) {
      expect((await t.http.get(`/chats/${chatId}/messages`, outsider.accessToken)).status).toBe(404);
      expect((await t.http.get(`/chats/${chatId}`, outsider.accessToken)).status).toBe(404);
      expect((await t.http.post(`/chats/${chatId}/messages`, { body: '끼어들기' }, outsider.accessToken)).status).toBe(404);
      expect(await chatJoin(t.socket({ token: outsider.accessToken }))).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    }
    const inbox = await t.http.get('/me/chats', people.seeker.accessToken);
    expect(inbox.body.items.map((c: { id: string }) => c.id)).not.toContain(chatId);
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM chats WHERE room_id = $1`, [bySeeker.roomId]);
    expect(rows[0].n).toBe(1);
  });

  it("shows the coach whom they meet (name, age, desired job groups) and the resume only while the seeker shares it", async () => {
    const people = await pair();
    const put = (path: string, body: unknown, token: string) => t.http.request('PUT', path, { body, token });
    expect((await put('/me/profile', { desiredJobCategories: ['0', '2'] }, people.seeker.accessToken)).status).toBe(200);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(samplePdf('coaching'))], { type: 'application/pdf' }), '이력서.pdf');
    const resume = await t.http.form('PUT', '/me/resume', form, people.seeker.accessToken);
    expect(resume.status).toBe(200);
    const bookingId = await confirmedBooking(t.http, db, people, fairId, minutesFromNow(5));
    const inCoachList = async () =>
      ((await t.http.get('/me/coaching/bookings?limit=100', people.coach.accessToken)).body.items as { id: string; seeker: unknown }[]).find((b) => b.id === bookingId)!;
    const download = () => t.http.bytes(`/resumes/${resume.body.id}/file`, people.coach.accessToken);

    // Not consented (the default): who, but no resume, and the file is not there for the coach.
    const seekerName = (await db.query(`SELECT name FROM users WHERE id = $1`, [people.seeker.id])).rows[0].name;
    expect((await inCoachList()).seeker).toEqual({ name: seekerName, age: expect.any(Number), desiredJobCategories: ['0', '2'], resumeId: null });
    expect((await enter(bookingId, people.coach)).body.peer.resumeId).toBeNull();
    expect((await download()).status).toBe(404);
    const own = ((await t.http.get('/me/coaching/bookings?limit=100', people.seeker.accessToken)).body.items as { id: string; resumeShared: boolean; seeker?: unknown }[]).find(
      (b) => b.id === bookingId,
    )!;
    expect(own.resumeShared).toBe(false);
    expect(own.seeker).toBeUndefined();

    // Only the seeker shares it, on their own coaching booking.
    const share = (who: TestPerson, shared: unknown) => put(`/coaching/bookings/${bookingId}/resume-sharing`, { shared }, who.accessToken);
    const [stranger] = await createPeople(t.app, db, 'seeker', 1);
    expect((await share(stranger, true)).status).toBe(404);
    expect((await share(people.coach, true)).status).toBe(403);
    expect((await share(people.seeker, 'yes')).status).toBe(400);
    const shared = await share(people.seeker, true);
    expect([shared.status, shared.body.resumeShared]).toEqual([200, true]);
    expect((await inCoachList()).seeker).toMatchObject({ resumeId: resume.body.id });
    // In the room too, for the coach only.
    expect((await enter(bookingId, people.coach)).body.peer).toMatchObject({ id: people.seeker.id, resumeId: resume.body.id });
    expect((await enter(bookingId, people.seeker)).body.peer.resumeId).toBeUndefined();
    const file = await download();
    expect(file.status).toBe(200);
    expect(file.body.subarray(0, 5).toString()).toBe('%PDF-');
    const sharedEvent = await db.query(`SELECT payload FROM domain_events WHERE type = 'booking.resume_sharing_changed' AND payload->>'bookingId' = $1`, [bookingId]);
    expect(sharedEvent.rows.map((r) => r.payload.shared)).toEqual([true]);

    // Withdrawn: gone again, list and file.
    expect((await share(people.seeker, false)).body.resumeShared).toBe(false);
    expect((await inCoachList()).seeker).toMatchObject({ resumeId: null });
    expect((await download()).status).toBe(404);
  });

  it('completes the session at its end when both were in the room for half the slot, and not otherwise', async () => {
    const both = await pair();
    const alone = await pair();
    const attended = await confirmedBooking(t.http, db, both, fairId, minutesFromNow(3));
    const missed = await confirmedBooking(t.http, db, alone, fairId, minutesFromNow(3));
    const roomOf = async (bookingId: string, who: TestPerson) => (await enter(bookingId, who)).body.roomId as string;
    const attendedRoom = await roomOf(attended, both.coach);
    const missedRoom = await roomOf(missed, alone.coach);
    for (const [room, who] of [[attendedRoom, both.coach], [attendedRoom, both.seeker], [missedRoom, alone.coach]] as const) {
      expect(await join(t.socket({ token: who.accessToken }), room)).toMatchObject({ ok: true });
    }
    // The session "happened": its half hour is moved to the past, and so are the arrivals (both 20 minutes of 30 together).
    for (const id of [attended, missed]) {
      await db.query(`UPDATE coaching_bookings SET starts_at = now() - interval '40 minutes', ends_at = now() - interval '10 minutes' WHERE id = $1`, [id]);
    }
    await db.query(`UPDATE session_room_attendance SET joined_at = now() - interval '30 minutes' WHERE room_id = ANY($1::uuid[])`, [[attendedRoom, missedRoom]]);
    for (const id of [attended, missed]) {
      const check = await jobs.queue(QUEUE_OF['coaching.attendance-check']).getJob(jobIds.attendanceCheck(id));
      expect(await check!.getState()).toBe('delayed');
      await check!.promote();
    }
    await eventually(async () => (await t.http.get(`/coaching/bookings/${attended}`, both.seeker.accessToken)).body.status === 'completed', 'completed by attendance');
    const completedEvent = await db.query(`SELECT payload FROM domain_events WHERE type = 'booking.completed' AND payload->>'bookingId' = $1`, [attended]);
    expect(completedEvent.rows[0].payload).toMatchObject({ auto: true, attended: true });
    await eventually(async () => (await jobs.queue(QUEUE_OF['coaching.attendance-check']).getJob(jobIds.attendanceCheck(missed)))?.finishedOn !== undefined, 'check ran');
    expect((await t.http.get(`/coaching/bookings/${missed}`, alone.coach.accessToken)).body.status).toBe('confirmed');
  });

  it('lets the coach mark a no-show only 10 minutes after the start, and not while the seeker is in the room', async () => {
    const people = await pair();
    const bookingId = await confirmedBooking(t.http, db, people, fairId, minutesFromNow(3));
    const noShow = () => t.http.post(`/coaching/bookings/${bookingId}/no-show`, {}, people.coach.accessToken);
    expect((await noShow()).body.code).toBe('SESSION_NOT_STARTED');
    await db.query(`UPDATE coaching_bookings SET starts_at = now() - interval '5 minutes', ends_at = now() + interval '25 minutes' WHERE id = $1`, [bookingId]);
    const early = await noShow();
    expect([early.status, early.body.code]).toEqual([409, 'NO_SHOW_TOO_EARLY']);

    const { roomId } = (await enter(bookingId, people.seeker)).body;
    const seeker = t.socket({ token: people.seeker.accessToken });
    expect(await join(seeker, roomId)).toMatchObject({ ok: true });
    await db.query(`UPDATE coaching_bookings SET starts_at = now() - interval '12 minutes', ends_at = now() + interval '18 minutes' WHERE id = $1`, [bookingId]);
    const present = await noShow();
    expect([present.status, present.body.code]).toEqual([409, 'SEEKER_PRESENT']);

    expect(await seeker.timeout(EVENT_WAIT_MS).emitWithAck('room:leave', { roomId })).toEqual({ ok: true });
    const marked = await noShow();
    expect([marked.status, marked.body.status]).toEqual([200, 'no_show']);
    // Once marked, the room is gone for both.
    expect((await enter(bookingId, people.coach)).status).toBe(404);
  });
});

/** With the per-socket limits on: a flood of signals is cut by the same limiter as every other client event. */
describe('session rooms with socket rate limits on', () => {
  let t: TestApp;
  let db: Client;

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMITS: 'on', SOCKET_EVENTS_PER_SECOND: 2, SOCKET_EVENT_BURST: 5, SOCKET_ABUSE_DISCONNECT_AFTER: 0 });
    db = await connectTestDb();
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  it('refuses signals past the socket burst with RATE_LIMITED and relays only those it allowed', async () => {
    const fairId = await createLiveFair(db);
    const [coach] = await createPeople(t.app, db, 'coach', 1);
    const [seekerP] = await createPeople(t.app, db, 'seeker', 1);
    const bookingId = await confirmedBooking(t.http, db, { coach, seeker: seekerP }, fairId, minutesFromNow(5));
    const { roomId } = (await t.http.post(`/coaching/bookings/${bookingId}/room`, {}, coach.accessToken)).body;
    const c = t.socket({ token: coach.accessToken });
    const s = t.socket({ token: seekerP.accessToken });
    const received = collect<RoomSignal>(c, 'room:signal');
    expect(await join(c, roomId)).toMatchObject({ ok: true });
    expect(await join(s, roomId)).toMatchObject({ ok: true });
    const acks = await Promise.all(Array.from({ length: 12 }, (_, i) => signal(s, roomId, { i })));
    const refused = acks.filter((a) => !a.ok);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((a) => !a.ok && a.code === 'RATE_LIMITED')).toBe(true);
    const passed = acks.filter((a) => a.ok).length;
    await eventually(() => received.length === passed, 'the allowed signals relayed');
    expect(received).toHaveLength(passed);
  });
});

/** Two gateway nodes behind the Redis adapter: each participant on their own node. */
describe('session rooms across gateway nodes', () => {
  const deployment = splitDeployment({}, { realtimeNodes: 2 });
  let db: Client;
  let http: HttpClient;
  const sockets: Socket[] = [];
  const socketTo = (url: string, token: string) => {
    const s = io(`${url}/fair`, { path: '/socket.io', transports: ['websocket'], auth: { token }, reconnection: false, forceNew: true });
    sockets.push(s);
    return s;
  };

  beforeAll(async () => {
    db = await connectTestDb();
    // One after another: four processes booting at once on a busy two-core machine outlast the health wait.
    for (const p of [deployment.api, deployment.worker, ...deployment.realtime]) await p.start();
    http = new HttpClient(deployment.api.url);
  }, 180_000);
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await deployment.stop();
    await db.end();
  });

  it("relays presence, signals and the room's chat between participants on different nodes, to the peer only", async () => {
    const fairId = await createLiveFair(db);
    const [coach] = await createPeople(deployment.tokens, db, 'coach', 1);
    const [seekerP, other] = await createPeople(deployment.tokens, db, 'seeker', 2);
    const bookingId = await confirmedBooking(http, db, { coach, seeker: seekerP }, fairId, minutesFromNow(5));
    const { roomId, chatId } = (await http.post(`/coaching/bookings/${bookingId}/room`, {}, coach.accessToken)).body;

    const [nodeA, nodeB] = deployment.realtime;
    const c = socketTo(nodeA.url, coach.accessToken);
    const s = socketTo(nodeB.url, seekerP.accessToken);
    const bystander = socketTo(nodeA.url, other.accessToken);
    const coachPeers = collect<RoomPeer>(c, 'room:peer');
    const coachSignals = collect<RoomSignal>(c, 'room:signal');
    const seekerSignals = collect<RoomSignal>(s, 'room:signal');
    const bystanderSignals = collect<RoomSignal>(bystander, 'room:signal');
    await connected(bystander);

    expect(await join(c, roomId)).toEqual({ ok: true, roomId, peers: [] });
    expect(await join(s, roomId)).toEqual({ ok: true, roomId, peers: [coach.id] });
    await eventually(() => coachPeers.some((p) => p.userId === seekerP.id && p.present), 'presence across nodes');
    expect(await signal(s, roomId, { candidate: 'candidate:1 1 udp 2122260223 10.0.0.2 54400 typ host' })).toEqual({ ok: true });
    expect(await signal(c, roomId, { description: { type: 'answer', sdp: 'v=0' } })).toEqual({ ok: true });
    await eventually(() => coachSignals.length === 1 && seekerSignals.length === 1, 'signals across nodes');
    expect(coachSignals[0]).toMatchObject({ roomId, from: seekerP.id });
    expect(seekerSignals[0]).toMatchObject({ roomId, from: coach.id, data: { description: { type: 'answer', sdp: 'v=0' } } });

    // The chat beside the room: posted through the api, delivered to the seeker's node.
    const seekerChat: ChatMessage[] = [];
    s.on('chat:message', (m: ChatMessage) => seekerChat.push(m));
    expect(await s.timeout(EVENT_WAIT_MS).emitWithAck('chat:join', { chatId, since: 0 })).toEqual({ ok: true, lastSeq: 0 });
    expect(await bystander.timeout(EVENT_WAIT_MS).emitWithAck('chat:join', { chatId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect((await http.post(`/chats/${chatId}/messages`, { body: '들리시나요?' }, coach.accessToken)).status).toBe(201);
    await eventually(() => seekerChat.length === 1, 'the chat message across nodes');
    expect(seekerChat[0]).toMatchObject({ chatId, seq: 1, senderId: coach.id, body: '들리시나요?' });

    s.disconnect();
    await eventually(() => coachPeers.some((p) => p.userId === seekerP.id && !p.present), 'departure across nodes');
    expect(bystanderSignals).toEqual([]);
  });
});
