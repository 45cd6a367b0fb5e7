import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '@bisang/testing';

/**
 * A small fair drill inside the test suite: the real `npm run drill` program (dist/bench/drill/main.js), on its own
 * database and private redis-server, at a tiny scale over two short fair-days (staff move four times a day, so that
 * applications reach hires), with one fault of each kind. To keep CI time down it runs the combined topology: two
 * all-in-one processes (each an API, realtime and worker node) behind the balancers, a third of the start-up cost of
 * six processes; the kill faults SIGKILL and restart one of them. It must print a PASS verdict table last and exit 0.
 */
describe('fair drill (small)', () => {
  it('runs a short fair with every kind of fault and every check holding', async () => {
    const args = ['--scale', '0.002', '--seed', '3', '--days', '2', '--day-seconds', '20', '--topology', 'combined'];
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
    // hires happen, and the KPIs, the matching segments among them, equal the generator's ground truth
    expect(out).toMatch(/KPI hires = ground truth +\| PASS +\| [1-9]/);
    for (const kpi of ['midCareerHires', 'uturnHires', 'chatsHeld', 'chatQueueAbandoned']) expect(out).toMatch(new RegExp(`KPI ${kpi} = ground truth +\\| PASS`));
    expect(out).toMatch(/booth chat: every queued seeker served or left .*\| PASS/);
    expect(out).toMatch(/booth chat: every message stored once, in order .*\| PASS/);
    expect(out).toMatch(/feed: every client complete, in order, no duplicates .*\| PASS/);
    expect(code).toBe(0);
  }, 15 * 60_000);
});
