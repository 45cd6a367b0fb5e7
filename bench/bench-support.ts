/**
 * What the Bisang benchmarks share: a throwaway database and Redis prefix per run, the real processes
 * started from dist/, the set-up of a live fair through the public API, and the figures' formatting.
 * Not a benchmark itself.
 */
import { ChildProcess, execFile, fork, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { dropDatabase } from '@bisang/database';
import {
  BoothSetup,
  HttpClient,
  HttpResponse,
  PASSWORD,
  SignedIn,
  createBooth,
  createFair,
  deleteRedisKeys,
  exited,
  freePort,
  publishPosting,
  uniqueEmail,
} from '@bisang/testing';
import type { FeedEvent } from '@bisang/contracts';
import type { ClientAnswer, ClientCommand, ConnectCommand, DurableReport, FanoutReport } from './feed-clients';

export const HOST = '127.0.0.1';
/** dist/ (this file runs from dist/bench/). */
export const DIST = join(__dirname, '..');

/** A database and a Redis prefix nobody else uses, removed by `cleanup()`. */
export interface Scratch {
  id: string;
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  stateDir: string;
  cleanup(): Promise<void>;
}

export function scratch(tag: string): Scratch {
  const id = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const db = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  db.pathname = `/bisang_bench_${tag}_${id}`;
  const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
  const redisPrefix = `bb_${tag}_${id}`;
  const stateDir = `/tmp/bisang-bench-${id}`;
  return {
    id,
    databaseUrl: db.toString(),
    redisUrl,
    redisPrefix,
    stateDir,
    cleanup: async () => {
      await Promise.allSettled([dropDatabase(db.toString()), deleteRedisKeys(redisUrl, redisPrefix), rm(stateDir, { recursive: true, force: true })]);
    },
  };
}

export function bisangEnv(s: Scratch, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    // Production refuses to start without a secret; a fresh one per run.
    JWT_SECRET: randomBytes(32).toString('hex'),
    DATABASE_URL: s.databaseUrl,
    REDIS_URL: s.redisUrl,
    REDIS_PREFIX: s.redisPrefix,
    STATE_DIR: s.stateDir,
    AUTH_RATE_LIMIT: '0',
    RATE_LIMITS: 'off',
    LOG_LEVEL: 'warn',
    ...extra,
  };
}

export interface Running {
  name: string;
  child: ChildProcess;
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts a built Bisang app (`bisang`, `api`, `realtime`, `worker`) on a free port and waits for /health.
 * The all-in-one `bisang` creates and migrates the database itself.
 */
export async function startBisang(app: 'bisang' | 'api' | 'realtime' | 'worker', env: NodeJS.ProcessEnv): Promise<Running> {
  const port = await freePort();
  // BENCH_PROFILE_DIR=/some/dir: each Bisang process writes a V8 CPU profile there when it exits.
  const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
  const child = spawn(process.execPath, [...profile, join(DIST, 'apps', app, 'src', 'main.js')], {
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  // a process that dies on its own, or fails to shut down cleanly, says so (its own output is inherited above)
  child.once('exit', (code) => {
    if (code) console.error(`${app} (pid ${child.pid}) exited with code ${code}`);
  });
  const url = `http://${HOST}:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${app} exited with ${child.exitCode} before it was healthy`);
    const ok = await fetch(`${url}/health`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`${app} not healthy after 60 s`);
    await sleep(200);
  }
  return {
    name: app,
    child,
    url,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited(child);
    },
  };
}

/** The processes under test: the all-in-one app, or api + realtime + worker side by side (migrated first, as deployed). */
export interface BisangDeployment {
  /** The API's base URL (HTTP) and the gateway's (socket.io). */
  apiUrl: string;
  socketUrl: string;
  processes: Running[];
  stop(): Promise<void>;
}

export async function startDeployment(topology: 'all-in-one' | 'split', env: NodeJS.ProcessEnv): Promise<BisangDeployment> {
  const processes: Running[] = [];
  const stop = async () => {
    for (const p of [...processes].reverse()) await p.stop();
  };
  try {
    if (topology === 'all-in-one') {
      processes.push(await startBisang('bisang', env));
    } else {
      await promisify(execFile)(process.execPath, [join(DIST, 'apps', 'cli', 'src', 'main.js'), 'db:migrate'], { env });
      for (const app of ['api', 'realtime', 'worker'] as const) processes.push(await startBisang(app, env));
    }
  } catch (err) {
    await stop();
    throw err;
  }
  const api = processes.find((p) => p.name === 'api' || p.name === 'bisang')!;
  const gateway = processes.find((p) => p.name === 'realtime' || p.name === 'bisang')!;
  return { apiUrl: api.url, socketUrl: gateway.url, processes, stop };
}

/** Organizers cannot self-register: made with the real CLI (`user:create`), then signed in over HTTP. */
export async function createOrganizer(http: HttpClient, env: NodeJS.ProcessEnv): Promise<SignedIn> {
  const email = uniqueEmail('organizer');
  await promisify(execFile)(
    process.execPath,
    [join(DIST, 'apps', 'cli', 'src', 'main.js'), 'user:create', '--role', 'organizer', '--email', email, '--password', PASSWORD, '--name', '벤치 운영자'],
    { env },
  );
  const res = await http.post('/auth/login', { email, password: PASSWORD });
  if (res.status !== 200) throw new Error(`organizer login: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.user.id, email, role: 'organizer', accessToken: res.body.accessToken, refreshToken: res.body.refreshToken };
}

/** A live, published fair with one approved booth (approval needs an open posting: hiring intent). */
export async function liveFairWithApprovedBooth(http: HttpClient, organizer: SignedIn): Promise<{ fairId: string; booth: BoothSetup }> {
  const fair = await createFair(http, organizer);
  const booth = await createBooth(http, fair.id, '대구정밀(주)');
  await publishPosting(http, booth, '생산관리 담당자 / Production manager');
  const approved = await http.post(`/booths/${booth.boothId}/approve`, {}, organizer.accessToken);
  if (approved.status !== 200) throw new Error(`approve booth: ${approved.status} ${JSON.stringify(approved.body)}`);
  return { fairId: fair.id, booth };
}

/** Draft postings, created ahead so that the measured call is the publish alone. */
export async function createDrafts(http: HttpClient, booth: BoothSetup, count: number, title: (i: number) => string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 20) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(20, count - i) }, (_, k) =>
        http.post(
          `/booths/${booth.boothId}/postings`,
          {
            title: title(i + k),
            description: '대구 달서구 성서산업단지 근무. 주 5일, 4대 보험. Backend experience with TypeScript welcome.',
            jobCategory: String((i + k) % 10),
            employmentType: ['regular', 'contract', 'intern', 'part_time'][(i + k) % 4],
            openings: 1 + ((i + k) % 3),
            location: '대구 달서구',
          },
          booth.recruiter.accessToken,
        ),
      ),
    );
    for (const r of batch) {
      if (r.status !== 201) throw new Error(`draft posting: ${r.status} ${JSON.stringify(r.body)}`);
      ids.push(r.body.id);
    }
  }
  return ids;
}

/** The events Bisang wrote after `since`, keyed by posting id: the bare server broadcasts the very same payloads. */
export async function feedPayloads(http: HttpClient, fairId: string, since: number): Promise<Map<string, Pick<FeedEvent, 'type' | 'data'>>> {
  const byPosting = new Map<string, Pick<FeedEvent, 'type' | 'data'>>();
  for (let cursor: string | null = String(since); cursor !== null; ) {
    const res: HttpResponse = await http.get(`/fairs/${fairId}/feed?since=${cursor}&limit=100`);
    if (res.status !== 200) throw new Error(`feed: ${res.status}`);
    for (const e of res.body.items as FeedEvent[]) byPosting.set((e.data as { posting: { id: string } }).posting.id, { type: e.type, data: e.data });
    cursor = res.body.nextCursor;
  }
  return byPosting;
}

/** Wall-clock milliseconds with sub-millisecond resolution, comparable between processes of one machine. */
export const wallNow = () => performance.timeOrigin + performance.now();
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export const percentile = (sorted: ArrayLike<number>, p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
export const sortedOf = (values: number[]) => Float64Array.from(values).sort();

export const pad = (s: string, n: number) => s.padEnd(n);
export const lpad = (s: string, n: number) => s.padStart(n);
export const int = (n: number) => Math.round(n).toLocaleString('en-US');
export const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : 'n/a');
export const pct = (n: number) => `${(n * 100).toFixed(n === 1 ? 0 : 2)} %`;
export const ratio = (a: number, b: number) => (b > 0 && Number.isFinite(a) ? `${(a / b).toFixed(2)}×` : 'n/a');

export function machine(): string {
  const cpu = cpus();
  return `Node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}`;
}

/** Runs `body`, then stops the processes and removes the scratch data whatever happened; exits non-zero on failure. */
export function runBench(body: (stopLater: (r: Running | { stop(): Promise<void> }) => void) => Promise<void>, s?: Scratch): void {
  const running: { stop(): Promise<void> }[] = [];
  let done = false;
  const finish = async (code: number) => {
    if (done) return;
    done = true;
    for (const r of running.reverse()) await r.stop().catch(() => undefined);
    // BENCH_KEEP=1 keeps the scratch database and Redis keys (e.g. for EXPLAIN by hand).
    if (s && process.env.BENCH_KEEP) console.error(`kept ${s.databaseUrl}`);
    else await s?.cleanup();
    process.exit(code);
  };
  process.once('SIGINT', () => void finish(130));
  process.once('uncaughtException', (err) => {
    console.error(err.stack);
    void finish(1);
  });
  body((r) => running.push(r)).then(
    () => finish(0),
    (err: unknown) => {
      console.error(err instanceof Error ? err.stack : err);
      return finish(1);
    },
  );
}

// ---------------------------------------------------------------------------------------------
// The feed benchmarks' moving parts: socket.io clients spread over child processes, and the bare baseline.
// ---------------------------------------------------------------------------------------------

/** socket.io clients spread over `procs` child processes (bench/feed-clients.ts). */
export class ClientFleet {
  private closing?: Promise<void>;

  private constructor(private readonly children: ChildProcess[]) {
    // A child that dies makes the next IPC write fail; `ask` reports that, the channel need not throw.
    for (const child of children) child.on('error', () => undefined);
  }

  static async connect(procs: number, opts: Omit<ConnectCommand, 'cmd' | 'count'> & { count: number }): Promise<ClientFleet> {
    const children = Array.from({ length: Math.min(procs, opts.count) }, () =>
      fork(join(__dirname, 'feed-clients.js'), [], { execArgv: [], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
    );
    const fleet = new ClientFleet(children);
    const answers = await Promise.all(
      children.map((child, i) => {
        const count = Math.floor(opts.count / children.length) + (i < opts.count % children.length ? 1 : 0);
        return fleet.ask<{ joined: number; failed: number }>(child, { ...opts, cmd: 'connect', count }, (m) => 'joined' in m);
      }),
    );
    const failed = answers.reduce((n, a) => n + a.failed, 0);
    if (failed) {
      await fleet.close();
      throw new Error(`${failed} of ${opts.count} clients could not connect and join`);
    }
    return fleet;
  }

  startFaults(): void {
    for (const child of this.children) child.send({ cmd: 'start-faults' } satisfies ClientCommand);
  }

  stopFaults(): void {
    for (const child of this.children) child.send({ cmd: 'stop-faults' } satisfies ClientCommand);
  }

  async received(): Promise<number> {
    const counts = await Promise.all(this.children.map((c) => this.ask<{ received: number }>(c, { cmd: 'count' }, (m) => 'received' in m)));
    return counts.reduce((n, c) => n + c.received, 0);
  }

  /** Waits until the clients together hold `expected` events, or `timeoutMs` passed. */
  async settle(expected: number, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline && (await this.received()) < expected) await sleep(100);
  }

  report<R extends FanoutReport | DurableReport>(): Promise<R[]> {
    return Promise.all(this.children.map((c) => this.ask<R>(c, { cmd: 'report' }, (m) => 'kind' in m)));
  }

  close(): Promise<void> {
    this.closing ??= Promise.all(
      this.children.map(async (child) => {
        if (child.connected) await this.ask(child, { cmd: 'close' }, (m) => 'closed' in m).catch(() => undefined);
        child.kill('SIGTERM');
        await exited(child);
      }),
    ).then(() => undefined);
    return this.closing;
  }

  stop(): Promise<void> {
    return this.close();
  }

  private ask<T extends ClientAnswer>(child: ChildProcess, command: ClientCommand, is: (m: ClientAnswer) => boolean): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const onMessage = (m: ClientAnswer) => {
        if (!is(m)) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(m as T);
      };
      const onExit = () => reject(new Error('a client process exited'));
      child.on('message', onMessage);
      child.once('exit', onExit);
      child.send(command);
    });
  }
}

/** The bare socket.io server (bench/bare-feed-server.ts) in a child process of its own. */
export async function startBareFeedServer(): Promise<Running> {
  const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
  const child = fork(join(__dirname, 'bare-feed-server.js'), [], { execArgv: profile, env: { ...process.env, NODE_ENV: 'production' }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: { port: number }) => resolve(m.port));
    child.once('exit', () => reject(new Error('the bare server exited before listening')));
  });
  return {
    name: 'bare',
    child,
    url: `http://${HOST}:${port}`,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited(child);
    },
  };
}

/** CPU time (user + system, ms) a process has used so far, from /proc (Linux); NaN elsewhere. */
export async function cpuTimeMs(pid: number | undefined): Promise<number> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of stat(5), in clock ticks (100 per second on Linux)
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

/** Calls `fire(i)` for i in [0, count) at a steady rate, without waiting for one call before the next. */
export async function steadily(count: number, perSecond: number, fire: (i: number) => Promise<void>): Promise<void> {
  const interval = 1000 / perSecond;
  const start = performance.now();
  const calls: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const wait = start + i * interval - performance.now();
    if (wait > 0) await sleep(wait);
    calls.push(fire(i));
  }
  await Promise.all(calls);
}
