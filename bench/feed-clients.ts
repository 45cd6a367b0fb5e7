/**
 * A share of the feed benchmarks' socket.io clients, in a child process of its own so that the client side
 * is spread over processes (and cores) instead of competing with the parent. Forked by
 * bench/feed-fanout.ts and bench/feed-durable.ts; driven over the IPC channel (see ClientCommand).
 *
 * Every client connects to namespace `/fair`, joins the fair and keeps, per event it receives, the
 * wall-clock time of receipt (fanout) or the sequence of ids (durable). In durable mode each client's
 * connection is cut from the client side (`socket.io.engine.close()`) every `killEveryMs`, staggered over
 * the clients; socket.io-client reconnects by itself and the client joins again, with `since` = the last
 * id it saw when `replay` is on.
 */
import { io, Socket } from 'socket.io-client';
import type { ClientToServerEvents, FeedEvent, JoinAck, ServerToClientEvents } from '@bisang/contracts';

type FairClient = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface ConnectCommand {
  cmd: 'connect';
  url: string;
  fairId: string;
  count: number;
  mode: 'fanout' | 'durable';
  /** fanout: the posting ids to time, in publish order. */
  keys?: string[];
  /** durable: cut every client's connection this often (0: never) and rejoin with `since` when `replay`. */
  killEveryMs?: number;
  replay?: boolean;
}
export type ClientCommand = ConnectCommand | { cmd: 'start-faults' } | { cmd: 'stop-faults' } | { cmd: 'count' } | { cmd: 'report' } | { cmd: 'close' };

export type ClientAnswer =
  | { joined: number; failed: number }
  | { received: number }
  | FanoutReport
  | DurableReport
  | { closed: true };

export interface FanoutReport {
  kind: 'fanout';
  /** clients × keys receipt times (ms, wall clock), NaN where never received. */
  times: Float64Array;
  duplicates: number;
  outOfOrder: number;
}

export interface DurableReport {
  kind: 'durable';
  /** Per client: the id acknowledged by the first join, and every id received, in order of receipt. */
  clients: { firstAck: number; ids: number[]; kills: number; rejoins: number; joinErrors: number }[];
}

const wallNow = () => performance.timeOrigin + performance.now();
const send = (answer: ClientAnswer) => process.send?.(answer);

let sockets: FairClient[] = [];
let received = 0;
let command: ConnectCommand;
// fanout
let keyIndex = new Map<string, number>();
let times = new Float64Array(0);
let duplicates = 0;
let outOfOrder = 0;
// durable
let durable: DurableReport['clients'] = [];
const timers: NodeJS.Timeout[] = [];

function join(socket: FairClient, since?: number): Promise<JoinAck> {
  return socket.timeout(30_000).emitWithAck('fair:join', since === undefined ? { fairId: command.fairId } : { fairId: command.fairId, since });
}

async function connectAll(c: ConnectCommand): Promise<void> {
  command = c;
  const keys = c.keys ?? [];
  keyIndex = new Map(keys.map((k, i) => [k, i]));
  times = new Float64Array(c.count * keys.length).fill(NaN);
  durable = Array.from({ length: c.count }, () => ({ firstAck: -1, ids: [], kills: 0, rejoins: 0, joinErrors: 0 }));
  let joined = 0;
  let failed = 0;
  const BATCH = 50;
  for (let start = 0; start < c.count; start += BATCH) {
    await Promise.all(
      Array.from({ length: Math.min(BATCH, c.count - start) }, async (_, k) => {
        const ok = await openClient(start + k);
        if (ok) joined++;
        else failed++;
      }),
    );
  }
  send({ joined, failed });
}

function openClient(i: number): Promise<boolean> {
  const socket: FairClient = io(`${command.url}/fair`, {
    path: '/socket.io',
    transports: ['websocket'],
    forceNew: true,
    reconnection: command.mode === 'durable',
    reconnectionDelay: 500,
    reconnectionDelayMax: 2000,
    timeout: 60_000,
  });
  sockets.push(socket);
  const base = i * keyIndex.size;
  let lastId = -1;
  const state = durable[i];

  socket.on('feed', (e: FeedEvent) => {
    received++;
    if (command.mode === 'fanout') {
      const at = wallNow();
      if (e.id <= lastId) outOfOrder++;
      lastId = Math.max(lastId, e.id);
      const k = keyIndex.get((e.data as { posting?: { id?: string } }).posting?.id ?? '');
      if (k === undefined) return;
      if (Number.isNaN(times[base + k])) times[base + k] = at;
      else duplicates++;
    } else {
      state.ids.push(e.id);
    }
  });

  return new Promise<boolean>((resolve) => {
    let first = true;
    socket.on('connect', () => {
      const isFirst = first;
      first = false;
      // A reconnect joins again; with replay, from the last id this client holds.
      const last = state.ids.length ? state.ids[state.ids.length - 1] : state.firstAck;
      const since = !isFirst && command.replay ? last : undefined;
      if (!isFirst) state.rejoins++;
      join(socket, since).then(
        (ack) => {
          if (!ack.ok) state.joinErrors++;
          if (isFirst) {
            if (ack.ok) state.firstAck = ack.lastEventId;
            resolve(ack.ok);
          }
        },
        () => {
          state.joinErrors++;
          if (isFirst) resolve(false);
        },
      );
    });
    socket.once('connect_error', () => {
      // durable clients keep trying (reconnection is on); fanout clients have one chance
      if (first && command.mode === 'fanout') resolve(false);
    });
  });
}

function startFaults(): void {
  const every = command.killEveryMs ?? 0;
  if (!every) return;
  sockets.forEach((socket, i) => {
    // Staggered: client i is first cut at i/N of the period, then every period.
    const cut = () => {
      durable[i].kills++;
      socket.io.engine?.close();
    };
    const first = setTimeout(
      () => {
        cut();
        timers.push(setInterval(cut, every));
      },
      Math.round((i / sockets.length) * every),
    );
    timers.push(first);
  });
}

process.on('message', (m: ClientCommand) => {
  switch (m.cmd) {
    case 'connect':
      void connectAll(m);
      break;
    case 'start-faults':
      startFaults();
      break;
    case 'stop-faults':
      for (const t of timers) clearTimeout(t);
      break;
    case 'count':
      send({ received });
      break;
    case 'report':
      for (const t of timers) clearTimeout(t);
      send(command.mode === 'fanout' ? { kind: 'fanout', times, duplicates, outOfOrder } : { kind: 'durable', clients: durable });
      break;
    case 'close':
      for (const t of timers) clearTimeout(t);
      for (const s of sockets) s.disconnect();
      sockets = [];
      send({ closed: true });
      break;
  }
});
