import { Client } from 'pg';
import {
  splitDeployment,
  HttpClient,
  HttpResponse,
  TestPerson,
  connectTestDb,
  createLiveFair,
  createPeople,
  hourFromNow,
  publishAvailability,
  settledBookings,
} from '@bisang/testing';
import { bookingInvariantViolations } from './coaching-invariants';

const NO_VIOLATIONS = { slotTwice: [], seekerOverlap: [], overLimit: [], rejectedWithoutReason: [] };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The API and the worker as separate processes, as in a multi-node deployment: what happens to booking
 * requests when the worker dies in the middle of a burst (requests recorded meanwhile wait in the outbox).
 */
describe('coaching bookings across a worker crash', () => {
  const { api, worker, tokens, start, stop } = splitDeployment();
  let http: HttpClient;
  let db: Client;

  beforeAll(async () => {
    db = await connectTestDb();
    await start();
    http = new HttpClient(api.url);
  }, 120_000);
  afterAll(async () => {
    await stop();
    await db.end();
  });

  const book = (seeker: TestPerson, slotId: string, key: string) =>
    http.post('/coaching/bookings', { slotId }, seeker.accessToken, { 'idempotency-key': key });

  it('settles every request of a burst when the worker is SIGKILLed mid-burst and restarted; invariants hold', async () => {
    const fairId = await createLiveFair(db, { maxUpcomingCoachingPerSeeker: 2 });
    const coaches = await createPeople(tokens, db, 'coach', 2);
    const seekers = await createPeople(tokens, db, 'seeker', 200);
    const start = hourFromNow(80);
    const end = new Date(start.getTime() + 10 * 30 * 60_000);
    const slots = (await Promise.all(coaches.map((c) => publishAvailability(http, c, fairId, start, end)))).flat();
    expect(slots).toHaveLength(20);

    // Every seeker asks for one slot (ten per slot) with an idempotency key; 20 of them send it again later.
    const keyOf = (k: number) => `crash-${k}`;
    const fire = (from: number, to: number) => seekers.slice(from, to).map((s, i) => book(s, slots[(from + i) % 20].id, keyOf(from + i)));
    const firstWave = fire(0, 120);

    const decided = async () =>
      (await db.query(`SELECT count(*)::int AS n FROM coaching_bookings WHERE fair_id = $1 AND status <> 'pending'`, [fairId])).rows[0].n;
    // A wait for the worker to have decided some, not a budget: the kill must land mid-burst however slow the machine.
    const until = Date.now() + 90_000;
    while ((await decided()) < 10 && Date.now() < until) await sleep(20);
    await worker.kill('SIGKILL');
    const decidedAtKill = await decided();
    expect(decidedAtKill).toBeGreaterThanOrEqual(10);

    // While no worker runs: the rest of the burst, and 20 duplicates of first-wave requests.
    const secondWave = fire(120, 200);
    const duplicates = seekers.slice(0, 20).map((s, k) => book(s, slots[k % 20].id, keyOf(k)));
    const whileDead: HttpResponse[] = await Promise.all([...secondWave, ...duplicates]);
    const first = await Promise.all(firstWave);
    expect([...first, ...whileDead].map((r) => r.status).filter((s) => s !== 201 && s !== 202)).toEqual([]);
    expect(whileDead.slice(0, 80).every((r) => r.status === 202 && r.body.status === 'pending')).toBe(true);
    expect(whileDead.slice(80).map((r) => r.body.id)).toEqual(first.slice(0, 20).map((r) => r.body.id));
    const pendingWhileDead = (await db.query(`SELECT count(*)::int AS n FROM coaching_bookings WHERE fair_id = $1 AND status = 'pending'`, [fairId]))
      .rows[0].n;
    expect(pendingWhileDead).toBeGreaterThan(80); // the crash left work: the whole second wave and the undecided rest

    await worker.start();
    const ids = [...first, ...whileDead.slice(0, 80)].map((r) => r.body.id as string);
    expect(new Set(ids).size).toBe(200);
    const states = [...(await settledBookings(db, ids, 90_000)).values()];
    expect(states.filter((s) => s.status === 'pending')).toEqual([]);
    expect(states.filter((s) => s.status === 'confirmed')).toHaveLength(20);
    expect(states.filter((s) => s.status === 'rejected' && s.reason === 'SLOT_TAKEN')).toHaveLength(180);

    const rows = await db.query(`SELECT count(*)::int AS n FROM coaching_bookings WHERE fair_id = $1`, [fairId]);
    expect(rows.rows[0].n).toBe(200); // the duplicates made no booking
    // Over the whole table, not only this fair: no slot twice, no overlap, no seeker over the limit, every rejection with a reason.
    expect(await bookingInvariantViolations(db)).toEqual(NO_VIOLATIONS);
    // And the public slot list agrees: every slot is taken.
    const listed = await http.get(`/fairs/${fairId}/coaching/slots?available=false&limit=100`);
    expect(listed.body.items).toHaveLength(20);
  }, 300_000);
});
