import type { Booking } from '@bisang/contracts';
import { eventually } from '@bisang/testing';
import { TestApp, startTestApp } from './support/test-app';
import { DEMO_PASSWORD, seedDemo } from '../apps/bisang/src/demo/demo-seed';

/** The demo data for matching: recommendations for the demo seeker, the pool with the U-turn veteran, an introduced hire. */
describe('matching in the demo fair', () => {
  let t: TestApp;
  let fairId: string;
  const login = async (email: string) => (await t.http.post('/auth/login', { email, password: DEMO_PASSWORD })).body.accessToken as string;

  beforeAll(async () => {
    t = await startTestApp();
    ({ fairId } = await seedDemo(t.app, { trickle: false }));
  });
  afterAll(async () => {
    await t.close();
  });

  it('recommends postings to the demo seeker, with reasons', async () => {
    const res = await t.http.get(`/fairs/${fairId}/recommendations`, await login('seeker@demo.bisang.kr'));
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(5);
    expect(res.body.items[0].reasons).toContain('희망 직무 일치');
    // Applied-to postings are left out (the demo seeker applied to the backend role).
    expect(res.body.items.map((i: { posting: { title: string } }) => i.posting.title)).not.toContain('백엔드 개발자 (Node.js / TypeScript)');
  });

  it('shows the demo recruiter the pool, among them the 55-year-old U-turn finance veteran under his name', async () => {
    const res = await t.http.get(`/fairs/${fairId}/talent-pool?jobCategory=0&uturn=true`, await login('recruiter@demo.bisang.kr'));
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ name: '배정호', age: expect.any(Number), uturn: true, careerYears: 28 })]));
  });

  it('has an invitation to chat waiting for the veteran from the demo recruiter\'s booth', async () => {
    const res = await t.http.get('/me/pool-invitations', await login('p01@demo.bisang.kr'));
    expect(res.body.items).toEqual([expect.objectContaining({ kind: 'chat', status: 'pending', postingId: null, message: expect.stringContaining('재무 경력') })]);
  });

  it('gives the demo seeker a session with the demo coach whose room is open now or within half an hour', async () => {
    const seeker = await login('seeker@demo.bisang.kr');
    const coach = await login('coach@demo.bisang.kr');
    const soon = (b: Booking) => b.status === 'confirmed' && Date.parse(b.endsAt) > Date.now() && Date.parse(b.startsAt) - 10 * 60_000 < Date.now() + 30 * 60_000;
    let booking: Booking | undefined;
    await eventually(async () => {
      booking = ((await t.http.get('/me/coaching/bookings?limit=100', seeker)).body.items as Booking[]).find(soon);
      return booking !== undefined;
    }, 'the demo session confirmed');
    const bySeeker = await t.http.post(`/coaching/bookings/${booking!.id}/room`, {}, seeker);
    if (bySeeker.status === 409) {
      // Made from the coach's next free slot: it opens soon.
      expect(bySeeker.body.code).toBe('ROOM_NOT_OPEN');
      expect(Date.parse(bySeeker.body.opensAt)).toBeLessThan(Date.now() + 30 * 60_000);
    } else {
      expect(bySeeker.status).toBe(200);
      expect((await t.http.post(`/coaching/bookings/${booking!.id}/room`, {}, coach)).body).toMatchObject({ roomId: bySeeker.body.roomId, peer: { name: '김청년' } });
    }
  });

  it('counts the introduction that led to a hire, and the target shares', async () => {
    const res = await t.http.get(`/fairs/${fairId}/kpis`, await login('organizer@demo.bisang.kr'));
    expect(res.body).toMatchObject({ introducedHires: 1, targets: { youthShare: 0.475, regularShare: 0.758, professionalShare: 0.501 } });
    expect(res.body.uturnHires).toBeGreaterThanOrEqual(1);
    expect(res.body.midCareerHires).toBeGreaterThanOrEqual(1);
  });
});
