import { execFile } from 'node:child_process';
import { Client } from 'pg';
import { REPO_ROOT, connectTestDb, runEnv, uniqueEmail } from '@bisang/testing';
import { TestApp, startTestApp } from './support/test-app';

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run cli -- <args>` without npm: the built CLI, on the run's database. */
function cli(...args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['dist/apps/cli/src/main.js', ...args],
      {
        cwd: REPO_ROOT,
        timeout: 30_000,
        env: runEnv(),
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe('CLI (`npm run cli`)', () => {
  let t: TestApp;
  let db: Client;

  beforeAll(async () => {
    t = await startTestApp();
    db = await connectTestDb();
  });

  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  const countUsers = async (email: string) =>
    Number((await db.query('SELECT count(*) FROM users WHERE email = lower($1)', [email])).rows[0].count);

  describe('user:create', () => {
    const email = uniqueEmail('Cli.Organizer');
    const password = 'organizer-pass-2025';
    let created: { id: string; email: string; name: string; role: string };

    it('creates an organizer, prints it as JSON and exits 0', async () => {
      const res = await cli('user:create', '--role', 'organizer', '--email', email, '--password', password, '--name', '박운영');
      expect({ code: res.code, stderr: res.stderr }).toEqual({ code: 0, stderr: '' });
      created = JSON.parse(res.stdout.trim());
      expect(created).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), email: email.toLowerCase(), name: '박운영', role: 'organizer' });
      expect(res.stdout).not.toContain(password);
    });

    it('gives an organizer that can sign in over HTTP and act as one', async () => {
      const login = await t.http.post('/auth/login', { email, password });
      expect(login.status).toBe(200);
      expect(login.body.user).toMatchObject({ id: created.id, role: 'organizer', name: '박운영' });
      const me = await t.http.get('/me', login.body.accessToken);
      expect(me.body).toMatchObject({ id: created.id, role: 'organizer' });
    });

    it('refuses the same email again (any case) with a non-zero exit naming EMAIL_TAKEN', async () => {
      const res = await cli('user:create', '--role', 'coach', '--email', email.toUpperCase(), '--password', 'another-pass-99', '--name', '다른 사람');
      expect(res.code).not.toBe(0);
      expect(res.stderr).toContain('EMAIL_TAKEN');
      expect(await countUsers(email)).toBe(1);
      // the first account is untouched
      expect((await t.http.post('/auth/login', { email, password })).status).toBe(200);
    });

    it.each([
      ['a weak password', ['--role', 'recruiter', '--password', 'short1', '--name', '약한 암호'], /--password/],
      ['a common password', ['--role', 'recruiter', '--password', 'password1234', '--name', '흔한 암호'], /--password: .*too common/],
      ['no --name', ['--role', 'recruiter', '--password', 'good-pass-123'], /--name/],
      ['an unknown role', ['--role', 'admin', '--password', 'good-pass-123', '--name', '관리자'], /--role/],
      ['a seeker without --birth-date', ['--role', 'seeker', '--password', 'good-pass-123', '--name', '구직자'], /--birth-date/],
    ])('refuses %s with a non-zero exit naming the problem, and creates nothing', async (_case, args, problem) => {
      const other = uniqueEmail('cli.refused');
      const res = await cli('user:create', '--email', other, ...args);
      expect(res.code).not.toBe(0);
      expect(res.stderr).toMatch(problem);
      expect(res.stdout).toBe('');
      expect(await countUsers(other)).toBe(0);
    });

    it('refuses an unknown option without creating anything', async () => {
      const other = uniqueEmail('cli.unknown');
      const res = await cli('user:create', '--role', 'coach', '--email', other, '--password', 'good-pass-123', '--name', 'x', '--admin');
      expect(res.code).not.toBe(0);
      expect(res.stderr).toMatch(/admin/);
      expect(await countUsers(other)).toBe(0);
    });
  });

  it('db:migrate on an up-to-date database exits 0 saying so', async () => {
    const res = await cli('db:migrate');
    expect(res.code).toBe(0);
    expect(res.stdout.trim()).toBe('database is up to date');
  });

  it('prints its usage and exits non-zero for an unknown command', async () => {
    const res = await cli('user:delete');
    expect(res.code).not.toBe(0);
    expect(res.stderr).toContain('user:create');
  });
});
