import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * A lint in test form: time that decides behaviour comes from the fair clock (libs/common/src/clock.ts), so the
 * drill's scaled clock reaches it. Bare `Date.now()`, `new Date()`, luxon's `DateTime.now()` and SQL `now()` /
 * `statement_timestamp()` / `CURRENT_TIMESTAMP` in apps/ and libs/ are refused outside the files below, which
 * keep the real clock on purpose (each with its reason).
 */
const ROOT = join(__dirname, '..', '..', '..');

const REAL_CLOCK_ON_PURPOSE: Record<string, string> = {
  'libs/common/src/clock.ts': 'the clock itself',
  'libs/auth/src/accounts.service.ts': 'refresh tokens and sessions expire in real time',
  'libs/auth/src/account-mail.service.ts': 'mail links (verification, password reset) expire in real time',
  'libs/auth/src/sign-in-backoff.ts': 'sign-in back-off is a real-time defence',
  'libs/auth/src/mail-link-tokens.ts': 'mail-link tokens expire in real time',
  'apps/api/src/companies/companies.service.ts': 'staff invitations expire in real time (account matter, not fair time)',
  'apps/api/src/queue-dashboard/queue-dashboard.controller.ts': 'an operator session on the queue dashboard',
  'apps/realtime/src/fair/socket-sessions.service.ts': 'socket sessions follow the access token, real time',
  'apps/realtime/src/fair/socket-rate-limit.ts': 'rate limits are real time',
  'apps/realtime/src/fair/booth-presence.service.ts': 'presence heartbeats and TTLs in Redis are real time',
  'apps/worker/src/events/event-relay.service.ts': 'event-relay leases and retries are real time',
  'libs/database/src/repositories/domain-events.repository.ts': 'subscription leases and retry times in SQL are real time',
  'libs/queues/src/job-producer.ts': "BullMQ's job schedulers run on real time",
  'libs/queues/src/kpi-signals.ts': 'the KPI refresh debounce window is real time (realDelayMs)',
  'apps/worker/src/mail/send-mail.handler.ts': 'when the SMTP server accepted a mail: a delivery record',
  'apps/worker/src/mail/mail-composer.ts': 'a password-reset link expires in real time',
  'libs/database/src/repositories/seeker-profiles.repository.ts': "the seeker's age shown on a profile (display only)",
  'libs/database/src/repositories/applications.repository.ts': "the seeker's age shown to recruiters (display only)",
  'libs/database/src/repositories/booth-queue.repository.ts': "booth staff presence holds are heartbeats: they lapse in real time, like the sockets that hold them",
  'apps/api/src/rooms/ice-servers.ts': 'TURN credentials expire in real time (coturn checks them against its own clock)',
  'apps/worker/src/mail/mail-sender.ts': 'when the SMTP server accepted a mail: a delivery record',
  'apps/worker/src/mail/mail.subscriber.ts': "the applicant digest's window is mail pacing, in real time",
  'libs/database/src/repositories/calendar-feeds.repository.ts': "the calendar feed's 30-day look-back decides nothing (a calendar app's view)",
  'libs/database/src/repositories/coaching-bookings.repository.ts': "the seeker's age shown to their coach (display only)",
};

/** Demo seeding and the test helpers run on the real clock (the demo fair is made around the real now). */
const SKIPPED_DIRS = ['apps/web', 'apps/bisang/src/demo', 'libs/testing', 'libs/database/src/migrations', 'node_modules'];

const PATTERNS: [RegExp, string][] = [
  [/\bDate\.now\(\)/, 'Date.now() → clock.nowMs()'],
  [/new Date\(\)/, 'new Date() → clock.now()'],
  [/\bDateTime\.(now|local|utc)\(\)/, 'DateTime.now() → DateTime.fromMillis(clock.nowMs())'],
  [/(?<![.\w])now\(\)/, "SQL now() → a bound parameter: `$N::timestamptz` with clock.now() in the parameters"],
  [/\b(statement_timestamp|transaction_timestamp|clock_timestamp)\(\)|\bCURRENT_TIMESTAMP\b|\bLOCALTIMESTAMP\b/i, 'SQL current time → a bound parameter with clock.now()'],
];

function sources(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const rel = relative(ROOT, path);
    if (SKIPPED_DIRS.some((d) => rel === d || rel.startsWith(`${d}/`))) continue;
    if (entry.isDirectory()) sources(path, out);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) out.push(rel);
  }
  return out;
}

function problemsIn(file: string, text: string): string[] {
  const problems: string[] = [];
  text.split('\n').forEach((line, i) => {
    const code = line.replace(/\/\/.*$/, '').replace(/^\s*\*.*$/, ''); // comments may speak of now()
    for (const [pattern, fix] of PATTERNS) if (pattern.test(code)) problems.push(`${file}:${i + 1}: ${fix}`);
  });
  return problems;
}

describe('the fair clock is the only clock that decides behaviour', () => {
  it('recognises each bare clock, and not the fair clock', () => {
    const bad = ['const t = Date.now();', 'at: new Date(),', "DateTime.now().setZone('Asia/Seoul')", 'WHERE closes_at > now()', 'SELECT statement_timestamp()', 'DEFAULT CURRENT_TIMESTAMP'];
    for (const line of bad) expect(problemsIn('x.ts', line)).toHaveLength(1);
    const good = ['const t = clock.nowMs();', 'at: clock.now(),', 'new Date(row.at)', 'WHERE closes_at > $2', '// SQL now() decides nothing here'];
    for (const line of good) expect(problemsIn('x.ts', line)).toEqual([]);
  });

  it('has no bare Date.now() / new Date() / SQL now() in apps/ and libs/ outside the allow-list', () => {
    const problems: string[] = [];
    for (const file of [...sources(join(ROOT, 'apps')), ...sources(join(ROOT, 'libs'))]) {
      if (REAL_CLOCK_ON_PURPOSE[file]) continue;
      problems.push(...problemsIn(file, readFileSync(join(ROOT, file), 'utf8')));
    }
    if (problems.length) {
      throw new Error(
        `Time that decides behaviour must come from the fair clock, so the drill's scaled clock reaches it:\n` +
          `  import { clock } from '@bisang/common';  (inside libs/common: from './clock')\n` +
          `  Date.now() → clock.nowMs();  new Date() → clock.now();  DateTime.now() → DateTime.fromMillis(clock.nowMs());\n` +
          `  SQL now() → $N::timestamptz with clock.now() among the query's parameters;\n` +
          `  a BullMQ delay: JobProducer.enqueue(..., { delayMs }) takes fair milliseconds and scales them itself.\n` +
          `If the time really must stay real (token expiry, leases, rate limits, heartbeats), add the file to\n` +
          `REAL_CLOCK_ON_PURPOSE in libs/common/src/clock-usage.spec.ts with the reason.\n\n` +
          problems.join('\n'),
      );
    }
  });
});
