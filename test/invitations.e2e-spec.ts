import { Client } from 'pg';
import { SignedIn, connectTestDb, createBooth, createFair, createOrganizer, registerUser, uniqueEmail } from '@bisang/testing';
import { TestApp, startTestApp } from './support/test-app';

/** Company staff join by an invitation the invitee accepts; a recruiter leaves unless they are the last one. */
describe('company invitations and leaving (HTTP)', () => {
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

  const invite = (companyId: string, email: string, token: string) => t.http.post(`/companies/${companyId}/invitations`, { email }, token);
  const staffCount = async (companyId: string) =>
    Number((await db.query('SELECT count(*) FROM company_staff WHERE company_id = $1', [companyId])).rows[0].count);

  it('answers the same for any address: an account, no account, a seeker (no enumeration)', async () => {
    const fair = await createFair(t.http, organizer);
    const { companyId, recruiter } = await createBooth(t.http, fair.id);
    const other = await registerUser(t.http, 'recruiter');
    const seeker = await registerUser(t.http, 'seeker');
    const answers = [
      await invite(companyId, other.email, recruiter.accessToken),
      await invite(companyId, uniqueEmail('nobody'), recruiter.accessToken),
      await invite(companyId, seeker.email, recruiter.accessToken),
    ];
    for (const res of answers) {
      expect(res.status).toBe(201);
      expect(Object.keys(res.body).sort()).toEqual(['id', 'status']);
      expect(res.body.status).toBe('pending');
    }
    // the seeker cannot take the invitation up: only recruiters act for companies
    expect((await t.http.post(`/invitations/${answers[2].body.id}/accept`, {}, seeker.accessToken)).status).toBe(403);
  });

  it('only the company’s staff invite', async () => {
    const fair = await createFair(t.http, organizer);
    const { companyId } = await createBooth(t.http, fair.id);
    const outsider = await registerUser(t.http, 'recruiter');
    const seeker = await registerUser(t.http, 'seeker');
    expect((await invite(companyId, outsider.email, outsider.accessToken)).body).toMatchObject({ statusCode: 403, code: 'NOT_COMPANY_STAFF' });
    expect((await invite(companyId, outsider.email, seeker.accessToken)).status).toBe(403);
    expect((await invite('00000000-0000-4000-8000-000000000000', outsider.email, outsider.accessToken)).status).toBe(404);
    expect((await t.http.get(`/companies/${companyId}/invitations`, outsider.accessToken)).status).toBe(403);
    expect((await t.http.get(`/companies/${companyId}/staff`, outsider.accessToken)).status).toBe(403);
  });

  it('the invitee sees nothing of the company until they accept; then they are its staff', async () => {
    const fair = await createFair(t.http, organizer);
    const booth = await createBooth(t.http, fair.id, '대구초대(주)');
    const invitee = await registerUser(t.http, 'recruiter');
    const bystander = await registerUser(t.http, 'recruiter');
    const created = await invite(booth.companyId, invitee.email.toUpperCase(), booth.recruiter.accessToken);
    expect(created.status).toBe(201);
    // inviting the same address again while it is pending gives the same invitation
    const again = await invite(booth.companyId, invitee.email, booth.recruiter.accessToken);
    expect(again.body.id).toBe(created.body.id);

    const pending = await t.http.get(`/companies/${booth.companyId}/invitations`, booth.recruiter.accessToken);
    expect(pending.body.items).toEqual([expect.objectContaining({ id: created.body.id, email: invitee.email, status: 'pending' })]);

    const mine = await t.http.get('/me/invitations', invitee.accessToken);
    expect(mine.status).toBe(200);
    expect(mine.body.items).toEqual([
      { id: created.body.id, status: 'pending', company: { id: booth.companyId, name: '대구초대(주)' }, createdAt: expect.any(String), expiresAt: expect.any(String) },
    ]);
    expect((await t.http.get('/me/invitations', bystander.accessToken)).body.items).toEqual([]);

    // before accepting: nothing of the company
    expect((await t.http.get('/companies/mine', invitee.accessToken)).body).toEqual([]);
    expect((await t.http.get(`/companies/${booth.companyId}/staff`, invitee.accessToken)).status).toBe(403);
    expect((await t.http.get(`/booths/${booth.boothId}/applications`, invitee.accessToken)).status).toBe(404);
    expect((await t.http.get(`/booths/${booth.boothId}/postings`, invitee.accessToken)).status).toBe(404);

    // someone else cannot accept it
    const stolen = await t.http.post(`/invitations/${created.body.id}/accept`, {}, bystander.accessToken);
    expect([stolen.status, stolen.body.code]).toEqual([404, 'NOT_FOUND']);

    const accepted = await t.http.post(`/invitations/${created.body.id}/accept`, {}, invitee.accessToken);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({ id: created.body.id, status: 'accepted', companyId: booth.companyId });
    // accepting twice is harmless
    expect((await t.http.post(`/invitations/${created.body.id}/accept`, {}, invitee.accessToken)).status).toBe(200);

    expect((await t.http.get('/companies/mine', invitee.accessToken)).body).toEqual([expect.objectContaining({ id: booth.companyId })]);
    expect((await t.http.get(`/booths/${booth.boothId}/applications`, invitee.accessToken)).status).toBe(200);
    expect((await t.http.get(`/companies/${booth.companyId}/staff`, invitee.accessToken)).body.items.map((s: { userId: string }) => s.userId)).toEqual([
      booth.recruiter.id,
      invitee.id,
    ]);
    expect((await t.http.get('/me/invitations', invitee.accessToken)).body.items).toEqual([]);
    expect((await t.http.get(`/companies/${booth.companyId}/invitations`, booth.recruiter.accessToken)).body.items).toEqual([]);
  });

  it('declined, withdrawn and expired invitations cannot be accepted', async () => {
    const fair = await createFair(t.http, organizer);
    const booth = await createBooth(t.http, fair.id);
    const [a, b, c] = await Promise.all([0, 1, 2].map(() => registerUser(t.http, 'recruiter')));
    const ia = (await invite(booth.companyId, a.email, booth.recruiter.accessToken)).body.id;
    const ib = (await invite(booth.companyId, b.email, booth.recruiter.accessToken)).body.id;
    const ic = (await invite(booth.companyId, c.email, booth.recruiter.accessToken)).body.id;

    expect((await t.http.post(`/invitations/${ia}/decline`, {}, a.accessToken)).body).toEqual({ id: ia, status: 'declined' });
    expect((await t.http.post(`/invitations/${ia}/accept`, {}, a.accessToken)).status).toBe(404);

    expect((await t.http.delete(`/companies/${booth.companyId}/invitations/${ib}`, booth.recruiter.accessToken)).status).toBe(204);
    expect((await t.http.post(`/invitations/${ib}/accept`, {}, b.accessToken)).status).toBe(404);

    await db.query(`UPDATE company_invitations SET expires_at = now() - interval '1 minute' WHERE id = $1`, [ic]);
    expect((await t.http.get('/me/invitations', c.accessToken)).body.items).toEqual([]);
    const expired = await t.http.post(`/invitations/${ic}/accept`, {}, c.accessToken);
    expect([expired.status, expired.body.code]).toEqual([409, 'INVITATION_EXPIRED']);
    expect(expired.body.message).toMatch(/만료.*expired/);
    expect(await staffCount(booth.companyId)).toBe(1);
  });

  it('a recruiter leaves a company, but its last staff member cannot', async () => {
    const fair = await createFair(t.http, organizer);
    const booth = await createBooth(t.http, fair.id);
    const second = await registerUser(t.http, 'recruiter');
    const id = (await invite(booth.companyId, second.email, booth.recruiter.accessToken)).body.id;
    await t.http.post(`/invitations/${id}/accept`, {}, second.accessToken);

    expect((await t.http.delete(`/companies/${booth.companyId}/staff/me`, second.accessToken)).status).toBe(204);
    expect((await t.http.get(`/booths/${booth.boothId}/applications`, second.accessToken)).status).toBe(404);
    expect((await t.http.delete(`/companies/${booth.companyId}/staff/me`, second.accessToken)).status).toBe(404);

    const last = await t.http.delete(`/companies/${booth.companyId}/staff/me`, booth.recruiter.accessToken);
    expect(last.status).toBe(409);
    expect(last.body).toMatchObject({ statusCode: 409, code: 'LAST_STAFF_MEMBER' });
    expect(last.body.message).toMatch(/마지막 담당자.*last staff member/);
  });

  it('two of two staff leaving at the same moment: exactly one goes, the company keeps one', async () => {
    for (let round = 0; round < 5; round++) {
      const fair = await createFair(t.http, organizer);
      const booth = await createBooth(t.http, fair.id);
      const second = await registerUser(t.http, 'recruiter');
      const id = (await invite(booth.companyId, second.email, booth.recruiter.accessToken)).body.id;
      await t.http.post(`/invitations/${id}/accept`, {}, second.accessToken);
      const results = await Promise.all(
        [booth.recruiter, second].map((r) => t.http.delete(`/companies/${booth.companyId}/staff/me`, r.accessToken)),
      );
      expect(results.map((r) => r.status).sort()).toEqual([204, 409]);
      expect(await staffCount(booth.companyId)).toBe(1);
    }
  });
});
