/**
 * How fast does Bisang settle a burst of coaching booking requests, and how late do its reminders fire
 * while it does?
 *
 * Two runs on one throwaway database and Redis prefix, one after the other:
 *   - bare:   a bare BullMQ Worker (bench/coaching-bookings.bare-worker.ts: no Nest, no TypeORM, no HTTP)
 *             making the same SQL decision per job (same transaction and lock statements); this script
 *             records each request (the same INSERT) and enqueues its job directly;
 *   - bisang: the real API and worker processes (dist/apps/api, dist/apps/worker), requests over HTTP.
 * Each run: R bookings whose 1-hour reminder falls due within a short window are confirmed first; then,
 * as that window opens, N seekers each request one of S slots, all at once. Printed: settled bookings per
 * second and request-to-settled p50/p99 (settled = the worker's decision time, `decided_at`), reminder
 * lateness p50/p99 (BullMQ `processedOn` minus the moment the reminder was due), and the ratio
 * bisang/bare. At the end the booking invariants are checked with SQL over the whole table.
 *
 * Usage: `npm run bench:coaching-bookings [-- --seekers 1000 --slots 100 --reminders 200 --window 5]`
 * Needs PostgreSQL and Redis (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres;
 * REDIS_URL, default redis://127.0.0.1:6379).
 */
import 'reflect-metadata';
import { ChildProcess, fork, spawn } from 'node:child_process';
import { once } from 'node:events';
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { cpus } from 'node:os';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { Client, Pool } from 'pg';
import { JwtService } from '@nestjs/jwt';
import { TokenService } from '@bisang/auth';
import { AppConfig, validateEnv } from '@bisang/config';
import { dropDatabase, migrateDatabase } from '@bisang/database';
import { QUEUE_OF, jobIds } from '@bisang/queues';
import { bookingInvariantViolations } from '../test/coaching-invariants';

/** The repository root (this file runs from dist/bench/). */
const ROOT = join(__dirname, '..', '..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
};

interface Options {
  seekers: number;
  slots: number;
  reminders: number;
  windowMs: number;
  concurrency: number;
}

interface Person {
  id: string;
  token: string;
}

interface RunData {
  fairId: string;
  seekers: Person[];
  burstSlots: string[];
  reminderSeekers: Person[];
  reminderSlots: { id: string; dueAt: number }[];
}

interface RunResult {
  target: string;
  settledPerSecond: number;
  p50: number;
  p99: number;
  confirmed: number;
  rejected: number;
  reminderP50: number;
  reminderP99: number;
  reminderMax: number;
  remindersFired: number;
  /** CPU time of the serving processes (and of this one, which makes the bare run's requests) per settled burst booking. */
  cpuPerBooking: Record<string, number>;
}

/** Everything a run needs, written straight in SQL; tokens signed by the product's own TokenService. */
async function seed(db: Pool, tokens: TokenService, opts: Options, reminderWindowStart: number): Promise<RunData> {
  const tag = randomBytes(4).toString('hex');
  const fair = await db.query(
    `INSERT INTO fairs (slug, title, timezone, starts_at, ends_at, hiring_target, max_upcoming_coaching_per_seeker, status, published_at)
     VALUES ($1, '벤치마크 박람회', 'Asia/Seoul', now() - interval '1 day', now() + interval '30 days', 150, 2, 'live', now()) RETURNING id`,
    [`bench-${tag}`],
  );
  const fairId: string = fair.rows[0].id;
  let batch = 0;
  const people = async (role: 'seeker' | 'coach', count: number): Promise<Person[]> => {
    batch++;
    const res = await db.query(
      `INSERT INTO users (email, password_hash, name, role, birth_date)
       SELECT 'bench.' || $1 || '.' || $2 || '.' || $4 || '.' || i || '@bench.bisang.kr', 'no-login', '벤치 ' || i, $2, CASE WHEN $2 = 'seeker' THEN date '1999-04-01' END
         FROM generate_series(1, $3::int) AS i RETURNING id`,
      [tag, role, count, batch],
    );
    return Promise.all(res.rows.map(async (r: { id: string }) => ({ id: r.id, token: await tokens.signAccess({ id: r.id, role }, randomUUID()) })));
  };
  const perCoach = 25;
  const coaches = await people('coach', Math.ceil(opts.slots / perCoach));
  const first = new Date(Date.now() + 48 * 3600_000);
  first.setUTCMinutes(0, 0, 0);
  const burst = await db.query(
    `INSERT INTO coaching_slots (fair_id, coach_id, starts_at, ends_at)
     SELECT $1, ($2::uuid[])[1 + (i / $4)], $3::timestamptz + (i % $4) * interval '30 minutes', $3::timestamptz + ((i % $4) + 1) * interval '30 minutes'
       FROM generate_series(0, $5::int - 1) AS i RETURNING id`,
    [fairId, coaches.map((c) => c.id), first, perCoach, opts.slots],
  );
  // One coach per reminder slot: the slots start within a few seconds of each other.
  const reminderCoaches = await people('coach', opts.reminders);
  const dues = reminderCoaches.map((_, i) => reminderWindowStart + Math.round((i * opts.windowMs) / opts.reminders));
  const reminderSlots = await db.query(
    `INSERT INTO coaching_slots (fair_id, coach_id, starts_at, ends_at)
     SELECT $1, c, to_timestamp(d / 1000.0) + interval '60 minutes', to_timestamp(d / 1000.0) + interval '90 minutes'
       FROM unnest($2::uuid[], $3::float8[]) AS t(c, d) RETURNING id, starts_at AS "startsAt"`,
    [fairId, reminderCoaches.map((c) => c.id), dues],
  );
  // Every coach is approved for the fair, as an organizer would (slots of coaches not approved are not bookable).
  await db.query(
    `INSERT INTO fair_coaches (fair_id, coach_id, status, approved_at) SELECT $1, unnest($2::uuid[]), 'approved', now()`,
    [fairId, [...coaches, ...reminderCoaches].map((c) => c.id)],
  );
  return {
    fairId,
    seekers: await people('seeker', opts.seekers),
    burstSlots: burst.rows.map((r: { id: string }) => r.id),
    reminderSeekers: await people('seeker', opts.reminders),
    reminderSlots: reminderSlots.rows.map((r: { id: string; startsAt: Date }) => ({ id: r.id, dueAt: r.startsAt.getTime() - 3600_000 })),
  };
}

/** What a request records before its decision is queued: the product's INSERT (CoachingBookingsRepository.recordRequest). */
async function recordPending(db: Pool, slotId: string, seekerId: string): Promise<string> {
  const res = await db.query(
    `INSERT INTO coaching_bookings (slot_id, seeker_id, coach_id, fair_id, kind, starts_at, ends_at, idempotency_key, request_hash, replaces_booking_id)
     SELECT id, $2, coach_id, fair_id, kind, starts_at, ends_at, NULL, 'bench', NULL FROM coaching_slots WHERE id = $1
     RETURNING id`,
    [slotId, seekerId],
  );
  return res.rows[0].id;
}

async function waitSettled(db: Pool, ids: string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await db.query(`SELECT count(*)::int AS n FROM coaching_bookings WHERE id = ANY($1::uuid[]) AND status = 'pending'`, [ids]);
    if (res.rows[0].n === 0) return;
    if (Date.now() > deadline) throw new Error(`${res.rows[0].n} bookings still pending after ${timeoutMs} ms`);
    await sleep(50);
  }
}

/** Settled/s and request-to-settled latencies of a burst, from the worker's decision times. */
async function burstFigures(db: Pool, sentAt: Map<string, number>, burstStart: number) {
  const res = await db.query(
    `SELECT id, status, (extract(epoch FROM decided_at) * 1000)::float8 AS decided FROM coaching_bookings WHERE id = ANY($1::uuid[])`,
    [[...sentAt.keys()]],
  );
  const rows = res.rows as { id: string; status: string; decided: number }[];
  const latencies = rows.map((r) => r.decided - sentAt.get(r.id)!);
  const last = Math.max(...rows.map((r) => r.decided));
  return {
    settledPerSecond: rows.length / ((last - burstStart) / 1000),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    confirmed: rows.filter((r) => r.status === 'confirmed').length,
    rejected: rows.filter((r) => r.status === 'rejected').length,
  };
}

/** How late each reminder job started, against the moment it was due; waits until every one has run. */
async function reminderLateness(queue: Queue, jobIdOf: (bookingId: string) => string, reminders: { bookingId: string; dueAt: number }[]) {
  const deadline = Date.now() + 60_000;
  const lateness: number[] = [];
  for (const r of reminders) {
    for (;;) {
      const job = await queue.getJob(jobIdOf(r.bookingId));
      if (job?.processedOn) {
        lateness.push(job.processedOn - r.dueAt);
        break;
      }
      if (Date.now() > deadline) throw new Error(`reminder ${jobIdOf(r.bookingId)} never ran`);
      await sleep(50);
    }
  }
  return { reminderP50: percentile(lateness, 50), reminderP99: percentile(lateness, 99), reminderMax: Math.max(...lateness), remindersFired: lateness.length };
}

/** CPU time (user + system, ms) a process has used so far, from /proc (Linux). */
async function cpuMsOf(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}
const CLOCK_TICKS = 100;

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as { port: number }).port;
  server.close();
  return port;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await Promise.race([exited, sleep(15_000).then(() => child.kill('SIGKILL'))]);
}

/** A built Bisang app on its own port, answering /health. */
async function startApp(main: string, env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, main)], { cwd: ROOT, env: { ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && child.exitCode === null) {
    const ok = await fetch(`${url}/health`).then((r) => r.status === 200, () => false);
    if (ok) return { child, url };
    await sleep(200);
  }
  throw new Error(`${main} did not become healthy`);
}

interface Context {
  db: Pool;
  tokens: TokenService;
  opts: Options;
  databaseUrl: string;
  redisUrl: string;
  prefix: string;
  jwtSecret: string;
}

/** Confirms the reminder bookings, then fires the burst as their reminders fall due; the target supplies how a request is made. */
async function runScenario(
  ctx: Context,
  target: string,
  request: (seeker: Person, slotId: string) => Promise<string>,
  queue: Queue,
  remindJobId: (bookingId: string) => string,
  processes: Record<string, number>,
): Promise<RunResult> {
  // Time to seed and confirm the reminder bookings before the burst (generous: the machine may be shared).
  const leadMs = 10_000 + ctx.opts.reminders * 25;
  const burstAt = Date.now() + leadMs;
  const data = await seed(ctx.db, ctx.tokens, ctx.opts, burstAt + 500);

  const reminderIds = await Promise.all(data.reminderSlots.map((s, i) => request(data.reminderSeekers[i], s.id)));
  await waitSettled(ctx.db, reminderIds, 30_000);
  const confirmedAt = Date.now();
  if (confirmedAt > burstAt) throw new Error(`setting up the reminders took too long (${confirmedAt - burstAt} ms past the burst); the figures would be wrong`);
  const confirmed = await ctx.db.query(`SELECT count(*)::int AS n FROM coaching_bookings WHERE id = ANY($1::uuid[]) AND status = 'confirmed'`, [reminderIds]);
  if (confirmed.rows[0].n !== reminderIds.length) throw new Error('not every reminder booking was confirmed');
  await sleep(burstAt - Date.now());

  process.stderr.write(`  ${target}: burst of ${ctx.opts.seekers} requests …\n`);
  const sentAt = new Map<string, number>();
  const cpuBefore = await cpuOf(processes);
  const burstStart = Date.now();
  await Promise.all(
    data.seekers.map(async (seeker, k) => {
      const sent = Date.now();
      const id = await request(seeker, data.burstSlots[k % data.burstSlots.length]);
      sentAt.set(id, sent);
    }),
  );
  await waitSettled(ctx.db, [...sentAt.keys()], 180_000);
  const cpuAfter = await cpuOf(processes);
  const cpuPerBooking = Object.fromEntries(Object.keys(processes).map((name) => [name, (cpuAfter[name] - cpuBefore[name]) / sentAt.size]));
  const figures = await burstFigures(ctx.db, sentAt, burstStart);
  const reminders = await reminderLateness(
    queue,
    remindJobId,
    reminderIds.map((bookingId, i) => ({ bookingId, dueAt: data.reminderSlots[i].dueAt })),
  );
  return { target, ...figures, ...reminders, cpuPerBooking };
}

async function cpuOf(processes: Record<string, number>): Promise<Record<string, number>> {
  const entries = await Promise.all(Object.entries(processes).map(async ([name, pid]) => [name, await cpuMsOf(pid)] as const));
  return Object.fromEntries(entries);
}

async function runBare(ctx: Context): Promise<RunResult> {
  const prefix = `${ctx.prefix}-bare`;
  const queueName = 'bench-coaching';
  const child = fork(join(__dirname, 'coaching-bookings.bare-worker.js'), [], {
    execArgv: [],
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      DATABASE_URL: ctx.databaseUrl,
      REDIS_URL: ctx.redisUrl,
      BENCH_PREFIX: prefix,
      BENCH_QUEUE: queueName,
      CONCURRENCY: String(ctx.opts.concurrency),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await once(child, 'message');
  const queue = new Queue(queueName, { connection: { url: ctx.redisUrl, maxRetriesPerRequest: null }, prefix });
  const reminders = new Queue(`${queueName}-schedule`, { connection: { url: ctx.redisUrl, maxRetriesPerRequest: null }, prefix });
  try {
    const request = async (seeker: Person, slotId: string) => {
      const id = await recordPending(ctx.db, slotId, seeker.id);
      await queue.add('decide', { bookingId: id }, { jobId: `decide-${id}`, attempts: 5, backoff: { type: 'exponential', delay: 500 } });
      return id;
    };
    return await runScenario(ctx, 'bare BullMQ worker', request, reminders, (id) => `remind-60-${id}`, {
      worker: child.pid!,
      'bench (requests)': process.pid,
    });
  } finally {
    await Promise.all([queue.close(), reminders.close()]);
    await stop(child);
  }
}

async function runBisang(ctx: Context): Promise<RunResult> {
  const prefix = `${ctx.prefix}-bisang`;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    DATABASE_URL: ctx.databaseUrl,
    REDIS_URL: ctx.redisUrl,
    REDIS_PREFIX: prefix,
    JWT_SECRET: ctx.jwtSecret,
    AUTH_RATE_LIMIT: '0',
    RATE_LIMITS: 'off',
    LOG_LEVEL: 'warn',
    WORKER_CONCURRENCY: String(ctx.opts.concurrency),
    STATE_DIR: `/tmp/bisang-bench-${prefix}`,
  };
  const [api, worker] = await Promise.all([startApp('dist/apps/api/src/main.js', env), startApp('dist/apps/worker/src/main.js', env)]);
  const queue = new Queue(QUEUE_OF['coaching.remind'], { connection: { url: ctx.redisUrl, maxRetriesPerRequest: null }, prefix: `${prefix}:bull` });
  try {
    const request = async (seeker: Person, slotId: string) => {
      const res = await fetch(`${api.url}/api/v1/coaching/bookings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${seeker.token}` },
        body: JSON.stringify({ slotId }),
      });
      const body = (await res.json()) as { id: string };
      if (res.status !== 201 && res.status !== 202) throw new Error(`booking request: ${res.status} ${JSON.stringify(body)}`);
      return body.id;
    };
    return await runScenario(ctx, 'bisang (HTTP, Nest)', request, queue, (id) => jobIds.remind(id, 60), {
      worker: worker.child.pid!,
      api: api.child.pid!,
      'bench (requests)': process.pid,
    });
  } finally {
    await queue.close();
    await Promise.all([stop(api.child), stop(worker.child)]);
  }
}

const f0 = (n: number) => Math.round(n).toLocaleString('en-US');
const f1 = (n: number) => n.toFixed(1);

function print(rows: RunResult[], opts: Options): void {
  const header = `${'target'.padEnd(22)} ${'settled/s'.padStart(9)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'confirmed'.padStart(9)} ${'rejected'.padStart(8)}   ${'reminder lateness p50 / p99 / max ms (n)'}`;
  console.log(header);
  console.log('-'.repeat(header.length));
  for (const r of rows) {
    console.log(
      `${r.target.padEnd(22)} ${f1(r.settledPerSecond).padStart(9)} ${f0(r.p50).padStart(8)} ${f0(r.p99).padStart(8)} ${String(r.confirmed).padStart(9)} ${String(r.rejected).padStart(8)}` +
        `   ${f0(r.reminderP50)} / ${f0(r.reminderP99)} / ${f0(r.reminderMax)} (${r.remindersFired})`,
    );
  }
  const [bare, bisang] = rows;
  console.log('\nCPU ms per burst request (user + system):');
  for (const r of rows) {
    console.log(`  ${r.target.padEnd(22)} ${Object.entries(r.cpuPerBooking).map(([name, v]) => `${name} ${v.toFixed(2)}`).join('   ')}`);
  }
  console.log('');
  console.log(`bisang / bare: settled/s ${(bisang.settledPerSecond / bare.settledPerSecond).toFixed(2)}× (target ≥ 0.5)` +
    `   p50 ${(bisang.p50 / bare.p50).toFixed(2)}×   p99 ${(bisang.p99 / bare.p99).toFixed(2)}×`);
  console.log(`bisang reminder lateness p99: ${f0(bisang.reminderP99)} ms (target < 1,000 ms), ${opts.reminders} reminders due within ${opts.windowMs / 1000} s of the burst`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seekers: { type: 'string', default: '1000' },
      slots: { type: 'string', default: '100' },
      reminders: { type: 'string', default: '200' },
      window: { type: 'string', default: '5' },
      concurrency: { type: 'string', default: '16' },
    },
    strict: true,
  });
  const opts: Options = {
    seekers: Number(values.seekers),
    slots: Number(values.slots),
    reminders: Number(values.reminders),
    windowMs: Number(values.window) * 1000,
    concurrency: Number(values.concurrency),
  };
  const id = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const base = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  base.pathname = `/bisang_bench_${id}`;
  const databaseUrl = base.toString();
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const jwtSecret = randomBytes(32).toString('base64url');
  const cpu = cpus();
  console.log(`coaching bookings benchmark — Node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}`);
  console.log(
    `${opts.seekers} seekers request one of ${opts.slots} slots each, all at once; ${opts.reminders} confirmed bookings have their ` +
      `1-hour reminder due within ${opts.windowMs / 1000} s of the burst's start; worker concurrency ${opts.concurrency}; one worker process each\n`,
  );

  await migrateDatabase(databaseUrl);
  const db = new Pool({ connectionString: databaseUrl, max: 20 });
  const ctx: Context = {
    db,
    tokens: new TokenService(new JwtService(), new AppConfig(validateEnv({ JWT_SECRET: jwtSecret }))),
    opts,
    databaseUrl,
    redisUrl,
    prefix: `bb_${id}`,
    jwtSecret,
  };
  try {
    const rows = [await runBare(ctx), await runBisang(ctx)];
    console.log('');
    print(rows, opts);
    const check = new Client({ connectionString: databaseUrl });
    await check.connect();
    const violations = await bookingInvariantViolations(check);
    await check.end();
    const bad = Object.entries(violations).filter(([, v]) => v.length);
    console.log(`\ninvariants (SQL over the whole table): ${bad.length ? `VIOLATED ${JSON.stringify(Object.fromEntries(bad))}` : 'hold'}`);
    if (bad.length) process.exitCode = 1;
  } finally {
    await db.end();
    await dropDatabase(databaseUrl);
    const redis = new Redis(redisUrl);
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${ctx.prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.unlink(...keys);
    } while (cursor !== '0');
    redis.disconnect();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
