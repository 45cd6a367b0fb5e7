/**
 * `npm run drill -- --scale S --seed N`: the fair drill. A whole fair on a scaled clock (one fair-day per
 * `--day-seconds` real seconds), on two API nodes, two realtime nodes and two workers behind round-robin balancers,
 * one PostgreSQL database and one Redis of its own; simulated organizer, recruiters, coaches and seekers (seeded,
 * through the public HTTP and socket.io surface only); injected faults; and a verdict table, printed last, with a
 * non-zero exit when any check fails. See README "Fair drill".
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { Client } from 'pg';
import type { FeedEvent } from '@bisang/contracts';
import { ClockSettings, clockFromEnv, configureClock, nowMs as fairNowMs } from '@bisang/common';
import { dropDatabase, migrateDatabase } from '@bisang/database';
import { freePort } from '@bisang/testing';
import { RoundRobinBalancer } from './balancer';
import { DRILL_CHECKS, DoneTruth, DrillContext, VerdictRow } from './checks';
import { DrillHttp, FeedClient, Metrics } from './client';
import { MailSink, Node, PrivateRedis, Role, TICKS_PER_SECOND, createOrganizerAccount, machineTicks } from './cluster';
import { loadFair } from './my-fair';
import { DAY_MS, FAIR_START, FAIR_TIMEZONE, HOUR_MS, Plan, PlanApplication, PlanBooking, PlanChat, PlanCompany, PlanSeeker, SLOTS_PER_DAY, SLOT_FIRST_HOUR, makePlan, moveTick, slotStart } from './plan';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const PASSWORD = 'drill-Passw0rd-42';

export interface DrillFlags {
  scale: number;
  seed: number;
  days: number;
  daySeconds: number;
  faults: boolean;
  keep: boolean;
  concurrency: number;
  /** `separate`: 2 API + 2 realtime + 2 worker processes; `combined`: 2 all-in-one processes (API + realtime + worker each). */
  topology: 'separate' | 'combined';
  /** Staff moves per fair-day (1: one stage a day; a two-day drill moves more often so that hires still happen). */
  movesPerDay: number;
  /** "My fair": the id or slug of a fair to rehearse, the database to read it from, and the number of seekers. */
  fair?: { idOrSlug: string; from: string; seekers: number; daysGiven: boolean };
}

const USAGE = `npm run drill -- [--scale S] [--seed N] [--days D] [--day-seconds X] [--no-faults] [--keep] [--concurrency C]
  --scale        population: 1 = ten times the seed city (1,500 companies, 4,500 postings, 15,000 seekers, 50 coaches); default 1
  --seed         PRNG seed: the same seed and options give the same plan; default 1
  --days         fair-days; default 50
  --day-seconds  real seconds per fair-day; default 15 × scale, at least 6
  --no-faults    no injected faults (a capacity rehearsal)
  --keep         keep the drill's database (bisang_drill_<seed>_<pid>) for a look afterwards
  --concurrency  simulated users' requests in flight at once; default 24
  --topology     separate (2 API + 2 realtime + 2 worker processes; default) or combined (2 all-in-one processes, each
                 an API, realtime and worker node: a third of the start-up cost, for the test suite's small drill)
  --moves-per-day  staff moves per fair-day; default 1 (2 days or fewer: 4, so that applications reach hires)
  --fair         "my fair": rehearse this fair (id or slug): its configuration, booths and postings, read from
                 --from URL (default DATABASE_URL), with --seekers N seekers (default 1000), without faults
  --from         the database to read --fair from
  --seekers      my fair's population; default 1000`;

export function parseFlags(argv: string[]): DrillFlags {
  const get = (name: string) => {
    const i = argv.indexOf(name);
    if (i < 0) return undefined;
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new Error(`${name} needs a value\n${USAGE}`);
    return v;
  };
  const num = (name: string, dflt: number, ok: (n: number) => boolean) => {
    const v = get(name);
    if (v === undefined) return dflt;
    const n = Number(v);
    if (!Number.isFinite(n) || !ok(n)) throw new Error(`${name}: bad value "${v}"\n${USAGE}`);
    return n;
  };
  const known = new Set(['--scale', '--seed', '--days', '--day-seconds', '--no-faults', '--keep', '--concurrency', '--topology', '--moves-per-day', '--fair', '--from', '--seekers', '--help']);
  for (const a of argv) if (a.startsWith('--') && !known.has(a)) throw new Error(`unknown option ${a}\n${USAGE}`);
  if (argv.includes('--help')) {
    console.log(USAGE);
    process.exit(0);
  }
  const fair = get('--fair');
  const seekers = num('--seekers', 1000, (n) => Number.isInteger(n) && n >= 1 && n <= 200_000);
  // my fair: the population decides the default pace, as the scale does (15,000 seekers = scale 1)
  const scale = fair ? seekers / 15_000 : num('--scale', 1, (n) => n > 0 && n <= 10);
  const topology = get('--topology') ?? 'separate';
  if (topology !== 'separate' && topology !== 'combined') throw new Error(`--topology: bad value "${topology}"\n${USAGE}`);
  const days = num('--days', 50, (n) => Number.isInteger(n) && n >= 2 && n <= 120);
  return {
    scale,
    seed: num('--seed', 1, (n) => Number.isInteger(n) && n >= 0),
    days,
    daySeconds: num('--day-seconds', Math.max(6, 15 * scale), (n) => n >= 1 && n <= 600),
    faults: !fair && !argv.includes('--no-faults'),
    keep: argv.includes('--keep'),
    concurrency: num('--concurrency', 24, (n) => Number.isInteger(n) && n >= 1 && n <= 500),
    topology,
    movesPerDay: num('--moves-per-day', days <= 2 ? 4 : 1, (n) => Number.isInteger(n) && n >= 1 && n <= 24),
    ...(fair
      ? {
          fair: {
            idOrSlug: fair,
            from: get('--from') ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/bisang',
            seekers,
            daysGiven: argv.includes('--days'),
          },
        }
      : {}),
  };
}

/** Runs `tasks` with at most `limit` in flight. */
async function pool<T>(items: T[], limit: number, run: (t: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await run(items[next++]);
    }),
  );
}

/** Stops the drill's processes and removes its database when the drill itself is interrupted. */
let emergencyCleanup: (() => Promise<void>) | undefined;

const log = (msg: string) => console.error(`[drill ${new Date().toISOString().slice(11, 19)}] ${msg}`);

export async function runDrill(flagsGiven: DrillFlags): Promise<{ rows: VerdictRow[]; ok: boolean }> {
  let flags = flagsGiven;
  const wallStart = Date.now();
  const mine = flags.fair ? await loadFair(flags.fair.from, flags.fair.idOrSlug, { seekers: flags.fair.seekers }) : undefined;
  const my = flags.fair;
  if (mine && my) {
    // the fair's own length, unless --days says otherwise
    if (!my.daysGiven) flags = { ...flags, days: Math.min(120, mine.days), movesPerDay: mine.days <= 2 ? 4 : flags.movesPerDay };
    log(`my fair: "${mine.title}" (${mine.slug}), ${mine.days} days, ${mine.source.companies.length} booths, ${mine.source.companies.reduce((n, c) => n + c.postings.length, 0)} postings; ${my.seekers} seekers, ${mine.source.coaches} coaches; no faults (a capacity rehearsal)`);
  }
  const plan = makePlan({ scale: flags.scale, seed: flags.seed, days: flags.days, faults: flags.faults, movesPerDay: flags.movesPerDay, fair: mine?.source });
  log(
    `plan (seed ${flags.seed}, scale ${flags.scale}): ${plan.companies.length} companies, ${plan.postings.length} postings, ${plan.seekers.length} seekers, ` +
      `${plan.coaches} coaches, ${plan.applications.length} applications, ${plan.bookings.length} booking requests, ${plan.chats.length} booth-chat queuers, ${plan.feedClients} feed clients; ` +
      `${flags.days} fair-days × ${flags.daySeconds} s, ${flags.topology} topology; faults: ${plan.faults.map((f) => `${f.kind}@day ${f.at.toFixed(1)}`).join(', ') || 'none'}`,
  );

  // --- the drill's own database, Redis and mail sink ---------------------------------------------------------
  const tag = `${flags.seed}_${process.pid}`;
  const dbUrl = new URL(process.env.DRILL_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  dbUrl.pathname = `/bisang_drill_${tag}`;
  const stateDir = `/tmp/bisang-drill-${tag}`;
  mkdirSync(stateDir, { recursive: true });
  const redis = new PrivateRedis(`${stateDir}/redis`);
  const sink = new MailSink();
  const cleanups: (() => Promise<unknown>)[] = [];
  const nodes: Node[] = [];
  const balancers: RoundRobinBalancer[] = [];
  const clients: FeedClient[] = [];
  let db: Client | undefined;
  emergencyCleanup = async () => {
    for (const c of [...cleanups].reverse()) await c().catch(() => undefined);
    rmSync(stateDir, { recursive: true, force: true });
  };
  try {
    await redis.start();
    cleanups.push(() => redis.stop());
    await sink.start();
    cleanups.push(() => sink.stop());
    const rate = DAY_MS / (flags.daySeconds * 1000);
    const jwtSecret = randomBytes(32).toString('hex');
    const baseEnv: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      JWT_SECRET: jwtSecret,
      JWT_ACCESS_TTL_SECONDS: '86400',
      DATABASE_URL: dbUrl.toString(),
      REDIS_URL: redis.url,
      REDIS_PREFIX: `drill_${tag}`,
      STATE_DIR: stateDir,
      STORAGE_DIR: `${stateDir}/uploads`,
      AUTH_RATE_LIMIT: '0',
      RATE_LIMITS: 'off',
      LOG_LEVEL: 'error',
      SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
      MAIL_FROM: 'Bisang Drill <drill@bisang.test>',
      EMAIL_VERIFICATION: 'off',
      PUBLIC_URL: 'http://127.0.0.1',
      EVENT_LEASE_MS: '2000',
    };
    log(`database ${dbUrl.pathname.slice(1)}, private redis on ${redis.port}, SMTP sink on ${sink.port}`);
    // In this process (the drill runs from dist/ too): one Node start-up less than the CLI.
    await migrateDatabase(dbUrl.toString());
    cleanups.push(async () => {
      if (flags.keep) log(`kept database ${dbUrl.toString()}`);
      else await dropDatabase(dbUrl.toString());
    });
    const organizerEmail = `organizer.${tag}@drill.bisang.test`;
    // The organizer's account (the CLI: organizers cannot self-register) is made while the nodes start.
    const organizerMade = createOrganizerAccount(baseEnv, organizerEmail, PASSWORD);

    // --- the scaled clock: every process boots on a held clock (fair time = one day before the fair opens) and the
    // drill starts it for all at once, after the set-up, by writing the real start instant into the start file.
    // The lead before the fair opens (the unloaded baseline runs in it): a quarter of a fair-day, at least 5 s.
    const leadMs = Math.min(DAY_MS, Math.max(6 * HOUR_MS, 5000 * rate));
    const epochMs = FAIR_START - leadMs;
    const startFile = `${stateDir}/clock-start`;
    const clockEnv = { CLOCK: 'scaled', CLOCK_EPOCH: new Date(epochMs).toISOString(), CLOCK_START_FILE: startFile, CLOCK_RATE: String(rate) };
    configureClock(clockFromEnv(clockEnv));
    // A cheaper password hash than production's: see libs/auth/src/password.ts (only on the scaled clock)
    const env = { ...baseEnv, ...clockEnv, PASSWORD_HASH: 'drill' };
    const roles: Role[] = flags.topology === 'combined' ? ['bisang', 'bisang'] : ['api', 'api', 'realtime', 'realtime', 'worker', 'worker'];
    for (const [i, role] of roles.entries()) {
      const n = nodes.filter((x) => x.role === role).length + 1;
      nodes.push(new Node(`${role}-${n}`, role, await freePort(), () => ({ ...env, WORKER_CONCURRENCY: role !== 'api' && role !== 'realtime' ? '8' : undefined }) as NodeJS.ProcessEnv));
      void i;
    }
    cleanups.push(() => Promise.all(nodes.map((n) => n.kill('SIGTERM'))));
    await Promise.all([...nodes.map((n) => n.start()), organizerMade]);
    const rssTimer = setInterval(() => {
      for (const n of nodes) n.sampleRss();
      redis.sampleRss();
    }, 1000);
    cleanups.push(async () => clearInterval(rssTimer));
    const serving = (role: Role) => nodes.filter((n) => n.role === role || n.role === 'bisang').map((n) => n.port);
    const apiLb = new RoundRobinBalancer('api', () => serving('api'));
    const rtLb = new RoundRobinBalancer('realtime', () => serving('realtime'));
    await apiLb.start(await freePort());
    await rtLb.start(await freePort());
    balancers.push(apiLb, rtLb);
    cleanups.push(() => Promise.all(balancers.map((b) => b.stop())));
    log(`${nodes.length} nodes up (api ${serving('api')}, realtime ${serving('realtime')}); balancers api :${apiLb.port}, realtime :${rtLb.port}`);

    db = new Client({ connectionString: dbUrl.toString() });
    await db.connect();
    const metrics = new Metrics();
    const http = new DrillHttp(apiLb.url, metrics);
    const done: DoneTruth = {
      registrations: 0,
      applications: 0,
      interviews: 0,
      hires: 0,
      youthHires: 0,
      regularHires: 0,
      professionalHires: 0,
      midCareerHires: 0,
      uturnHires: 0,
      moves: 0,
      keptBookings: new Set(),
      cancelledBookings: new Set(),
      contested: [],
      skipped: new Map(),
      unexpected: [],
      chats: [],
      chatsLeft: 0,
    };
    const skip = (why: string): void => void done.skipped.set(why, (done.skipped.get(why) ?? 0) + 1);
    const unexpected = (what: string, res: { status: number; body: unknown }): void => void done.unexpected.push(`${what}: ${res.status} ${JSON.stringify(res.body).slice(0, 120)}`);

    // --- organizer and fair -----------------------------------------------------------------------------------
    const login = await http.call('POST /auth/login', 'POST', '/auth/login', { body: { email: organizerEmail, password: PASSWORD } });
    if (login.status !== 200) throw new Error(`organizer login: ${login.status}`);
    const organizer = login.body.accessToken as string;
    const fairRes = await http.call('POST /fairs', 'POST', '/fairs', {
      token: organizer,
      body: {
        slug: `drill-${flags.seed}-${process.pid}`,
        title: mine ? `${mine.title} (리허설 / rehearsal)`.slice(0, 200) : `비상 채용박람회 드릴 (seed ${flags.seed})`,
        timezone: FAIR_TIMEZONE,
        startsAt: new Date(FAIR_START).toISOString(),
        endsAt: new Date(FAIR_START + flags.days * DAY_MS).toISOString(),
        hiringTarget: mine ? Math.max(1, mine.hiringTarget) : Math.max(1, plan.truth.hires),
        ...(mine
          ? {
              youthAgeMin: mine.youthAgeMin,
              youthAgeMax: mine.youthAgeMax,
              midCareerAgeMin: mine.midCareerAgeMin,
              professionalJobCategories: mine.professionalJobCategories,
              maxUpcomingCoachingPerSeeker: mine.maxUpcomingCoachingPerSeeker,
            }
          : {}),
      },
    });
    if (fairRes.status !== 201) throw new Error(`create fair: ${fairRes.status} ${JSON.stringify(fairRes.body)}`);
    const fairId = fairRes.body.id as string;
    // Published on the held clock: its opening job fires early at first and re-enqueues itself until the fair's start.
    const pub = await http.call('POST /fairs/:id/publish', 'POST', `/fairs/${fairId}/publish`, { token: organizer });
    if (pub.status !== 200) throw new Error(`publish fair: ${pub.status} ${JSON.stringify(pub.body)}`);

    // --- feed clients (visitors following the public feed from its first event) -------------------------------
    const publishSentAt = new Map<string, number>();
    const feedLatency: number[] = [];
    const onEvent = (e: FeedEvent, at: number) => {
      if (e.type !== 'posting.published') return;
      const sent = publishSentAt.get((e.data as { posting: { id: string } }).posting.id);
      if (sent !== undefined) feedLatency.push(Math.max(0, at - sent));
    };
    for (let i = 0; i < plan.feedClients; i++) clients.push(new FeedClient(i, rtLb.url, fairId, onEvent));
    cleanups.push(async () => clients.forEach((c) => c.close()));
    await pool(clients, 20, (c) => c.connect());
    log(`fair ${fairId} published; ${clients.length} feed clients joined`);

    // --- coaches: register, ask to join, approved, availability for every fair day ------------------------------
    const slotIds = new Map<string, string>(); // coach:day:idx → slot id
    const coaches: { id: string; token: string }[] = [];
    await pool(
      Array.from({ length: plan.coaches }, (_, i) => i),
      flags.concurrency,
      async (i) => {
        const reg = await register(http, `coach.${i}.${tag}@drill.bisang.test`, `코치 ${i + 1}`, 'coach');
        coaches[i] = reg;
        await http.call('POST /fairs/:id/coaches/me', 'POST', `/fairs/${fairId}/coaches/me`, { token: reg.token });
        const ok = await http.call('POST /fairs/:id/coaches/:id/approve', 'POST', `/fairs/${fairId}/coaches/${reg.id}/approve`, { token: organizer });
        if (ok.status !== 200) throw new Error(`approve coach: ${ok.status} ${JSON.stringify(ok.body)}`);
      },
    );
    done.registrations += plan.coaches;
    const availability = [];
    for (let d = 0; d < flags.days; d++) for (let c = 0; c < plan.coaches; c++) availability.push({ c, d });
    await pool(availability, flags.concurrency, async ({ c, d }) => {
      const from = slotStart(d, 0);
      const res = await http.call('POST /fairs/:id/coaching/availability', 'POST', `/fairs/${fairId}/coaching/availability`, {
        token: coaches[c].token,
        body: { startsAt: new Date(from).toISOString(), endsAt: new Date(from + SLOTS_PER_DAY * HOUR_MS).toISOString(), slotMinutes: 60 },
      });
      if (res.status !== 201) throw new Error(`availability: ${res.status} ${JSON.stringify(res.body)}`);
      for (const s of res.body.slots as { id: string; startsAt: string }[]) {
        const idx = Math.round((Date.parse(s.startsAt) - from) / HOUR_MS);
        slotIds.set(`${c}:${d}:${idx}`, s.id);
      }
    });
    log(`${plan.coaches} coaches approved, ${slotIds.size} slots published (fair time ${new Date(fairNowMs()).toISOString()})`);

    // --- start the clock -----------------------------------------------------------------------------------------
    const realStart = Date.now() + 100;
    writeFileSync(startFile, String(realStart));
    configureClock({ ...clockFromEnv(clockEnv), realStartMs: realStart } as ClockSettings);
    log(`clock started: one fair-day every ${flags.daySeconds} s; the fair opens in ${((leadMs / rate) / 1000).toFixed(1)} s`);

    // --- an unloaded baseline: the main routes, one call at a time, before the load starts ------------------------
    const baseline = new Metrics();
    const quiet = new DrillHttp(apiLb.url, baseline);
    for (let i = 0; i < 5; i++) {
      const me = await register(quiet, `baseline.${i}.${tag}@drill.bisang.test`, `기준 ${i + 1}`, 'seeker', '1999-05-05');
      done.registrations++;
      await quiet.call('PUT /me/profile', 'PUT', '/me/profile', { token: me.token, body: { region: '대구 중구', uTurn: false } });
    }
    for (let i = 0; i < 20; i++) {
      await quiet.call('GET /fairs/:id/postings', 'GET', `/fairs/${fairId}/postings?limit=20`);
      await quiet.call('GET /fairs/:id/feed', 'GET', `/fairs/${fairId}/feed?since=0&limit=100`);
      await quiet.call('GET /fairs/:id/coaching/slots', 'GET', `/fairs/${fairId}/coaching/slots?limit=20&available=true`);
    }

    // --- faults, at their fair moments ---------------------------------------------------------------------------
    const faultWindows: DrillContext['faultWindows'] = [];
    const faultRuns: Promise<void>[] = [];
    const realAt = (fairMs: number) => realStart + (fairMs - epochMs) / rate;
    let faultN = 0;
    // In the combined topology every node is an API, realtime and worker node at once: one SIGKILL of one of them
    // is the kill of each kind, made at the first of their moments (killing both in turn would leave no node up
    // while the first restarts).
    const kills = plan.faults.filter((f) => f.kind.startsWith('kill-'));
    const faultsToRun: { kind: string; at: number; covers: string[] }[] =
      flags.topology === 'combined' && kills.length
        ? [
            ...plan.faults.filter((f) => !f.kind.startsWith('kill-')).map((f) => ({ ...f, covers: [f.kind] })),
            { kind: 'kill-node', at: Math.min(...kills.map((f) => f.at)), covers: kills.map((f) => f.kind) },
          ]
        : plan.faults.map((f) => ({ ...f, covers: [f.kind] }));
    for (const fault of faultsToRun) {
      const n = faultN++;
      faultRuns.push(
        (async () => {
          await sleep(Math.max(0, realAt(FAIR_START + fault.at * DAY_MS) - Date.now()));
          const from = Date.now();
          let detail = '';
          // A node of the role; in the combined topology one that is not already restarting from another fault, if any.
          const pickNode = (role: string) => {
            const all = nodes.filter((x) => x.role === role || x.role === 'bisang');
            const idle = all.filter((x) => !x.restarting);
            return (idle.length ? idle : all)[(flags.seed + n) % (idle.length || all.length)];
          };
          switch (fault.kind) {
            case 'kill-node':
            case 'kill-worker':
            case 'kill-api':
            case 'kill-realtime': {
              const node = pickNode(fault.kind === 'kill-node' ? 'bisang' : fault.kind.slice(5));
              await node.restart(500);
              detail = `SIGKILL ${node.name}${node.role === 'bisang' ? ` (API + realtime + worker) at fair day ${fault.at.toFixed(2)}` : ''}, restarted in ${((Date.now() - from) / 1000).toFixed(1)} s`;
              break;
            }
            case 'restart-redis':
              await redis.restart();
              detail = `redis-server SHUTDOWN + start, down ${((Date.now() - from) / 1000).toFixed(1)} s`;
              break;
            case 'pg-storm': {
              // (in the select list, so that only the drill database's backends are terminated)
              const killed = await db!.query<{ pid: number; ok: boolean }>(
                `SELECT pid, pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
              );
              const pids = killed.rows.filter((r) => r.ok).map((r) => r.pid);
              // The storm lasts until the terminated backends have exited (on a loaded machine, not at once).
              while ((await db!.query(`SELECT 1 FROM pg_stat_activity WHERE pid = ANY($1::int[]) LIMIT 1`, [pids])).rowCount) await sleep(20);
              detail = `pg_terminate_backend × ${pids.length}, all gone in ${((Date.now() - from) / 1000).toFixed(1)} s`;
              break;
            }
            case 'cut-clients': {
              const cut = rtLb.cutAll();
              for (const c of clients) if (c.n % 3 === 0) c.bounce();
              detail = `${cut} socket connections cut at the balancer; a third of the clients also left and came back`;
              break;
            }
          }
          for (const kind of fault.covers) faultWindows.push({ kind, from, to: Date.now(), detail });
          log(`fault ${fault.kind} at fair day ${fault.at.toFixed(2)}: ${detail}`);
        })().catch((err) => {
          for (const kind of fault.covers) faultWindows.push({ kind, from: Date.now(), to: Date.now(), detail: `FAILED: ${(err as Error).message}` });
        }),
      );
    }

    // --- the fair, day by day ------------------------------------------------------------------------------------
    // CPU over the fair days, per process: where the two cores went (the rest of the machine is PostgreSQL, mostly)
    const cpuAt = () => {
      for (const n of nodes) n.sampleRss();
      redis.sampleRss();
      const own = process.cpuUsage();
      return { machine: machineTicks(), nodes: nodes.map((n) => n.cpuSeconds), redis: redis.cpuSeconds, drill: (own.user + own.system) / 1e6, requests: metrics.requests, at: Date.now() };
    };
    const cpuStart = cpuAt();
    const seekers: ({ id: string; token: string } | undefined)[] = [];
    const postingIds: (string | undefined)[] = [];
    const recruiters: ({ token: string } | undefined)[] = [];
    const boothIds: (string | undefined)[] = [];
    const appIds: (string | undefined)[] = [];
    let maxLagDays = 0;
    const appsByDay = groupBy(plan.applications, (a) => a.day);
    const P = flags.movesPerDay;
    const movesByTick = new Map<number, { app: PlanApplication; k: number }[]>();
    for (const app of plan.applications)
      app.moves.forEach((_, k) => {
        const t = moveTick(app, k, P);
        if (!movesByTick.has(t)) movesByTick.set(t, []);
        movesByTick.get(t)!.push({ app, k });
      });
    const seekersByDay = groupBy(plan.seekers, (s) => s.day);
    const companiesByDay = groupBy(plan.companies, (c) => c.day);
    const bookingsByDay = groupBy(plan.bookings.filter((b) => b.contends === null), (b) => b.bookDay);
    const contenders = new Map(plan.bookings.filter((b) => b.contends !== null).map((b) => [b.contends!, b]));
    const chatsByDay = groupBy(plan.chats, (c) => c.day);

    const endFair = FAIR_START + flags.days * DAY_MS;
    // The fair in ticks of 1/movesPerDay fair-day: a day's arrivals at its first tick, staff moves at every tick.
    for (let t = 0; t < flags.days * P; t++) {
      const d = Math.floor(t / P);
      const dayStart = FAIR_START + d * DAY_MS;
      const tickStart = FAIR_START + (t * DAY_MS) / P;
      const wait = realAt(tickStart) - Date.now();
      if (wait > 0) await sleep(wait);
      else maxLagDays = Math.max(maxLagDays, -wait / (flags.daySeconds * 1000));
      // An action the load reaches only after the fair closed is not made (and counted: the schedule check judges it).
      const over = (what: string) => {
        if (fairNowMs() < endFair - HOUR_MS) return false;
        skip(`${what}: fair over before the load reached it`);
        return true;
      };
      const first = t % P === 0;
      // The day's arrivals: seekers (then their bookings, a day or more before their slot with both reminders still
      // ahead) at the same time as the companies; applications and chats once both are there.
      const half = Math.max(1, Math.ceil(flags.concurrency / 2));
      await Promise.all([
        (async () => {
          await pool(first ? seekersByDay.get(d) ?? [] : [], half, async (s) => {
            seekers[s.idx] = await registerSeeker(http, s, tag);
            done.registrations++;
          });
          await pool(first ? bookingsByDay.get(d) ?? [] : [], half, async (b) => {
            await book(http, b, seekers, slotIds, contenders, done, skip, unexpected, flags.seed);
          });
        })(),
        pool(first ? companiesByDay.get(d) ?? [] : [], half, async (c) => {
          if (over('company')) return;
          await setUpCompany(http, c, fairId, organizer, tag, recruiters, boothIds, postingIds, publishSentAt, done, skip, unexpected);
        }),
      ]);
      await pool(first ? appsByDay.get(d) ?? [] : [], flags.concurrency, async (a) => {
        if (over('application')) return;
        const seeker = seekers[a.seekerIdx];
        const postingId = postingIds[a.postingIdx];
        if (!seeker || !postingId) return skip('application: posting or seeker missing');
        // a third of the applicants browse the postings first
        if (a.idx % 3 === 0) await http.call('GET /fairs/:id/postings', 'GET', `/fairs/${fairId}/postings?limit=20`, { token: seeker.token });
        const res = await http.call('POST /postings/:id/applications', 'POST', `/postings/${postingId}/applications`, { token: seeker.token, body: {} });
        if (res.status === 201) appIds[a.idx] = res.body.id;
        else if (res.status === 409 && res.body?.code === 'ALREADY_APPLIED' && res.retried) {
          const mine = await http.call('GET /me/applications', 'GET', `/me/applications?limit=100`, { token: seeker.token });
          appIds[a.idx] = (mine.body.items as { id: string; postingId: string }[]).find((x) => x.postingId === postingId)?.id;
        } else if (res.status === 409) {
          if (!done.skipped.has(`application: ${res.body?.code}`)) {
            const f = await http.call('GET /fairs/:id', 'GET', `/fairs/${fairId}`);
            log(`first ${res.body?.code} on fair day ${d} at fair time ${new Date(fairNowMs()).toISOString()}; fair status ${f.body?.status}`);
          }
          return skip(`application: ${res.body?.code}`);
        }
        else return unexpected('apply', res);
        if (appIds[a.idx]) done.applications++;
      });
      // Booth chat: a booth's queue is worked through in order (one booth's queuers one after another, booths at once).
      const chatsByBooth = [...groupBy(first ? chatsByDay.get(d) ?? [] : [], (c) => c.companyIdx).values()];
      await pool(chatsByBooth, flags.concurrency, async (list) => {
        for (const c of list) {
          if (over('chat')) return;
          await boothChat(http, c, seekers, recruiters, boothIds, done, skip, unexpected);
        }
      });
      // Staff moves, one stage a day per application, in the order of applications (a company works through its list).
      await pool(movesByTick.get(t) ?? [], flags.concurrency, async ({ app, k }) => {
        if (over('move')) return;
        const id = appIds[app.idx];
        const recruiter = recruiters[plan.postings[app.postingIdx].companyIdx];
        if (!id || !recruiter || (k > 0 && (app as PlanApplication & { stopped?: boolean }).stopped)) return skip('move: application missing');
        const to = app.moves[k];
        const res = await http.call('POST /applications/:id/status', 'POST', `/applications/${id}/status`, { token: recruiter.token, body: { status: to } });
        let ok = res.status === 200;
        if (!ok && res.status === 409 && res.retried) {
          const now = await http.call('GET /applications/:id', 'GET', `/applications/${id}`, { token: recruiter.token });
          ok = now.body?.status === to;
        }
        if (!ok) {
          (app as PlanApplication & { stopped?: boolean }).stopped = true;
          return unexpected(`move to ${to}`, res);
        }
        done.moves++;
        if (to === 'interview') done.interviews++;
        if (to === 'hired') {
          const posting = plan.postings[app.postingIdx];
          done.hires++;
          if (plan.seekers[app.seekerIdx].youth) done.youthHires++;
          else done.midCareerHires++;
          if (plan.seekers[app.seekerIdx].kind === 'u-turn') done.uturnHires++;
          if (posting.employmentType === 'regular') done.regularHires++;
          if (plan.professional.includes(posting.jobCategory)) done.professionalHires++;
        }
      });
      if (t % P === P - 1 && (d % Math.max(1, Math.round(flags.days / 10)) === 0 || d === flags.days - 1)) {
        const behind = (Date.now() - realAt(dayStart)) / (flags.daySeconds * 1000);
        log(`day ${d + 1}/${flags.days} done (${behind.toFixed(2)} fair-days after its start); ${metrics.requests} requests so far`);
      }
      maxLagDays = Math.max(maxLagDays, (Date.now() - realAt(tickStart + DAY_MS / P)) / (flags.daySeconds * 1000));
    }
    await Promise.all(faultRuns);
    const cpuEnd = cpuAt();

    // --- after the fair: wait for the close, the last sessions' auto-completion, then settle ---------------------
    const lastSlotEnd = Math.max(0, ...plan.bookings.map((b) => slotStart(b.slotDay, b.slotIdx) + HOUR_MS));
    const settleUntil = realAt(Math.max(endFair + HOUR_MS, lastSlotEnd + DAY_MS + HOUR_MS));
    log(`fair days done; waiting for the close and the last auto-completions (${Math.max(0, (settleUntil - Date.now()) / 1000).toFixed(0)} s)`);
    await sleep(Math.max(0, settleUntil - Date.now()));
    const settleBudgetMs = 90_000;
    const settle: DrillContext['settle'] = async (probe, holds) => {
      const deadline = Date.now() + settleBudgetMs;
      for (;;) {
        const v = await probe();
        if (holds(v) || Date.now() > deadline) return v;
        await sleep(500);
      }
    };
    const ctx: DrillContext = { plan, db, http, metrics, baseline, fairId, organizerToken: organizer, clients, done, faultWindows, mailsByMessageId: sink.received, settle, fairHourRealMs: HOUR_MS / rate };
    const rows: VerdictRow[] = [];
    for (const check of DRILL_CHECKS) {
      try {
        rows.push(...(await check(ctx)));
      } catch (err) {
        rows.push({ check: check.name, ok: false, detail: `check threw: ${(err as Error).message}` });
      }
    }
    const p = (xs: number[], q: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((q / 100) * xs.length))] : NaN);
    rows.push({ check: 'p99 feed delivery (posting published → client)', ok: true, info: true, detail: `${p(feedLatency, 99).toFixed(0)} ms (p50 ${p(feedLatency, 50).toFixed(0)} ms, n=${feedLatency.length})` });
    for (const n of nodes) n.sampleRss();
    redis.sampleRss();
    rows.push({
      check: 'peak RSS per process',
      ok: true,
      info: true,
      detail: [...nodes.map((n) => `${n.name} ${(n.peakRssKb / 1024).toFixed(0)} MB${n.restarts ? ` (×${n.restarts + 1} runs)` : ''}`), `redis ${(redis.peakRssKb / 1024).toFixed(0)} MB`].join(', '),
    });
    {
      const sec = (ticks: number) => ticks / TICKS_PER_SECOND;
      const busy = sec(cpuEnd.machine.busy - cpuStart.machine.busy);
      const cores = (cpuEnd.machine.total - cpuStart.machine.total) / TICKS_PER_SECOND / ((cpuEnd.at - cpuStart.at) / 1000);
      const parts = nodes.map((n, i) => ({ name: n.name, s: cpuEnd.nodes[i] - cpuStart.nodes[i] }));
      parts.push({ name: 'redis', s: cpuEnd.redis - cpuStart.redis }, { name: 'drill (users, balancers, SMTP sink)', s: cpuEnd.drill - cpuStart.drill });
      const ours = parts.reduce((a, x) => a + x.s, 0);
      parts.push({ name: 'rest of the machine (PostgreSQL, mostly)', s: Math.max(0, busy - ours) });
      const requests = cpuEnd.requests - cpuStart.requests;
      rows.push({
        check: 'CPU over the fair days, per process',
        ok: true,
        info: true,
        detail: `${busy.toFixed(0)} CPU-s busy of ${(((cpuEnd.at - cpuStart.at) / 1000) * cores).toFixed(0)} (${Math.round(cores)} cores × ${((cpuEnd.at - cpuStart.at) / 1000).toFixed(0)} s), ${requests ? ((busy * 1000) / requests).toFixed(1) : '–'} ms per request: ${parts
          .sort((a, b) => b.s - a.s)
          .map((x) => `${x.name} ${x.s.toFixed(0)} s`)
          .join(', ')}`,
      });
    }
    for (const f of plan.faults) {
      const w = faultWindows.find((x) => x.kind === f.kind);
      rows.push({ check: `fault ${f.kind} at fair day ${f.at.toFixed(2)}`, ok: !!w && !w.detail.startsWith('FAILED'), detail: w?.detail ?? 'never ran' });
    }
    const planned = plan.applications.reduce((n, a) => n + 1 + a.moves.length, 0) + plan.companies.length + plan.bookings.length;
    const late = [...done.skipped].filter(([k]) => /fair over|too late/.test(k)).reduce((n, [, v]) => n + v, 0);
    rows.push({
      check: 'schedule: the load kept up with the scaled clock (≤ 5 % of actions too late)',
      ok: late <= 0.05 * planned,
      detail: `${late} of ${planned} planned actions came too late; worst lag ${maxLagDays.toFixed(2)} fair-days; wall time ${((Date.now() - wallStart) / 1000).toFixed(0)} s for ${flags.days} fair-days at ${flags.daySeconds} s each`,
    });
    // Where the limits were (the figure an organizer's capacity rehearsal is for): throughput, whether the load kept
    // up with the clock, the slowest route and the one that degraded most against its unloaded figure, the heaviest process.
    const routes = [...metrics.latency.entries()]
      .filter(([, xs]) => xs.length >= 5)
      .map(([label, xs]) => {
        const quiet = baseline.latency.get(label);
        return { label, p99: p(xs, 99), ratio: quiet?.length ? p(xs, 99) / Math.max(1, p(quiet, 99)) : NaN };
      });
    const slowest = [...routes].sort((a, b) => b.p99 - a.p99)[0];
    const degraded = routes.filter((r) => Number.isFinite(r.ratio)).sort((a, b) => b.ratio - a.ratio)[0];
    const heaviest = [...nodes].sort((a, b) => b.peakRssKb - a.peakRssKb)[0];
    rows.push({
      check: 'capacity: where the limits were',
      ok: true,
      info: true,
      detail: [
        `${(metrics.requests / (flags.days * flags.daySeconds)).toFixed(1)} requests/s over the fair (${metrics.requests} requests from ${plan.seekers.length} seekers, ${plan.companies.length} booths)`,
        maxLagDays > 0.05 ? `the load fell up to ${maxLagDays.toFixed(2)} fair-days behind the clock: the first limit` : 'the load kept up with the clock',
        slowest ? `slowest route ${slowest.label} (p99 ${slowest.p99.toFixed(0)} ms)` : '',
        degraded ? `most degraded ${degraded.label} (p99 ×${degraded.ratio.toFixed(1)} the unloaded one)` : '',
        heaviest ? `heaviest process ${heaviest.name} (${(heaviest.peakRssKb / 1024).toFixed(0)} MB)` : '',
        `${metrics.errors.length} failed tries`,
      ]
        .filter(Boolean)
        .join('; '),
    });
    return { rows, ok: rows.every((r) => r.ok) };
  } finally {
    await db?.end().catch(() => undefined);
    for (const c of cleanups.reverse()) await c().catch((err) => log(`cleanup: ${(err as Error).message}`));
    rmSync(stateDir, { recursive: true, force: true });
  }
}

function groupBy<T>(xs: T[], key: (x: T) => number): Map<number, T[]> {
  const m = new Map<number, T[]>();
  for (const x of xs) {
    const k = key(x);
    if (!m.has(k)) m.set(k, []);
    m.get(k)!.push(x);
  }
  return m;
}

async function register(http: DrillHttp, email: string, name: string, role: string, birthDate?: string): Promise<{ id: string; token: string }> {
  const res = await http.call('POST /auth/register', 'POST', '/auth/register', { body: { email, password: PASSWORD, name, role, ...(birthDate ? { birthDate } : {}) } });
  if (res.status === 201) return { id: res.body.user.id, token: res.body.accessToken };
  if (res.status === 409) {
    const again = await http.call('POST /auth/login', 'POST', '/auth/login', { body: { email, password: PASSWORD } });
    if (again.status === 200) return { id: again.body.user.id, token: again.body.accessToken };
  }
  throw new Error(`register ${role}: ${res.status} ${JSON.stringify(res.body)}`);
}

async function registerSeeker(http: DrillHttp, s: PlanSeeker, tag: string): Promise<{ id: string; token: string }> {
  const me = await register(http, `seeker.${s.idx}.${tag}@drill.bisang.test`, `구직자 ${s.idx + 1}`, 'seeker', s.birthDate);
  const res = await http.call('PUT /me/profile', 'PUT', '/me/profile', {
    token: me.token,
    body: {
      education: s.kind === 'youth' ? 'bachelor' : 'high_school',
      desiredJobCategories: s.categories,
      region: s.region,
      uTurn: s.kind === 'u-turn',
      careerSummary: s.kind === 'mid-career' ? '제조업 생산관리 15년' : null,
    },
  });
  if (res.status !== 200) throw new Error(`profile: ${res.status} ${JSON.stringify(res.body)}`);
  return me;
}

async function setUpCompany(
  http: DrillHttp,
  c: PlanCompany,
  fairId: string,
  organizer: string,
  tag: string,
  recruiters: ({ token: string } | undefined)[],
  boothIds: (string | undefined)[],
  postingIds: (string | undefined)[],
  publishSentAt: Map<string, number>,
  done: DoneTruth,
  skip: (why: string) => void,
  unexpected: (what: string, res: { status: number; body: unknown }) => void,
): Promise<void> {
  const recruiter = await register(http, `recruiter.${c.idx}.${tag}@drill.bisang.test`, `채용담당 ${c.idx + 1}`, 'recruiter');
  done.registrations++;
  const company = await http.call('POST /companies', 'POST', '/companies', { token: recruiter.token, body: { name: c.name, region: c.region, industry: '제조' } });
  if (company.status !== 201) return unexpected('company', company);
  const booth = await http.call('POST /fairs/:id/booths', 'POST', `/fairs/${fairId}/booths`, { token: recruiter.token, body: { companyId: company.body.id, headline: `${c.name} 채용관` } });
  if (booth.status !== 201) return unexpected('booth', booth);
  // The longest chat a booth allows (120 fair-minutes, 1.25 s of real time at 15 s a fair-day): most of the drill's
  // chats end by the recruiter, not the timer.
  const settings = await http.call('PUT /booths/:id/chat-settings', 'PUT', `/booths/${booth.body.id}/chat-settings`, { token: recruiter.token, body: { chatMinutes: 120 } });
  if (settings.status !== 200) return unexpected('chat settings', settings);
  for (const p of c.postings) {
    const closesAt = p.closesDay !== null ? FAIR_START + p.closesDay * DAY_MS + 18 * HOUR_MS : null;
    // a load behind the clock reaches a posting after its planned deadline: not made (the server would refuse it)
    if (closesAt !== null && closesAt <= fairNowMs() + HOUR_MS) {
      skip('posting: too late for its closesAt');
      continue;
    }
    const created = await http.call('POST /booths/:id/postings', 'POST', `/booths/${booth.body.id}/postings`, {
      token: recruiter.token,
      body: {
        title: p.title,
        description: p.description ?? '대구·경북 근무. 채용박람회 드릴 공고 / drill posting.',
        jobCategory: p.jobCategory,
        employmentType: p.employmentType,
        openings: p.openings,
        location: p.location === undefined ? c.region : p.location ?? undefined,
        ...(closesAt !== null ? { closesAt: new Date(closesAt).toISOString() } : {}),
      },
    });
    if (created.status !== 201) return unexpected('posting', created);
    publishSentAt.set(created.body.id, Date.now());
    const published = await http.call('POST /postings/:id/publish', 'POST', `/postings/${created.body.id}/publish`, { token: recruiter.token });
    if (published.status !== 200 && !(published.retried && published.status === 409)) return unexpected('publish', published);
    postingIds[p.idx] = created.body.id;
  }
  const approved = await http.call('POST /booths/:id/approve', 'POST', `/booths/${booth.body.id}/approve`, { token: organizer });
  if (approved.status !== 200 && !(approved.retried && approved.status === 409)) return unexpected('approve booth', approved);
  recruiters[c.idx] = recruiter;
  boothIds[c.idx] = booth.body.id;
}

/** The recruiter is online for the booth's chat (an HTTP hold: it lasts until turned off). */
async function goOnline(http: DrillHttp, boothId: string, recruiter: { token: string }): Promise<{ status: number; body: unknown }> {
  return http.call('PUT /booths/:id/staff-presence', 'PUT', `/booths/${boothId}/staff-presence`, { token: recruiter.token, body: { online: true, capacity: 4 } });
}

/**
 * One seeker at a booth's chat: queues; leaves, or is taken by the booth's recruiter and exchanges messages with
 * them (seeker first, alternating, the recruiter last), and the recruiter ends the chat. Every message's body is
 * unique, so that the verdict can find each one in the chat's history exactly once.
 */
async function boothChat(
  http: DrillHttp,
  c: PlanChat,
  seekers: ({ id: string; token: string } | undefined)[],
  recruiters: ({ token: string } | undefined)[],
  boothIds: (string | undefined)[],
  done: DoneTruth,
  skip: (why: string) => void,
  unexpected: (what: string, res: { status: number; body: unknown }) => void,
): Promise<void> {
  const seeker = seekers[c.seekerIdx];
  const recruiter = recruiters[c.companyIdx];
  const boothId = boothIds[c.companyIdx];
  if (!seeker || !recruiter || !boothId) return skip('chat: booth or seeker missing');
  const queued = await http.call('POST /booths/:id/queue', 'POST', `/booths/${boothId}/queue`, { token: seeker.token });
  if (queued.status !== 201 && !(queued.retried && queued.status === 409 && queued.body?.code === 'ALREADY_QUEUED')) return unexpected('queue', queued);
  if (c.leaves) {
    const left = await http.call('DELETE /booths/:id/queue', 'DELETE', `/booths/${boothId}/queue`, { token: seeker.token });
    if (left.status !== 204 && !(left.retried && left.status === 404)) return unexpected('leave queue', left);
    done.chatsLeft++;
    return;
  }
  let next = await http.call('POST /booths/:id/chats/next', 'POST', `/booths/${boothId}/chats/next`, { token: recruiter.token });
  if (next.status === 409 && next.body?.code === 'NOT_ONLINE') {
    const online = await goOnline(http, boothId, recruiter);
    if (online.status !== 200) return unexpected('staff presence', online);
    next = await http.call('POST /booths/:id/chats/next', 'POST', `/booths/${boothId}/chats/next`, { token: recruiter.token });
  }
  let chat = next.status === 201 ? (next.body as { id: string; seekerId: string }) : undefined;
  if (!chat && next.status === 204 && next.retried) {
    // the first try took the seeker and its answer was lost: the recruiter's newest chat with them
    const mine = await http.call('GET /me/chats', 'GET', '/me/chats?limit=20', { token: recruiter.token });
    chat = (mine.body?.items as { id: string; seekerId: string; endedAt?: string | null }[] | undefined)?.find((x) => x.seekerId === seeker.id && !x.endedAt);
  }
  if (!chat) return unexpected('take next', next);
  if (chat.seekerId !== seeker.id) return unexpected('take next: another seeker', { status: next.status, body: chat });
  const record: DoneTruth['chats'][number] = { id: chat.id, seekerToken: seeker.token, sent: [], retried: [] };
  done.chats.push(record);
  for (let i = 0; i < c.messages; i++) {
    const from = i % 2 === 0 ? seeker : recruiter;
    const body = `드릴 채팅 ${c.idx}-${i} / drill chat ${c.idx} message ${i}`;
    const res = await http.call('POST /chats/:id/messages', 'POST', `/chats/${chat.id}/messages`, { token: from.token, body: { body } });
    // The booth's chat timer runs on the fair clock (10 fair-minutes is a tenth of a real second at 15 s a day): a
    // chat it ended is over, as for a user whose time ran out.
    if (res.status === 409 && res.body?.code === 'CHAT_ENDED') return skip('chat: ended by the booth’s chat timer (fair clock)');
    if (res.status !== 201) return unexpected('chat message', res);
    record.sent.push(body);
    if (res.retried) record.retried.push(body);
  }
  const ended = await http.call('POST /chats/:id/end', 'POST', `/chats/${chat.id}/end`, { token: recruiter.token });
  if (ended.status !== 200 && !(ended.status === 409 && (ended.retried || ended.body?.code === 'CHAT_ENDED'))) return unexpected('end chat', ended);
}

async function book(
  http: DrillHttp,
  b: PlanBooking,
  seekers: ({ id: string; token: string } | undefined)[],
  slotIds: Map<string, string>,
  contenders: Map<number, PlanBooking>,
  done: DoneTruth,
  skip: (why: string) => void,
  unexpected: (what: string, res: { status: number; body: unknown }) => void,
  seed: number,
): Promise<void> {
  const seeker = seekers[b.seekerIdx];
  const slotId = slotIds.get(`${b.coachIdx}:${b.slotDay}:${b.slotIdx}`);
  const contender = contenders.get(b.idx);
  const rival = contender ? seekers[contender.seekerIdx] : undefined;
  if (!seeker || !slotId) return skip('booking: seeker or slot missing');
  // Both reminders must still be ahead: a request that comes this late (the load fell behind the clock) is not made.
  if (slotStart(b.slotDay, b.slotIdx) - fairNowMs() < 26 * HOUR_MS) return skip('booking: too late for its reminders');
  const request = (who: { token: string }, idx: number) =>
    http.call('POST /coaching/bookings', 'POST', '/coaching/bookings', { token: who.token, body: { slotId }, headers: { 'idempotency-key': `drill-${seed}-booking-${idx}` } });
  if (contender && rival) {
    // Two seekers want the same slot at the same moment: exactly one may get it.
    const [a, c] = await Promise.all([request(seeker, b.idx), request(rival, contender.idx)]);
    if (![201, 202].includes(a.status)) return unexpected('booking', a);
    if (![201, 202].includes(c.status)) return unexpected('booking', c);
    done.contested.push([a.body.id, c.body.id]);
    return;
  }
  const res = await request(seeker, b.idx);
  if (res.status !== 201 && res.status !== 202) return unexpected('booking', res);
  const id = res.body.id as string;
  let status = res.body.status as string;
  for (let i = 0; status === 'pending' && i < 600; i++) {
    await sleep(100);
    status = (await http.call('GET /coaching/bookings/:id', 'GET', `/coaching/bookings/${id}`, { token: seeker.token })).body?.status;
  }
  if (status !== 'confirmed') return unexpected(`booking ${id} decided`, { status: 200, body: status });
  if (!b.cancel) {
    done.keptBookings.add(id);
    return;
  }
  const cancel = await http.call('POST /coaching/bookings/:id/cancel', 'POST', `/coaching/bookings/${id}/cancel`, { token: seeker.token });
  if (cancel.status === 200 || (cancel.retried && cancel.status === 409)) done.cancelledBookings.add(id);
  else unexpected('cancel', cancel);
}

/** The verdict table, as printed last. */
export function formatVerdict(rows: VerdictRow[], ok: boolean): string {
  const w = Math.min(72, Math.max(...rows.map((r) => r.check.length)));
  const lines = ['', `FAIR DRILL VERDICT: ${ok ? 'PASS' : 'FAIL'}`, `${'check'.padEnd(w)} | result | detail`, `${'-'.repeat(w)}-|--------|-------`];
  for (const r of rows) lines.push(`${r.check.padEnd(w)} | ${(r.info ? 'info' : r.ok ? 'PASS' : 'FAIL').padEnd(6)} | ${r.detail}`);
  return lines.join('\n');
}

if (require.main === module) {
  let flags: DrillFlags;
  try {
    flags = parseFlags(process.argv.slice(2));
  } catch (err) {
    console.error((err as Error).message);
    process.exit(2);
  }
  const started = Date.now();
  let finished = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      if (!finished) console.error('interrupted: stopping the drill’s processes and dropping its database');
      void (emergencyCleanup?.() ?? Promise.resolve()).finally(() => process.exit(130));
    });
  runDrill(flags).then(
    ({ rows, ok }) => {
      finished = true;
      console.log(formatVerdict(rows, ok));
      console.log(`wall time ${((Date.now() - started) / 1000).toFixed(0)} s`);
      process.exit(ok ? 0 : 1);
    },
    (err: unknown) => {
      console.error(err instanceof Error ? err.stack : err);
      console.log(formatVerdict([{ check: 'drill ran to the end', ok: false, detail: (err as Error).message?.split('\n')[0] ?? String(err) }], false));
      process.exit(1);
    },
  );
}
