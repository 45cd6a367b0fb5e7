/**
 * Does Bisang's live feed reach a crowd as fast as socket.io alone can? (issue #3, the fair feed)
 *
 * For each crowd size (default 1,000 and 5,000 sockets on namespace `/fair`, joined with `fair:join {fairId}`)
 * a publisher publishes postings at a steady rate and every client notes when each event arrives:
 *   - bisang: the built all-in-one process (dist/apps/bisang/src/main.js), or with `--topology split` the
 *     api, realtime and worker processes side by side, on a throwaway database and Redis prefix; a recruiter publishes draft postings of an approved booth in a live fair through
 *     `POST /api/v1/postings/:id/publish` (the transaction writes the event, a Redis signal wakes the
 *     gateway, which reads it from PostgreSQL and emits `feed`);
 *   - bare: a bare socket.io 4 server on plain node http (bench/bare-feed-server.ts), triggered by an
 *     HTTP POST from the same publisher loop at the same rate, broadcasting Bisang's own event payload.
 * Latency is from just before the publish call to receipt at each client (one machine, one clock);
 * delivery is the share of expected (client, event) pairs received. Clients live in child processes.
 *
 * Usage: `npm run bench:feed-fanout [-- --clients 1000,5000 --rate 2 --events 80 --rounds 4 --warmup 5 --procs 4 --topology all-in-one|split]`
 */
import { ChildProcess } from 'node:child_process';
import { parseArgs } from 'node:util';
import Redis from 'ioredis';
import { channels } from '@bisang/realtime';
import { FeedEvent } from '@bisang/contracts';
import { BoothSetup, HttpClient } from '@bisang/testing';
import {
  BisangDeployment,
  ClientFleet,
  Running,
  bisangEnv,
  cpuTimeMs,
  createDrafts,
  createOrganizer,
  feedPayloads,
  int,
  liveFairWithApprovedBooth,
  lpad,
  machine,
  ms,
  pad,
  pct,
  percentile,
  ratio,
  runBench,
  scratch,
  sleep,
  sortedOf,
  startBareFeedServer,
  startDeployment,
  steadily,
  wallNow,
} from './bench-support';
import type { FanoutReport } from './feed-clients';

interface Options {
  sizes: number[];
  rate: number;
  events: number;
  warmup: number;
  rounds: number;
  procs: number;
  topology: 'all-in-one' | 'split';
}

interface Row {
  clients: number;
  target: 'bare' | 'bisang';
  events: number;
  delivered: number;
  p50: number;
  p99: number;
  max: number;
  duplicates: number;
  outOfOrder: number;
  publishErrors: number;
  /** How long the publish call itself took (request to response), median. */
  callP50: number;
  /** bisang: from the publish call to the Redis signal "the feed moved" reaching a subscriber, median. */
  signalP50: number;
  /** CPU time of the server process(es) per published event. */
  serverCpuPerEventMs: number;
}

/** What one run needs to publish an event: `publish(i)` triggers event i (warm-up ones first). */
interface Publisher {
  target: Row['target'];
  url: string;
  servers: ChildProcess[];
  /** bisang: the Redis channel of its realtime signals, timed too. */
  signals?: { redisUrl: string; channel: string };
  publish(i: number): Promise<boolean>;
}

/** One target's side of a crowd size: its clients stay connected while rounds of events alternate between targets. */
class TargetRun {
  private readonly sentAt: Float64Array;
  private readonly calls: number[] = [];
  private readonly signalAt: number[] = [];
  private readonly signalSentAt: number[] = [];
  private sub?: Redis;
  private publishErrors = 0;
  private cpuMs = 0;
  private published = 0;

  private constructor(
    private readonly p: Publisher,
    private readonly fleet: ClientFleet,
    private readonly clients: number,
    private readonly keys: string[],
    private readonly opts: Options,
  ) {
    this.sentAt = new Float64Array(keys.length);
  }

  static async connect(p: Publisher, fairId: string, clients: number, keys: string[], opts: Options): Promise<TargetRun> {
    const fleet = await ClientFleet.connect(opts.procs, { url: p.url, fairId, count: clients, mode: 'fanout', keys });
    return new TargetRun(p, fleet, clients, keys, opts);
  }

  /** The same path, not counted (its postings are not among the keys). */
  async warmUp(): Promise<void> {
    await steadily(this.opts.warmup, this.opts.rate, async (i) => {
      if (!(await this.p.publish(i))) this.publishErrors++;
    });
    await this.fleet.settle(this.clients * this.opts.warmup, 10_000);
    if (this.p.signals) {
      this.sub = new Redis(this.p.signals.redisUrl);
      await this.sub.subscribe(this.p.signals.channel);
      this.sub.on('message', () => this.signalAt.push(wallNow()));
    }
  }

  /** Publishes keys [from, to) at the steady rate and waits until every client has them (or 10 s). */
  async round(from: number, to: number): Promise<void> {
    const before = await this.fleet.received();
    const cpuBefore = await serverCpu(this.p.servers);
    await steadily(to - from, this.opts.rate, async (k) => {
      const i = from + k;
      const started = performance.now();
      this.sentAt[i] = wallNow();
      if (this.sub) this.signalSentAt.push(this.sentAt[i]);
      const ok = await this.p.publish(this.opts.warmup + i);
      this.calls.push(performance.now() - started);
      if (!ok) this.publishErrors++;
    });
    this.published += to - from;
    await this.fleet.settle(before + this.clients * (to - from), 10_000);
    this.cpuMs += (await serverCpu(this.p.servers)) - cpuBefore;
  }

  async finish(): Promise<Row> {
    this.sub?.disconnect();
    const reports = await this.fleet.report<FanoutReport>();
    await this.fleet.close();
    const latencies: number[] = [];
    let delivered = 0;
    for (const r of reports) {
      for (let j = 0; j < r.times.length; j++) {
        const t = r.times[j];
        if (Number.isNaN(t)) continue;
        delivered++;
        latencies.push(t - this.sentAt[j % this.keys.length]);
      }
    }
    const sorted = sortedOf(latencies);
    // Events are 1000/rate ms apart, far more than a publish takes: the k-th signal is the k-th event's.
    const signals = this.signalAt.slice(0, this.signalSentAt.length).map((t, k) => t - this.signalSentAt[k]);
    return {
      clients: this.clients,
      target: this.p.target,
      events: this.published,
      delivered: delivered / (this.clients * this.published),
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      max: sorted[sorted.length - 1] ?? NaN,
      duplicates: reports.reduce((n, r) => n + r.duplicates, 0),
      outOfOrder: reports.reduce((n, r) => n + r.outOfOrder, 0),
      publishErrors: this.publishErrors,
      callP50: percentile(sortedOf(this.calls), 50),
      signalP50: this.sub ? percentile(sortedOf(signals), 50) : NaN,
      serverCpuPerEventMs: this.cpuMs / this.published,
    };
  }

  stop(): Promise<void> {
    this.sub?.disconnect();
    return this.fleet.close();
  }
}

/**
 * Both crowds stay connected; rounds of events alternate between the targets (bisang first in even rounds,
 * bare first in odd ones), so that whatever else loads the machine falls on both alike.
 */
async function measureSize(bisang: Publisher, bare: Publisher, fairId: string, clients: number, keys: string[], opts: Options): Promise<Row[]> {
  const runs: TargetRun[] = [];
  try {
    for (const p of [bisang, bare]) {
      process.stderr.write(`  ${int(clients)} clients: connecting to ${p.target} …\n`);
      runs.push(await TargetRun.connect(p, fairId, clients, keys, opts));
    }
    await sleep(1000);
    for (const r of runs) await r.warmUp();
    const perRound = Math.ceil(keys.length / opts.rounds);
    for (let round = 0; round * perRound < keys.length; round++) {
      const from = round * perRound;
      const to = Math.min(keys.length, from + perRound);
      process.stderr.write(`  ${int(clients)} clients: round ${round + 1} of ${opts.rounds} …\n`);
      for (const r of round % 2 === 0 ? runs : [...runs].reverse()) {
        await r.round(from, to);
        await sleep(500);
      }
    }
    return await Promise.all(runs.map((r) => r.finish()));
  } finally {
    await Promise.all(runs.map((r) => r.stop()));
  }
}

const serverCpu = async (servers: ChildProcess[]) => (await Promise.all(servers.map((s) => cpuTimeMs(s.pid)))).reduce((a, b) => a + b, 0);

function printTable(rows: Row[]): void {
  const header =
    `${lpad('clients', 7)} ${pad('target', 7)} ${lpad('events', 6)} ${lpad('delivered', 9)} ${lpad('p50 ms', 8)} ${lpad('p99 ms', 8)}` +
    ` ${lpad('max ms', 8)} ${lpad('dup', 4)} ${lpad('order', 5)} ${lpad('pub err', 7)} ${lpad('call p50 ms', 11)} ${lpad('signal p50', 10)} ${lpad('server CPU ms/event', 19)}`;
  console.log(header);
  console.log('-'.repeat(header.length));
  for (const r of rows) {
    console.log(
      `${lpad(int(r.clients), 7)} ${pad(r.target, 7)} ${lpad(String(r.events), 6)} ${lpad(pct(r.delivered), 9)} ${lpad(ms(r.p50), 8)} ${lpad(ms(r.p99), 8)}` +
        ` ${lpad(ms(r.max), 8)} ${lpad(String(r.duplicates), 4)} ${lpad(String(r.outOfOrder), 5)} ${lpad(String(r.publishErrors), 7)} ${lpad(ms(r.callP50), 11)} ${lpad(ms(r.signalP50), 10)} ${lpad(ms(r.serverCpuPerEventMs), 19)}`,
    );
  }
  console.log('\nbisang / bare');
  for (const clients of new Set(rows.map((r) => r.clients))) {
    const bare = rows.find((r) => r.clients === clients && r.target === 'bare')!;
    const bisang = rows.find((r) => r.clients === clients && r.target === 'bisang')!;
    console.log(
      `  ${lpad(int(clients), 6)} clients   p50 ${ratio(bisang.p50, bare.p50)}   p99 ${ratio(bisang.p99, bare.p99)}` +
        `   server CPU/event ${ratio(bisang.serverCpuPerEventMs, bare.serverCpuPerEventMs)}`,
    );
  }
  console.log('\ndup: an event received twice by one client; order: an event received after a newer one (both should be 0).');
  console.log('call p50: the publish HTTP call alone, request to response (bisang: the whole transaction and the signal).');
  console.log('signal p50: bisang only, the publish call to its Redis signal reaching a subscriber (the API\'s share of the latency).');
  console.log('server CPU: bisang counts its own processes (API, gateway, worker), not PostgreSQL or Redis.');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      clients: { type: 'string', default: '1000,5000' },
      rate: { type: 'string', default: '2' },
      events: { type: 'string', default: '80' },
      warmup: { type: 'string', default: '5' },
      rounds: { type: 'string', default: '4' },
      procs: { type: 'string', default: '4' },
      topology: { type: 'string', default: 'all-in-one' },
    },
    strict: true,
  });
  const opts: Options = {
    sizes: values.clients.split(',').map(Number),
    rate: Number(values.rate),
    events: Number(values.events),
    warmup: Number(values.warmup),
    rounds: Number(values.rounds),
    procs: Number(values.procs),
    topology: values.topology === 'split' ? 'split' : 'all-in-one',
  };
  console.log(`Feed fan-out benchmark — ${machine()}`);
  console.log(
    `${opts.sizes.map(int).join(' and ')} clients on /fair (websocket) in ${opts.procs} child processes; ` +
      `${opts.warmup} warm-up + ${opts.events} events per target at ${opts.rate}/s, in ${opts.rounds} rounds alternating between the targets;\n` +
      `bisang = ${opts.topology === 'split' ? 'api + realtime + worker processes' : 'the all-in-one process'} from dist/, NODE_ENV=production\n`,
  );

  const s = scratch('fanout');
  runBench(async (stopLater) => {
    const env = bisangEnv(s);
    const bisang = await startDeployment(opts.topology, env);
    stopLater(bisang);
    const bare: Running = await startBareFeedServer();
    stopLater(bare);
    const http = new HttpClient(bisang.apiUrl);
    const organizer = await createOrganizer(http, env);
    const { fairId, booth } = await liveFairWithApprovedBooth(http, organizer);

    const rows: Row[] = [];
    const title = (i: number) => `실시간 공고 #${i} — 백엔드 개발자 (Node.js) / Backend developer`;
    for (const clients of opts.sizes) {
      const total = opts.warmup + opts.events;
      process.stderr.write(`  ${int(clients)} clients: preparing ${total} draft postings …\n`);
      const since = (await http.get(`/fairs/${fairId}`)).body.lastEventId as number;
      const drafts = await createDrafts(http, booth, total, title);
      const bisangSide = bisangPublisher(bisang, channels.signals(s.redisPrefix), s.redisUrl, http, booth, drafts);
      // The bare server broadcasts Bisang's own payload: a posting.published event Bisang sent (its warm-up
      // runs first), with the id and title of the posting in turn. The clients time both by posting id.
      let template: Pick<FeedEvent, 'type' | 'data'> | undefined;
      const payload = async (i: number) => {
        template ??= [...(await feedPayloads(http, fairId, since)).values()][0];
        const posting = { ...(template.data as { posting: object }).posting, id: drafts[i], title: title(i), publishedAt: new Date().toISOString() };
        return { type: template.type, data: { ...template.data, posting } } as Pick<FeedEvent, 'type' | 'data'>;
      };
      const bareSide = barePublisher(bare, fairId, payload);
      rows.push(...(await measureSize(bisangSide, bareSide, fairId, clients, drafts.slice(opts.warmup), opts)));
    }
    console.log('');
    printTable(rows);
  }, s);
}

function bisangPublisher(bisang: BisangDeployment, channel: string, redisUrl: string, http: HttpClient, booth: BoothSetup, drafts: string[]): Publisher {
  return {
    target: 'bisang',
    url: bisang.socketUrl,
    servers: bisang.processes.map((p) => p.child),
    signals: { redisUrl, channel },
    publish: async (i) => (await http.post(`/postings/${drafts[i]}/publish`, {}, booth.recruiter.accessToken)).status === 200,
  };
}

function barePublisher(bare: Running, fairId: string, payload: (i: number) => Promise<Pick<FeedEvent, 'type' | 'data'>>): Publisher {
  return {
    target: 'bare',
    url: bare.url,
    servers: [bare.child],
    publish: async (i) => {
      const body = JSON.stringify(await payload(i));
      const res = await fetch(`${bare.url}/fairs/${fairId}/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      await res.text();
      return res.status === 201;
    },
  };
}

void main();
