import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '@bisang/testing';

/**
 * A small fair drill inside the test suite: the real `npm run drill` program (dist/bench/drill/main.js), on its own
 * database and private redis-server, two API + two realtime + two worker processes behind its balancers, at a tiny
 * scale over five short fair-days (enough for applications to reach hires), with one fault of each kind. It must
 * print a PASS verdict table last and exit 0.
 */
describe('fair drill (small)', () => {
  it('runs a short fair with every kind of fault and every check holding', async () => {
    const args = ['--scale', '0.004', '--seed', '11', '--days', '5', '--day-seconds', '16'];
    const child = spawn(process.execPath, [join(REPO_ROOT, 'dist', 'bench', 'drill', 'main.js'), ...args], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH, DRILL_DATABASE_URL: process.env.DATABASE_URL },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString('utf8')));
    child.stderr.on('data', (b: Buffer) => (err = (err + b.toString('utf8')).slice(-20_000)));
    const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    if (code !== 0) console.error(`${err}\n${out}`);
    expect(out).toMatch(/FAIR DRILL VERDICT: PASS/);
    for (const kind of ['kill-worker', 'kill-api', 'kill-realtime', 'restart-redis', 'pg-storm', 'cut-clients']) expect(out).toMatch(new RegExp(`fault ${kind} at fair day [0-9.]+ +\\| PASS`));
    expect(out).toMatch(/KPI hires = ground truth +\| PASS/);
    expect(out).toMatch(/feed: every client complete, in order, no duplicates .*\| PASS/);
    expect(code).toBe(0);
  }, 15 * 60_000);
});
