import { Client } from 'pg';
import { BoothSetup, SignedIn, TestPerson, advanceTo, applyTo, connectTestDb, samplePdf, createBooth, createFair, createOrganizer, createPeople, eventually, hourFromNow, publishAvailability, publishPosting, registerUser, settledBookings } from '@bisang/testing';
import { TestApp, startTestApp } from './support/test-app';
import { bookingInvariantViolations } from './coaching-invariants';

/** Interview slots: a booth's recruiters publish them; only its applicants in the interview stage book them, through the same engine. */
describe('interview slots', () => {
  let t: TestApp;
  let db: Client;
  let organizer: SignedIn;
  let fairId: string;
  let booth: BoothSetup;
  let postingId: string;

  beforeAll(async () => {
    t = await startTestApp();
    db = await connectTestDb();
    organizer = await createOrganizer(t.app, t.http);
    fairId = (await createFair(t.http, organizer)).id;
    booth = await createBooth(t.http, fairId, '대구면접(주)');
    postingId = await publishPosting(t.http, booth);
    expect((await t.http.post(`/booths/${booth.boothId}/approve`, {}, organizer.accessToken)).status).toBe(200);
  });
  afterAll(async () => {
    expect(await bookingInvariantViolations(db)).toEqual({ slotTwice: [], seekerOverlap: [], overLimit: [], rejectedWithoutReason: [] });
    await db.end();
    await t.close();
  });

  const availability = (start: Date, hours = 1) => ({ startsAt: start.toISOString(), endsAt: new Date(start.getTime() + hours * 3600_000).toISOString(), slotMinutes: 30 });
  const publish = (who: { accessToken: string }, boothId: string, start: Date, hours = 1) =>
    t.http.post(`/booths/${boothId}/interview-slots/availability`, availability(start, hours), who.accessToken);
  /** The seeker applies to the booth's posting; its recruiter moves the application on to `status`. */
  const applyAt = async (seeker: SignedIn, status: 'applied' | 'interview') => {
    const applicationId = await applyTo(t.http, seeker, postingId);
    if (status === 'interview') await advanceTo(t.http, booth.recruiter, applicationId, 'interview');
    return applicationId;
  };
  const book = (who: { accessToken: string }, slotId: string) => t.http.post('/coaching/bookings', { slotId }, who.accessToken);

  it('lets booth staff publish interview slots, listed per booth and not among coaching slots', async () => {
    const res = await publish(booth.recruiter, booth.boothId, hourFromNow(30), 2);
    expect(res.status).toBe(201);
    expect(res.body.slots).toHaveLength(4);
    const listed = await t.http.get(`/booths/${booth.boothId}/interview-slots`);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toHaveLength(4);
    expect(listed.body.items[0]).toMatchObject({ kind: 'interview', boothId: booth.boothId, coachId: booth.recruiter.id, available: true });
    const coaching = await t.http.get(`/fairs/${fairId}/coaching/slots`);
    expect(coaching.body.items.filter((s: { kind: string }) => s.kind === 'interview')).toEqual([]);
    // The recruiter withdraws one of them.
    expect((await t.http.post(`/coaching/slots/${res.body.slots[3].id}/withdraw`, {}, booth.recruiter.accessToken)).status).toBe(200);
  });

  it('refuses publishing by non-staff, by coaches, for a booth not yet approved, and hides such a booth', async () => {
    const outsider = await registerUser(t.http, 'recruiter');
    const [coach] = await createPeople(t.app, db, 'coach', 1);
    expect((await publish(outsider, booth.boothId, hourFromNow(40))).status).toBe(403);
    expect((await publish(coach, booth.boothId, hourFromNow(40))).status).toBe(403);
    const pending = await createBooth(t.http, fairId, '대기중(주)');
    const notYet = await publish(pending.recruiter, pending.boothId, hourFromNow(40));
    expect([notYet.status, notYet.body.code]).toEqual([409, 'BOOTH_NOT_APPROVED']);
    expect((await t.http.get(`/booths/${pending.boothId}/interview-slots`)).status).toBe(404);
    expect((await t.http.get(`/booths/${pending.boothId}/interview-slots`, pending.recruiter.accessToken)).status).toBe(200);
    expect((await t.http.get('/booths/00000000-0000-4000-8000-000000000000/interview-slots')).status).toBe(404);
    expect((await t.http.post(`/booths/${booth.boothId}/interview-slots/availability`, { ...availability(hourFromNow(40)), slotMinutes: 5 }, booth.recruiter.accessToken)).status).toBe(400);
  });

  it('books only for applicants in the interview stage; others get 403 with a clear code', async () => {
    const [slot, other] = (await publish(booth.recruiter, booth.boothId, hourFromNow(60))).body.slots;
    const interviewing = await registerUser(t.http, 'seeker');
    const applied = await registerUser(t.http, 'seeker');
    const stranger = await registerUser(t.http, 'seeker');
    const [coach] = await createPeople(t.app, db, 'coach', 1);
    await applyAt(interviewing, 'interview');
    const appliedId = await applyAt(applied, 'applied');

    const early = await book(applied, slot.id);
    expect([early.status, early.body.code]).toEqual([403, 'NOT_IN_INTERVIEW_STAGE']);
    expect(early.body.message).toMatch(/interview stage/);
    expect((await book(stranger, slot.id)).body.code).toBe('NOT_IN_INTERVIEW_STAGE');
    const byCoach = await book(coach, slot.id);
    expect([byCoach.status, byCoach.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
    expect((await book(booth.recruiter, slot.id)).status).toBe(403);
    const none = await db.query(`SELECT count(*)::int AS n FROM coaching_bookings WHERE slot_id = $1`, [slot.id]);
    expect(none.rows[0].n).toBe(0);

    const ok = await book(interviewing, slot.id);
    expect([ok.status, ok.body.status, ok.body.coachId]).toEqual([201, 'confirmed', booth.recruiter.id]);
    const recruiterView = await t.http.get('/me/coaching/bookings', booth.recruiter.accessToken);
    expect(recruiterView.body.items.map((b: { id: string }) => b.id)).toContain(ok.body.id);

    // Moving the application on to the interview stage makes the other seeker eligible.
    await advanceTo(t.http, booth.recruiter, appliedId, 'interview');
    expect((await book(applied, other.id)).body.status).toBe('confirmed');
  });

  it("shows the interviewer whom they meet and the applicant's resume (applying to the company is consent); the seeker cannot toggle it", async () => {
    const [slot] = (await publish(booth.recruiter, booth.boothId, hourFromNow(70))).body.slots;
    const seeker = await registerUser(t.http, 'seeker', { birthDate: '1999-03-04' });
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(samplePdf('interview'))], { type: 'application/pdf' }), '이력서.pdf');
    const resume = await t.http.form('PUT', '/me/resume', form, seeker.accessToken);
    expect(resume.status).toBe(200);
    await applyAt(seeker, 'interview');
    const booked = await book(seeker, slot.id);
    expect(booked.body.status).toBe('confirmed');
    const mine = (await t.http.get('/me/coaching/bookings?limit=100', booth.recruiter.accessToken)).body.items.find((b: { id: string }) => b.id === booked.body.id);
    expect(mine.seeker).toEqual({ name: expect.any(String), age: expect.any(Number), desiredJobCategories: [], resumeId: resume.body.id });
    expect((await t.http.bytes(`/resumes/${resume.body.id}/file`, booth.recruiter.accessToken)).status).toBe(200);
    const toggle = await t.http.request('PUT', `/coaching/bookings/${booked.body.id}/resume-sharing`, { body: { shared: false }, token: seeker.accessToken });
    expect([toggle.status, toggle.body.code]).toEqual([409, 'BOOKING_NOT_SHAREABLE']);
  });

  it('does not count interview bookings against the per-seeker coaching limit (but they still may not overlap)', async () => {
    const seeker = await registerUser(t.http, 'seeker');
    await applyAt(seeker, 'interview');
    const start = hourFromNow(80);
    const [interviewSlot] = (await publish(booth.recruiter, booth.boothId, start)).body.slots;
    expect((await book(seeker, interviewSlot.id)).body.status).toBe('confirmed');

    const [coach] = await createPeople(t.app, db, 'coach', 1);
    const coachingSlots = await publishAvailability(t.http, coach, fairId, hourFromNow(100), hourFromNow(102));
    const asPerson: TestPerson = { id: seeker.id, role: 'seeker', accessToken: seeker.accessToken };
    const ids = [];
    for (const slot of coachingSlots.slice(0, 3)) ids.push((await book(asPerson, slot.id)).body.id);
    const states = [...(await settledBookings(db, ids)).values()];
    expect(states.map((s) => s.status)).toEqual(['confirmed', 'confirmed', 'rejected']); // the fair's limit is 2 coaching bookings
    expect(states[2].reason).toBe('LIMIT_REACHED');

    // A coaching slot at the same time as the interview: OVERLAP.
    const [clash] = await publishAvailability(t.http, coach, fairId, start, new Date(start.getTime() + 30 * 60_000));
    await db.query(`UPDATE coaching_bookings SET status = 'cancelled' WHERE id = $1`, [ids[0]]); // room under the limit
    const overlapping = await book(asPerson, clash.id);
    expect([...(await settledBookings(db, [overlapping.body.id])).values()][0]).toEqual({ status: 'rejected', reason: 'OVERLAP' });
  });

  it('cancels an upcoming interview booking, telling both sides why, when its application leaves the interview stage', async () => {
    const [slot] = (await publish(booth.recruiter, booth.boothId, hourFromNow(90))).body.slots;
    const seeker = await registerUser(t.http, 'seeker');
    const applicationId = await applyAt(seeker, 'interview');
    const booked = await book(seeker, slot.id);
    const [state] = [...(await settledBookings(db, [booked.body.id], 10_000)).values()];
    expect(state.status).toBe('confirmed');

    expect((await t.http.post(`/applications/${applicationId}/status`, { status: 'rejected' }, booth.recruiter.accessToken)).status).toBe(200);
    await eventually(async () => (await t.http.get(`/coaching/bookings/${booked.body.id}`, seeker.accessToken)).body.status === 'cancelled', 10_000, 'cancelled');
    const told = async (who: { accessToken: string }) =>
      ((await t.http.get('/me/notifications', who.accessToken)).body.items as { type: string; data: Record<string, unknown> }[]).find(
        (n) => n.type === 'booking.cancelled' && n.data.bookingId === booked.body.id,
      );
    await eventually(async () => (await told(seeker)) !== undefined && (await told(booth.recruiter)) !== undefined, 10_000, 'both told');
    expect((await told(seeker))!.data).toMatchObject({ kind: 'interview', cancelledBy: 'system', reason: 'APPLICATION_LEFT_INTERVIEW_STAGE' });
    // The slot is free again for the booth's other applicants.
    const listed = await t.http.get(`/booths/${booth.boothId}/interview-slots`);
    expect(listed.body.items.find((s: { id: string }) => s.id === slot.id)).toMatchObject({ available: true });
  });
});
