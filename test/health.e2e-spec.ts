import { ChildProcess, spawn } from 'node:child_process';
import { Socket } from 'node:net';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@bisang/database';
import { EVENT_WAIT_MS, applyTo, connectTestDb, createOrganizer, eventually, exited, freePort, openPosting, registerUser } from '@bisang/testing';
import { TestApp, startTestApp } from './support/test-app';

/** Resolves once something accepts TCP connections on the port. */
async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = new Socket();
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
      socket.connect(port, '127.0.0.1');
    });
    if (open) return;
    if (Date.now() > until) throw new Error(`nothing listens on ${port} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('GET /health', () => {
  describe('with PostgreSQL and Redis up', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp();
    });
    afterAll(async () => {
      await t.close();
    });

    it('answers 200 {status: "ok"} naming both dependencies as up, without a token and outside /api/v1', async () => {
      const res = await t.http.get('/health');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'ok',
        info: { database: { status: 'up' }, redis: { status: 'up' } },
      });
      // the base path is for the API only
      expect((await fetch(`${t.url}/api/v1/health`)).status).toBe(404);
    });

    it('serves the next requests after PostgreSQL terminates every backend of its pool (a connection storm)', async () => {
      const organizer = await createOrganizer(t.app, t.http);
      const { booth, postingId } = await openPosting(t.http, organizer);
      const seekers = await Promise.all(Array.from({ length: 6 }, () => registerUser(t.http, 'seeker')));
      const applications = await Promise.all(seekers.map((s) => applyTo(t.http, s, postingId)));
      const profile = (i: number) => ({ education: 'bachelor', region: '대구', careerSummary: `경력 ${i}`, careerYears: i });
      // Fill the pool: many requests at once, so that many pooled connections exist (idle ones among them).
      const warm = await Promise.all(seekers.flatMap((s, i) => [0, 1, 2].map(() => t.http.put('/me/profile', profile(i), s.accessToken))));
      expect(warm.map((r) => r.status)).toEqual(warm.map(() => 200));

      // The storm: terminate the backend of every connection this app's pool holds (only these: the test database is shared).
      const pool = (t.app.get(DataSource).driver as unknown as { master: { _clients: { processID?: number }[] } }).master;
      const pids = pool._clients.map((c) => c.processID).filter((pid): pid is number => typeof pid === 'number');
      expect(pids.length).toBeGreaterThan(1);
      const admin = await connectTestDb();
      try {
        const killed = await admin.query('SELECT count(*)::int AS n FROM unnest($1::int[]) AS p(pid) WHERE pg_terminate_backend(pid)', [pids]);
        expect(killed.rows[0].n).toBe(pids.length);
        // Every backend is gone before the next request is made.
        await eventually(async () => (await admin.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = ANY($1)', [pids])).rows[0].n === 0, 'terminated backends gone');
      } finally {
        await admin.end();
      }

      // The very next requests — reads, writes and transactions, many at once so that every pooled connection is asked for — succeed.
      const after = await Promise.all([
        ...seekers.flatMap((s, i) => [0, 1].map(() => t.http.put('/me/profile', profile(i + 10), s.accessToken))),
        ...applications.map((id) => t.http.post(`/applications/${id}/status`, { status: 'screening' }, booth.recruiter.accessToken)),
        ...seekers.map((s) => t.http.get('/me/profile', s.accessToken)),
        t.http.get('/health'),
      ]);
      expect(after.map((r) => `${r.status} ${r.status >= 500 ? JSON.stringify(r.body) : ''}`)).toEqual(after.map(() => expect.stringMatching(/^200 /)));
      // and the pool keeps serving: a transaction after them too
      const moved = await t.http.post(`/applications/${applications[0]}/status`, { status: 'interview' }, booth.recruiter.accessToken);
      expect(moved.status).toBe(200);
    });
  });

  it('a pooled connection whose backend PostgreSQL terminated mid-query is dropped, not handed to the request waiting for it', async () => {
    // One connection, one query on it, a second query waiting for it: the storm ends the first; the second must
    // get a fresh connection (before the fix it got the dead one and failed with "Connection terminated unexpectedly").
    const base = dataSourceOptions(process.env.DATABASE_URL!);
    const ds = new DataSource({ ...base, extra: { ...(base as { extra: object }).extra, max: 1, application_name: 'bisang-storm-test' } } as typeof base);
    await ds.initialize();
    const admin = await connectTestDb();
    try {
      const running = ds.query('SELECT pg_sleep(60)').then(
        () => 'finished',
        (err: { driverError?: { code?: string } }) => err.driverError?.code,
      );
      let pid = 0;
      await eventually(async () => {
        const r = await admin.query(`SELECT pid FROM pg_stat_activity WHERE application_name = 'bisang-storm-test' AND query LIKE 'SELECT pg_sleep%' AND state = 'active'`);
        pid = r.rows[0]?.pid ?? 0;
        return pid > 0;
      }, 'the sleeping query runs');
      const waiting = ds.query('SELECT 41 + 1 AS answer');
      await admin.query('SELECT pg_terminate_backend($1)', [pid]);
      expect(await running).toBe('57P01');
      expect(await waiting).toEqual([{ answer: 42 }]);
    } finally {
      await admin.end();
      await ds.destroy();
    }
  });

  describe('when Redis goes away', () => {
    let redis: ChildProcess | undefined;
    let t: TestApp | undefined;

    afterAll(async () => {
      if (redis && redis.exitCode === null && redis.signalCode === null) {
        redis.kill('SIGKILL');
        await exited(redis);
      }
      // the app is normally closed by the test; this is the safety net when an assertion failed first
      await t?.close().catch(() => undefined);
    });

    it('answers 503 once Redis stops answering, and still closes cleanly', async () => {
      const port = await freePort();
      redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
        stdio: 'ignore',
      });
      await waitForPort(port, EVENT_WAIT_MS);
      t = await startTestApp({ REDIS_URL: `redis://127.0.0.1:${port}` });

      const up = await t.http.get('/health');
      expect(up.status).toBe(200);
      expect(up.body.info.redis.status).toBe('up');

      redis.kill('SIGKILL');
      await exited(redis);

      let down = await t.http.get('/health');
      await eventually(async () => (down = await t!.http.get('/health')).status === 503, 'health 503 once Redis is gone');
      expect(down.body).toMatchObject({ statusCode: 503, code: 'SERVICE_UNAVAILABLE' });
      expect(JSON.stringify(down.body)).toContain('redis');
      expect(down.body).not.toHaveProperty('stack');

      // Closing must neither hang nor throw while Redis is gone.
      const app = t;
      t = undefined;
      await expect(app.close()).resolves.toBeUndefined();
    });
  });
});
