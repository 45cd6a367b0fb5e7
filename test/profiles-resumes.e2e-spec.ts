import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { BoothSetup, SignedIn, connectTestDb, createBooth, createFair, createOrganizer, filesUnder, publishPosting, applyTo, registerUser, samplePdf, samplePng } from '@bisang/testing';
import { TestApp, startTestApp } from './support/test-app';

const MB5 = 5 * 1024 * 1024;

/** Whole years from a YYYY-MM-DD birth date to today's UTC date. */
function ageToday(birthDate: string): number {
  const born = new Date(`${birthDate}T00:00:00Z`);
  const today = new Date();
  const hadBirthday =
    today.getUTCMonth() > born.getUTCMonth() || (today.getUTCMonth() === born.getUTCMonth() && today.getUTCDate() >= born.getUTCDate());
  return today.getUTCFullYear() - born.getUTCFullYear() - (hadBirthday ? 0 : 1);
}

/** Seeker profiles and resumes through HTTP: validation, uploads checked by content, and who may see what. */
describe('seeker profiles and resumes', () => {
  let t: TestApp;
  let db: Client;
  let storageDir: string;
  /** Resumes that other spec files of the run stored (elsewhere): not this app's files. */
  let earlierKeys: string[];

  beforeAll(async () => {
    storageDir = mkdtempSync(join(tmpdir(), 'bisang-uploads-'));
    t = await startTestApp({ STORAGE_DIR: storageDir });
    db = await connectTestDb();
    earlierKeys = (await db.query(`SELECT storage_key FROM resumes`)).rows.map((r) => r.storage_key);
  });
  afterAll(async () => {
    await db.end();
    await t.close();
    rmSync(storageDir, { recursive: true, force: true });
  });

  const upload = (token: string | undefined, bytes: Buffer, fileName = '이력서.pdf', type = 'application/pdf', field = 'file') => {
    const form = new FormData();
    form.append(field, new Blob([new Uint8Array(bytes)], { type }), fileName);
    return t.http.form('PUT', '/me/resume', form, token);
  };
  const resumeRows = async (seekerId: string) =>
    (await db.query(`SELECT count(*)::int AS n FROM resumes WHERE seeker_id = $1`, [seekerId])).rows[0].n as number;

  describe('profile', () => {
    let seeker: SignedIn;
    beforeAll(async () => {
      seeker = await registerUser(t.http, 'seeker', { birthDate: '1998-03-15', name: '김비상' });
    });

    it('starts empty, is replaced by PUT, and shows the account birth date read-only', async () => {
      const empty = await t.http.get('/me/profile', seeker.accessToken);
      expect(empty.status).toBe(200);
      expect(empty.body).toEqual({
        userId: seeker.id,
        name: '김비상',
        birthDate: '1998-03-15',
        age: ageToday('1998-03-15'),
        education: null,
        desiredJobCategories: [],
        region: null,
        uTurn: false,
        careerSummary: null,
        careerYears: null,
        desiredEmploymentTypes: [],
        careerBreak: false,
        counsellingNotes: 0,
        updatedAt: null,
        resume: null,
      });

      const body = { education: 'bachelor', desiredJobCategories: ['1', '0'], region: ' 대구 수성구 ', uTurn: true, careerSummary: '서울에서 5년간 회계 업무.' };
      const put = await t.http.request('PUT', '/me/profile', { body, token: seeker.accessToken });
      expect(put.status).toBe(200);
      expect(put.body).toMatchObject({ ...body, region: '대구 수성구', desiredJobCategories: ['0', '1'], birthDate: '1998-03-15' });
      expect(Date.parse(put.body.updatedAt)).not.toBeNaN();
      expect((await t.http.get('/me/profile', seeker.accessToken)).body).toEqual(put.body);

      // PUT replaces: what is left out is cleared.
      const cleared = await t.http.request('PUT', '/me/profile', { body: { education: 'master' }, token: seeker.accessToken });
      expect(cleared.body).toMatchObject({ education: 'master', desiredJobCategories: [], region: null, uTurn: false, careerSummary: null });
    });

    it('names every bad field (400), changes nothing, and accepts the limits exactly', async () => {
      const before = (await t.http.get('/me/profile', seeker.accessToken)).body;
      const bad: [Record<string, unknown>, string][] = [
        [{ education: 'phd' }, 'education'],
        [{ education: 3 }, 'education'],
        [{ desiredJobCategories: '1' }, 'desiredJobCategories'],
        [{ desiredJobCategories: ['10'] }, 'desiredJobCategories'],
        [{ desiredJobCategories: [1] }, 'desiredJobCategories'],
        [{ desiredJobCategories: ['1', '1'] }, 'desiredJobCategories'],
        [{ desiredJobCategories: null }, 'desiredJobCategories'],
        [{ region: 'x'.repeat(101) }, 'region'],
        [{ region: '   ' }, 'region'],
        [{ region: 7 }, 'region'],
        [{ uTurn: 'yes' }, 'uTurn'],
        [{ uTurn: null }, 'uTurn'],
        [{ careerSummary: 'x'.repeat(5001) }, 'careerSummary'],
        [{ careerSummary: ['a'] }, 'careerSummary'],
        [{ birthDate: '2001-01-01' }, 'birthDate'],
        [{ role: 'organizer' }, 'role'],
      ];
      for (const [body, field] of bad) {
        const res = await t.http.request('PUT', '/me/profile', { body, token: seeker.accessToken });
        expect([res.status, res.body.code, body]).toEqual([400, 'VALIDATION_FAILED', body]);
        expect((res.body.message as string[]).some((m) => m.includes(field))).toBe(true);
      }
      const all = await t.http.request('PUT', '/me/profile', {
        body: { education: 'x', desiredJobCategories: ['a'], region: '', uTurn: 1, careerSummary: 5, birthDate: '2001-01-01' },
        token: seeker.accessToken,
      });
      expect(all.status).toBe(400);
      for (const field of ['education', 'desiredJobCategories', 'region', 'uTurn', 'careerSummary', 'birthDate']) {
        expect((all.body.message as string[]).some((m) => m.includes(field))).toBe(true);
      }
      const malformed = await t.http.request('PUT', '/me/profile', { raw: '{"education":', token: seeker.accessToken });
      expect([malformed.status, malformed.body.code]).toEqual([400, 'MALFORMED_JSON']);
      expect((await t.http.get('/me/profile', seeker.accessToken)).body).toEqual(before);

      const full = await t.http.request('PUT', '/me/profile', {
        body: { desiredJobCategories: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'], region: 'x'.repeat(100), careerSummary: '가'.repeat(5000) },
        token: seeker.accessToken,
      });
      expect(full.status).toBe(200);
      expect(full.body.careerSummary).toHaveLength(5000);
    });

    it('is for seekers only: 403 for other roles, 401 anonymous', async () => {
      const recruiter = await registerUser(t.http, 'recruiter');
      const coach = await registerUser(t.http, 'coach');
      for (const who of [recruiter, coach]) {
        const get = await t.http.get('/me/profile', who.accessToken);
        expect([get.status, get.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
        const put = await t.http.request('PUT', '/me/profile', { body: { uTurn: true }, token: who.accessToken });
        expect(put.status).toBe(403);
        expect((await t.http.get('/me/resume', who.accessToken)).status).toBe(403);
        expect((await upload(who.accessToken, samplePdf())).status).toBe(403);
      }
      expect((await t.http.get('/me/profile')).status).toBe(401);
      expect((await t.http.request('PUT', '/me/profile', { body: {} })).status).toBe(401);
    });
  });

  describe('resume upload', () => {
    let seeker: SignedIn;
    beforeAll(async () => {
      seeker = await registerUser(t.http, 'seeker');
    });

    it('stores a PDF, answers its metadata, and gives back the identical bytes', async () => {
      const pdf = samplePdf();
      const res = await upload(seeker.accessToken, pdf, '김비상 이력서 "최종".pdf');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        seekerId: seeker.id,
        fileName: '김비상 이력서 최종.pdf',
        contentType: 'application/pdf',
        sizeBytes: pdf.length,
        sha256: createHash('sha256').update(pdf).digest('hex'),
        downloadPath: `/api/v1/resumes/${res.body.id}/file`,
      });
      expect((await t.http.get('/me/resume', seeker.accessToken)).body).toEqual(res.body);
      expect((await t.http.get('/me/profile', seeker.accessToken)).body.resume).toEqual(res.body);

      const file = await t.http.bytes(`/resumes/${res.body.id}/file`, seeker.accessToken);
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toBe('application/pdf');
      expect(file.headers.get('x-content-type-options')).toBe('nosniff');
      const disposition = file.headers.get('content-disposition')!;
      expect(disposition).toMatch(/^attachment; filename="[A-Za-z0-9._ ()-]+"; filename\*=UTF-8''/);
      expect(decodeURIComponent(disposition.split("UTF-8''")[1])).toBe('김비상 이력서 최종.pdf');
      expect(file.body.equals(pdf)).toBe(true);

      // Stored under a random key, never the file name.
      const [row] = (await db.query(`SELECT storage_key FROM resumes WHERE seeker_id = $1`, [seeker.id])).rows;
      expect(row.storage_key).toMatch(/^resumes\/[0-9a-f-]{36}$/);
      expect(filesUnder(storageDir)).toContain(row.storage_key);
    });

    it('replaces the previous resume: new row, old file deleted, old id gone', async () => {
      const first = await upload(seeker.accessToken, samplePdf('first'), 'a.pdf');
      const firstKey = (await db.query(`SELECT storage_key FROM resumes WHERE id = $1`, [first.body.id])).rows[0].storage_key;
      const second = await upload(seeker.accessToken, samplePdf('second'), 'b');
      expect(second.status).toBe(200);
      expect(second.body.id).not.toBe(first.body.id);
      expect(second.body.fileName).toBe('b.pdf');
      expect(await resumeRows(seeker.id)).toBe(1);
      expect(filesUnder(storageDir)).not.toContain(firstKey);
      expect((await t.http.bytes(`/resumes/${first.body.id}/file`, seeker.accessToken)).status).toBe(404);
      const again = await t.http.bytes(`/resumes/${second.body.id}/file`, seeker.accessToken);
      expect(again.body.equals(samplePdf('second'))).toBe(true);
    });

    it('refuses a PNG named .pdf and declared application/pdf (400 NOT_A_PDF) and keeps nothing', async () => {
      const other = await registerUser(t.http, 'seeker');
      const before = filesUnder(storageDir);
      const res = await upload(other.accessToken, samplePng(), 'resume.pdf', 'application/pdf');
      expect([res.status, res.body.code]).toEqual([400, 'NOT_A_PDF']);
      expect(res.body.message).toMatch(/file/);
      expect(await resumeRows(other.id)).toBe(0);
      expect(filesUnder(storageDir).sort()).toEqual(before.sort());
      const empty = await upload(other.accessToken, Buffer.alloc(0));
      expect([empty.status, empty.body.code]).toEqual([400, 'NOT_A_PDF']);
      expect((await t.http.get('/me/resume', other.accessToken)).status).toBe(404);
    });

    it('refuses 5 MB + 1 byte (413 FILE_TOO_LARGE) and keeps nothing; exactly 5 MB is fine', async () => {
      const other = await registerUser(t.http, 'seeker');
      const before = filesUnder(storageDir);
      const big = Buffer.alloc(MB5 + 1, 0x20);
      samplePdf().copy(big);
      const res = await upload(other.accessToken, big);
      expect([res.status, res.body.code]).toEqual([413, 'FILE_TOO_LARGE']);
      expect(await resumeRows(other.id)).toBe(0);
      expect(filesUnder(storageDir).sort()).toEqual(before.sort());

      const exact = await upload(other.accessToken, big.subarray(0, MB5));
      expect([exact.status, exact.body.sizeBytes]).toEqual([200, MB5]);
      // A failed replacement keeps the resume the seeker had.
      const tooBig = await upload(other.accessToken, big);
      expect(tooBig.status).toBe(413);
      expect((await t.http.get('/me/resume', other.accessToken)).body.id).toBe(exact.body.id);
    });

    it('answers 415 for a non-multipart body and 400 for a missing file field', async () => {
      const json = await t.http.request('PUT', '/me/resume', { body: { file: 'JVBERi0=' }, token: seeker.accessToken });
      expect([json.status, json.body.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
      const wrongField = await upload(seeker.accessToken, samplePdf(), 'a.pdf', 'application/pdf', 'resume');
      expect([wrongField.status, wrongField.body.code]).toEqual([400, 'FILE_REQUIRED']);
      const noFile = new FormData();
      noFile.append('note', 'hello');
      const fieldsOnly = await t.http.form('PUT', '/me/resume', noFile, seeker.accessToken);
      expect([fieldsOnly.status, fieldsOnly.body.code]).toEqual([400, 'FILE_REQUIRED']);
      expect((await upload(undefined, samplePdf())).status).toBe(401);
    });

    it('answers 415 for multipart sent to a JSON route instead of running it as if no body came', async () => {
      const other = await registerUser(t.http, 'seeker');
      const body = { region: '대구 중구', uTurn: true };
      expect((await t.http.request('PUT', '/me/profile', { body, token: other.accessToken })).status).toBe(200);
      const form = new FormData();
      form.append('region', '서울');
      const put = await t.http.form('PUT', '/me/profile', form, other.accessToken);
      expect([put.status, put.body.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
      // Before, this PUT answered 200 and cleared the profile (a field left out is cleared).
      expect((await t.http.get('/me/profile', other.accessToken)).body).toMatchObject(body);
    });

    it('keeps exactly one resume and one file when a seeker uploads several at once', async () => {
      const other = await registerUser(t.http, 'seeker');
      const pdfs = [1, 2, 3, 4, 5, 6].map((i) => samplePdf(`race-${i}`));
      const results = await Promise.all(pdfs.map((pdf, i) => upload(other.accessToken, pdf, `race-${i}.pdf`)));
      expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
      const rows = (await db.query(`SELECT id, storage_key, sha256 FROM resumes WHERE seeker_id = $1`, [other.id])).rows;
      expect(rows).toHaveLength(1);
      // The survivor is one of the uploads, served byte for byte; every replaced file was deleted.
      const winner = pdfs.find((pdf) => createHash('sha256').update(pdf).digest('hex') === rows[0].sha256)!;
      expect((await t.http.bytes(`/resumes/${rows[0].id}/file`, other.accessToken)).body.equals(winner)).toBe(true);
      const keys = (await db.query(`SELECT storage_key FROM resumes WHERE NOT (storage_key = ANY($1::text[]))`, [earlierKeys])).rows
        .map((r) => r.storage_key)
        .sort();
      expect(filesUnder(storageDir).sort()).toEqual(keys);
    });

    it('deletes the resume: row and file gone, then 404', async () => {
      const other = await registerUser(t.http, 'seeker');
      const res = await upload(other.accessToken, samplePdf());
      const key = (await db.query(`SELECT storage_key FROM resumes WHERE id = $1`, [res.body.id])).rows[0].storage_key;
      const del = await t.http.delete('/me/resume', other.accessToken);
      expect(del.status).toBe(204);
      expect(await resumeRows(other.id)).toBe(0);
      expect(filesUnder(storageDir)).not.toContain(key);
      expect((await t.http.get('/me/resume', other.accessToken)).body.code).toBe('RESUME_NOT_FOUND');
      expect((await t.http.delete('/me/resume', other.accessToken)).status).toBe(404);
      expect((await t.http.bytes(`/resumes/${res.body.id}/file`, other.accessToken)).status).toBe(404);
    });
  });

  describe('who may see a resume and a profile', () => {
    let seeker: SignedIn;
    let appliedBooth: BoothSetup;
    let otherBooth: BoothSetup;
    let otherSeeker: SignedIn;
    let organizer: SignedIn;
    let coach: SignedIn;
    let resumeId: string;
    let pdf: Buffer;
    let otherPostingId: string;

    beforeAll(async () => {
      organizer = await createOrganizer(t.app, t.http);
      const fair = await createFair(t.http, organizer);
      appliedBooth = await createBooth(t.http, fair.id, '대구정밀(주)');
      otherBooth = await createBooth(t.http, fair.id, '달구벌소프트');
      const postingId = await publishPosting(t.http, appliedBooth);
      otherPostingId = await publishPosting(t.http, otherBooth);
      for (const booth of [appliedBooth, otherBooth]) {
        expect((await t.http.post(`/booths/${booth.boothId}/approve`, {}, organizer.accessToken)).status).toBe(200);
      }
      seeker = await registerUser(t.http, 'seeker');
      otherSeeker = await registerUser(t.http, 'seeker');
      coach = await registerUser(t.http, 'coach');
      pdf = samplePdf('consent');
      resumeId = (await upload(seeker.accessToken, pdf)).body.id;
      await applyTo(t.http, seeker, postingId);
    });

    it('lets the seeker and staff of a booth applied to download it; 404 for everyone else, 401 anonymous', async () => {
      const path = `/resumes/${resumeId}/file`;
      for (const who of [seeker, appliedBooth.recruiter]) {
        const res = await t.http.bytes(path, who.accessToken);
        expect(res.status).toBe(200);
        expect(res.body.equals(pdf)).toBe(true);
      }
      for (const who of [otherBooth.recruiter, otherSeeker, organizer, coach]) {
        const res = await t.http.get(path, who.accessToken);
        expect([res.status, res.body.code]).toEqual([404, 'NOT_FOUND']);
      }
      expect((await t.http.get(path)).status).toBe(401);
      // An id that does not exist looks the same as one you may not see.
      const unknown = await t.http.get('/resumes/00000000-0000-4000-8000-000000000000/file', appliedBooth.recruiter.accessToken);
      expect([unknown.status, unknown.body.code]).toEqual([404, 'NOT_FOUND']);
      expect((await t.http.get('/resumes/not-a-uuid/file', seeker.accessToken)).status).toBe(400);
    });

    it('applies the same rule to the profile', async () => {
      const path = `/seekers/${seeker.id}/profile`;
      const staff = await t.http.get(path, appliedBooth.recruiter.accessToken);
      expect(staff.status).toBe(200);
      expect(staff.body).toMatchObject({ userId: seeker.id, resume: { id: resumeId } });
      // Staff learn the age, never the birth date itself; the seeker sees their own.
      const own = await t.http.get(path, seeker.accessToken);
      expect(own.status).toBe(200);
      expect(own.body.birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const age = ageToday(own.body.birthDate);
      expect([staff.body.birthDate, staff.body.age]).toEqual([null, age]);
      expect(own.body.age).toBe(age);
      for (const who of [otherBooth.recruiter, otherSeeker, organizer, coach]) {
        expect((await t.http.get(path, who.accessToken)).status).toBe(404);
      }
      expect((await t.http.get(path)).status).toBe(401);
      expect((await t.http.get(`/seekers/${appliedBooth.recruiter.id}/profile`, appliedBooth.recruiter.accessToken)).status).toBe(404);
    });

    it('grants a booth access only once the seeker applies there, and takes it back when they withdraw', async () => {
      const path = `/resumes/${resumeId}/file`;
      expect((await t.http.get(path, otherBooth.recruiter.accessToken)).status).toBe(404);
      const applicationId = await applyTo(t.http, seeker, otherPostingId);
      expect((await t.http.bytes(path, otherBooth.recruiter.accessToken)).status).toBe(200);
      // The booth's application list names the resume to open (null for an applicant without one).
      const listed = async () =>
        (await t.http.get(`/booths/${otherBooth.boothId}/applications`, otherBooth.recruiter.accessToken)).body.items.find(
          (a: { id: string }) => a.id === applicationId,
        ).resumeId;
      expect(await listed()).toBe(resumeId);
      const noResumeId = await applyTo(t.http, otherSeeker, otherPostingId);
      const noResume = (await t.http.get(`/booths/${otherBooth.boothId}/applications`, otherBooth.recruiter.accessToken)).body.items.find(
        (a: { id: string }) => a.id === noResumeId,
      );
      expect(noResume.resumeId).toBeNull();
      expect((await t.http.post(`/applications/${applicationId}/status`, { status: 'withdrawn' }, seeker.accessToken)).status).toBe(200);
      expect(await listed()).toBeNull();
      expect((await t.http.get(path, otherBooth.recruiter.accessToken)).status).toBe(404);
      expect((await t.http.get(`/seekers/${seeker.id}/profile`, otherBooth.recruiter.accessToken)).status).toBe(404);
    });
  });
});
