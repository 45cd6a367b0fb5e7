import { ChildProcess, spawn } from 'node:child_process';
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
    const until = Date.now() + 30_000;
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

