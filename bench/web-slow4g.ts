/**
 * How fast does a fair's home page come up on a phone? (issue #15, item 13)
 *
 * The built all-in-one process (dist/apps/bisang/src/main.js, serving dist/web as in production) runs on a throwaway
 * database with a live fair, an approved booth and `--postings` published postings. Debian's Chromium opens the fair
 * home with its own throttling (DevTools protocol): slow 4G as Lighthouse defines it (150 ms RTT, 1.6 Mbit/s down,
 * 750 kbit/s up) and a 4× CPU slowdown, at 360×780. Each run is a fresh browser context (cold cache), then one
 * reload (warm cache). Figures (median and worst of `--runs`):
 * - FCP: first contentful paint (`performance` paint entry);
 * - interactive: when the page shows the fair (its heading and first posting) and the main thread is quiet: the
 *   later of that moment and the end of the last long task (> 50 ms) before a 1 s quiet window;
 * - bytes: what went over the wire (compressed) for the page load;
 * - server CPU per page load (user + system from /proc, over the cold runs).
 * The bare baseline, in the same run and under the same throttling, is a one-line HTML page from a plain Node http
 * server: the floor the network alone sets. Targets (issue): FCP ≤ 2 s, interactive ≤ 3.5 s.
 *
 * Usage: `npm run bench:web-slow4g [-- --runs 5 --postings 20]`
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { HttpClient, launchBrowser, publishPosting } from '@bisang/testing';
import { bisangEnv, cpuTimeMs, createOrganizer, liveFairWithApprovedBooth, machine, ms, pad, lpad, ratio, runBench, scratch, startBisang } from './bench-support';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, postings: { type: 'string', default: '20' } } });
const RUNS = Number(values.runs);
const POSTINGS = Number(values.postings);

const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
const CPU_SLOWDOWN = 4;

interface Load {
  fcp: number;
  interactive: number;
  bytes: number;
}

/** Records long tasks from the very start of the page. */
const OBSERVE_LONG_TASKS = `
  window.__longTasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.startTime + e.duration]); })
    .observe({ type: 'longtask', buffered: true });
`;

async function throttled(browser: Browser): Promise<{ page: Page; close: () => Promise<void>; bytes: () => number }> {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: 'ko-KR', timezoneId: 'Asia/Seoul', deviceScaleFactor: 2 });
  await context.addInitScript(OBSERVE_LONG_TASKS);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  let bytes = 0;
  cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => (bytes += e.encodedDataLength));
  page.setDefaultTimeout(60_000);
  return { page, close: () => context.close(), bytes: () => bytes };
}

/** Opens `url` (or reloads) and measures it; `ready` is the selector that means the content is there. */
async function measure(page: Page, url: string | null, ready: string, bytesBefore: number, bytesNow: () => number): Promise<Load> {
  if (url) await page.goto(url, { waitUntil: 'commit' });
  else await page.reload({ waitUntil: 'commit' });
  await page.locator(ready).first().waitFor();
  const readyAt = await page.evaluate<number>('performance.now()');
  // A quiet second after the content: no long task starting in it.
  for (;;) {
    await page.waitForTimeout(1000);
    const lastEnd = await page.evaluate<number>('Math.max(0, ...window.__longTasks.map((t) => t[1]))');
    const now = await page.evaluate<number>('performance.now()');
    if (now - lastEnd >= 1000) break;
  }
  const fcp = await page.evaluate<number>("performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN");
  const lastLongTask = await page.evaluate<number>(`Math.max(0, ...window.__longTasks.filter((t) => t[0] <= ${readyAt} + 1000).map((t) => t[1]))`);
  return { fcp, interactive: Math.max(readyAt, lastLongTask), bytes: bytesNow() - bytesBefore };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const worst = (xs: number[]) => Math.max(...xs);

const s = scratch('webslow4g');
runBench(async (stopLater) => {
  const env = bisangEnv(s);
  const server = await startBisang('bisang', env);
  stopLater(server);
  const http = new HttpClient(server.url);
  const organizer = await createOrganizer(http, env);
  const { fairId, booth } = await liveFairWithApprovedBooth(http, organizer);
  for (let i = 1; i < POSTINGS; i++) await publishPosting(http, booth, `생산관리 담당자 ${i} / Production manager ${i}`);
  const fair = (await http.get(`/fairs/${fairId}`)).body as { slug: string };

  const bare = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>bare</title></head><body><h1>비상</h1></body></html>');
  });
  await new Promise<void>((r) => bare.listen(0, '127.0.0.1', r));
  stopLater({ stop: () => new Promise<void>((r) => bare.close(() => r())) });
  const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/`;

  const browser = await launchBrowser();
  stopLater({ stop: () => browser.close() });

  const cold: Load[] = [];
  const warm: Load[] = [];
  const bareLoads: Load[] = [];
  const cpuBefore = await cpuTimeMs(server.child.pid);
  for (let i = 0; i < RUNS; i++) {
    const t = await throttled(browser);
    cold.push(await measure(t.page, `${server.url}/fairs/${fair.slug}`, 'main h1, [data-testid=posting-card], main a[href^="/postings/"]', 0, t.bytes));
    const before = t.bytes();
    warm.push(await measure(t.page, null, 'main h1', before, t.bytes));
    await t.close();
  }
  const cpuPerLoad = ((await cpuTimeMs(server.child.pid)) - cpuBefore) / (RUNS * 2);
  for (let i = 0; i < RUNS; i++) {
    const t = await throttled(browser);
    bareLoads.push(await measure(t.page, bareUrl, 'h1', 0, t.bytes));
    await t.close();
  }

  console.log(`web-slow4g — fair home at 360×780, slow 4G (150 ms RTT, 1.6 Mbit/s) and ${CPU_SLOWDOWN}× CPU, ${RUNS} runs, ${POSTINGS} postings`);
  console.log(machine());
  console.log(`${pad('case', 22)}${lpad('FCP med', 10)}${lpad('FCP max', 10)}${lpad('TTI med', 10)}${lpad('TTI max', 10)}${lpad('KB', 8)}${lpad('FCP/bare', 10)}`);
  const row = (name: string, loads: Load[]) =>
    console.log(
      `${pad(name, 22)}${lpad(ms(median(loads.map((l) => l.fcp))), 10)}${lpad(ms(worst(loads.map((l) => l.fcp))), 10)}${lpad(ms(median(loads.map((l) => l.interactive))), 10)}${lpad(ms(worst(loads.map((l) => l.interactive))), 10)}${lpad((median(loads.map((l) => l.bytes)) / 1024).toFixed(0), 8)}${lpad(ratio(median(loads.map((l) => l.fcp)), median(bareLoads.map((l) => l.fcp))), 10)}`,
    );
  row('fair home (cold)', cold);
  row('fair home (warm)', warm);
  row('bare HTML baseline', bareLoads);
  console.log(`server CPU per page load: ${ms(cpuPerLoad)} ms`);
  const fcpOk = median(cold.map((l) => l.fcp)) <= 2000;
  const ttiOk = median(cold.map((l) => l.interactive)) <= 3500;
  console.log(`targets (cold, median): FCP ≤ 2000 ms ${fcpOk ? 'met' : 'NOT met'}; interactive ≤ 3500 ms ${ttiOk ? 'met' : 'NOT met'}`);
}, s);
