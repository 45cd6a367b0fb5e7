import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HSTS_MAX_AGE_SECONDS } from '@bisang/common';
import { REPO_ROOT } from '@bisang/testing';
import { TestApp, startTestApp } from './support/test-app';

const WEB_DIST = join(REPO_ROOT, 'dist', 'web');

/** The CSP directives of a response, by name. */
function csp(headers: Headers): Map<string, string[]> {
  const value = headers.get('content-security-policy') ?? '';
  return new Map(
    value
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

/** Security headers (@fastify/helmet) on every response, per-path CSP, HSTS for https only, CORS for listed origins only. */
describe('security headers and CORS', () => {
  let t: TestApp;
  let https: TestApp;

  beforeAll(async () => {
    t = await startTestApp({}, { web: true });
    https = await startTestApp({ PUBLIC_URL: 'https://jobs.bisang.example', CORS_ORIGINS: 'https://partner.example, https://kiosk.example:8443/' });
  });
  afterAll(async () => {
    await t?.close();
    await https?.close();
  });

  const raw = (app: TestApp, path: string, init: RequestInit = {}) => fetch(`${app.url}${path}`, init);

  it('puts the strict headers on every kind of response: app, API, errors, health, static files', async () => {
    const asset = readdirSync(join(WEB_DIST, 'assets')).find((f) => f.endsWith('.js'))!;
    const responses = await Promise.all([
      raw(t, '/'),
      raw(t, '/fairs/some-fair'),
      raw(t, `/assets/${asset}`),
      raw(t, '/health'),
      raw(t, '/api/v1/fairs'),
      raw(t, '/api/v1/me'),
      raw(t, '/api/v1/nothing-here'),
      raw(t, '/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":' }),
      raw(t, '/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '['.repeat(100_000) }),
      // Answered by Fastify's router before any hook runs.
      raw(t, `/api/v1/postings/${'a'.repeat(200)}/publish`, { method: 'POST' }),
      raw(t, '/api/v1/postings/%E0%A4%A/publish', { method: 'POST' }),
    ]);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 401, 404, 400, 400, 414, 400]);
    expect(await responses[9]!.json()).toMatchObject({ statusCode: 414, code: 'URI_TOO_LONG' });
    expect(await responses[10]!.json()).toMatchObject({ statusCode: 400, code: 'BAD_URL' });
    for (const res of responses) {
      const policy = csp(res.headers);
      expect(policy.get('default-src')).toEqual(["'self'"]);
      expect(policy.get('script-src')).toEqual(["'self'"]);
      expect(policy.get('style-src')).toEqual(["'self'"]);
      expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
      expect(policy.get('object-src')).toEqual(["'none'"]);
      expect(policy.has('upgrade-insecure-requests')).toBe(false);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      // PUBLIC_URL unset (a local http run): no HSTS, which would lock browsers out of http://localhost.
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
  });

  it('serves a web app that runs under that policy: no inline script or style, no source maps', async () => {
    const html = await (await raw(t, '/')).text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc="\/assets\//);
      expect(body!.trim()).toBe('');
    }
    expect(html).not.toMatch(/<style\b/i);
    expect(html).not.toMatch(/\sstyle=/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toMatch(/javascript:/i);
    for (const [, href] of html.matchAll(/<(?:link|script)\b[^>]*(?:href|src)="([^"]+)"/gi)) {
      // Every resource from this origin (the favicon is a data: image, which img-src allows).
      expect(href!.startsWith('/') || href!.startsWith('data:image/')).toBe(true);
    }
    const files = readdirSync(join(WEB_DIST, 'assets'));
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    for (const f of files.filter((name) => name.endsWith('.js'))) {
      expect(readFileSync(join(WEB_DIST, 'assets', f), 'utf8')).not.toMatch(/sourceMappingURL=/);
    }
    const asset = files.find((f) => f.endsWith('.js'))!;
    expect((await raw(t, `/assets/${asset}.map`)).status).toBe(404);
  });

  it('loosens the CSP for the Swagger UI on /docs only, never its scripts or framing', async () => {
    const docs = await raw(t, '/docs');
    expect(docs.status).toBe(200);
    const policy = csp(docs.headers);
    expect(policy.get('style-src')).toContain("'unsafe-inline'");
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp((await raw(t, '/api/v1/fairs')).headers).get('style-src')).toEqual(["'self'"]);
  });

  it('sends HSTS (and upgrades requests) only when PUBLIC_URL is https', async () => {
    const res = await raw(https, '/health');
    expect(res.headers.get('strict-transport-security')).toBe(`max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains`);
    expect(csp(res.headers).has('upgrade-insecure-requests')).toBe(true);
  });

  it('answers CORS for no other origin by default; same-origin calls need none', async () => {
    const simple = await raw(t, '/api/v1/fairs', { headers: { origin: 'https://evil.example' } });
    expect(simple.status).toBe(200);
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await raw(t, '/api/v1/auth/login', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const sameOrigin = await raw(t, '/api/v1/fairs', { headers: { origin: t.url } });
    expect(sameOrigin.status).toBe(200);
  });

  it('answers CORS for the CORS_ORIGINS origins only', async () => {
    for (const origin of ['https://partner.example', 'https://kiosk.example:8443']) {
      const preflight = await raw(https, '/api/v1/auth/login', {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(origin);
      expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
      const get = await raw(https, '/api/v1/fairs', { headers: { origin } });
      expect(get.headers.get('access-control-allow-origin')).toBe(origin);
      expect(get.headers.get('access-control-expose-headers')).toMatch(/Retry-After/);
    }
    for (const origin of ['https://evil.example', 'https://partner.example.evil.example', 'http://partner.example', 'null']) {
      const res = await raw(https, '/api/v1/fairs', { headers: { origin } });
      expect([origin, res.headers.get('access-control-allow-origin')]).toEqual([origin, null]);
    }
  });
});
