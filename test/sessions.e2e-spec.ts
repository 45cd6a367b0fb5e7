import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { PASSWORD, SignedIn, connected, registerUser } from '@bisang/testing';
import { TestApp, startTestApp } from './support/test-app';

/**
 * Sessions end when the user says so: sign out, sign out everywhere, password change, and a replayed refresh token.
 * An ended session's refresh token, access token and sockets all stop working; other sessions go on.
 */
describe('sessions (HTTP + socket.io)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const login = async (user: SignedIn, password = PASSWORD) => {
    const res = await t.http.post('/auth/login', { email: user.email, password });
    expect(res.status).toBe(200);
    return { accessToken: res.body.accessToken as string, refreshToken: res.body.refreshToken as string };
  };
  /**
   * An ended session's socket loses its private events: the server says so (`auth:expired`, reason `revoked`) and
   * keeps it as a visitor (it cannot sign in again with the ended session's token, see below).
   */
  const disconnectedOnce = (socket: Socket) => new Promise<string>((resolve) => socket.once('auth:expired', (info) => resolve(info.reason)));
  /** A round trip through the gateway: only a connected socket gets an answer. */
  const answers = async (socket: Socket) => {
    const ack = await socket.timeout(5000).emitWithAck('fair:join', { fairId: randomUUID() });
    return ack.ok === false && ack.code === 'NOT_FOUND';
  };
  const meStatus = async (token: string) => (await t.http.get('/me', token)).status;
  const refreshStatus = async (token: string) => (await t.http.post('/auth/refresh', { refreshToken: token })).status;

  it('sign-out ends that session: refresh token, access token and its sockets; another session goes on', async () => {
    const user = await registerUser(t.http, 'seeker');
    const other = await login(user);
    const mine = t.socket({ token: user.accessToken });
    const theirs = t.socket({ token: other.accessToken });
    await Promise.all([connected(mine), connected(theirs)]);
    const dropped = disconnectedOnce(mine);

    const out = await t.http.post('/auth/logout', { refreshToken: user.refreshToken }, user.accessToken);
    expect(out.status).toBe(204);

    expect(await dropped).toBe('revoked');
    expect(await refreshStatus(user.refreshToken)).toBe(401);
    expect((await t.http.get('/me', user.accessToken)).body).toMatchObject({ statusCode: 401, code: 'INVALID_TOKEN' });
    // the ended session cannot come back on a socket either
    const again = t.socket({ token: user.accessToken });
    await expect(connected(again)).rejects.toThrow('unauthorized');

    expect(await answers(theirs)).toBe(true);
    expect(await meStatus(other.accessToken)).toBe(200);
    expect(await refreshStatus(other.refreshToken)).toBe(200);
  });

  it('sign-out is idempotent, needs a signed-in caller and never ends someone else’s session', async () => {
    const user = await registerUser(t.http, 'coach');
    const stranger = await registerUser(t.http, 'coach');
    expect((await t.http.post('/auth/logout', { refreshToken: user.refreshToken })).body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
    expect((await t.http.post('/auth/logout', {}, user.accessToken)).status).toBe(400);

    // the stranger presents the user's refresh token: only the stranger's own session ends
    expect((await t.http.post('/auth/logout', { refreshToken: user.refreshToken }, stranger.accessToken)).status).toBe(204);
    expect(await meStatus(stranger.accessToken)).toBe(401);
    expect(await meStatus(user.accessToken)).toBe(200);
    expect(await refreshStatus(user.refreshToken)).toBe(200);
  });

  it('sign-out everywhere ends every session of the user, and drops all their sockets', async () => {
    const user = await registerUser(t.http, 'recruiter');
    const sessions = [{ accessToken: user.accessToken, refreshToken: user.refreshToken }, await login(user), await login(user)];
    const sockets = sessions.map((s) => t.socket({ token: s.accessToken }));
    await Promise.all(sockets.map(connected));
    const bystander = await registerUser(t.http, 'recruiter');
    const bystanderSocket = t.socket({ token: bystander.accessToken });
    await connected(bystanderSocket);
    const dropped = Promise.all(sockets.map(disconnectedOnce));

    expect((await t.http.post('/auth/logout-all', {}, sessions[1].accessToken)).status).toBe(204);

    await dropped;
    for (const s of sessions) {
      expect(await meStatus(s.accessToken)).toBe(401);
      expect(await refreshStatus(s.refreshToken)).toBe(401);
    }
    expect(await answers(bystanderSocket)).toBe(true);
    // a new sign-in works
    expect(await meStatus((await login(user)).accessToken)).toBe(200);
  });

  it('a password change ends the other sessions, keeps this one, and checks the current password and the policy', async () => {
    const user = await registerUser(t.http, 'seeker');
    const other = await login(user);
    const otherSocket = t.socket({ token: other.accessToken });
    const mySocket = t.socket({ token: user.accessToken });
    await Promise.all([connected(otherSocket), connected(mySocket)]);

    const wrong = await t.http.post('/me/password', { currentPassword: 'not-my-password-1', newPassword: 'a-new-passphrase-77' }, user.accessToken);
    expect(wrong.status).toBe(403);
    expect(wrong.body).toMatchObject({ statusCode: 403, code: 'INVALID_CURRENT_PASSWORD' });
    const weak = await t.http.post('/me/password', { currentPassword: PASSWORD, newPassword: 'short-1' }, user.accessToken);
    expect([weak.status, weak.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(weak.body.message.join(' ')).toMatch(/비밀번호는 10자 이상.*at least 10 characters/);
    const common = await t.http.post('/me/password', { currentPassword: PASSWORD, newPassword: 'iloveyou123' }, user.accessToken);
    expect([common.status, common.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(common.body.message.join(' ')).toMatch(/too common/);
    // nothing has changed so far
    expect(await meStatus(other.accessToken)).toBe(200);

    const dropped = disconnectedOnce(otherSocket);
    const changed = await t.http.post('/me/password', { currentPassword: PASSWORD, newPassword: 'a-new-passphrase-77' }, user.accessToken);
    expect(changed.status).toBe(204);
    await dropped;
    expect(await meStatus(other.accessToken)).toBe(401);
    expect(await refreshStatus(other.refreshToken)).toBe(401);

    expect(await answers(mySocket)).toBe(true);
    expect(await meStatus(user.accessToken)).toBe(200);
    expect(await refreshStatus(user.refreshToken)).toBe(200);
    expect((await t.http.post('/auth/login', { email: user.email, password: PASSWORD })).status).toBe(401);
    await login(user, 'a-new-passphrase-77');
  });

  it('a replayed refresh token ends the session, with the token and the sockets the race winner just got', async () => {
    // Two clients spend one refresh token at the same moment. One wins a new pair, the other is a replay: the whole
    // session must end, including the pair the winner got, whatever order the two requests took inside the server.
    const rounds = 20;
    let winners = 0;
    for (let i = 0; i < rounds; i++) {
      const user = await registerUser(t.http, 'seeker');
      const socket = t.socket({ token: user.accessToken });
      await connected(socket);
      const dropped = disconnectedOnce(socket);
      const results = await Promise.all([0, 1].map(() => t.http.post('/auth/refresh', { refreshToken: user.refreshToken })));
      const won = results.filter((r) => r.status === 200);
      const lost = results.filter((r) => r.status === 401);
      expect(won.length).toBeLessThanOrEqual(1);
      expect(lost.map((r) => r.body.code)).toContain('REFRESH_TOKEN_REUSED');
      await dropped;
      for (const w of won) {
        winners++;
        expect(await refreshStatus(w.body.refreshToken)).toBe(401);
        expect(await meStatus(w.body.accessToken)).toBe(401);
        const late = t.socket({ token: w.body.accessToken });
        await expect(connected(late)).rejects.toThrow('unauthorized');
      }
      expect(await meStatus(user.accessToken)).toBe(401);
    }
    expect(winners).toBeGreaterThan(0);
  });
});

describe('OpenAPI document for sessions, invitations and coach approval', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('describes each new route with its answers and bearer auth', async () => {
    const doc = (await t.http.get('/docs-json')).body as { paths: Record<string, Record<string, { responses: Record<string, unknown>; security?: unknown[] }>> };
    const op = (path: string, method: string) => doc.paths[`/api/v1${path}`]?.[method];
    const expectations: [string, string, string[]][] = [
      ['/auth/logout', 'post', ['204', '400', '401']],
      ['/auth/logout-all', 'post', ['204', '401']],
      ['/me/password', 'post', ['204', '400', '401', '403', '429']],
      ['/auth/login', 'post', ['200', '401', '429']],
      ['/companies/{companyId}/invitations', 'post', ['201', '400', '403', '404', '429']],
      ['/companies/{companyId}/invitations', 'get', ['200', '403', '404']],
      ['/companies/{companyId}/invitations/{invitationId}', 'delete', ['204', '403', '404']],
      ['/companies/{companyId}/staff/me', 'delete', ['204', '404', '409']],
      ['/me/invitations', 'get', ['200']],
      ['/invitations/{invitationId}/accept', 'post', ['200', '404', '409']],
      ['/invitations/{invitationId}/decline', 'post', ['200', '404']],
      ['/fairs/{fairId}/coaches/me', 'post', ['201', '404', '409']],
      ['/fairs/{fairId}/coaches/me', 'get', ['200', '404']],
      ['/fairs/{fairId}/coaches', 'get', ['200', '404']],
      ['/fairs/{fairId}/coaches/{coachId}/approve', 'post', ['200', '404']],
      ['/fairs/{fairId}/coaching/availability', 'post', ['201', '403', '409']],
      ['/coaching/bookings', 'post', ['201', '202', '429']],
      ['/postings/{postingId}/applications', 'post', ['201', '429']],
    ];
    for (const [path, method, codes] of expectations) {
      const operation = op(path, method);
      expect({ path, method, found: !!operation }).toEqual({ path, method, found: true });
      for (const code of codes) expect({ path, method, code, described: code in operation!.responses }).toEqual({ path, method, code, described: true });
    }
    for (const [path, method] of expectations.filter(([path]) => path !== '/auth/login')) expect({ path, security: (op(path, method)!.security ?? []).length > 0 }).toEqual({ path, security: true });
    expect(doc.paths['/api/v1/companies/{companyId}/staff']?.post).toBeUndefined();
  });
});
