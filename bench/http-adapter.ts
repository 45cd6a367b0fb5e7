/**
 * Which HTTP adapter should Bisang's Nest apps run on: Express or Fastify?
 *
 * Measures, in one run and on one machine, the same two routes served by
 *   - a bare Node `http` server (the floor: no framework at all),
 *   - Nest 12 on Express (@nestjs/platform-express),
 *   - Nest 12 on Fastify (@nestjs/platform-fastify),
 * and prints requests/s, latency p50/p99, the server's CPU time per request, and the ratios
 * fastify/express and target/bare. The result is why libs/common/src/http-app.ts uses Fastify.
 *
 * Routes: `GET /ping` (a tiny JSON answer) and `POST /postings` (a JSON body validated by the
 * product's own ValidationPipe against a class-validator DTO, echoed back).
 *
 * Usage: `npm run bench:http-adapter [-- --duration 5 --warmup 1 --connections 50]`
 */
import 'reflect-metadata';
import { ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { Body, Controller, Get, INestApplication, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { IsIn, IsInt, IsString, Length, Min } from 'class-validator';
import { createValidationPipe } from '@bisang/common';

const HOST = '127.0.0.1';
const TARGETS = ['bare', 'express', 'fastify'] as const;
type Target = (typeof TARGETS)[number];

const JOB_CATEGORIES = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
const EMPLOYMENT_TYPES = ['regular', 'contract', 'intern', 'part_time'];

/** A body shaped like a real posting, with Korean text, so that parsing and validation cost what they will in production. */
const POSTING_BODY = JSON.stringify({
  title: '백엔드 개발자 (Node.js) / Backend developer',
  jobCategory: '1',
  employmentType: 'regular',
  openings: 2,
});

// ---------------------------------------------------------------------------------------------
// The servers under test. Each runs in its own child process, so that autocannon (in the parent)
// does not compete with the server for the same event loop: otherwise we would be measuring both.
// ---------------------------------------------------------------------------------------------

/** Parent ↔ server messages over the fork IPC channel: the port once listening, CPU time on request. */
type ChildQuestion = 'cpu';
type ChildAnswer = { port: number } | NodeJS.CpuUsage;

class PostingBody {
  @IsString()
  @Length(1, 200)
  title: string;

  @IsIn(JOB_CATEGORIES)
  jobCategory: string;

  @IsIn(EMPLOYMENT_TYPES)
  employmentType: string;

  @IsInt()
  @Min(1)
  openings: number;
}

@Controller()
class BenchController {
  @Get('ping')
  ping() {
    return { status: 'ok' };
  }

  @Post('postings')
  create(@Body() body: PostingBody) {
    return body;
  }
}

@Module({ controllers: [BenchController] })
class BenchModule {}

/** Both adapters get the same module and the same global pipe; everything else is each adapter's default. */
async function startNest(target: 'express' | 'fastify'): Promise<INestApplication> {
  const adapter = target === 'express' ? new ExpressAdapter() : new FastifyAdapter();
  // Logging off on both sides: a per-request log line would dominate a route this small.
  const app = await NestFactory.create(BenchModule, adapter, { logger: false });
  app.useGlobalPipes(createValidationPipe());
  await app.listen(0, HOST);
  return app;
}

/** The floor: what Node alone costs for the same answers, with hand-written checks instead of a validation library. */
async function startBare(): Promise<Server> {
  const sendJson = (res: ServerResponse, status: number, body: unknown) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  };
  const isPosting = (v: unknown): v is PostingBody => {
    const p = v as Partial<PostingBody> | null;
    return (
      typeof p === 'object' &&
      p !== null &&
      Object.keys(p).length === 4 &&
      typeof p.title === 'string' &&
      p.title.length >= 1 &&
      p.title.length <= 200 &&
      JOB_CATEGORIES.includes(p.jobCategory as string) &&
      EMPLOYMENT_TYPES.includes(p.employmentType as string) &&
      Number.isInteger(p.openings) &&
      (p.openings as number) >= 1
    );
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (req.method === 'GET' && req.url === '/ping') return sendJson(res, 200, { status: 'ok' });
    if (req.method !== 'POST' || req.url !== '/postings') return sendJson(res, 404, { statusCode: 404 });
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return sendJson(res, 400, { statusCode: 400 });
      }
      if (!isPosting(body)) return sendJson(res, 400, { statusCode: 400 });
      sendJson(res, 201, body);
    });
  });
  server.listen(0, HOST);
  await once(server, 'listening');
  return server;
}

/** Child-process entry: start one target, tell the parent its port, answer CPU-time questions, serve until killed. */
async function serve(target: Target): Promise<void> {
  let port: number;
  if (target === 'bare') {
    port = ((await startBare()).address() as AddressInfo).port;
  } else {
    port = ((await startNest(target)).getHttpServer().address() as AddressInfo).port;
  }
  process.on('message', (message: ChildQuestion) => {
    if (message === 'cpu') process.send?.(process.cpuUsage() satisfies ChildAnswer);
  });
  process.send?.({ port } satisfies ChildAnswer);
}

// ---------------------------------------------------------------------------------------------
// The load generator.
// ---------------------------------------------------------------------------------------------

/** The slice of autocannon's programmatic API this script uses (the package ships no types). */
interface AutocannonOptions {
  url: string;
  connections: number;
  duration: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}
interface AutocannonResult {
  duration: number;
  requests: { average: number; total: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}
interface AutocannonRun extends PromiseLike<AutocannonResult> {
  on(event: 'response', listener: (client: unknown, statusCode: number, resBytes: number, responseTimeMs: number) => void): this;
}
// A typed require rather than an import: an untyped package cannot be imported under `strict`.
const autocannon = require('autocannon') as (options: AutocannonOptions) => AutocannonRun;

interface RouteSpec {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  expectStatus: number;
}

const ROUTES: RouteSpec[] = [
  { name: 'GET /ping', method: 'GET', path: '/ping', expectStatus: 200 },
  { name: 'POST /postings (validated)', method: 'POST', path: '/postings', body: POSTING_BODY, expectStatus: 201 },
];

interface Row {
  target: Target;
  route: string;
  rps: number;
  p50: number;
  p99: number;
  /** Server CPU time over wall time: near 100 % means the server set the pace; well below, the load generator or a noisy neighbour did. */
  serverCpu: number;
  /** Server CPU time per answered request: the figure least disturbed by whatever else shares the machine. */
  cpuPerRequestUs: number;
}

interface RunningTarget {
  child: ChildProcess;
  port: number;
}

async function startTarget(target: Target): Promise<RunningTarget> {
  // execArgv [] so a `--inspect` or loader on the parent does not slow the server down; NODE_ENV as deployed.
  const child = fork(__filename, ['--serve', target], {
    execArgv: [],
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const answer = await Promise.race([
    ask(child, (m): m is { port: number } => 'port' in m),
    once(child, 'exit').then(() => {
      throw new Error(`${target} server exited before listening`);
    }),
  ]);
  return { child, port: answer.port };
}

/** Waits for the child's next answer of the expected kind, optionally after asking it something. */
function ask<T extends ChildAnswer>(child: ChildProcess, is: (m: ChildAnswer) => m is T, question?: ChildQuestion): Promise<T> {
  return new Promise((resolve) => {
    const listener = (message: ChildAnswer) => {
      if (!is(message)) return;
      child.off('message', listener);
      resolve(message);
    };
    child.on('message', listener);
    if (question) child.send(question);
  });
}

const serverCpuTime = async (child: ChildProcess): Promise<number> => {
  const usage = await ask(child, (m): m is NodeJS.CpuUsage => 'user' in m, 'cpu');
  return (usage.user + usage.system) / 1000;
};

async function stopTarget({ child }: RunningTarget): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}

/** Refuses to benchmark a server that answers wrongly: a fast 404 or 500 would win every race. */
async function checkAnswers(target: Target, base: string): Promise<void> {
  for (const route of ROUTES) {
    const res = await fetch(base + route.path, {
      method: route.method,
      headers: route.body ? { 'content-type': 'application/json' } : undefined,
      body: route.body,
    });
    const text = await res.text();
    if (res.status !== route.expectStatus) throw new Error(`${target} ${route.name}: ${res.status} ${text}`);
  }
  const bad = await fetch(`${base}/postings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: '', jobCategory: 'x', employmentType: 'regular', openings: 0, extra: true }),
  });
  await bad.text();
  if (bad.status !== 400) throw new Error(`${target}: an invalid posting got ${bad.status}, not 400`);
}

interface LoadOptions {
  connections: number;
  duration: number;
  warmup: number;
}

const percentile = (sorted: Float64Array, p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN);

async function measure(target: Target, running: RunningTarget, route: RouteSpec, opts: LoadOptions): Promise<Row> {
  const load = (duration: number) =>
    autocannon({
      url: `http://${HOST}:${running.port}${route.path}`,
      method: route.method,
      headers: route.body ? { 'content-type': 'application/json' } : undefined,
      body: route.body,
      connections: opts.connections,
      duration,
    });
  // Warm-up lets V8 optimise the hot paths before anything is counted.
  await load(opts.warmup);

  // autocannon's own latency histogram keeps whole milliseconds, too coarse for sub-millisecond answers;
  // the per-response times it emits are exact, so percentiles are taken from those.
  const latencies: number[] = [];
  const cpuBefore = await serverCpuTime(running.child);
  const started = performance.now();
  const result = await load(opts.duration).on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  const wallMs = performance.now() - started;
  const cpuMs = (await serverCpuTime(running.child)) - cpuBefore;

  if (result.errors || result.timeouts || result.non2xx) {
    throw new Error(`${target} ${route.name}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx`);
  }
  const sorted = Float64Array.from(latencies).sort();
  return {
    target,
    route: route.name,
    rps: result.requests.average,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    serverCpu: cpuMs / wallMs,
    cpuPerRequestUs: (cpuMs * 1000) / result.requests.total,
  };
}

const pad = (s: string, n: number) => s.padEnd(n);
const lpad = (s: string, n: number) => s.padStart(n);
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => n.toFixed(2);
const pct = (n: number) => `${Math.round(n * 100)} %`;
const us = (n: number) => Math.round(n).toString();
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a');

function printTable(rows: Row[]): void {
  const find = (target: Target, route: string) => rows.find((r) => r.target === target && r.route === route)!;
  const header =
    `${pad('route', 27)} ${pad('target', 8)} ${lpad('req/s', 8)} ${lpad('p50 ms', 7)} ${lpad('p99 ms', 7)}` +
    ` ${lpad('server CPU', 10)} ${lpad('CPU µs/req', 10)} ${lpad('req/s vs bare', 13)}`;
  console.log(header);
  console.log('-'.repeat(header.length));
  for (const route of ROUTES) {
    for (const target of TARGETS) {
      const r = find(target, route.name);
      console.log(
        `${pad(r.route, 27)} ${pad(r.target, 8)} ${lpad(int(r.rps), 8)} ${lpad(ms(r.p50), 7)} ${lpad(ms(r.p99), 7)}` +
          ` ${lpad(pct(r.serverCpu), 10)} ${lpad(us(r.cpuPerRequestUs), 10)} ${lpad(ratio(r.rps, find('bare', route.name).rps), 13)}`,
      );
    }
  }
  console.log('');
  console.log('fastify / express');
  for (const route of ROUTES) {
    const express = find('express', route.name);
    const fastify = find('fastify', route.name);
    console.log(
      `  ${pad(route.name, 27)} req/s ${ratio(fastify.rps, express.rps)}   p50 ${ratio(fastify.p50, express.p50)}` +
        `   p99 ${ratio(fastify.p99, express.p99)}   CPU/req ${ratio(fastify.cpuPerRequestUs, express.cpuPerRequestUs)}`,
    );
  }
  console.log('\nserver CPU well below 100 %: the server was not the bottleneck (load generator or other load on the machine);');
  console.log('read its req/s as a lower bound and compare CPU µs/req instead.');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      serve: { type: 'string' },
      duration: { type: 'string', default: '5' },
      warmup: { type: 'string', default: '1' },
      connections: { type: 'string', default: '50' },
    },
    strict: true,
  });
  if (values.serve) {
    if (!(TARGETS as readonly string[]).includes(values.serve)) throw new Error(`unknown target ${values.serve}`);
    return serve(values.serve as Target);
  }

  const opts: LoadOptions = { duration: Number(values.duration), warmup: Number(values.warmup), connections: Number(values.connections) };
  const cpu = cpus();
  console.log(`HTTP adapter benchmark — Node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}`);
  console.log(`autocannon: ${opts.connections} connections, ${opts.warmup} s warm-up + ${opts.duration} s per target and route, ${HOST}`);
  console.log('each server runs alone in its own process (NODE_ENV=production); the load generator runs in this one\n');

  const rows: Row[] = [];
  for (const target of TARGETS) {
    const running = await startTarget(target);
    try {
      await checkAnswers(target, `http://${HOST}:${running.port}`);
      for (const route of ROUTES) {
        process.stderr.write(`  measuring ${target} ${route.name} …\n`);
        rows.push(await measure(target, running, route, opts));
      }
    } finally {
      await stopTarget(running);
    }
  }
  console.log('');
  printTable(rows);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
