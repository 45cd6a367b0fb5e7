import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { PASSWORD, connectTestDb, registerUser, samplePdf, uniqueEmail } from '@bisang/testing';
import { TestApp, startTestApp } from './support/test-app';

/** E-mails in one form (NFKC, lower case); names and file names without bidirectional or zero-width controls. */
describe('account data hardening (HTTP)', () => {
  let t: TestApp;
  let db: Client;
  let storageDir: string;

  beforeAll(async () => {
    storageDir = mkdtempSync(join(tmpdir(), 'bisang-hardening-'));
    t = await startTestApp({ STORAGE_DIR: storageDir });
    db = await connectTestDb();
  });
  afterAll(async () => {
    await db.end();
    await t.close();
    rmSync(storageDir, { recursive: true, force: true });
  });

  /** Full-width letters: the NFKC form is plain ASCII. */
  const fullWidth = (text: string) => text.replace(/[a-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x61 + 0xff41));

  it('an address in full-width or upper-case letters is the same account', async () => {
    const local = `minji${Date.now().toString(36)}`;
    const plain = `${local}@test.bisang.kr`;
    const reg = await t.http.post('/auth/register', { email: `${fullWidth(local)}@TEST.bisang.kr`, password: PASSWORD, name: '김민지', role: 'coach' });
    expect(reg.status).toBe(201);
    expect(reg.body.user.email).toBe(plain);
    const again = await t.http.post('/auth/register', { email: plain.toUpperCase(), password: PASSWORD, name: '다른 사람', role: 'coach' });
    expect([again.status, again.body.code]).toEqual([409, 'EMAIL_TAKEN']);
    expect((await t.http.post('/auth/login', { email: `${fullWidth(local)}@test.bisang.kr`, password: PASSWORD })).status).toBe(200);
    expect((await db.query('SELECT email FROM users WHERE id = $1', [reg.body.user.id])).rows[0].email).toBe(plain);
  });

  it('the database refuses a second row whose normal form is taken, whoever writes it', async () => {
    const user = await registerUser(t.http, 'seeker');
    const local = user.email.split('@')[0];
    await expect(
      db.query(`INSERT INTO users (email, password_hash, name, role) VALUES ($1, 'x', 'x', 'coach')`, [`${fullWidth(local)}@test.bisang.kr`]),
    ).rejects.toThrow(/users_email_normalized_key/);
  });

  it('names lose bidirectional and zero-width controls', async () => {
    const reg = await t.http.post('/auth/register', {
      email: uniqueEmail('bidi'),
      password: PASSWORD,
      name: '\u202E김\u200B민\u2066지\u2069\uFEFF',
      role: 'recruiter',
    });
    expect(reg.status).toBe(201);
    expect(reg.body.user.name).toBe('김민지');
    const company = await t.http.post('/companies', { name: '대구\u200D정밀\u202E(주)' }, reg.body.accessToken);
    expect(company.body.name).toBe('대구정밀(주)');
    // a name made only of controls is empty: refused
    const empty = await t.http.post('/auth/register', { email: uniqueEmail('bidi'), password: PASSWORD, name: '\u200B\u202E', role: 'coach' });
    expect([empty.status, empty.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('a resume’s file name loses them too, so `…\\u202Efdp.exe` cannot pose as a PDF name', async () => {
    const seeker = await registerUser(t.http, 'seeker');
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(samplePdf())], { type: 'application/pdf' }), '이력서\u202Efdp.exe\u200B');
    const res = await t.http.form('PUT', '/me/resume', form, seeker.accessToken);
    expect(res.status).toBe(200);
    expect(res.body.fileName).toBe('이력서fdp.exe.pdf');
  });
});
