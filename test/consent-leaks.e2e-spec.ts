import { Client } from 'pg';
import { SignedIn, applyTo, connectTestDb, createBooth, createFair, createOrganizer, publishPosting, registerUser, samplePdf } from '@bisang/testing';
import { TestApp, startTestApp } from './support/test-app';

/**
 * The consent rule (CONTRACT.md, "Matching"): nothing about a seeker reaches a company unless the seeker applied,
 * queued or chatted at its booth, opened their profile to the pool, or accepted its invitation.
 *
 * The walk reads every GET route of the OpenAPI document with a company's staff token, its path parameters filled
 * with the company's own fair, booth, posting and the seeker's ids, and looks for the seeker in every answer. A route
 * added later (booth chat's queue and chats) is walked too without touching this file; its own consent act
 * ("queued or chatted") is a stage to add here beside "applied" once it exists.
 */
describe("consent: nothing about a seeker reaches a company without the seeker's act", () => {
  let t: TestApp;
  let db: Client;
  let organizer: SignedIn;

  beforeAll(async () => {
    t = await startTestApp();
    db = await connectTestDb();
    organizer = await createOrganizer(t.app, t.http);
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  const put = (path: string, body: unknown, token: string) => t.http.request('PUT', path, { body, token });

  it('walks every route with a staff token: no trace before consent, the pool card only while pooled, never segment flags or notes', async () => {
    const stamp = Math.random().toString(36).slice(2, 8);
    // Our company: an approved booth in the fair. Another company in the same fair, where the seeker applies.
    const fair = await createFair(t.http, organizer);
    const ours = await createBooth(t.http, fair.id, `우리회사${stamp}`);
    const ourPosting = await publishPosting(t.http, ours, '우리 공고', { jobCategory: '0' });
    const secondPosting = await publishPosting(t.http, ours, '우리 두번째 공고', { jobCategory: '0' });
    const theirs = await createBooth(t.http, fair.id, `남의회사${stamp}`);
    const theirPosting = await publishPosting(t.http, theirs, '남의 공고');
    for (const b of [ours, theirs]) expect((await t.http.post(`/booths/${b.boothId}/approve`, {}, organizer.accessToken)).status).toBe(200);
    const otherFair = await createFair(t.http, organizer);

    const name = `누설검사${stamp}`;
    const seeker = await registerUser(t.http, 'seeker', { name, birthDate: '1970-02-03' });
    const summary = `비밀경력${stamp}`;
    expect(
      (await put('/me/profile', { desiredJobCategories: ['0'], region: '대구 수성구', uTurn: true, careerYears: 30, careerBreak: true, careerSummary: summary }, seeker.accessToken)).status,
    ).toBe(200);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(samplePdf(stamp))], { type: 'application/pdf' }), '이력서.pdf');
    const resume = await t.http.form('PUT', '/me/resume', form, seeker.accessToken);
    expect(resume.status).toBe(200);
    // Activity elsewhere: an application to the other company, the pool of another fair, the centre's note and an
    // introduction to our posting the seeker has not answered.
    const foreignApplication = await applyTo(t.http, seeker, theirPosting);
    await put('/me/talent-pool', { fairId: otherFair.id, visible: true, showName: true }, seeker.accessToken);
    await t.http.post(`/seekers/${seeker.id}/counselling-notes`, { body: `상담메모${stamp}` }, organizer.accessToken);
    const intro = await t.http.post(`/fairs/${fair.id}/introductions`, { seekerId: seeker.id, postingId: ourPosting }, organizer.accessToken);
    expect(intro.status).toBe(201);

    const ids: Record<string, string> = {
      fairId: fair.id,
      fairIdOrSlug: fair.id,
      boothId: ours.boothId,
      companyId: ours.companyId,
      postingId: ourPosting,
      seekerId: seeker.id,
      resumeId: resume.body.id,
      applicationId: foreignApplication,
      introductionId: intro.body.id,
    };
    const docs = await t.http.get('/docs-json');
    const paths = Object.entries(docs.body.paths as Record<string, Record<string, unknown>>)
      .filter(([, ops]) => 'get' in ops)
      .map(([path]) => path)
      .filter((path) => path.startsWith('/api/v1/'));
    expect(paths.length).toBeGreaterThan(30);

    /** Every GET answer to our staff, keyed by route. */
    const walk = async () => {
      const answers: Record<string, string> = {};
      for (const path of paths) {
        const filled = path.replace('/api/v1', '').replace(/\{(\w+)\}/g, (_, p: string) => ids[p] ?? seeker.id);
        const res = await t.http.request('GET', filled, { token: ours.recruiter.accessToken });
        answers[path] = typeof res.body === 'string' ? res.body : JSON.stringify(res.body ?? '');
      }
      return answers;
    };
    const secrets = [name, seeker.email, summary, '1970-02-03', `상담메모${stamp}`];
    const traces = (text: string) => [seeker.id, ...secrets].filter((s) => text.includes(s));
    const routesWith = (answers: Record<string, string>, marker: string) => Object.keys(answers).filter((p) => answers[p].includes(marker));

    // No act towards our company: no trace anywhere.
    const before = await walk();
    for (const [path, text] of Object.entries(before)) expect([path, traces(text)]).toEqual([path, []]);

    // Pooled in our fair, name hidden, with our pending invitation to chat: the pool's card only, without the name or anything else.
    await put('/me/talent-pool', { fairId: fair.id, visible: true }, seeker.accessToken);
    const chatInvitation = await t.http.post(`/fairs/${fair.id}/talent-pool/${seeker.id}/chat-invitations`, { boothId: ours.boothId }, ours.recruiter.accessToken);
    expect(chatInvitation.status).toBe(201);
    const pooled = await walk();
    expect(routesWith(pooled, seeker.id)).toEqual(['/api/v1/fairs/{fairId}/talent-pool']);
    for (const text of Object.values(pooled)) {
      expect(secrets.filter((s) => text.includes(s))).toEqual([]);
      expect(text).not.toMatch(/careerBreak|counselling/i);
    }

    // Invited (to apply; the invitation to chat still unanswered), then declined and withdrawn from the pool: nothing again.
    const invited = await t.http.post(`/fairs/${fair.id}/talent-pool/${seeker.id}/invitations`, { postingId: ourPosting }, ours.recruiter.accessToken);
    expect(invited.status).toBe(201);
    ids.invitationId = invited.body.id;
    expect((await t.http.post(`/pool-invitations/${invited.body.id}/decline`, {}, seeker.accessToken)).status).toBe(200);
    await put('/me/talent-pool', { fairId: fair.id, visible: false, showName: true }, seeker.accessToken);
    const withdrawn = await walk();
    for (const [path, text] of Object.entries(withdrawn)) expect([path, traces(text)]).toEqual([path, []]);

    // An invitation accepted (the seeker's act): the application and profile reach the company — never the
    // segment flag or the centre's notes.
    await put('/me/talent-pool', { fairId: fair.id, visible: true }, seeker.accessToken);
    const second = await t.http.post(`/fairs/${fair.id}/talent-pool/${seeker.id}/invitations`, { postingId: secondPosting }, ours.recruiter.accessToken);
    await put('/me/talent-pool', { fairId: fair.id, visible: false }, seeker.accessToken);
    const accepted = await t.http.post(`/pool-invitations/${second.body.id}/accept`, {}, seeker.accessToken);
    expect(accepted.status).toBe(200);
    ids.applicationId = accepted.body.applicationId;
    const consented = await walk();
    expect(routesWith(consented, seeker.id)).toEqual(
      expect.arrayContaining(['/api/v1/seekers/{seekerId}/profile', '/api/v1/booths/{boothId}/applications', '/api/v1/applications/{applicationId}']),
    );
    for (const text of Object.values(consented)) {
      expect(text).not.toMatch(/careerBreak|counsellingNotes/);
      expect(text).not.toContain(`상담메모${stamp}`);
      expect(text).not.toContain(seeker.email);
    }
    // The other company's application stays theirs.
    expect((await t.http.get(`/applications/${foreignApplication}`, ours.recruiter.accessToken)).status).toBe(404);
  });
});
