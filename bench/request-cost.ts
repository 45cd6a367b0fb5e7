/**
 * What is the most CPU one request can make the server spend, against a normal request? (issue #11, item 1)
 *
 * The built all-in-one process (dist/apps/bisang/src/main.js) runs on a throwaway database with a live fair, an
 * approved booth and a posting, set up through the public API. Each case (a route and a body of at most the 1 MB
 * the server accepts: deep nesting, many keys, long arrays, long strings, many query parameters…) is sent
 * `--requests` times, one at a time; the figures are the server's latency (p50, p99) and the CPU time the whole
 * server process spent per request (user + system from /proc, over the batch), with its ratio to the normal
 * signed-in write (PATCH /postings/:id with a valid title).
 *
 * Usage: `npm run bench:request-cost [-- --requests 40 --normal-requests 400]`
 */
import { parseArgs } from 'node:util';
import { HttpClient, SignedIn, registerUser } from '@bisang/testing';
import {
  bisangEnv,
  cpuTimeMs,
  createOrganizer,
  liveFairWithApprovedBooth,
  lpad,
  machine,
  ms,
  pad,
  percentile,
  ratio,
  runBench,
  scratch,
  sortedOf,
  startBisang,
  wallNow,
} from './bench-support';

const MB = 1024 * 1024;
/** Just under the server's 1 MB body limit, so that every body is read in full. */
const NEAR_MB = MB - 64;

interface Case {
  name: string;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT';
  /** Path under /api/v1 (or /health), query included. */
  path: string;
  /** The raw body (JSON text unless contentType says otherwise). */
  body?: string;
  contentType?: string;
  token?: string;
  /** The normal requests the others are compared with. */
  baseline?: boolean;
}

const repeatTo = (unit: string, bytes: number) => unit.repeat(Math.floor(bytes / unit.length));

/** `{"k0":0,"k1":0,…}` filling `bytes`. */
function manyKeys(bytes: number): string {
  const parts: string[] = [];
  let size = 2;
  for (let i = 0; size < bytes - 20; i++) {
    const part = `"k${i}":0`;
    parts.push(part);
    size += part.length + 1;
  }
  return `{${parts.join(',')}}`;
}

/** Near the most the pre-parse limits let through: 8 levels, 150 members each, ~1,800 in all, nine 99 KB strings. */
function largestAdmitted(): string {
  const wide = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `"${prefix}${i}":${i % 2 ? '"x"' : '[1,2]'}`).join(',');
  let nested = `{${wide('z', 150)}}`;
  for (let d = 0; d < 6; d++) nested = `{"n":${nested},${wide(`u${d}`, 150)}}`;
  const text = 'ㄱ'.repeat(33_000); // 99 KB of UTF-8
  const texts = ['title', 'description', 'location', 'email', 'name', 'password', 'role', 'birthDate', 'headline'].map((k) => `"${k}":"${text}"`);
  return `{${texts.join(',')},"extra":${nested},${wide('w', 150)}}`;
}

function cases(ids: { fairId: string; postingId: string; staff: SignedIn; seeker: SignedIn }): Case[] {
  const patch = `/postings/${ids.postingId}`;
  const deepArrays = `${'['.repeat(NEAR_MB / 2)}${']'.repeat(NEAR_MB / 2)}`;
  const deepObjects = `${repeatTo('{"a":', NEAR_MB * 0.8)}1${'}'.repeat(Math.floor((NEAR_MB * 0.8) / 5))}`;
  const longArray = `{"title":[${repeatTo('0,', NEAR_MB - 20)}0]}`;
  const longString = `{"title":"${repeatTo('가', NEAR_MB / 3 - 20)}"}`;
  const escapes = `{"title":"${repeatTo('\\u0000', NEAR_MB - 20)}"}`;
  const invalid = `{"title":${repeatTo('1', NEAR_MB - 20)}`;
  const manyParams = `/fairs/${ids.fairId}/postings?${Array.from({ length: 1400 }, (_, i) => `p${i}=1`).join('&')}`;
  const staff = ids.staff.accessToken;
  return [
    { name: 'normal: PATCH posting title (signed in)', method: 'PATCH', path: patch, body: JSON.stringify({ title: '생산관리 담당자 (주간)' }), token: staff, baseline: true },
    { name: 'normal: GET fair postings (anonymous)', method: 'GET', path: `/fairs/${ids.fairId}/postings` },
    { name: 'normal: POST auth/refresh, unknown token (anon.)', method: 'POST', path: '/auth/refresh', body: JSON.stringify({ refreshToken: 'x'.repeat(64) }) },
    { name: '1 MB [[[[…]]]] (anonymous)', method: 'POST', path: '/auth/refresh', body: deepArrays },
    { name: '1 MB [[[[…]]]] (signed in)', method: 'PATCH', path: patch, body: deepArrays, token: staff },
    { name: '1 MB {"a":{"a":…}} (signed in)', method: 'PATCH', path: patch, body: deepObjects, token: staff },
    { name: '1 MB object, 90k keys (signed in)', method: 'PATCH', path: patch, body: manyKeys(NEAR_MB), token: staff },
    { name: '1 MB object, 90k keys (anonymous)', method: 'POST', path: '/auth/login', body: manyKeys(NEAR_MB) },
    { name: '1 MB array, 500k items (signed in)', method: 'PATCH', path: patch, body: longArray, token: staff },
    { name: '1 MB string (signed in)', method: 'PATCH', path: patch, body: longString, token: staff },
    { name: '1 MB of \\u0000 escapes (signed in)', method: 'PATCH', path: patch, body: escapes, token: staff },
    { name: '1 MB malformed JSON (anonymous)', method: 'POST', path: '/auth/login', body: invalid },
    { name: '1 MB url-encoded form (anonymous)', method: 'POST', path: '/auth/login', body: repeatTo('a=1&', NEAR_MB), contentType: 'application/x-www-form-urlencoded' },
    { name: '1 MB JSON to a route without body (anon.)', method: 'POST', path: `/postings/${ids.postingId}/close`, body: manyKeys(NEAR_MB) },
    { name: 'largest admitted body (signed in)', method: 'PATCH', path: patch, body: largestAdmitted(), token: staff },
    { name: 'largest admitted body (anonymous register)', method: 'POST', path: '/auth/register', body: largestAdmitted() },
    { name: '1,400 query parameters (anonymous)', method: 'GET', path: manyParams },
  ];
}

interface Figures {
  status: number;
  bytes: number;
  p50: number;
  p99: number;
  cpuPerRequest: number;
}

async function measure(baseUrl: string, pid: number, c: Case, requests: number): Promise<Figures> {
  const headers: Record<string, string> = {};
  if (c.token) headers.authorization = `Bearer ${c.token}`;
  if (c.body !== undefined) headers['content-type'] = c.contentType ?? 'application/json';
  const url = `${baseUrl}${c.path.startsWith('/health') ? '' : '/api/v1'}${c.path}`;
  const send = async () => {
    const res = await fetch(url, { method: c.method, headers, body: c.body });
    await res.arrayBuffer();
    return res.status;
  };
  // Warm-up: JIT, connection pools, caches.
  for (let i = 0; i < Math.min(5, requests); i++) await send();
  const latencies: number[] = [];
  let status = 0;
  const cpuBefore = await cpuTimeMs(pid);
  for (let i = 0; i < requests; i++) {
    const start = wallNow();
    status = await send();
    latencies.push(wallNow() - start);
  }
  const cpuAfter = await cpuTimeMs(pid);
  const sorted = sortedOf(latencies);
  return {
    status,
    bytes: Buffer.byteLength(c.body ?? ''),
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    cpuPerRequest: (cpuAfter - cpuBefore) / requests,
  };
}

const { values: args } = parseArgs({
  options: {
    requests: { type: 'string', default: '40' },
    'normal-requests': { type: 'string', default: '400' },
  },
});

const s = scratch('reqcost');
runBench(async (stopLater) => {
  const env = bisangEnv(s);
  const server = await startBisang('bisang', env);
  stopLater(server);
  const http = new HttpClient(server.url);
  const organizer = await createOrganizer(http, env);
  const { fairId, booth } = await liveFairWithApprovedBooth(http, organizer);
  const posting = await http.get(`/fairs/${fairId}/postings`);
  const postingId: string = posting.body.items[0].id;
  const seeker = await registerUser(http, 'seeker');
  const staff = booth.recruiter;

  console.log(`request cost: ${machine()}; each case sent one request at a time; CPU = the server process's user + system time`);
  const rows: [Case, Figures][] = [];
  for (const c of cases({ fairId, postingId, staff, seeker })) {
    const n = c.name.startsWith('normal') ? Number(args['normal-requests']) : Number(args.requests);
    rows.push([c, await measure(server.url, server.child.pid!, c, n)]);
  }
  const base = rows.find(([c]) => c.baseline)![1];
  const header = `${pad('case', 46)} ${lpad('body KB', 8)} ${lpad('status', 6)} ${lpad('p50 ms', 8)} ${lpad('p99 ms', 8)} ${lpad('CPU ms/req', 10)} ${lpad('CPU vs normal', 13)}`;
  console.log(`\n${header}\n${'-'.repeat(header.length)}`);
  for (const [c, f] of rows) {
    console.log(
      `${pad(c.name, 46)} ${lpad((f.bytes / 1024).toFixed(0), 8)} ${lpad(String(f.status), 6)} ${lpad(ms(f.p50), 8)} ${lpad(ms(f.p99), 8)} ${lpad(ms(f.cpuPerRequest), 10)} ${lpad(ratio(f.cpuPerRequest, base.cpuPerRequest), 13)}`,
    );
  }
  const worst = rows.filter(([c]) => !c.name.startsWith('normal')).sort((a, b) => b[1].cpuPerRequest - a[1].cpuPerRequest)[0]!;
  console.log(
    `\nworst case: ${worst[0].name}: ${ms(worst[1].cpuPerRequest)} ms CPU per request (${ratio(worst[1].cpuPerRequest, base.cpuPerRequest)} the normal write's ${ms(base.cpuPerRequest)} ms), p50 ${ms(worst[1].p50)} ms`,
  );
}, s);
