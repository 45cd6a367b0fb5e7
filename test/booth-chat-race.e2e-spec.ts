import type { Client } from 'pg';
import type { ChatMessage } from '@bisang/contracts';
import { SignedIn, TestPerson, connectTestDb, connected, createOrganizer, createPeople, eventually, openPosting } from '@bisang/testing';
import { TestApp, startTestApp } from './support/test-app';

const SEEKERS = 100;
const CAPACITY = 2;

/**
 * "Take next" under contention, across two nodes (each its own API, gateway and worker): 100 seekers each waiting
 * at two booths, 5 recruiters (3 at one booth, 2 at the other) pressing "take next" three at a time on alternating
 * nodes. PostgreSQL alone keeps the promises: every seeker is served exactly once per booth, never in two chats at
 * once, and no recruiter ever holds more chats than their capacity.
 */
describe('booth chat: take next across two nodes', () => {
  let nodes: TestApp[];
  let db: Client;
  let organizer: SignedIn;

  beforeAll(async () => {
    nodes = [await startTestApp(), await startTestApp()];
    organizer = await createOrganizer(nodes[0].app, nodes[0].http);
    db = await connectTestDb();
  });
  afterAll(async () => {
    await db?.end();
    for (const n of nodes ?? []) await n.close();
  });

  it('serves every seeker once per booth, never two chats for one seeker, nobody above capacity', async () => {
    const a = await openPosting(nodes[0].http, organizer, {}, '경합테스트A(주)');
    const b = await openPosting(nodes[1].http, organizer, {}, '경합테스트B(주)');
    const recruiters = await createPeople(nodes[0].app, db, 'recruiter', 5);
    const seekers = await createPeople(nodes[0].app, db, 'seeker', SEEKERS);
    const boothOf = (i: number) => (i < 3 ? a : b);
    for (const [i, r] of recruiters.entries()) {
      await db.query(`INSERT INTO company_staff (company_id, user_id) VALUES ($1, $2)`, [boothOf(i).booth.companyId, r.id]);
    }

    // Every seeker joins both queues, half through each node
    await Promise.all(
      seekers.map(async (s, i) => {
        for (const booth of i % 2 ? [a, b] : [b, a]) {
          const res = await nodes[i % 2].http.post(`/booths/${booth.booth.boothId}/queue`, {}, s.accessToken);
          if (res.status !== 201) throw new Error(`join: ${res.status} ${JSON.stringify(res.body)}`);
        }
      }),
    );

    // Recruiters go online over sockets, on alternating nodes
    for (const [i, r] of recruiters.entries()) {
      const socket = nodes[i % 2].socket({ token: r.accessToken });
      await connected(socket);
      expect(await socket.timeout(10_000).emitWithAck('booth:online', { boothId: boothOf(i).booth.boothId, capacity: CAPACITY })).toEqual({ ok: true });
    }

    const served: { boothId: string; seekerId: string; recruiterId: string; chatId: string }[] = [];
    const maxOpen = new Map<string, number>();
    let doubleChats = 0;

    const openChats = async (r: TestPerson) =>
      (await db.query(`SELECT count(*)::int AS n FROM chats WHERE recruiter_id = $1 AND ended_at IS NULL`, [r.id])).rows[0].n as number;
    const waitingAt = async (boothId: string) =>
      (await db.query(`SELECT count(*)::int AS n FROM booth_queue_entries WHERE booth_id = $1 AND status = 'waiting'`, [boothId])).rows[0].n as number;

    const work = async (r: TestPerson, i: number) => {
      const boothId = boothOf(i).booth.boothId;
      for (let round = 0; ; round++) {
        const presses = await Promise.all(
          [0, 1, 2].map((k) => nodes[(i + k + round) % 2].http.post(`/booths/${boothId}/chats/next`, {}, r.accessToken)),
        );
        for (const res of presses) {
          if (![201, 204, 409].includes(res.status)) throw new Error(`take next: ${res.status} ${JSON.stringify(res.body)}`);
          if (res.status === 409 && res.body.code !== 'CAPACITY_REACHED') throw new Error(`take next: ${JSON.stringify(res.body)}`);
        }
        const started = presses.filter((res) => res.status === 201).map((res) => res.body);
        const open = await openChats(r);
        maxOpen.set(r.id, Math.max(maxOpen.get(r.id) ?? 0, open, started.length));
        doubleChats += (await db.query(`SELECT 1 FROM chats WHERE ended_at IS NULL AND kind = 'live' GROUP BY seeker_id HAVING count(*) > 1`)).rowCount ?? 0;
        for (const chat of started) {
          served.push({ boothId: chat.boothId, seekerId: chat.seekerId, recruiterId: chat.recruiterId, chatId: chat.id });
          const other = nodes[(i + round + 1) % 2];
          const msg = await other.http.post(`/chats/${chat.id}/messages`, { body: '안녕하세요' }, r.accessToken);
          if (msg.status !== 201) throw new Error(`message: ${msg.status}`);
          const end = await other.http.post(`/chats/${chat.id}/end`, {}, r.accessToken);
          if (end.status !== 200) throw new Error(`end: ${end.status}`);
        }
        if (started.length === 0) {
          if ((await waitingAt(boothId)) === 0) return;
          // Everyone still waiting is chatting at the other booth just now: look again shortly.
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      }
    };
    await Promise.all(recruiters.map(work));

    for (const booth of [a, b]) {
      const here = served.filter((s) => s.boothId === booth.booth.boothId).map((s) => s.seekerId);
      expect(here.length).toBe(SEEKERS);
      expect(new Set(here).size).toBe(SEEKERS);
    }
    expect(doubleChats).toBe(0);
    for (const r of recruiters) expect(maxOpen.get(r.id)).toBeLessThanOrEqual(CAPACITY);
    // Every recruiter took part (the load was spread, not one node or one recruiter winning every time)
    expect(new Set(served.map((s) => s.recruiterId)).size).toBe(5);
    const stored = await db.query(`SELECT count(*)::int AS n FROM chats WHERE booth_id = ANY($1::uuid[])`, [[a.booth.boothId, b.booth.boothId]]);
    expect(stored.rows[0].n).toBe(2 * SEEKERS);
  }, 300_000);

  it('delivers messages posted on one node to a participant joined on the other, in order, once', async () => {
    const a = await openPosting(nodes[0].http, organizer, {}, '교차노드(주)');
    const [seeker] = await createPeople(nodes[0].app, db, 'seeker', 1);
    expect((await nodes[0].http.post(`/booths/${a.booth.boothId}/queue`, {}, seeker.accessToken)).status).toBe(201);
    const rec = nodes[0].socket({ token: a.booth.recruiter.accessToken });
    await connected(rec);
    expect(await rec.timeout(10_000).emitWithAck('booth:online', { boothId: a.booth.boothId })).toEqual({ ok: true });
    const chat = (await nodes[1].http.post(`/booths/${a.booth.boothId}/chats/next`, {}, a.booth.recruiter.accessToken)).body;

    const seekerSocket = nodes[1].socket({ token: seeker.accessToken });
    const got: ChatMessage[] = [];
    seekerSocket.on('chat:message', (m: ChatMessage) => got.push(m));
    await connected(seekerSocket);
    expect(await seekerSocket.timeout(10_000).emitWithAck('chat:join', { chatId: chat.id, since: 0 })).toEqual({ ok: true, lastSeq: 0 });
    await Promise.all(
      Array.from({ length: 30 }, (_, i) => nodes[i % 2].http.post(`/chats/${chat.id}/messages`, { body: `메시지 ${i}` }, a.booth.recruiter.accessToken)),
    );
    await eventually(() => got.length >= 30, 'all 30 across nodes');
    expect(got.map((m) => m.seq)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });

  it('a restart of every process mid-chat loses nothing: queue, chat and messages are in PostgreSQL', async () => {
    const a = await openPosting(nodes[0].http, organizer, {}, '재시작테스트(주)');
    const [first, second] = await createPeople(nodes[0].app, db, 'seeker', 2);
    for (const s of [first, second]) expect((await nodes[0].http.post(`/booths/${a.booth.boothId}/queue`, {}, s.accessToken)).status).toBe(201);
    expect(await nodes[0].http.request('PUT', `/booths/${a.booth.boothId}/staff-presence`, { body: { online: true, capacity: 1 }, token: a.booth.recruiter.accessToken }))
      .toMatchObject({ status: 200, body: { online: true, capacity: 1, openChats: 0 } });
    const chat = (await nodes[0].http.post(`/booths/${a.booth.boothId}/chats/next`, {}, a.booth.recruiter.accessToken)).body;
    for (let i = 1; i <= 3; i++) await nodes[1].http.post(`/chats/${chat.id}/messages`, { body: `재시작 전 ${i}` }, i % 2 ? first.accessToken : a.booth.recruiter.accessToken);

    for (const n of nodes) await n.close();
    nodes = [await startTestApp(), await startTestApp()];

    // The chat is open with its messages; the second seeker still waits first in line; capacity still holds
    const after = nodes[1].http;
    expect((await after.get(`/chats/${chat.id}`, first.accessToken)).body).toMatchObject({ id: chat.id, endedAt: null, lastSeq: 3 });
    expect((await after.get(`/booths/${a.booth.boothId}/queue`, second.accessToken)).body).toMatchObject({ position: 1 });
    expect(await after.post(`/booths/${a.booth.boothId}/chats/next`, {}, a.booth.recruiter.accessToken)).toMatchObject({ status: 409, body: { code: 'CAPACITY_REACHED' } });
    const socket = nodes[0].socket({ token: first.accessToken });
    const got: ChatMessage[] = [];
    socket.on('chat:message', (m: ChatMessage) => got.push(m));
    await connected(socket);
    expect(await socket.timeout(10_000).emitWithAck('chat:join', { chatId: chat.id, since: 1 })).toEqual({ ok: true, lastSeq: 3 });
    expect((await after.post(`/chats/${chat.id}/messages`, { body: '재시작 후' }, a.booth.recruiter.accessToken)).body.seq).toBe(4);
    await eventually(() => got.length === 3, 'replay 2, 3 then live 4');
    expect(got.map((m) => m.seq)).toEqual([2, 3, 4]);
    expect((await after.post(`/chats/${chat.id}/end`, {}, first.accessToken)).status).toBe(200);
    expect((await after.post(`/booths/${a.booth.boothId}/chats/next`, {}, a.booth.recruiter.accessToken)).body).toMatchObject({ seekerId: second.id });
  }, 180_000);
});
