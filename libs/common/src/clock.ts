/**
 * The fair clock: the one source of "now" for everything that decides behaviour by time — a fair's open and
 * close, postings' `closesAt`, coaching booking windows, reminders, sessions opening and auto-completing, holds,
 * hire follow-ups, the KPIs' "today" — in the API, the worker, and the SQL they run (pass `now()` as a bound
 * parameter instead of SQL `now()`).
 *
 * Two clocks exist, chosen per process from the environment when this module loads:
 * - the real clock (the default, and production's);
 * - the drill's scaled clock (`npm run drill`): `CLOCK=scaled`, `CLOCK_EPOCH` (ISO fair time at the real
 *   start), `CLOCK_REAL_START` (epoch ms of that real start; every process of one drill gets the same value,
 *   so they agree), `CLOCK_RATE` (fair seconds per real second, e.g. 5760 for one fair-day per 15 s).
 *   Instead of CLOCK_REAL_START, `CLOCK_START_FILE`: fair time holds at the epoch until that file holds the
 *   real start (epoch ms) — the drill boots its processes on a held clock and starts it once all are up.
 *
 * Infrastructure time stays real on purpose: access/refresh token and mail-link expiry, sign-in back-off,
 * rate limits, socket heartbeats and presence TTLs, event-relay leases and retries, BullMQ's own schedulers and
 * back-offs, the KPI refresh debounce. Those files are allow-listed in `clock-usage.spec.ts`.
 *
 * BullMQ runs delayed jobs on Redis' real time: a delay computed on this clock (fair milliseconds) is turned
 * into a real one with `realDelayMs` — `JobProducer.enqueue({ delayMs })` does it for every job.
 */

import { readFileSync } from 'node:fs';

export type ClockSettings =
  | { kind: 'real' }
  | {
      kind: 'scaled';
      /** fair time at `realStartMs` */
      epochMs: number;
      /** null: not started yet — fair time holds at `epochMs` until `startFile` holds the real start instant */
      realStartMs: number | null;
      /** fair ms per real ms */
      rate: number;
      startFile?: string;
    };

/** The clock an environment asks for; throws on a half-given or malformed scaled clock (a process must not start on a wrong clock). */
export function clockFromEnv(env: NodeJS.ProcessEnv): ClockSettings {
  const kind = env.CLOCK ?? 'real';
  if (kind === 'real' || kind === '') return { kind: 'real' };
  if (kind !== 'scaled') throw new Error(`CLOCK must be "real" or "scaled", not "${kind}"`);
  const epochMs = Date.parse(env.CLOCK_EPOCH ?? '');
  const startFile = env.CLOCK_START_FILE || undefined;
  const realStartMs = env.CLOCK_REAL_START ? Number(env.CLOCK_REAL_START) : null;
  const rate = Number(env.CLOCK_RATE);
  if (!Number.isFinite(epochMs)) throw new Error('CLOCK=scaled needs CLOCK_EPOCH, an ISO instant');
  if (realStartMs === null ? !startFile : !Number.isFinite(realStartMs) || realStartMs <= 0)
    throw new Error('CLOCK=scaled needs CLOCK_REAL_START (epoch milliseconds) or CLOCK_START_FILE');
  if (!Number.isFinite(rate) || rate <= 0) throw new Error('CLOCK=scaled needs CLOCK_RATE > 0 (fair seconds per real second)');
  return { kind: 'scaled', epochMs, realStartMs, rate, ...(startFile ? { startFile } : {}) };
}

let settings: ClockSettings = clockFromEnv(process.env);

/** Replaces this process's clock (tests, and the drill runner itself). */
export function configureClock(next: ClockSettings): void {
  settings = next;
}

export function clockSettings(): ClockSettings {
  return settings;
}

let lastStartLook = 0;
/** A held clock looks for its start file at most every 50 ms (a tiny synchronous read, only until it has started). */
function startedAt(s: Extract<ClockSettings, { kind: 'scaled' }>, realMs: number): number | null {
  if (s.realStartMs !== null || !s.startFile || realMs - lastStartLook < 50) return s.realStartMs;
  lastStartLook = realMs;
  try {
    const at = Number(readFileSync(s.startFile, 'utf8').trim());
    if (Number.isFinite(at) && at > 0) s.realStartMs = at;
  } catch {
    // not started yet
  }
  return s.realStartMs;
}

/** Fair time at real instant `realMs`. */
export function fairTimeAt(realMs: number, s: ClockSettings = settings): number {
  if (s.kind === 'real') return realMs;
  const start = startedAt(s, realMs);
  return start === null ? s.epochMs : s.epochMs + Math.max(0, realMs - start) * s.rate;
}

/** Now on the fair clock, in epoch milliseconds. */
export function nowMs(): number {
  return fairTimeAt(Date.now());
}

/** Now on the fair clock. */
export function now(): Date {
  return new Date(nowMs());
}

/** Fair milliseconds per real millisecond (1 on the real clock). */
export function clockRate(): number {
  return settings.kind === 'real' ? 1 : settings.rate;
}

/** The real delay (for BullMQ, setTimeout) after which `fairDelayMs` of fair time will have passed. */
export function realDelayMs(fairDelayMs: number): number {
  return fairDelayMs / clockRate();
}

/** `clock.now()` / `clock.nowMs()`: the form used at call sites (one import, no clash with local `now` variables). */
export const clock = { now, nowMs } as const;
