import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clock, clockFromEnv, clockRate, configureClock, fairTimeAt, realDelayMs } from './clock';
import { isPastCalendarDate } from './is-past-calendar-date';

describe('the fair clock', () => {
  afterEach(() => configureClock({ kind: 'real' }));

  it('is the real clock by default', () => {
    expect(clockFromEnv({})).toEqual({ kind: 'real' });
    configureClock(clockFromEnv({}));
    const before = Date.now();
    const t = clock.nowMs();
    expect(t).toBeGreaterThanOrEqual(before);
    expect(t).toBeLessThanOrEqual(Date.now());
    expect(clockRate()).toBe(1);
    expect(realDelayMs(5000)).toBe(5000);
  });

  it('runs the drill fair time from its epoch at its rate', () => {
    const s = clockFromEnv({ CLOCK: 'scaled', CLOCK_EPOCH: '2027-03-02T00:00:00.000Z', CLOCK_REAL_START: '1000000', CLOCK_RATE: '5760' });
    expect(s).toEqual({ kind: 'scaled', epochMs: Date.parse('2027-03-02T00:00:00Z'), realStartMs: 1_000_000, rate: 5760 });
    // 15 real seconds after the start are one fair-day later
    expect(new Date(fairTimeAt(1_015_000, s)).toISOString()).toBe('2027-03-03T00:00:00.000Z');
    configureClock(s);
    expect(clockRate()).toBe(5760);
    // the 24 h reminder delay, in real time
    expect(realDelayMs(86_400_000)).toBe(15_000);
  });

  it('makes every process started with the same environment agree', () => {
    const env = { CLOCK: 'scaled', CLOCK_EPOCH: '2027-03-02T00:00:00Z', CLOCK_REAL_START: String(Date.now()), CLOCK_RATE: '100' };
    configureClock(clockFromEnv(env));
    const a = clock.nowMs();
    configureClock(clockFromEnv(env));
    const b = clock.nowMs();
    expect(b - a).toBeGreaterThanOrEqual(0);
    expect(b - a).toBeLessThan(60_000); // well under a fair minute apart
    expect(clock.now().getUTCFullYear()).toBe(2027);
  });

  it('holds at its epoch until the start file holds the real start (the drill boots on a held clock)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clock-'));
    const startFile = join(dir, 'start');
    const s = clockFromEnv({ CLOCK: 'scaled', CLOCK_EPOCH: '2027-03-01T00:00:00Z', CLOCK_START_FILE: startFile, CLOCK_RATE: '1000' });
    expect(fairTimeAt(Date.now(), s)).toBe(Date.parse('2027-03-01T00:00:00Z'));
    writeFileSync(startFile, String(Date.now() - 2000));
    // 2 real seconds since the start at 1000× are 2000 fair seconds
    expect(fairTimeAt(Date.now() + 60, s) - Date.parse('2027-03-01T00:00:00Z')).toBeGreaterThanOrEqual(2_000_000);
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a half-given scaled clock', () => {
    expect(() => clockFromEnv({ CLOCK: 'scaled' })).toThrow(/CLOCK_EPOCH/);
    expect(() => clockFromEnv({ CLOCK: 'scaled', CLOCK_EPOCH: '2027-01-01T00:00:00Z', CLOCK_REAL_START: '1' })).toThrow(/CLOCK_RATE/);
    expect(() => clockFromEnv({ CLOCK: 'fast' })).toThrow(/CLOCK/);
  });

  it('decides "in the past" on the fair clock', () => {
    configureClock({ kind: 'scaled', epochMs: Date.parse('2030-06-01T00:00:00Z'), realStartMs: Date.now(), rate: 1 });
    expect(isPastCalendarDate('2029-12-31')).toBe(true);
  });
});
