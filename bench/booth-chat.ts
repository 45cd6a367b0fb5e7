/**
 * Booth chat (issue #13): how fast does a message reach the other participant, against bare socket.io relaying the
 * same messages in the same run, and how long does "take next" take under load?
 *
 * Bisang: api + worker + TWO realtime gateway nodes (built processes, a throwaway database and Redis prefix).
 * Seekers queue at booths; recruiters go online (`booth:online`, capacity 4) on alternating gateways and press
 * `POST /booths/:boothId/chats/next` until their capacity is full (take-next latency: request to 201). Each chat's
 * seeker and recruiter sockets sit on different gateways and `chat:join`. Then messages are posted at a steady rate
 * (`POST /chats/:chatId/messages`, seeker to recruiter) and the recruiter's socket notes the arrival: latency is
 * from just before the POST to receipt (one machine, one clock).
 * Bare: a socket.io 4 server on plain node http in this process, one room per chat, relaying an HTTP POST of the
 * same body to the recipient's socket, at the same rate (no persistence, no adapter, one node).
 *
 * Usage: `npm run bench:chat [-- --seekers 1000 --booths 20 --recruiters 40 --messages 2000 --rate 100]`
 */
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { Server } from 'socket.io';
import { io, type Socket } from 'socket.io-client';
import type { ChatMessage } from '@bisang/contracts';
import { HttpClient, PASSWORD, createBooth, createFair, publishPosting, registerUser, uniqueEmail } from '@bisang/testing';
import type { BoothSetup, SignedIn } from '@bisang/testing';
import {
  HOST,
  bisangEnv,
  cpuTimeMs,
  createOrganizer,
  int,
  machine,
  ms,
  pct,
  percentile,
  ratio,
  runBench,
  scratch,
  sortedOf,
  startBisang,
  steadily,
  wallNow,
} from './bench-support';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const { values } = parseArgs({
  options: {
    seekers: { type: 'string', default: '1000' },
    booths: { type: 'string', default: '20' },
    recruiters: { type: 'string', default: '40' },
    messages: { type: 'string', default: '2000' },
    rate: { type: 'string', default: '100' },
  },
});
const SEEKERS = Number(values.seekers);
const BOOTHS = Number(values.booths);
const RECRUITERS = Math.max(BOOTHS, Number(values.recruiters));
const MESSAGES = Number(values.messages);
const RATE = Number(values.rate);
const CAPACITY = 4;

const connect = (url: string, token?: string): Promise<Socket> =>
  new Promise((resolve, reject) => {
    const s = io(`${url}/fair`, { path: '/socket.io', transports: ['websocket'], auth: token ? { token } : {}, reconnection: false, forceNew: true });
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });

const s = scratch('chat');
runBench(async (stopLater) => {
  const env = bisangEnv(s);
  await promisify(execFile)(process.execPath, [join(__dirname, '..', 'apps', 'cli', 'src', 'main.js'), 'db:migrate'], { env });
  const api = await startBisang('api', env);
  stopLater(api);
  const worker = await startBisang('worker', env);
  stopLater(worker);
  const gateways = [await startBisang('realtime', env), await startBisang('realtime', env)];
  for (const g of gateways) stopLater(g);
  const http = new HttpClient(api.url);

  console.log(`booth chat: ${SEEKERS} seekers, ${BOOTHS} booths, ${RECRUITERS} recruiters (capacity ${CAPACITY}), ${MESSAGES} messages at ${RATE}/s, 2 gateway nodes`);
  console.log(machine());

  // A live fair, booths with staff, seekers queued round-robin
  const organizer = await createOrganizer(http, env);
  const fair = await createFair(http, organizer);
  const booths: BoothSetup[] = [];
  for (let b = 0; b < BOOTHS; b++) {
    const booth = await createBooth(http, fair.id, `벤치기업${b}(주)`);
    await publishPosting(http, booth, '벤치 공고');
    const approved = await http.post(`/booths/${booth.boothId}/approve`, {}, organizer.accessToken);
    if (approved.status !== 200) throw new Error(`approve: ${approved.status}`);
    booths.push(booth);
  }
  const recruiters: { who: SignedIn; boothId: string }[] = booths.map((b) => ({ who: b.recruiter, boothId: b.boothId }));
  for (let i = BOOTHS; i < RECRUITERS; i++) {
    const booth = booths[i % BOOTHS];
    const email = uniqueEmail('recruiter');
    const reg = await http.post('/auth/register', { email, password: PASSWORD, name: `벤치 담당자 ${i}`, role: 'recruiter' });
    const who: SignedIn = { id: reg.body.user.id, email, role: 'recruiter', accessToken: reg.body.accessToken, refreshToken: reg.body.refreshToken };
    const inv = await http.post(`/companies/${booth.companyId}/invitations`, { email }, booth.recruiter.accessToken);
    await http.post(`/invitations/${inv.body.id}/accept`, {}, who.accessToken);
    recruiters.push({ who, boothId: booth.boothId });
  }
  const seekers: SignedIn[] = [];
  for (let i = 0; i < SEEKERS; i += 20) {
    seekers.push(...(await Promise.all(Array.from({ length: Math.min(20, SEEKERS - i) }, () => registerUser(http, 'seeker')))));
  }
  await Promise.all(seekers.map((sk, i) => http.post(`/booths/${booths[i % BOOTHS].boothId}/queue`, {}, sk.accessToken)));
  const seekerSockets = new Map<string, Socket>();
  await Promise.all(seekers.map(async (sk, i) => seekerSockets.set(sk.id, await connect(gateways[i % 2].url, sk.accessToken))));

  // Recruiters online on alternating gateways, then take next up to capacity, all at once
  const recruiterSockets = new Map<string, Socket>();
  for (const [i, r] of recruiters.entries()) {
    const socket = await connect(gateways[(i + 1) % 2].url, r.who.accessToken);
    const ack = await socket.timeout(10_000).emitWithAck('booth:online', { boothId: r.boothId, capacity: CAPACITY });
    if (!ack.ok) throw new Error(`booth:online ${JSON.stringify(ack)}`);
    recruiterSockets.set(r.who.id, socket);
  }
  const takeMs: number[] = [];
  const chats: { id: string; seeker: SignedIn; recruiterId: string }[] = [];
  await Promise.all(
    recruiters.map(async (r) => {
      for (let k = 0; k < CAPACITY; k++) {
        const t0 = wallNow();
        const res = await http.post(`/booths/${r.boothId}/chats/next`, {}, r.who.accessToken);
        takeMs.push(wallNow() - t0);
        if (res.status !== 201) break;
        chats.push({ id: res.body.id, seeker: seekers.find((x) => x.id === res.body.seekerId)!, recruiterId: r.who.id });
      }
    }),
  );
  if (chats.length === 0) throw new Error('no chat started');
  for (const c of chats) {
    for (const socket of [seekerSockets.get(c.seeker.id)!, recruiterSockets.get(c.recruiterId)!]) {
      const ack = await socket.timeout(10_000).emitWithAck('chat:join', { chatId: c.id, since: 0 });
      if (!ack.ok) throw new Error(`chat:join ${JSON.stringify(ack)}`);
    }
  }

  // Bisang: messages at a steady rate, seeker → recruiter across gateways
  const sentAt = new Map<string, number>();
  const bisangLatency: number[] = [];
  let duplicates = 0;
  const seen = new Set<string>();
  for (const socket of recruiterSockets.values()) {
    socket.on('chat:message', (m: ChatMessage) => {
      const key = m.body;
      const t = sentAt.get(key);
      if (t === undefined) return;
      if (seen.has(key)) duplicates++;
      else {
        seen.add(key);
        bisangLatency.push(wallNow() - t);
      }
    });
  }
  const cpuBefore = (await Promise.all([api, worker, ...gateways].map((p) => cpuTimeMs(p.child.pid)))).reduce((a, b) => a + b, 0);
  let postErrors = 0;
  await steadily(MESSAGES, RATE, async (i) => {
    const c = chats[i % chats.length];
    const body = `m${i} 안녕하세요`;
    sentAt.set(body, wallNow());
    const res = await http.post(`/chats/${c.id}/messages`, { body }, c.seeker.accessToken);
    if (res.status !== 201) postErrors++;
  });
  const deadline = Date.now() + 15_000;
  while (seen.size < MESSAGES - postErrors && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  const cpuAfter = (await Promise.all([api, worker, ...gateways].map((p) => cpuTimeMs(p.child.pid)))).reduce((a, b) => a + b, 0);

  // Bare: the same bodies relayed by plain socket.io (HTTP POST in, emit to the chat's room)
  const server = createServer();
  const bare = new Server(server, { transports: ['websocket'] });
  bare.on('connection', (socket) => socket.on('join', (room: string) => void socket.join(room)));
  server.on('request', (req, res) => {
    if (req.method !== 'POST') return;
    let raw = '';
    req.on('data', (d: Buffer) => (raw += d.toString('utf8')));
    req.on('end', () => {
      const { room, body } = JSON.parse(raw) as { room: string; body: string };
      bare.to(room).emit('chat:message', { room, body });
      res.writeHead(201, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, HOST, r));
  const bareUrl = `http://${HOST}:${(server.address() as { port: number }).port}`;
  const bareLatency: number[] = [];
  const bareSeen = new Set<string>();
  const bareSockets: Socket[] = [];
  for (const c of chats) {
    const sock = io(bareUrl, { transports: ['websocket'], forceNew: true, reconnection: false });
    await new Promise<void>((r) => sock.once('connect', () => r()));
    sock.emit('join', c.id);
    sock.on('chat:message', (m: { body: string }) => {
      const t = sentAt.get(m.body);
      if (t !== undefined && !bareSeen.has(m.body)) {
        bareSeen.add(m.body);
        bareLatency.push(wallNow() - t);
      }
    });
    bareSockets.push(sock);
  }
  await new Promise((r) => setTimeout(r, 200));
  sentAt.clear();
  await steadily(MESSAGES, RATE, async (i) => {
    const c = chats[i % chats.length];
    const body = `b${i} 안녕하세요`;
    sentAt.set(body, wallNow());
    await fetch(bareUrl, { method: 'POST', body: JSON.stringify({ room: c.id, body }) });
  });
  const bareDeadline = Date.now() + 15_000;
  while (bareSeen.size < MESSAGES && Date.now() < bareDeadline) await new Promise((r) => setTimeout(r, 50));

  const b = sortedOf(bisangLatency);
  const r = sortedOf(bareLatency);
  const tk = sortedOf(takeMs);
  console.log('');
  console.log(`chats open: ${chats.length}`);
  console.log(`target   delivered          p50 ms   p99 ms   max ms`);
  console.log(`bare     ${pct(bareSeen.size / MESSAGES).padEnd(17)}  ${ms(percentile(r, 50)).padStart(7)}  ${ms(percentile(r, 99)).padStart(7)}  ${ms(r[r.length - 1] ?? NaN).padStart(7)}`);
  console.log(`bisang   ${pct(seen.size / MESSAGES).padEnd(17)}  ${ms(percentile(b, 50)).padStart(7)}  ${ms(percentile(b, 99)).padStart(7)}  ${ms(b[b.length - 1] ?? NaN).padStart(7)}`);
  console.log(`delivery p99 bisang / bare: ${ratio(percentile(b, 99), percentile(r, 99))}  (target ≤ 1.5×); duplicates ${duplicates}, post errors ${postErrors}`);
  console.log(`server CPU per message (api + worker + 2 gateways): ${ms((cpuAfter - cpuBefore) / MESSAGES)} ms`);
  console.log(`take next: ${int(takeMs.length)} presses, p50 ${ms(percentile(tk, 50))} ms, p99 ${ms(percentile(tk, 99))} ms`);

  for (const sock of [...bareSockets, ...seekerSockets.values(), ...recruiterSockets.values()]) sock.disconnect();
  await new Promise<void>((r) => bare.close(() => r()));
}, s);
