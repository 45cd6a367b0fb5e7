import { ChildProcess, spawn } from 'node:child_process';
import { Controller, Get, Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { Public } from '@bisang/auth';
import { createHttpApp, createLogger } from '@bisang/common';
import { CoreModule } from '@bisang/core';
import { HttpClient, PASSWORD, REPO_ROOT, exited, freePort, runEnv, uniqueEmail } from '@bisang/testing';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('graceful shutdown', () => {
  describe('in process: app.close() while a request is in flight', () => {
    let entered: () => void = () => undefined;
    let handlerFinished = false;

    @Controller('slow')
    class SlowController {
      constructor(private readonly db: DataSource) {}

      @Get()
      @Public()
      async slow() {
        entered();
        await sleep(1500);
        // the database is still there at the end of the request: pools close after HTTP has drained
        const [{ answer }] = await this.db.query('SELECT 42 AS answer');
        handlerFinished = true;
        return { done: true, answer };
      }
    }

    @Module({ imports: [CoreModule.forRoot({ AUTH_RATE_LIMIT: 0 })], controllers: [SlowController] })
    class SlowAppModule {}

    let app: NestFastifyApplication;
    let url: string;

    beforeAll(async () => {
      app = await createHttpApp(SlowAppModule, { logger: createLogger(process.env.LOG_LEVEL ?? 'silent') });
      await app.listen(0, '127.0.0.1');
      const address = app.getHttpServer().address();
      url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    });

    it('lets the request finish with 200, then refuses new requests', async () => {
      const inside = new Promise<void>((resolve) => (entered = resolve));
      const inflight = fetch(`${url}/api/v1/slow`).then(async (res) => ({ status: res.status, body: await res.json() }));
      await inside;

      let closedWhileHandlerRan: boolean | undefined;
      const closing = app.close().then(() => {
        closedWhileHandlerRan = !handlerFinished;
      });

      expect(await inflight).toEqual({ status: 200, body: { done: true, answer: 42 } });
      await closing;
      expect(closedWhileHandlerRan).toBe(false);

      await expect(fetch(`${url}/api/v1/slow`)).rejects.toThrow();
    });
  });

  describe('process level: SIGTERM to `npm start`', () => {
    let child: ChildProcess | undefined;
    let stdout = '';
    let stderr = '';

    afterAll(() => {
      if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    });

    it('drains, exits 0, and has logged no password or token', async () => {
      const port = await freePort();
      child = spawn(process.execPath, ['dist/apps/bisang/src/main.js'], {
        cwd: REPO_ROOT,
        env: runEnv({ PORT: String(port), AUTH_RATE_LIMIT: '0', LOG_LEVEL: 'info' }),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
      child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
      const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
        child!.once('exit', (code, signal) => resolve({ code, signal })),
      );

      const http = new HttpClient(`http://127.0.0.1:${port}`);
      const until = Date.now() + 30_000;
      let healthy = false;
      while (!healthy && Date.now() < until && child.exitCode === null) {
        healthy = await http.get('/health').then(
          (res) => res.status === 200,
          () => false,
        );
        if (!healthy) await sleep(200);
      }
      if (!healthy) throw new Error(`the process never became healthy:\n${stderr}\n${stdout.slice(-4000)}`);

      // Traffic that carries secrets: a registration, a sign-in, a token refresh, a bearer call, a failed sign-in.
      const email = uniqueEmail('shutdown');
      const reg = await http.post('/auth/register', { email, password: PASSWORD, name: '종료 테스트', role: 'coach' });
      expect(reg.status).toBe(201);
      const login = await http.post('/auth/login', { email, password: PASSWORD });
      expect(login.status).toBe(200);
      const refreshed = await http.post('/auth/refresh', { refreshToken: login.body.refreshToken });
      expect(refreshed.status).toBe(200);
      expect((await http.get('/me', refreshed.body.accessToken)).status).toBe(200);
      const wrongPassword = 'not-the-password-7';
      expect((await http.post('/auth/login', { email, password: wrongPassword })).status).toBe(401);

      child.kill('SIGTERM');
      let deadline: NodeJS.Timeout | undefined;
      const outcome = await Promise.race([
        exit,
        new Promise<'still running'>((resolve) => (deadline = setTimeout(() => resolve('still running'), 11_000))),
      ]).finally(() => clearTimeout(deadline));
      expect(outcome).toEqual({ code: 0, signal: null });

      const lines = stdout.split('\n').filter((l) => l.trim());
      const records = lines.map((l) => {
        try {
          return JSON.parse(l) as Record<string, unknown>;
        } catch {
          return { unparsed: l };
        }
      });
      expect(records.filter((r) => 'unparsed' in r)).toEqual([]);
      expect(records.some((r) => r.msg === 'listening')).toBe(true);
      expect(records.some((r) => typeof r.msg === 'string' && r.msg.includes('SIGTERM'))).toBe(true);

      // Whole values, and the secret halves of the tokens (a JWT's payload, an opaque refresh token's secret).
      const secret = (token: string) => token.split('.')[1];
      const needles: Record<string, string> = {
        password: PASSWORD,
        wrongPassword,
        email,
        accessToken: reg.body.accessToken,
        accessTokenPayload: secret(reg.body.accessToken),
        refreshToken: reg.body.refreshToken,
        refreshTokenSecret: secret(reg.body.refreshToken),
        loginRefreshTokenSecret: secret(login.body.refreshToken),
        refreshedAccessTokenPayload: secret(refreshed.body.accessToken),
        refreshedRefreshTokenSecret: secret(refreshed.body.refreshToken),
      };
      const everything = stdout + stderr;
      expect(Object.keys(needles).filter((name) => everything.includes(needles[name]))).toEqual([]);
    }, 50_000);
  });

  /**
   * Redis gone for longer than ioredis' first reconnect attempts: BullMQ workers never finish a graceful close
   * then, and QUIT waits in the offline queue. SIGTERM must still close cleanly: the process's own deadline
   * (SHUTDOWN_TIMEOUT_MS) exits 1, so exit code 0 means it closed by itself before the deadline.
   */
  describe('process level: SIGTERM with Redis gone for more than 5 s', () => {
    const children: ChildProcess[] = [];
    afterEach(() => {
      for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    });

    function spawnLogged(command: string, args: string[], env?: NodeJS.ProcessEnv) {
      const child = spawn(command, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
      children.push(child);
      let output = '';
      child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      return { child, output: () => output };
    }

    async function waitForHealth(http: HttpClient, status: number, child: ChildProcess, output: () => string) {
      for (;;) {
        if (child.exitCode !== null) throw new Error(`the process exited early:\n${output().slice(-4000)}`);
        const seen = await http.get('/health').then(
          (res) => res.status,
          () => 0,
        );
        if (seen === status) return;
        await sleep(200);
      }
    }

    it.each([
      ['the all-in-one process', 'dist/apps/bisang/src/main.js'],
      ['a worker node', 'dist/apps/worker/src/main.js'],
    ])('%s exits 0 within its grace period', async (_name, entry) => {
      const redisPort = await freePort();
      const redis = spawnLogged('redis-server', ['--port', String(redisPort), '--save', '', '--appendonly', 'no', '--daemonize', 'no']);
      const port = await freePort();
      const app = spawnLogged(
        process.execPath,
        [entry],
        runEnv({ PORT: String(port), REDIS_URL: `redis://127.0.0.1:${redisPort}`, AUTH_RATE_LIMIT: '0', LOG_LEVEL: 'info', SHUTDOWN_TIMEOUT_MS: '10000' }),
      );
      const http = new HttpClient(`http://127.0.0.1:${port}`);
      await waitForHealth(http, 200, app.child, app.output);

      redis.child.kill('SIGKILL');
      await exited(redis.child);
      await waitForHealth(http, 503, app.child, app.output);
      await sleep(5500); // "gone for more than 5 s": past ioredis' first reconnect attempts

      const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
        if (app.child.exitCode !== null) resolve({ code: app.child.exitCode, signal: app.child.signalCode });
        app.child.once('exit', (code, signal) => resolve({ code, signal }));
      });
      app.child.kill('SIGTERM');
      const outcome = await exit;
      expect({ ...outcome, deadlinePassed: app.output().includes('shutdown deadline passed') }).toEqual({ code: 0, signal: null, deadlinePassed: false });
      expect(app.output()).toContain('closed cleanly');
    }, 60_000);
  });
});
