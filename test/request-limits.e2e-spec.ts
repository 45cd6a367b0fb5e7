import { JSON_BODY_LIMITS } from '@bisang/common';
import { SignedIn, createOrganizer, openPosting, OpenPosting } from '@bisang/testing';
import { TestApp, startTestApp } from './support/test-app';

const NEAR_MB = 1024 * 1024 - 64;
const repeatTo = (unit: string, bytes: number) => unit.repeat(Math.floor(bytes / unit.length));

/** `{"k0":0,"k1":0,…}` of about `bytes`. */
function manyKeys(bytes: number): string {
  const parts: string[] = [];
  for (let i = 0, size = 2; size < bytes - 20; i++) {
    parts.push(`"k${i}":0`);
    size += parts[i]!.length + 1;
  }
  return `{${parts.join(',')}}`;
}

/**
 * Bounded cost per request: what no route can use (deeper nesting, more keys or items, longer strings than any
 * route takes, a form encoding no route reads) is refused before it is parsed, in one pass over the bytes, so that
 * a megabyte sent by anyone costs the server a few milliseconds and nesting never reaches a recursive step.
 */
describe('request limits', () => {
  let t: TestApp;
  let organizer: SignedIn;
  let open: OpenPosting;

  beforeAll(async () => {
    t = await startTestApp();
    organizer = await createOrganizer(t.app, t.http);
    open = await openPosting(t.http, organizer);
  });
  afterAll(async () => {
    await t.close();
  });

  /** Sends `body` and returns the answer. */
  async function send(method: string, path: string, body: string, options: { token?: string; contentType?: string } = {}) {
    const headers: Record<string, string> = { 'content-type': options.contentType ?? 'application/json' };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const res = await fetch(`${t.url}/api/v1${path}`, { method, headers, body });
    const answer = (await res.json()) as { statusCode: number; code: string; message: string | string[] };
    return { status: res.status, body: answer };
  }

  const abusive: [string, string][] = [
    ['1 MB of [[[[…]]]]', `${'['.repeat(NEAR_MB / 2)}${']'.repeat(NEAR_MB / 2)}`],
    ['1 MB of {"a":{"a":…}}', `${repeatTo('{"a":', NEAR_MB * 0.8)}1${'}'.repeat(Math.floor((NEAR_MB * 0.8) / 5))}`],
    ['an object of 90,000 keys', manyKeys(NEAR_MB)],
    ['an array of 500,000 items', `{"title":[${repeatTo('0,', NEAR_MB - 20)}0]}`],
    ['a 1 MB string', `{"title":"${repeatTo('가', NEAR_MB / 3 - 20)}"}`],
    ['a string of 170,000 \\u0000 escapes', `{"title":"${repeatTo('\\u0000', NEAR_MB - 20)}"}`],
    ['nesting one level too deep', `{"title":${'['.repeat(JSON_BODY_LIMITS.maxDepth)}${']'.repeat(JSON_BODY_LIMITS.maxDepth)}}`],
  ];

  /** The same request a few times: a refusal must not depend on what the server did before. */
  async function repeated(send1: () => ReturnType<typeof send>) {
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await send1());
    return { answers };
  }

  // What each refusal costs is measured by bench/request-cost.ts (2–5 ms of CPU, against 124 ms to 7.5 s before these
  // limits), not here: a timing bound in a test fails when the machine is busy, and this process also runs what
  // earlier test files left behind.
  it.each(abusive)('refuses %s with 400 BODY_TOO_COMPLEX, anonymous or signed in', async (_what, body) => {
    const anonymous = await repeated(() => send('POST', '/auth/refresh', body));
    const signedIn = await repeated(() => send('PATCH', `/postings/${open.postingId}`, body, { token: open.booth.recruiter.accessToken }));
    for (const res of [anonymous, signedIn]) {
      for (const answer of res.answers) {
        expect(answer.status).toBe(400);
        expect(answer.body.code).toBe('BODY_TOO_COMPLEX');
      }
    }
  });

  it('refuses a url-encoded form, which no route reads, without parsing it', async () => {
    const res = await send('POST', '/auth/login', repeatTo('a=1&', NEAR_MB), { contentType: 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(415);
    expect(res.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('still takes what routes do use, at the limits', async () => {
    const staff = open.booth.recruiter.accessToken;
    const description = '가'.repeat(20_000); // the longest text a route takes (60 KB of UTF-8)
    const res = await send('PATCH', `/postings/${open.postingId}`, JSON.stringify({ title: '설계 엔지니어', description }), { token: staff });
    expect(res.status).toBe(200);
    // Widest and deepest the parser lets through: then validation names what the route cannot use.
    const wide = JSON.stringify(Object.fromEntries(Array.from({ length: JSON_BODY_LIMITS.maxMembers }, (_, i) => [`k${i}`, i])));
    const deep = `{"title":${'['.repeat(JSON_BODY_LIMITS.maxDepth - 1)}${']'.repeat(JSON_BODY_LIMITS.maxDepth - 1)}}`;
    for (const body of [wide, deep]) {
      const answer = await send('PATCH', `/postings/${open.postingId}`, body, { token: staff });
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('VALIDATION_FAILED');
    }
  });

  it('keeps serving everyone else while bodies are refused', async () => {
    const deep = `${'['.repeat(NEAR_MB / 2)}${']'.repeat(NEAR_MB / 2)}`;
    const floods = Array.from({ length: 8 }, () => send('POST', '/auth/refresh', deep));
    const health = await fetch(`${t.url}/health`);
    expect(health.status).toBe(200);
    expect((await Promise.all(floods)).every((r) => r.status === 400)).toBe(true);
  });
});
