/**
 * The drill's deployment: two API nodes, two realtime nodes and two workers (built processes from dist/), each on a
 * fixed port so that a restarted node takes its place behind the balancer, one PostgreSQL database of the drill's
 * own, and a private redis-server (so that restarting Redis touches nobody else). Peak RSS is sampled from /proc.
 */
import { ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Redis from 'ioredis';
import { SMTPServer } from 'smtp-server';
import { exited, freePort } from '@bisang/testing';

export const DIST = join(__dirname, '..', '..');
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A node's program: dist/apps/<role>/src/main.js (`bisang` is the all-in-one process: API + realtime + worker). */
export type Role = 'api' | 'realtime' | 'worker' | 'bisang';

/** utime + stime of a process, in clock ticks (/proc/<pid>/stat fields 14 and 15), or undefined when it is gone. */
export function cpuTicks(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return undefined;
  }
}

/** Busy and total clock ticks of the whole machine (/proc/stat), to tell what the drill's own processes did not use. */
export function machineTicks(): { busy: number; total: number } {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const total = cpu.reduce((a, b) => a + b, 0);
  const idle = cpu[3] + (cpu[4] ?? 0);
  return { busy: total - idle, total };
}

/** Ticks per second of /proc's CPU figures (USER_HZ; 100 on Linux). */
export const TICKS_PER_SECOND = 100;

export class Node {
  child?: ChildProcess;
  peakRssKb = 0;
  /** CPU ticks of earlier runs (before a kill) and of the current one, as last sampled. */
  private cpuBefore = 0;
  private cpuNow = 0;
  private cpuPid?: number;
  restarts = 0;
  private tail = '';

  constructor(
    readonly name: string,
    readonly role: Role,
    readonly port: number,
    private readonly env: () => NodeJS.ProcessEnv,
  ) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get alive(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  async start(): Promise<void> {
    this.tail = '';
    // DRILL_CPU_PROF=<dir>: every node writes a V8 CPU profile there when it exits (a profile of where the CPU went)
    const prof = process.env.DRILL_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.DRILL_CPU_PROF}`, `--cpu-prof-name=${this.name}-${this.restarts}.cpuprofile`] : [];
    const child = spawn(process.execPath, [...prof, join(DIST, 'apps', this.role, 'src', 'main.js')], {
      env: { ...this.env(), PORT: String(this.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const keep = (b: Buffer) => (this.tail = (this.tail + b.toString('utf8')).slice(-6000));
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    const deadline = Date.now() + 300_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${this.name} exited with ${child.exitCode} before it was healthy:\n${this.tail}`);
      const ok = await fetch(`http://127.0.0.1:${this.port}/health`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) return;
      if (Date.now() > deadline) throw new Error(`${this.name} not healthy after 300 s:\n${this.tail}`);
      await sleep(150);
    }
  }

  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (!this.child || !this.alive) return;
    this.child.kill(signal);
    await exited(this.child);
  }

  /** True from a kill until the node is healthy again. */
  restarting = false;
  private restarted: Promise<void> = Promise.resolve();

  /** SIGKILL, a pause, and a start on the same port; restarts of one node run one after another. */
  restart(pauseMs = 0): Promise<void> {
    const run = async () => {
      this.restarting = true;
      try {
        await this.kill('SIGKILL');
        this.restarts++;
        await sleep(pauseMs);
        await this.start();
      } finally {
        this.restarting = false;
      }
    };
    this.restarted = this.restarted.then(run, run);
    return this.restarted;
  }

  /** CPU seconds over every run of this node so far. */
  get cpuSeconds(): number {
    return (this.cpuBefore + this.cpuNow) / TICKS_PER_SECOND;
  }

  sampleRss(): void {
    if (!this.alive || !this.pid) return;
    if (this.cpuPid !== this.pid) {
      this.cpuBefore += this.cpuNow;
      this.cpuNow = 0;
      this.cpuPid = this.pid;
    }
    this.cpuNow = cpuTicks(this.pid) ?? this.cpuNow;
    try {
      const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${this.pid}/status`, 'utf8'));
      if (m) this.peakRssKb = Math.max(this.peakRssKb, Number(m[1]));
    } catch {
      // exited meanwhile
    }
  }

  output(): string {
    return this.tail;
  }
}

/** A redis-server of the drill's own, with an append-only file so that a restart keeps queued jobs. */
export class PrivateRedis {
  private child?: ChildProcess;
  port = 0;
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
    mkdirSync(dir, { recursive: true });
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  async start(): Promise<void> {
    if (!this.port) this.port = await freePort();
    this.child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir, '--save', '', '--appendonly', 'yes', '--appendfsync', 'everysec', '--maxmemory-policy', 'noeviction'],
      { stdio: 'ignore' },
    );
    const deadline = Date.now() + 20_000;
    for (;;) {
      const r = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      r.on('error', () => undefined);
      const ok = await r.connect().then(
        () => r.ping().then(() => true),
        () => false,
      );
      r.disconnect();
      if (ok) return;
      if (Date.now() > deadline) throw new Error('private redis-server did not start');
      await sleep(100);
    }
  }

  /** A clean restart (SHUTDOWN flushes the append-only file), the way an operator restarts Redis. */
  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  async stop(): Promise<void> {
    if (!this.child || this.child.exitCode !== null) return;
    const r = new Redis(this.url, { maxRetriesPerRequest: 0, retryStrategy: () => null });
    r.on('error', () => undefined);
    await r.call('SHUTDOWN').catch(() => undefined);
    r.disconnect();
    const done = exited(this.child);
    const t = setTimeout(() => this.child?.kill('SIGKILL'), 5000);
    await done;
    clearTimeout(t);
  }

  peakRssKb = 0;
  private cpuBefore = 0;
  private cpuNow = 0;
  private cpuPid?: number;
  get cpuSeconds(): number {
    return (this.cpuBefore + this.cpuNow) / TICKS_PER_SECOND;
  }

  sampleRss(): void {
    if (!this.child?.pid || this.child.exitCode !== null) return;
    if (this.cpuPid !== this.child.pid) {
      this.cpuBefore += this.cpuNow;
      this.cpuNow = 0;
      this.cpuPid = this.child.pid;
    }
    this.cpuNow = cpuTicks(this.child.pid) ?? this.cpuNow;
    try {
      const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${this.child.pid}/status`, 'utf8'));
      if (m) this.peakRssKb = Math.max(this.peakRssKb, Number(m[1]));
    } catch {
      // gone
    }
  }
}

/** Every mail the product sends arrives here over SMTP; the drill keeps each one's Message-ID. */
export class MailSink {
  /** Message-ID (without <>) → how many times it arrived. */
  readonly received = new Map<string, number>();
  total = 0;
  private server?: SMTPServer;
  port = 0;

  async start(): Promise<void> {
    this.port = await freePort();
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, _session, callback) => {
        let head = '';
        stream.on('data', (c: Buffer) => {
          if (head.length < 16_384) head += c.toString('utf8');
        });
        stream.on('end', () => {
          // Message-ID: <deliveryId@domain> — keyed by the delivery id (mail_deliveries.id)
          const full = /^Message-ID:\s*<([^>]+)>/im.exec(head)?.[1];
          const id = full ? full.slice(0, full.lastIndexOf('@')) : `unknown-${this.total}`;
          this.received.set(id, (this.received.get(id) ?? 0) + 1);
          this.total++;
          callback();
        });
      },
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    // a sender killed mid-mail (the worker fault) resets its connection: the server goes on
    server.on('error', () => undefined);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

export async function migrate(env: NodeJS.ProcessEnv): Promise<void> {
  await promisify(execFile)(process.execPath, [join(DIST, 'apps', 'cli', 'src', 'main.js'), 'db:migrate'], { env });
}

export async function createOrganizerAccount(env: NodeJS.ProcessEnv, email: string, password: string): Promise<void> {
  await promisify(execFile)(
    process.execPath,
    [join(DIST, 'apps', 'cli', 'src', 'main.js'), 'user:create', '--role', 'organizer', '--email', email, '--password', password, '--name', '드릴 운영자'],
    { env },
  );
}
