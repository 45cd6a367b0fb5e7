/**
 * How fast does Bisang's mail pipeline deliver, against bare nodemailer? (issue #12, e-mail)
 *
 * N reminder mails (default 2,000; the figure is `--mails 10000`) into a local SMTP sink (smtp-server in
 * this process, counting what arrives):
 *   - bisang: the built all-in-one process from dist/ with SMTP_URL on the sink. N/2 `booking.reminded` events are
 *     appended to the outbox in one statement (each mails the seeker and the coach); timed from the append to the
 *     N-th mail accepted by the sink. That is the whole path: relay → mail subscriber → BullMQ `mail` queue →
 *     handler (event and user read, delivery row `sending`, template, SMTP, row `accepted`).
 *   - bare: nodemailer alone, a pool of the same 5 connections, sending the same N messages (same recipients,
 *     subjects, text, HTML and headers, read back from what the sink received) to the same sink.
 * Reported: mails/s, the ratio (target ≥ 0.7×), and CPU per mail (bisang: its process, from /proc; bare: this
 * process during the bare run minus the sink's share, measured during the bisang run).
 *
 * Usage: `npm run bench:mail [-- --mails 10000]`
 */
import { parseArgs } from 'node:util';
import { simpleParser } from 'mailparser';
import { createTransport } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import { bisangEnv, cpuTimeMs, int, machine, pad, lpad, ratio, runBench, scratch, sleep, startBisang } from './bench-support';

const { values } = parseArgs({ options: { mails: { type: 'string', default: '2000' } } });
const N = Math.max(2, Math.round(Number(values.mails) / 2) * 2);

class Sink {
  count = 0;
  raws: Buffer[] = [];
  keep = true;
  private server?: SMTPServer;
  port = 0;
  async start(): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, _s, cb) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          if (this.keep) this.raws.push(Buffer.concat(chunks));
          this.count++;
          cb();
        });
      },
    });
    this.server.on('error', () => undefined);
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', () => r()));
    const a = this.server.server.address();
    this.port = typeof a === 'object' && a ? a.port : 0;
  }
  async until(n: number, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.count < n) {
      if (Date.now() > deadline) throw new Error(`only ${this.count} of ${n} mails arrived`);
      await sleep(5);
    }
  }
  stop(): Promise<void> {
    return new Promise((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const s = scratch('mail');
runBench(async (stopLater) => {
  const sink = new Sink();
  await sink.start();
  stopLater(sink);
  const app = await startBisang(
    'bisang',
    bisangEnv(s, { SMTP_URL: `smtp://127.0.0.1:${sink.port}`, EMAIL_VERIFICATION: 'off', RATE_LIMITS: 'off', PUBLIC_URL: 'https://bisang.example' }),
  );
  stopLater(app);
  const db = new Client({ connectionString: s.databaseUrl });
  await db.connect();
  stopLater({ stop: () => db.end() });

  // A live fair, one coach and N/2 seekers (half of them reading English), straight in SQL.
  const fairId = (
    await db.query(
      `INSERT INTO fairs (slug, title, timezone, starts_at, ends_at, hiring_target, max_upcoming_coaching_per_seeker, status, published_at)
       VALUES ('bench-mail', '벤치 박람회', 'Asia/Seoul', now() - interval '1 day', now() + interval '30 days', 100, 2, 'live', now()) RETURNING id`,
    )
  ).rows[0].id as string;
  const coachId = (await db.query(`INSERT INTO users (email, password_hash, name, role) VALUES ('coach@bench.bisang.kr', 'x', '박코치', 'coach') RETURNING id`)).rows[0].id as string;
  const seekerIds = (
    await db.query(
      `INSERT INTO users (email, password_hash, name, role, birth_date, language)
       SELECT 'seeker' || i || '@bench.bisang.kr', 'x', '구직자 ' || i, 'seeker', date '1999-01-01', CASE WHEN i % 2 = 0 THEN 'en' ELSE 'ko' END
         FROM generate_series(1, $1::int) AS i RETURNING id`,
      [N / 2],
    )
  ).rows.map((r: { id: string }) => r.id);
  const startsAt = new Date(Date.now() + 24 * 3600_000).toISOString();
  const endsAt = new Date(Date.now() + 24 * 3600_000 + 30 * 60_000).toISOString();
  const payloads = seekerIds.map((seekerId: string) =>
    JSON.stringify({ bookingId: crypto.randomUUID(), slotId: crypto.randomUUID(), fairId, kind: 'coaching', seekerId, coachId, startsAt, endsAt, minutesBefore: 1440, minutesLeft: 1440 }),
  );

  console.log(`mail bench: ${int(N)} reminder mails — ${machine()}`);
  await sleep(1000); // the relay and the queue worker settle
  const cpu0 = await cpuTimeMs(app.child.pid);
  const sinkCpu0 = cpuMs();
  const t0 = performance.now();
  await db.query(`INSERT INTO domain_events (type, fair_id, payload) SELECT 'booking.reminded', $1, p FROM unnest($2::jsonb[]) AS p`, [fairId, payloads]);
  await sink.until(N, 600_000);
  const bisangSec = (performance.now() - t0) / 1000;
  const bisangCpu = (await cpuTimeMs(app.child.pid)) - cpu0;
  const sinkCpuPerMail = (cpuMs() - sinkCpu0) / N;

  // The same messages, read back from what arrived, for nodemailer alone.
  sink.keep = false;
  const messages = await Promise.all(
    sink.raws.map(async (raw) => {
      const m = await simpleParser(raw);
      const header = (name: string) => m.headerLines.find((h) => h.key === name)?.line.slice(name.length + 1).trim();
      const headers: Record<string, string> = {};
      for (const name of ['list-unsubscribe', 'list-unsubscribe-post']) if (header(name)) headers[name] = header(name)!;
      return { to: (Array.isArray(m.to) ? m.to[0] : m.to)!.value[0], subject: m.subject, text: m.text, html: m.html || undefined, headers, messageId: m.messageId };
    }),
  );
  const bare = createTransport({ host: '127.0.0.1', port: sink.port, secure: false, ignoreTLS: true, pool: true, maxConnections: 5 } as SMTPPool.Options);
  const before = sink.count;
  const cpuB0 = cpuMs();
  const t1 = performance.now();
  let next = 0;
  // As many in flight as the pipeline's worker may have (WORKER_CONCURRENCY 16), over the same 5 connections.
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < messages.length) {
        const m = messages[next++];
        await bare.sendMail({ from: 'Bisang <no-reply@bisang.local>', to: m.to as { name: string; address: string }, subject: m.subject, text: m.text, html: m.html as string | undefined, headers: m.headers, messageId: m.messageId });
      }
    }),
  );
  await sink.until(before + N, 600_000);
  const bareSec = (performance.now() - t1) / 1000;
  const bareCpu = cpuMs() - cpuB0 - sinkCpuPerMail * N;
  bare.close();

  const rows = [
    ['bisang (relay → queue → SMTP)', N / bisangSec, bisangCpu / N],
    ['bare nodemailer', N / bareSec, bareCpu / N],
  ] as const;
  console.log(`${pad('target', 32)}${lpad('mails', 8)}${lpad('mails/s', 10)}${lpad('CPU ms/mail', 13)}`);
  for (const [name, rate, cpu] of rows) console.log(`${pad(name, 32)}${lpad(int(N), 8)}${lpad(rate.toFixed(0), 10)}${lpad(cpu.toFixed(2), 13)}`);
  console.log(`ratio bisang / bare: ${ratio(rows[0][1], rows[1][1])} (target ≥ 0.70×); sink CPU ${sinkCpuPerMail.toFixed(2)} ms/mail, not counted`);
}, s);
