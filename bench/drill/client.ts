/**
 * The simulated users' side of the wire: an HTTP client that measures every call (latency per route, every 5xx and
 * cut connection with its real time) and retries what a killed node or a fault interrupted, and the feed clients
 * (socket.io, websocket transport, reconnecting and re-joining with `since`).
 */
import { io, Socket } from 'socket.io-client';
import type { FeedEvent } from '@bisang/contracts';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export interface Reply<T = any> {
  status: number;
  body: T;
}

export interface ServerError {
  /** when the failed attempt was sent (real ms) */
  startedAt: number;
  /** when its failure was seen */
  at: number;
  label: string;
  what: string;
}

export class Metrics {
  readonly latency = new Map<string, number[]>();
  readonly errors: ServerError[] = [];
  requests = 0;

  record(label: string, ms: number): void {
    let xs = this.latency.get(label);
    if (!xs) this.latency.set(label, (xs = []));
    xs.push(ms);
  }
}

export class DrillHttp {
  constructor(
    readonly baseUrl: string,
    readonly metrics: Metrics,
  ) {}

  /**
   * One call through the balancer. A cut connection or a 5xx is recorded and the call repeated (up to ~30 s: a node
   * restarting, Redis or PostgreSQL coming back); the caller reads what a repeated call answers (e.g. 409 ALREADY_APPLIED).
   */
  async call<T = any>(label: string, method: string, path: string, opts: { body?: unknown; token?: string; headers?: Record<string, string> } = {}): Promise<Reply<T> & { retried: boolean }> {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body: string | undefined;
    if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers['content-type'] = 'application/json';
    }
    const url = this.baseUrl + (path.startsWith('/health') ? path : `/api/v1${path}`);
    let retried = false;
    for (let attempt = 0; ; attempt++) {
      const t0 = performance.now();
      const startedAt = Date.now();
      this.metrics.requests++;
      let what: string;
      try {
        const res = await fetch(url, { method, headers, body, signal: AbortSignal.timeout(30_000) });
        const text = await res.text();
        if (res.status < 500) {
          this.metrics.record(label, performance.now() - t0);
          let parsed: unknown = text;
          try {
            parsed = text ? JSON.parse(text) : undefined;
          } catch {
            // not JSON
          }
          return { status: res.status, body: parsed as T, retried };
        }
        what = `${res.status} ${text.slice(0, 160)}`;
      } catch (err) {
        what = `connection: ${(err as Error).cause ? String(((err as Error).cause as Error).message ?? (err as Error).cause) : (err as Error).message}`;
      }
      this.metrics.errors.push({ startedAt, at: Date.now(), label, what });
      if (attempt >= 60) throw new Error(`${label}: still failing after ${attempt + 1} tries: ${what}`);
      retried = true;
      await sleep(Math.min(2000, 150 * (attempt + 1)));
    }
  }
}

/** A feed client: follows the fair's public feed and keeps every event it received, in arrival order. */
export class FeedClient {
  readonly ids: number[] = [];
  readonly events = new Map<number, FeedEvent>();
  readonly receivedAt: number[] = [];
  joins = 0;
  joinFailures = 0;
  private socket?: Socket;
  private lastId = 0;

  constructor(
    readonly n: number,
    private readonly url: string,
    private readonly fairId: string,
    private readonly onEvent: (e: FeedEvent, atMs: number) => void,
  ) {}

  get last(): number {
    return this.lastId;
  }

  connect(): Promise<void> {
    const socket = io(`${this.url}/fair`, {
      transports: ['websocket'],
      reconnection: true,
      reconnectionDelay: 200,
      reconnectionDelayMax: 2000,
      randomizationFactor: 0.5,
      timeout: 10_000,
    });
    this.socket = socket;
    socket.on('feed', (e: FeedEvent) => {
      const at = Date.now();
      this.ids.push(e.id);
      this.receivedAt.push(at);
      if (!this.events.has(e.id)) this.events.set(e.id, e);
      if (e.id > this.lastId) this.lastId = e.id;
      this.onEvent(e, at);
    });
    let first = true;
    return new Promise<void>((resolve) => {
      socket.on('connect', () => {
        // Every (re)connection joins again from the last event seen: the contract's replay with no gap and no duplicate.
        socket
          .timeout(15_000)
          .emitWithAck('fair:join', this.lastId ? { fairId: this.fairId, since: this.lastId } : { fairId: this.fairId, since: 0 })
          .then(
            (ack: { ok: boolean }) => {
              if (ack?.ok) this.joins++;
              else this.joinFailures++;
            },
            () => {
              this.joinFailures++;
              socket.disconnect().connect();
            },
          )
          .finally(() => {
            if (first) {
              first = false;
              resolve();
            }
          });
      });
    });
  }

  /** The client's own cut: drops the connection and comes back a moment later. */
  bounce(): void {
    this.socket?.disconnect();
    setTimeout(() => this.socket?.connect(), 200 + (this.n % 5) * 100);
  }

  close(): void {
    this.socket?.close();
  }
}
