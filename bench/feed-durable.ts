/**
 * Does every client get every event of the fair feed exactly once, in order, even when its connection keeps
 * dropping? (issue #3, the fair feed)
 *
 * N clients (default 200) join a live fair on namespace `/fair`; every client's connection is cut from the
 * client side (`socket.io.engine.close()`) every ~15 s, staggered over the clients, and socket.io-client
 * reconnects by itself. Meanwhile postings are published at a steady rate (default 5/s for 75 s):
 *   - bisang: the built all-in-one process from dist/, a recruiter publishing draft postings of an approved
 *     booth through `POST /api/v1/postings/:id/publish`; a reconnecting client joins again with
 *     `fair:join {fairId, since: <last id it saw>}`.
 *   - bare: a bare socket.io 4 server (bench/bare-feed-server.ts) with the same fault injection, triggered
 *     by the same publisher loop with the same payloads; it keeps nothing, so a reconnecting client just
 *     joins again and whatever was broadcast while it was away is lost. This proves the faults are real.
 * For every client the ids it received are compared with the ids the fair got after its first join.
 *
 * Usage: `npm run bench:feed-durable [-- --clients 200 --rate 5 --seconds 75 --kill-every 15 --procs 4]`
 */
import { parseArgs } from 'node:util';
import { FeedEvent } from '@bisang/contracts';
import { HttpClient } from '@bisang/testing';
import {
  ClientFleet,
  Running,
  bisangEnv,
  createDrafts,
  createOrganizer,
  feedPayloads,
  int,
  liveFairWithApprovedBooth,
  lpad,
  machine,
  pad,
  pct,
  runBench,
  scratch,
  sleep,
  startBareFeedServer,
  startBisang,
  steadily,
} from './bench-support';
import type { DurableReport } from './feed-clients';

interface Options {
  clients: number;
  rate: number;
  seconds: number;
  killEveryMs: number;
  procs: number;
}

interface Row {
  target: 'bisang' | 'bare';
  clients: number;
  events: number;
  cuts: number;
  rejoins: number;
  joinErrors: number;
  expected: number;
  /** (client, event) pairs received exactly once. */
  exactlyOnce: number;
  lost: number;
  duplicates: number;
  outOfOrder: number;
  /** Clients whose received ids are exactly the fair's ids after their first join, in order. */
  perfectClients: number;
}

async function run(
  target: Row['target'],
  url: string,
  fairId: string,
  publish: (i: number) => Promise<boolean>,
  lastId: () => Promise<number>,
  opts: Options,
): Promise<Row> {
  const fleet = await ClientFleet.connect(opts.procs, {
    url,
    fairId,
    count: opts.clients,
    mode: 'durable',
    killEveryMs: opts.killEveryMs,
    replay: target === 'bisang',
  });
  try {
    await sleep(500);
    fleet.startFaults();
    let publishErrors = 0;
    await steadily(opts.rate * opts.seconds, opts.rate, async (i) => {
      if (!(await publish(i))) publishErrors++;
    });
    if (publishErrors) throw new Error(`${target}: ${publishErrors} publish calls failed`);
    fleet.stopFaults();
    const final = await lastId();
    // Reconnecting clients catch up within a few seconds; the bare server's clients never will.
    const deadline = Date.now() + 15_000;
    const caughtUp = (r: DurableReport[]) => r.every((p) => p.clients.every((c) => c.ids[c.ids.length - 1] === final));
    while (Date.now() < deadline && !caughtUp(await fleet.report<DurableReport>())) await sleep(250);
    await sleep(1000); // anything late (a duplicate) arrives by now
    const clients = (await fleet.report<DurableReport>()).flatMap((r) => r.clients);

    const row: Row = {
      target,
      clients: clients.length,
      events: opts.rate * opts.seconds,
      cuts: 0,
      rejoins: 0,
      joinErrors: 0,
      expected: 0,
      exactlyOnce: 0,
      lost: 0,
      duplicates: 0,
      outOfOrder: 0,
      perfectClients: 0,
    };
    for (const c of clients) {
      row.cuts += c.kills;
      row.rejoins += c.rejoins;
      row.joinErrors += c.joinErrors;
      const expected = final - c.firstAck;
      row.expected += expected;
      const counts = new Map<number, number>();
      for (const id of c.ids) counts.set(id, (counts.get(id) ?? 0) + 1);
      let once = 0;
      for (let id = c.firstAck + 1; id <= final; id++) if (counts.get(id) === 1) once++;
      row.exactlyOnce += once;
      row.lost += [...Array(expected).keys()].filter((k) => !counts.has(c.firstAck + 1 + k)).length;
      row.duplicates += c.ids.length - counts.size;
      for (let k = 1; k < c.ids.length; k++) if (c.ids[k] <= c.ids[k - 1]) row.outOfOrder++;
      const perfect = c.ids.length === expected && c.ids.every((id, k) => id === c.firstAck + 1 + k);
      if (perfect) row.perfectClients++;
    }
    return row;
  } finally {
    await fleet.close();
  }
}

function printTable(rows: Row[]): void {
  const header =
    `${pad('target', 7)} ${lpad('clients', 7)} ${lpad('events', 6)} ${lpad('cuts', 6)} ${lpad('rejoins', 7)} ${lpad('join err', 8)}` +
    ` ${lpad('expected', 9)} ${lpad('exactly once', 12)} ${lpad('lost', 7)} ${lpad('dup', 5)} ${lpad('order', 5)} ${lpad('clients complete', 16)}`;
  console.log(header);
  console.log('-'.repeat(header.length));
  for (const r of rows) {
    console.log(
      `${pad(r.target, 7)} ${lpad(int(r.clients), 7)} ${lpad(int(r.events), 6)} ${lpad(int(r.cuts), 6)} ${lpad(int(r.rejoins), 7)} ${lpad(int(r.joinErrors), 8)}` +
        ` ${lpad(int(r.expected), 9)} ${lpad(pct(r.exactlyOnce / r.expected), 12)} ${lpad(int(r.lost), 7)} ${lpad(int(r.duplicates), 5)}` +
        ` ${lpad(int(r.outOfOrder), 5)} ${lpad(`${int(r.perfectClients)} / ${int(r.clients)}`, 16)}`,
    );
  }
  console.log('\nexpected: (client, event) pairs, every event published after the client first joined; exactly once: received once;');
  console.log('lost: never received; dup: received again; order: received after a newer id; clients complete: got exactly');
  console.log('the fair\'s ids after their first join, each once, in order. cuts: connections closed by the harness.');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      clients: { type: 'string', default: '200' },
      rate: { type: 'string', default: '5' },
      seconds: { type: 'string', default: '75' },
      'kill-every': { type: 'string', default: '15' },
      procs: { type: 'string', default: '4' },
    },
    strict: true,
  });
  const opts: Options = {
    clients: Number(values.clients),
    rate: Number(values.rate),
    seconds: Number(values.seconds),
    killEveryMs: Number(values['kill-every']) * 1000,
    procs: Number(values.procs),
  };
  const events = opts.rate * opts.seconds;
  console.log(`Feed durability benchmark — ${machine()}`);
  console.log(
    `${int(opts.clients)} clients on /fair (websocket, reconnecting) in ${opts.procs} child processes, each cut every ${opts.killEveryMs / 1000} s ` +
      `(staggered); ${events} events at ${opts.rate}/s; bisang = all-in-one process from dist/, NODE_ENV=production\n`,
  );

  const s = scratch('durable');
  runBench(async (stopLater) => {
    const env = bisangEnv(s);
    const bisang = await startBisang('bisang', env);
    stopLater(bisang);
    const bare: Running = await startBareFeedServer();
    stopLater(bare);
    const http = new HttpClient(bisang.url);
    const organizer = await createOrganizer(http, env);
    const { fairId, booth } = await liveFairWithApprovedBooth(http, organizer);
    process.stderr.write(`  preparing ${events} draft postings …\n`);
    const since = (await http.get(`/fairs/${fairId}`)).body.lastEventId as number;
    const drafts = await createDrafts(http, booth, events, (i) => `실시간 공고 #${i} — 품질관리 엔지니어 / QA engineer`);

    process.stderr.write('  bisang …\n');
    const rows: Row[] = [];
    rows.push(
      await run(
        'bisang',
        bisang.url,
        fairId,
        async (i) => (await http.post(`/postings/${drafts[i]}/publish`, {}, booth.recruiter.accessToken)).status === 200,
        async () => (await http.get(`/fairs/${fairId}`)).body.lastEventId as number,
        opts,
      ),
    );

    const payloads = await feedPayloads(http, fairId, since);
    const bodies = drafts.map((id) => JSON.stringify(payloads.get(id) satisfies Pick<FeedEvent, 'type' | 'data'> | undefined));
    let bareLast = 0;
    process.stderr.write('  bare …\n');
    rows.push(
      await run(
        'bare',
        bare.url,
        fairId,
        async (i) => {
          const res = await fetch(`${bare.url}/fairs/${fairId}/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: bodies[i] });
          const body = (await res.json()) as { id: number };
          bareLast = Math.max(bareLast, body.id);
          return res.status === 201;
        },
        async () => bareLast,
        opts,
      ),
    );
    console.log('');
    printTable(rows);
  }, s);
}

void main();
