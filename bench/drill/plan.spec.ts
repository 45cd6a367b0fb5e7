import { FAULT_KINDS, PROFESSIONAL, makePlan, moveTick } from './plan';
import { parseFlags } from './main';

const opts = { scale: 0.1, seed: 7, days: 50, faults: true };

describe('the drill plan (generator and ground truth)', () => {
  it('is the same for the same seed, and another for another seed', () => {
    expect(JSON.stringify(makePlan(opts))).toBe(JSON.stringify(makePlan(opts)));
    expect(JSON.stringify(makePlan({ ...opts, seed: 8 }))).not.toBe(JSON.stringify(makePlan(opts)));
  });

  it('has the population of ten times the seed city, scaled', () => {
    const full = makePlan({ ...opts, scale: 1 });
    expect(full.companies).toHaveLength(1500);
    expect(full.postings.length).toBeGreaterThan(4000);
    expect(full.postings.length).toBeLessThan(5000);
    expect(full.seekers).toHaveLength(15_000);
    expect(full.coaches).toBe(50);
    const youth = full.seekers.filter((s) => s.youth).length / full.seekers.length;
    expect(youth).toBeGreaterThan(0.6); // youth-heavy
    expect(full.seekers.some((s) => s.kind === 'mid-career')).toBe(true);
    expect(full.seekers.some((s) => s.kind === 'u-turn')).toBe(true);
  });

  it('keeps its ground truth consistent with its own actions', () => {
    const plan = makePlan(opts);
    const hires = plan.applications.filter((a) => a.moves.at(-1) === 'hired');
    expect(plan.truth.hires).toBe(hires.length);
    expect(plan.truth.youthHires).toBe(hires.filter((a) => plan.seekers[a.seekerIdx].youth).length);
    expect(plan.truth.regularHires).toBe(hires.filter((a) => plan.postings[a.postingIdx].employmentType === 'regular').length);
    expect(plan.truth.professionalHires).toBe(hires.filter((a) => PROFESSIONAL.includes(plan.postings[a.postingIdx].jobCategory)).length);
    expect(plan.truth.applications).toBe(plan.applications.length);
    expect(plan.truth.hires).toBeGreaterThan(0);
    // the matching segments: mid-career (40 or more on the hire day) and U-turn hires
    expect(plan.truth.midCareerHires).toBe(hires.filter((a) => !plan.seekers[a.seekerIdx].youth).length);
    expect(plan.truth.midCareerHires).toBeGreaterThan(0);
    expect(plan.truth.uturnHires).toBe(hires.filter((a) => plan.seekers[a.seekerIdx].kind === 'u-turn').length);
    expect(plan.truth.uturnHires).toBeGreaterThan(0);
    // never more hires than openings, never two applications of one seeker to one posting
    const perPosting = new Map<number, number>();
    for (const a of hires) perPosting.set(a.postingIdx, (perPosting.get(a.postingIdx) ?? 0) + 1);
    for (const [idx, n] of perPosting) expect(n).toBeLessThanOrEqual(plan.postings[idx].openings);
    const pairs = new Set(plan.applications.map((a) => `${a.seekerIdx}:${a.postingIdx}`));
    expect(pairs.size).toBe(plan.applications.length);
    // moves stay inside the fair and before a posting closes
    for (const a of plan.applications) {
      const last = a.day + a.moves.length;
      expect(last).toBeLessThanOrEqual(opts.days - 1);
      const closes = plan.postings[a.postingIdx].closesDay;
      if (closes !== null) expect(a.day).toBeLessThan(closes);
    }
  });

  it('books each slot once (contenders aside), a day or more ahead, one booking per seeker', () => {
    const plan = makePlan(opts);
    const own = plan.bookings.filter((b) => b.contends === null);
    expect(new Set(own.map((b) => `${b.coachIdx}:${b.slotDay}:${b.slotIdx}`)).size).toBe(own.length);
    expect(new Set(plan.bookings.map((b) => b.seekerIdx)).size).toBe(plan.bookings.length);
    for (const b of plan.bookings) expect(b.slotDay).toBeGreaterThan(b.bookDay);
    expect(plan.truth.coachingBookings + plan.truth.cancelledBookings).toBe(own.length);
    expect(plan.truth.contestedSlots).toBe(plan.bookings.length - own.length);
  });

  it('queues seekers at booths of companies already there; the served exchange messages, the others leave', () => {
    const plan = makePlan(opts);
    expect(plan.chats.length).toBeGreaterThan(0);
    for (const c of plan.chats) {
      expect(plan.companies[c.companyIdx].day).toBeLessThanOrEqual(c.day);
      expect(plan.seekers[c.seekerIdx].day).toBe(c.day);
      expect(c.leaves ? c.messages === 0 : c.messages >= 2 && c.messages % 2 === 0).toBe(true);
    }
    expect(plan.truth.chatsHeld + plan.truth.chatQueueAbandoned).toBe(plan.chats.length);
    expect(plan.truth.chatQueueAbandoned).toBe(plan.chats.filter((c) => c.leaves).length);
    expect(plan.truth.chatMessages).toBe(plan.chats.reduce((n, c) => n + c.messages, 0));
  });

  it('a two-day drill moves several times a day, so that applications still reach hires inside the fair', () => {
    const short = { scale: 0.004, seed: 11, days: 2, faults: true, movesPerDay: 4 };
    const plan = makePlan(short);
    expect(plan.truth.hires).toBeGreaterThan(0);
    for (const a of plan.applications) a.moves.forEach((_, k) => expect(moveTick(a, k, 4)).toBeLessThan(short.days * 4));
    // one move a day (the default) gives no hire in two days
    expect(makePlan({ ...short, movesPerDay: 1 }).truth.hires).toBe(0);
  });

  it('"my fair": the fair\'s own booths and postings, the population the organizer gives, its professional categories', () => {
    const fair = {
      companies: [
        { name: '대구정밀(주)', region: '대구 달서구', postings: [{ title: '생산관리', description: '설명', jobCategory: '7', employmentType: 'regular', openings: 3, location: null, closesDay: null }] },
        { name: '수성소프트', region: null, postings: [{ title: '백엔드', description: '설명', jobCategory: '1', employmentType: 'contract', openings: 2, location: '대구', closesDay: 8 }] },
      ],
      professionalJobCategories: ['1'],
      seekers: 400,
      coaches: 3,
    };
    const plan = makePlan({ scale: 1, seed: 5, days: 10, faults: false, fair });
    expect(plan.companies.map((c) => c.name)).toEqual(['대구정밀(주)', '수성소프트']);
    expect(plan.companies.every((c) => c.day === 0)).toBe(true);
    expect(plan.postings.map((p) => [p.title, p.openings, p.closesDay])).toEqual([['생산관리', 3, null], ['백엔드', 2, 8]]);
    expect(plan.seekers).toHaveLength(400);
    expect(plan.coaches).toBe(3);
    expect(plan.faults).toEqual([]);
    const hires = plan.applications.filter((a) => a.moves.at(-1) === 'hired');
    expect(hires.length).toBeLessThanOrEqual(5); // never more hires than openings
    expect(plan.truth.professionalHires).toBe(hires.filter((a) => plan.postings[a.postingIdx].jobCategory === '1').length);
  });

  it('injects one fault of each kind inside the fair, or none', () => {
    const plan = makePlan(opts);
    expect(plan.faults.map((f) => f.kind).sort()).toEqual([...FAULT_KINDS].sort());
    for (const f of plan.faults) expect(f.at).toBeGreaterThan(0);
    for (const f of plan.faults) expect(f.at).toBeLessThan(opts.days);
    expect(makePlan({ ...opts, faults: false }).faults).toEqual([]);
  });

  it('reads the documented flags', () => {
    expect(parseFlags(['--scale', '0.1', '--seed', '3'])).toMatchObject({ scale: 0.1, seed: 3, days: 50, faults: true });
    expect(parseFlags(['--no-faults', '--days', '10', '--day-seconds', '8'])).toMatchObject({ days: 10, daySeconds: 8, faults: false, movesPerDay: 1, topology: 'separate' });
    expect(parseFlags(['--days', '2', '--topology', 'combined'])).toMatchObject({ days: 2, movesPerDay: 4, topology: 'combined' });
    expect(() => parseFlags(['--topology', 'mesh'])).toThrow(/bad value/);
    expect(() => parseFlags(['--sclae', '1'])).toThrow(/unknown option/);
    expect(() => parseFlags(['--scale', 'x'])).toThrow(/bad value/);
  });
});
