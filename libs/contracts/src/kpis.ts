/**
 * The organizer's KPI snapshot of a fair: the answer of `GET /fairs/:fairId/kpis` and the payload of the
 * `kpi:update` socket event. Definitions (also in README, "KPIs and exports"):
 * - hires: rows of `hires` of the fair; targetProgress = hires / hiringTarget (0 when the target is 0);
 * - youthHires: hires whose seeker's age on the hire date (hired_at in the fair's time zone, whole years as
 *   PostgreSQL's age() counts them, so a birthday counts from its day) is within youthAgeMin..youthAgeMax;
 * - regularHires: employment type `regular`; professionalHires: job category in the fair's professional groups;
 * - midCareerHires: age on the hire date (counted as for youth) ≥ the fair's midCareerAgeMin (default 40);
 * - uturnHires: the seeker's profile says U-turn; careerBreakHires: the seeker declared a career break
 *   (organizers only, never shown to companies); introducedHires: the application came from the centre's introduction;
 * - shares: fractions 0–1 of hires, 0 when there are no hires;
 * - applications: every application of the fair whatever its status; interviews / offers: applications that
 *   ever reached the interview / offer stage;
 * - coachingBookings: coaching-kind bookings confirmed, completed or no-show; coachingCompletions / NoShows;
 * - chats: chatsHeld (booth chats taken from a queue), chatWaitMedianSeconds / chatWaitP90Seconds (the wait in the
 *   queue before they began; null before any), chatQueueAbandoned (queue entries left before being served),
 *   chatMessagesUnanswered (left messages no staff answered for more than 24 h);
 * - retention: hire follow-ups asked / answered / still employed 30, 60 and 90 days after the start date;
 *   rate = stillEmployed / answered (0 when none answered).
 */
export interface FairKpis {
  fairId: string;
  /** When the snapshot was read (every number comes from this one snapshot). */
  asOf: string;
  hiringTarget: number;
  hires: number;
  targetProgress: number;
  youthHires: number;
  youthShare: number;
  regularHires: number;
  regularShare: number;
  professionalHires: number;
  professionalShare: number;
  midCareerHires: number;
  midCareerShare: number;
  uturnHires: number;
  uturnShare: number;
  careerBreakHires: number;
  careerBreakShare: number;
  introducedHires: number;
  introducedShare: number;
  /** The organizer's target shares (fractions 0–1), each share of the dashboard shown against its target. */
  targets: KpiTargets;
  applications: number;
  interviews: number;
  offers: number;
  coachingBookings: number;
  coachingCompletions: number;
  coachingNoShows: number;
  /** Booth chats taken from a queue. */
  chatsHeld: number;
  /** Median and 90th percentile of the wait in a booth queue before a chat began, in seconds (null before any chat). */
  chatWaitMedianSeconds: number | null;
  chatWaitP90Seconds: number | null;
  /** Booth queue entries the seeker left before being served. */
  chatQueueAbandoned: number;
  /** Messages left at a booth that no staff answered for more than 24 h. */
  chatMessagesUnanswered: number;
  /** Mail about the fair the SMTP server accepted. */
  mailsSent: number;
  /** Mail about the fair whose last attempt failed (server unreachable or a temporary refusal): retried, with backoff. */
  mailsFailed: number;
  /** Mail about the fair the server refused outright when it was sent (a 5xx reply: no such address, rejected). */
  mailsBouncedOnSend: number;
  retention: KpiRetention[];
  /** One row per day of the fair in its time zone, from its first day to today (or its last day). */
  daily: KpiDay[];
  companies: KpiCompany[];
}

export interface KpiRetention {
  days: 30 | 60 | 90;
  asked: number;
  answered: number;
  stillEmployed: number;
  rate: number;
}

export interface KpiDay {
  /** YYYY-MM-DD in the fair's time zone. */
  date: string;
  hires: number;
  cumulativeHires: number;
  applications: number;
}

export interface KpiCompany {
  companyId: string;
  name: string;
  applications: number;
  interviews: number;
  offers: number;
  hires: number;
}

/** Target shares an organizer set for a fair; a share without a target is absent. */
export interface KpiTargets {
  youthShare?: number;
  regularShare?: number;
  professionalShare?: number;
  midCareerShare?: number;
  uturnShare?: number;
  careerBreakShare?: number;
}
