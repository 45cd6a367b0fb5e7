import { ChildProcess, spawn } from 'node:child_process';
import { Socket } from 'node:net';
import { EVENT_WAIT_MS, eventually, exited, freePort } from '@bisang/testing';
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
