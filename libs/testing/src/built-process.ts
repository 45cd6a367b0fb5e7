import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { tokenServiceFor } from './coaching-fixtures';
import { HttpClient } from './http-client';
import { REPO_ROOT, exited, freePort, runEnv } from './processes';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A built Bisang process (dist/) on this run's database and Redis, answering /health on its own port. */
export class BuiltProcess {
  child?: ChildProcess;
  url = '';
  private output = '';

  constructor(
    private readonly main: string,
    private readonly env: Record<string, string>,
  ) {}

  async start(): Promise<void> {
    const port = await freePort();
    this.output = '';
    this.child = spawn(process.execPath, [this.main], {
      cwd: REPO_ROOT,
      env: runEnv({ ...this.env, PORT: String(port) }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => (this.output = (this.output + chunk.toString('utf8')).slice(-8000));
    this.child.stdout!.on('data', keep);
    this.child.stderr!.on('data', keep);
    const health = new HttpClient(`http://127.0.0.1:${port}`);
    // Generous: a Nest process starting on a busy 2-core machine beside other test files can take tens of seconds.
    const until = Date.now() + 120_000;
    while (Date.now() < until && this.child.exitCode === null) {
      if (await health.get('/health').then((r) => r.status === 200, () => false)) {
        this.url = `http://127.0.0.1:${port}`;
        return;
      }
      await sleep(150);
    }
    throw new Error(`${this.main} never became healthy:\n${this.output}`);
  }

  async kill(signal: NodeJS.Signals): Promise<void> {
    if (!this.child || this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill(signal);
    await exited(this.child);
  }
}


/**
 * The API and the worker as separate built processes on the run's database and Redis, sharing one JWT secret:
 * a multi-node deployment in small. The worker runs few jobs at once (a burst is still being decided when a test
 * kills it) and gives a killed worker's subscriptions to the restarted one after a second. `realtimeNodes` adds that
 * many socket.io gateway nodes (apps/realtime) behind the Redis adapter, for what must work across nodes.
 */
export function splitDeployment(workerEnv: Record<string, string> = {}, options: { realtimeNodes?: number } = {}) {
  const jwtSecret = randomBytes(32).toString('base64url');
  const api = new BuiltProcess('dist/apps/api/src/main.js', { JWT_SECRET: jwtSecret, AUTH_RATE_LIMIT: '0', RATE_LIMITS: 'off', LOG_LEVEL: 'error' });
  const worker = new BuiltProcess('dist/apps/worker/src/main.js', {
    JWT_SECRET: jwtSecret,
    LOG_LEVEL: 'error',
    WORKER_CONCURRENCY: '2',
    EVENT_LEASE_MS: '1000',
    ...workerEnv,
  });
  const realtime = Array.from(
    { length: options.realtimeNodes ?? 0 },
    () => new BuiltProcess('dist/apps/realtime/src/main.js', { JWT_SECRET: jwtSecret, RATE_LIMITS: 'off', LOG_LEVEL: 'error' }),
  );
  return {
    api,
    worker,
    realtime,
    tokens: tokenServiceFor(jwtSecret),
    start: () => Promise.all([api.start(), worker.start(), ...realtime.map((r) => r.start())]),
    stop: () => Promise.all([api.kill('SIGKILL'), worker.kill('SIGKILL'), ...realtime.map((r) => r.kill('SIGKILL'))]),
  };
}
