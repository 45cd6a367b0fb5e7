import { SignedIn, applyTo, createOrganizer, openPosting, OpenPosting, registerUser } from '@bisang/testing';
import { TestApp, startTestApp } from './support/test-app';

/**
 * Every field is parsed strictly, so no client input reaches PostgreSQL in a form it refuses: instants in the
 * documented ISO 8601 forms only, integers within their column's range, null refused on a PATCH where the
 * field cannot be empty. Each refusal is a 400 naming the field.
 */
describe('strict parsing of client input', () => {
  let t: TestApp;
  let organizer: SignedIn;
  let open: OpenPosting;
  let applicationId: string;

  beforeAll(async () => {
    t = await startTestApp();
    organizer = await createOrganizer(t.app, t.http);
    open = await openPosting(t.http, organizer);
    const seeker = await registerUser(t.http, 'seeker');
    applicationId = await applyTo(t.http, seeker, open.postingId);
  });
  afterAll(async () => {
    await t.close();
  });

  const names = (body: { message?: string | string[] }, field: string) =>
    ([] as string[]).concat(body.message ?? []).some((m) => m.startsWith(field) || m.includes(` ${field} `) || m.includes(`${field}:`));

  const fair = (startsAt: unknown, endsAt: unknown = '2026-12-31T00:00:00Z') =>
    t.http.post(
      '/fairs',
      { slug: `strict-${Math.random().toString(36).slice(2, 10)}`, title: '엄격한 박람회', timezone: 'Asia/Seoul', startsAt, endsAt, hiringTarget: 10 },
      organizer.accessToken,
    );

  it.each([
    ['2026-05-09T10:00:00Z', '2026-05-09T10:00:00.000Z'],
    ['2026-05-09T19:00:00.123456+09:00', '2026-05-09T10:00:00.123Z'],
    ['2026-05-09T19:00+09:00', '2026-05-09T10:00:00.000Z'],
    ['2026-05-09T19:00:00+0900', '2026-05-09T10:00:00.000Z'],
    ['2026-05-09T05:00:00-05', '2026-05-09T10:00:00.000Z'],
  ])('takes the instant %s (stored as %s)', async (startsAt, utc) => {
    const res = await fair(startsAt);
    expect(res.status).toBe(201);
    expect(new Date(res.body.startsAt).toISOString()).toBe(utc);
  });

  it.each([
    '2026-05-09',
    '2026-05-09T10:00:00',
    '2026-05-09 10:00:00Z',
    '2026-W19-6T10:00:00Z',
    '2026-129T10:00:00Z',
    '2026-02-30T00:00:00Z',
    '2026-01-01T24:00:00Z',
    '2026-01-01T23:59:60Z',
    '2026-01-01T00:00:00+16:00',
    '0000-01-01T00:00:00Z',
    '10000-01-01T00:00:00Z',
    '+275760-09-13T00:00:00Z',
    'infinity',
    'epoch',
    'now',
    '',
    1_746_748_800_000,
    null,
    ['2026-05-09T10:00:00Z'],
  ])('refuses the instant %p with a 400 naming the field', async (startsAt) => {
    const res = await fair(startsAt);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(names(res.body, 'startsAt')).toBe(true);
  });

  it.each(['2026-13-01T00:00:00Z', 'yesterday', '2026-05-09'])('refuses from=%s on the slot list', async (from) => {
    const res = await t.http.get(`/fairs/${open.fairId}/coaching/slots?from=${encodeURIComponent(from)}`);
    expect(res.status).toBe(400);
    expect(names(res.body, 'from')).toBe(true);
  });

  it('refuses an odd closing instant on a posting and takes a real one', async () => {
    const staff = open.booth.recruiter.accessToken;
    const bad = await t.http.patch(`/postings/${open.postingId}`, { closesAt: '2026-02-30T00:00:00Z' }, staff);
    expect(bad.status).toBe(400);
    expect(names(bad.body, 'closesAt')).toBe(true);
    const later = new Date(Date.now() + 7 * 86_400_000).toISOString().replace('Z', '+00:00');
    const good = await t.http.patch(`/postings/${open.postingId}`, { closesAt: later }, staff);
    expect(good.status).toBe(200);
  });

  it.each(['1e20', '9007199254740992', '9223372036854775808', '0x10', ' ', '1.5', '-1', '1e3', 'abc', ''])(
    'refuses since=%p on the feed with a 400 naming it',
    async (since) => {
      const res = await t.http.get(`/fairs/${open.fairId}/feed?since=${encodeURIComponent(since)}`);
      expect(res.status).toBe(400);
      expect(names(res.body, 'since')).toBe(true);
    },
  );

  it('takes since up to the largest exact id, and limits as whole numbers only', async () => {
    expect((await t.http.get(`/fairs/${open.fairId}/feed?since=9007199254740991`)).body.items).toEqual([]);
    expect((await t.http.get(`/fairs/${open.fairId}/feed?since=0&limit=500`)).status).toBe(200);
    for (const limit of ['1e2', '0x10', '2.0', '101', '0', '-5', '99999999999999999999']) {
      const res = await t.http.get(`/fairs/${open.fairId}/postings?limit=${limit}`);
      expect([limit, res.status, names(res.body, 'limit')]).toEqual([limit, 400, true]);
    }
    expect((await t.http.get(`/fairs/${open.fairId}/postings?limit=100`)).status).toBe(200);
  });

  it.each(['title', 'description', 'jobCategory', 'employmentType', 'openings'])('refuses null for %s on PATCH /postings/:id', async (field) => {
    const res = await t.http.patch(`/postings/${open.postingId}`, { [field]: null }, open.booth.recruiter.accessToken);
    expect(res.status).toBe(400);
    expect(names(res.body, field)).toBe(true);
  });

  it('clears the optional posting fields with null', async () => {
    const staff = open.booth.recruiter.accessToken;
    const set = await t.http.patch(`/postings/${open.postingId}`, { location: '대구 중구', salaryMin: 30_000_000 }, staff);
    expect(set.status).toBe(200);
    const cleared = await t.http.patch(`/postings/${open.postingId}`, { location: null, salaryMin: null, salaryMax: null, closesAt: null }, staff);
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({ location: null, salaryMin: null, closesAt: null });
  });

  it.each(['startDate', 'employmentType', 'jobCategory'])('refuses null for %s on PATCH /applications/:id/hire', async (field) => {
    const res = await t.http.patch(`/applications/${applicationId}/hire`, { [field]: null }, open.booth.recruiter.accessToken);
    expect(res.status).toBe(400);
    expect(names(res.body, field)).toBe(true);
  });
});
