/**
 * The drill's population and behaviour, drawn from a seeded PRNG before anything runs (same seed and options →
 * the same plan), and the ground truth that follows from it: what the KPIs must say, which bookings end
 * confirmed or cancelled, which mails must arrive. Pure: no I/O, unit-tested (plan.spec.ts).
 *
 * Scale 1 is ten times the seed city's (Daegu's) figures: about 1,500 companies with booths, 4,500 postings,
 * 15,000 seekers, 50 coaches; `scale` multiplies them.
 */

/** mulberry32: small, fast, and the same sequence on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0 || 0x9e3779b9;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const FAIR_TIMEZONE = 'Asia/Seoul';
/** The drill fair's first day, 00:00 in Seoul. */
export const FAIR_START = Date.parse('2027-03-02T00:00:00+09:00');
export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
/** Coaching hours in Seoul: slots of one hour from 09:00 to 17:00 (8 a day). */
export const SLOT_FIRST_HOUR = 9;
export const SLOTS_PER_DAY = 8;
export const PROFESSIONAL = ['0', '1', '2', '3'];
export const EMPLOYMENT_TYPES = ['regular', 'contract', 'intern', 'part_time'] as const;
export const FAULT_KINDS = ['kill-worker', 'kill-api', 'kill-realtime', 'restart-redis', 'pg-storm', 'cut-clients'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface PlanOptions {
  scale: number;
  seed: number;
  days: number;
  faults: boolean;
  /**
   * Staff moves per fair-day (default 1: one stage a day). A short drill (two fair-days) moves several times a day,
   * so that applications still reach hires.
   */
  movesPerDay?: number;
  /** "My fair": the booths and postings of a real fair, and a population sized by the user, instead of generated ones. */
  fair?: FairSource;
}

/** A fair as loaded from a database (bench/drill/my-fair.ts), for a capacity rehearsal. */
export interface FairSource {
  companies: { name: string; region: string | null; postings: { title: string; description: string; jobCategory: string; employmentType: string; openings: number; location: string | null; closesDay: number | null }[] }[];
  professionalJobCategories: string[];
  seekers: number;
  coaches: number;
}

export interface PlanPosting {
  idx: number;
  companyIdx: number;
  title: string;
  jobCategory: string;
  employmentType: string;
  /** From "my fair": its own description and location. */
  description?: string;
  location?: string | null;
  openings: number;
  /** The fair-day (0-based) at whose 18:00 it closes by itself, or null. */
  closesDay: number | null;
}

export interface PlanCompany {
  idx: number;
  day: number;
  name: string;
  region: string;
  postings: PlanPosting[];
}

export type SeekerKind = 'youth' | 'mid-career' | 'u-turn';
export interface PlanSeeker {
  idx: number;
  day: number;
  kind: SeekerKind;
  birthDate: string;
  /** Youth by the fair's definition (15–34) on any day of the fair: birth dates are kept far from the edges. */
  youth: boolean;
  region: string;
  categories: string[];
}

export type Stage = 'screening' | 'interview' | 'offered' | 'hired' | 'rejected';
export interface PlanApplication {
  idx: number;
  seekerIdx: number;
  postingIdx: number;
  day: number;
  /** The moves booth staff make, one every 1/movesPerDay fair-day after applying (see moveTick). */
  moves: Stage[];
}

/** A seeker queues at a booth for a live chat: served (a few messages each way, then ended) or leaves the queue. */
export interface PlanChat {
  idx: number;
  seekerIdx: number;
  companyIdx: number;
  day: number;
  /** Leaves the queue before being served (a KPI's abandoned entry). */
  leaves: boolean;
  /** Messages, seeker first, alternating; the recruiter always answers last. */
  messages: number;
}

export interface PlanBooking {
  idx: number;
  seekerIdx: number;
  coachIdx: number;
  slotDay: number;
  slotIdx: number;
  bookDay: number;
  /** The seeker cancels right after the confirmation (days before the session). */
  cancel: boolean;
  /** A second seeker's try at a slot planned for someone else: exactly one of the two is confirmed. */
  contends: number | null;
}

export interface PlanFault {
  kind: FaultKind;
  /** Fair time, in days from the fair's start (fractional). */
  at: number;
}

export interface Truth {
  applications: number;
  interviews: number;
  hires: number;
  youthHires: number;
  regularHires: number;
  professionalHires: number;
  /** Confirmed bookings that stay (not cancelled): the KPI's coachingBookings. */
  coachingBookings: number;
  cancelledBookings: number;
  contestedSlots: number;
  /** application-moved mails (one per staff move). */
  moveMails: number;
  /** The matching segments: hires aged 40 or more on the hire day, hires of U-turn seekers. */
  midCareerHires: number;
  uturnHires: number;
  /** Booth chat: chats held, queue entries left before being served, messages sent. */
  chatsHeld: number;
  chatQueueAbandoned: number;
  chatMessages: number;
}

export interface Plan {
  options: PlanOptions;
  companies: PlanCompany[];
  postings: PlanPosting[];
  seekers: PlanSeeker[];
  coaches: number;
  applications: PlanApplication[];
  bookings: PlanBooking[];
  chats: PlanChat[];
  faults: PlanFault[];
  feedClients: number;
  /** The job categories the fair counts as professional. */
  professional: string[];
  truth: Truth;
}

const REGIONS = ['대구 중구', '대구 수성구', '대구 달서구', '대구 북구', '경북 경산', '경북 구미', '경북 칠곡'];
const COMPANY_WORDS = ['정밀', '테크', '메디칼', '섬유', '모빌리티', '소프트', '에너지', '푸드', '바이오', '로보틱스'];
const TITLES: Record<string, string> = {
  '0': '경영기획 담당자',
  '1': '백엔드 개발자 (Node.js)',
  '2': '품질관리 연구원',
  '3': '간호사',
  '4': '물류 코디네이터',
  '5': '고객상담 매니저',
  '6': '매장 운영',
  '7': '생산설비 정비',
  '8': 'CNC 가공 기술자',
  '9': '농산물 가공',
};

export function makePlan(options: PlanOptions): Plan {
  const rnd = prng(options.seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const { days, scale } = options;
  const perDay = options.movesPerDay ?? 1;
  const count = (n: number, min: number) => Math.max(min, Math.round(n * scale));

  // Companies arrive over the first 60 % of the fair (a quarter on its first day), each with 1–5 postings.
  const companies: PlanCompany[] = [];
  const postings: PlanPosting[] = [];
  const nCompanies = options.fair ? 0 : count(1500, 3);
  const arrivalDays = Math.max(1, Math.floor(days * 0.6));
  // "My fair": its booths are there from the first day, with their postings as they are.
  for (const [c, src] of (options.fair?.companies ?? []).entries()) {
    const company: PlanCompany = { idx: c, day: 0, name: src.name, region: src.region ?? REGIONS[0], postings: [] };
    for (const p of src.postings) {
      const posting: PlanPosting = { idx: postings.length, companyIdx: c, title: p.title, jobCategory: p.jobCategory, employmentType: p.employmentType, openings: p.openings, closesDay: p.closesDay, description: p.description, location: p.location };
      postings.push(posting);
      company.postings.push(posting);
    }
    companies.push(company);
  }
  for (let c = 0; c < nCompanies; c++) {
    const day = rnd() < 0.25 ? 0 : int(0, arrivalDays - 1);
    const company: PlanCompany = { idx: c, day, name: `드릴${pick(COMPANY_WORDS)}(주) ${c + 1}`, region: pick(REGIONS), postings: [] };
    const n = int(1, 5);
    for (let k = 0; k < n; k++) {
      const jobCategory = String(int(0, 9));
      const closes = days >= 6 && rnd() < 0.2 ? Math.min(days - 1, day + int(3, 15)) : null;
      const posting: PlanPosting = {
        idx: postings.length,
        companyIdx: c,
        title: `${TITLES[jobCategory]} #${postings.length + 1}`,
        jobCategory,
        employmentType: rnd() < 0.55 ? 'regular' : pick(EMPLOYMENT_TYPES),
        openings: int(1, 4),
        closesDay: closes,
      };
      postings.push(posting);
      company.postings.push(posting);
    }
    companies.push(company);
  }

  // Seekers arrive over the whole fair; youth-heavy, some mid-career, some U-turn (youth or not).
  const seekers: PlanSeeker[] = [];
  const nSeekers = options.fair ? options.fair.seekers : count(15_000, 10);
  const professional = options.fair?.professionalJobCategories ?? PROFESSIONAL;
  const fairYear = new Date(FAIR_START).getUTCFullYear();
  for (let s = 0; s < nSeekers; s++) {
    const r = rnd();
    const kind: SeekerKind = r < 0.7 ? 'youth' : r < 0.9 ? 'mid-career' : 'u-turn';
    const youth = kind === 'youth' || (kind === 'u-turn' && rnd() < 0.5);
    // Ages 20–31 or 40–55 on the fair's days: never near the youth bounds (15, 34).
    const age = youth ? int(20, 31) : int(40, 55);
    const birthDate = `${fairYear - age - 1}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;
    const day = Math.min(days - 1, Math.floor(rnd() ** 1.3 * days));
    seekers.push({ idx: s, day, kind, birthDate, youth, region: kind === 'u-turn' ? pick(REGIONS) : pick(REGIONS), categories: [String(int(0, 9)), String(int(0, 9))].filter((v, i, a) => a.indexOf(v) === i) });
  }

  // Applications: each seeker applies to 0–3 postings open on that day; staff move some to hires within openings.
  const applications: PlanApplication[] = [];
  const hiresLeft = postings.map((p) => p.openings);
  const truth: Truth = {
    applications: 0,
    interviews: 0,
    hires: 0,
    youthHires: 0,
    regularHires: 0,
    professionalHires: 0,
    coachingBookings: 0,
    cancelledBookings: 0,
    contestedSlots: 0,
    moveMails: 0,
    midCareerHires: 0,
    uturnHires: 0,
    chatsHeld: 0,
    chatQueueAbandoned: 0,
    chatMessages: 0,
  };
  const byDay = (d: number) => companies.filter((c) => c.day <= d).flatMap((c) => c.postings);
  const openCache = new Map<number, PlanPosting[]>();
  for (const seeker of seekers) {
    const n = pick([0, 1, 1, 1, 2, 2, 3]);
    const chosen = new Set<number>();
    for (let k = 0; k < n; k++) {
      const day = Math.min(days - 1, seeker.day + (k === 0 ? 0 : int(0, 3)));
      let open = openCache.get(day);
      if (!open) openCache.set(day, (open = byDay(day).filter((p) => p.closesDay === null || p.closesDay > day + 1)));
      if (!open.length) continue;
      const posting = open[Math.floor(rnd() * open.length)];
      if (chosen.has(posting.idx)) continue;
      chosen.add(posting.idx);
      // The staff's decisions: one move a day (or movesPerDay), as long as the fair lasts (and, for a closing posting,
      // until its close).
      const lastDay = Math.min(days - 1, posting.closesDay ?? days - 1);
      const room = (lastDay - day) * perDay + (perDay > 1 && posting.closesDay === null ? perDay - 1 : 0);
      const r = rnd();
      let moves: Stage[] = [];
      if (r < 0.35) moves = [];
      else if (r < 0.55) moves = ['rejected'];
      else if (r < 0.7) moves = ['screening', 'rejected'];
      else if (r < 0.8) moves = ['screening', 'interview'];
      else if (r < 0.85) moves = ['screening', 'interview', 'offered'];
      else moves = ['screening', 'interview', 'offered', 'hired'];
      if (moves.at(-1) === 'hired' && hiresLeft[posting.idx] <= 0) moves = ['screening', 'interview', 'rejected'];
      moves = moves.slice(0, Math.max(0, room));
      if (moves.at(-1) === 'hired') hiresLeft[posting.idx]--;
      applications.push({ idx: applications.length, seekerIdx: seeker.idx, postingIdx: posting.idx, day, moves });
    }
  }

  // Coaching: every coach offers 8 one-hour slots on each fair day; about a fifth of the seekers book one, a day
  // or more ahead; a tenth of those cancel; a tenth of the slots get a second, contending request.
  const coaches = options.fair ? options.fair.coaches : count(50, 2);
  const taken = new Set<string>();
  const bookings: PlanBooking[] = [];
  for (const seeker of seekers) {
    if (rnd() >= 0.2) continue;
    const bookDay = seeker.day;
    if (bookDay + 1 > days - 1) continue;
    for (let attempt = 0; attempt < 4; attempt++) {
      const slotDay = Math.min(days - 1, bookDay + int(1, 3));
      const coachIdx = int(0, coaches - 1);
      const slotIdx = int(0, SLOTS_PER_DAY - 1);
      const key = `${coachIdx}:${slotDay}:${slotIdx}`;
      if (taken.has(key)) continue;
      taken.add(key);
      bookings.push({ idx: bookings.length, seekerIdx: seeker.idx, coachIdx, slotDay, slotIdx, bookDay, cancel: rnd() < 0.1, contends: null });
      break;
    }
  }
  const booked = new Set(bookings.map((b) => b.seekerIdx));
  for (const b of [...bookings]) {
    if (b.cancel || rnd() >= 0.1) continue;
    // a seeker with no booking of their own, arrived by then
    const candidates = seekers.filter((s) => s.day <= b.bookDay && !booked.has(s.idx));
    if (!candidates.length) continue;
    const other = candidates[Math.floor(rnd() * candidates.length)];
    booked.add(other.idx);
    bookings.push({ ...b, idx: bookings.length, seekerIdx: other.idx, cancel: false, contends: b.idx });
  }

  // Booth chat: about one seeker in eight queues at the booth of a company already there on their day; a fifth of
  // them leave the queue before being served; the others exchange 2–6 messages with a recruiter. Drawn after the
  // rest, from its own generator, so that adding it left the other draws as they were.
  const chats: PlanChat[] = [];
  const crnd = prng(options.seed ^ 0x5eed_c4a7);
  for (const seeker of seekers) {
    if (crnd() >= 0.125) continue;
    const there = companies.filter((c) => c.day <= seeker.day);
    if (!there.length) continue;
    const company = there[Math.floor(crnd() * there.length)];
    const leaves = crnd() < 0.2;
    chats.push({ idx: chats.length, seekerIdx: seeker.idx, companyIdx: company.idx, day: seeker.day, leaves, messages: leaves ? 0 : 2 * (1 + Math.floor(crnd() * 3)) });
  }

  // Faults, each once, at moments drawn from the seed inside the fair (the middle 80 % of it).
  const faults: PlanFault[] = options.faults
    ? FAULT_KINDS.map((kind) => ({ kind, at: days * (0.1 + 0.8 * rnd()) })).sort((a, b) => a.at - b.at)
    : [];

  // Ground truth.
  for (const a of applications) {
    const posting = postings[a.postingIdx];
    const seeker = seekers[a.seekerIdx];
    truth.applications++;
    truth.moveMails += a.moves.length;
    if (a.moves.includes('interview')) truth.interviews++;
    if (a.moves.at(-1) === 'hired') {
      truth.hires++;
      if (seeker.youth) truth.youthHires++;
      // ages are drawn far from the bounds: a seeker who is not youth is 40–55, mid-career on any day of the fair
      if (!seeker.youth) truth.midCareerHires++;
      if (seeker.kind === 'u-turn') truth.uturnHires++;
      if (posting.employmentType === 'regular') truth.regularHires++;
      if (professional.includes(posting.jobCategory)) truth.professionalHires++;
    }
  }
  for (const b of bookings) {
    if (b.contends !== null) {
      truth.contestedSlots++;
      continue;
    }
    if (b.cancel) truth.cancelledBookings++;
    else truth.coachingBookings++;
  }

  for (const c of chats) {
    if (c.leaves) truth.chatQueueAbandoned++;
    else truth.chatsHeld++;
    truth.chatMessages += c.messages;
  }

  return {
    options,
    companies,
    postings,
    seekers,
    coaches,
    applications,
    bookings,
    chats,
    faults,
    feedClients: Math.max(8, Math.round(300 * (options.fair ? options.fair.seekers / 15_000 : scale))),
    professional: [...professional],
    truth,
  };
}

/** The tick (a 1/movesPerDay fair-day step from the fair's start) of an application's k-th move. */
export function moveTick(app: PlanApplication, k: number, movesPerDay = 1): number {
  return app.day * movesPerDay + k + 1;
}

/** When a slot starts (fair time, epoch ms). */
export function slotStart(day: number, slotIdx: number): number {
  return FAIR_START + day * DAY_MS + (SLOT_FIRST_HOUR + slotIdx) * HOUR_MS;
}
