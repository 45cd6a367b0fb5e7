import type { Browser } from 'playwright-core';
import { createFair, createOrganizer, launchBrowser } from '@bisang/testing';
import { TestApp, startTestApp } from './support/test-app';

/**
 * Issue 15 item 13: static assets go out compressed (brotli, else gzip) with long-lived immutable caching for
 * hashed files; no source maps; a visitor does not download the consoles (their chunks load on first visit).
 * The speed itself is measured by `npm run bench:web-slow4g` (no timing assertion here).
 */
jest.setTimeout(90_000);

describe('web app: compressed, cached, split', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestApp({}, { web: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const mainScript = async () => {
    const html = await (await fetch(`${t.url}/`)).text();
    const src = /<script type="module" crossorigin src="([^"]+)"/.exec(html)?.[1];
    expect(src).toMatch(/^\/assets\/index-[\w-]+\.js$/);
    return src!;
  };

  it('serves hashed assets brotli- or gzip-compressed, immutable for a year; plain to clients that ask for nothing', async () => {
    const src = await mainScript();
    const br = await fetch(`${t.url}${src}`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.status).toBe(200);
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')?.toLowerCase()).toContain('accept-encoding');
    expect(br.headers.get('cache-control')).toMatch(/max-age=31536000.*immutable|immutable.*max-age=31536000/);
    expect(br.headers.get('content-type')).toContain('javascript');
    const gz = await fetch(`${t.url}${src}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    // fetch decodes: the same script either way
    const plainBody = await (await fetch(`${t.url}${src}`, { headers: { 'accept-encoding': 'identity' } })).text();
    expect(await br.text()).toBe(plainBody);
    expect(await gz.text()).toBe(plainBody);
    // the page itself: compressed too, and never cached stale
    const page = await fetch(`${t.url}/fairs/some-fair`, { headers: { 'accept-encoding': 'br' } });
    expect(page.headers.get('cache-control')).toContain('no-cache');
    // no source maps, and the compressed copies are not files of their own
    expect((await fetch(`${t.url}${src}.map`)).status).toBe(404);
    expect((await fetch(`${t.url}${src}.br`)).status).toBe(404);
    expect(plainBody).not.toContain('sourceMappingURL');
  });

  it('a visitor on the fair home downloads no console code', async () => {
    const organizer = await createOrganizer(t.app, t.http);
    const fair = await createFair(t.http, organizer);
    const context = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: 'ko-KR' });
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
    await page.goto(`${t.url}/fairs/${fair.slug}`);
    await page.locator('main h1').waitFor();
    expect(scripts.some((s) => /RecruiterConsole|CoachConsole|OrganizerFair/.test(s))).toBe(false);
    // the main script holds none of the consoles' code
    const main = await (await fetch(`${t.url}${await mainScript()}`)).text();
    expect(main).not.toContain('rec-postings');
    expect(main).not.toContain('upcoming-sessions');
    await context.close();
  });
});
