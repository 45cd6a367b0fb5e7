/**
 * The HTTP bodies of the public API (/api/v1) as clients read and send them: the one definition that the
 * server's response DTO classes `implement` (so the compiler proves they agree) and the web app imports.
 * Interfaces only: validation and OpenAPI decorations stay on the server's classes.
 */
import type { FairKpis } from './kpis';
import type { MoveTarget } from './pipeline';
import type { PostingView } from './posting-view';
import type { ChatMessage, FeedEvent, NotificationEvent, NotificationType } from './socket-events';
import type { ChatKind } from './domain-events';
import type {
  ApplicationStatus,
  BookingStatus,
  BoothStatus,
  EducationLevel,
  EmploymentType,
  FairStatus,
  FollowUpDays,
  RejectionReason,
  SlotKind,
  UserRole,
  WaitlistStatus,
} from './vocabulary';

/** Every list answer: `?limit=&cursor=` in, the next page's cursor out (null on the last page). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A text in both languages of the app. */
export interface Label {
  ko: string;
  en: string;
}

// ---------------------------------------------------------------- accounts

export interface User {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  /** YYYY-MM-DD; seekers only (null for the other roles). */
  birthDate: string | null;
  /** The language of the user's mail. */
  language?: 'ko' | 'en';
  emailVerified?: boolean;
  /** GET /me only: whether applying and booking wait for a verified address on this server. */
  emailVerificationRequired?: boolean;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
}

/** `POST /auth/register` and `POST /auth/login`. */
export interface AuthResponse extends TokenPair {
  user: User;
}

/** Organizers are created by an operator, never by registering. */
export type SelfRegisterRole = Exclude<UserRole, 'organizer'>;

export interface RegisterInput {
  email: string;
  password: string;
  name: string;
  role: SelfRegisterRole;
  /** YYYY-MM-DD, required for seekers. */
  birthDate?: string;
  /** The privacy consent version the person agreed to on the form (PRIVACY_CONSENT_VERSION); recorded with its time. */
  privacyConsentVersion?: string;
}

export interface LoginInput {
  email: string;
  password: string;
}

// ---------------------------------------------------------------- fairs, companies, booths

export interface Fair {
  id: string;
  slug: string;
  title: string;
  /** What the fair is (its home page shows it); null until written. */
  description: string | null;
  /** IANA time zone: the fair's days, times and slots are in it. */
  timezone: string;
  startsAt: string;
  endsAt: string;
  hiringTarget: number;
  youthAgeMin: number;
  youthAgeMax: number;
  professionalJobCategories: string[];
  maxUpcomingCoachingPerSeeker: number;
  /** Hires at this age or older (on the hire day, fair-local) count as mid-career (중장년). */
  midCareerAgeMin: number;
  status: FairStatus;
  /** The id of the newest event of the fair's feed (`fair:join {since}` from it). */
  lastEventId: number;
  publishedAt: string | null;
}

export interface CreateFairInput {
  slug: string;
  title: string;
  timezone: string;
  startsAt: string;
  endsAt: string;
  hiringTarget: number;
  youthAgeMin?: number;
  youthAgeMax?: number;
  professionalJobCategories?: string[];
  maxUpcomingCoachingPerSeeker?: number;
  /** Default 40. */
  midCareerAgeMin?: number;
  description?: string | null;
}

/**
 * `PATCH /fairs/:fairId` (organizer): a partial of the fair's settings. A draft may change any of them; a
 * published fair only its title, description and hiring target (409 `FAIR_NOT_DRAFT` otherwise).
 */
export type UpdateFairInput = Partial<Omit<CreateFairInput, 'slug'>>;

/** `GET /fairs/:fairId/summary` (public): true totals for the fair's home, not the count of loaded items. */
export interface FairSummary {
  fairId: string;
  /** Visible postings (published, booth approved). */
  postings: number;
  /** Approved booths. */
  booths: number;
  /** Hires recorded so far, against the fair's hiringTarget. */
  hires: number;
  hiringTarget: number;
}

export interface AnnouncementInput {
  title: string;
  body: string;
  /** Also mail it to the fair's registered seekers (informative: opt-outs honoured; sent in paced batches). */
  email?: boolean;
}

/** `POST /fairs/:fairId/announcements`: the announcement as written to the feed (its feed event id). */
export interface AnnouncementCreated {
  id: number;
  fairId: string;
  type: 'announcement';
  title: string;
  body: string;
  /** The organizer's user id. */
  by: string;
  /** The announcement's own id (`PATCH` / `DELETE /announcements/:id`); `id` above is its feed event. */
  announcementId: string;
}

/** `GET /fairs/:fairId/announcements` (public): the fair's current announcements, newest first (withdrawn ones left out). */
export interface Announcement {
  id: string;
  fairId: string;
  /** The feed event that first told it. */
  feedEventId: number;
  title: string;
  body: string;
  createdAt: string;
  updatedAt: string;
}

/** `PATCH /announcements/:id` (organizer): a partial of title and body; `announcement.updated` goes on the feed. */
export interface UpdateAnnouncementInput {
  title?: string;
  body?: string;
}

export interface Company {
  id: string;
  name: string;
  industry: string | null;
  region: string | null;
  size: string | null;
}

export interface CreateCompanyInput {
  name: string;
  industry?: string;
  region?: string;
  size?: string;
}

export interface Booth {
  id: string;
  fairId: string;
  companyId: string;
  companyName: string;
  headline: string;
  description: string | null;
  status: BoothStatus;
  rejectionReason: string | null;
  /** Why an organizer suspended it (status "suspended"); null otherwise. */
  suspensionReason: string | null;
  createdAt: string;
}

/** `POST /booths/:boothId/suspend` (organizer): an approved booth is hidden with its postings. */
export interface SuspendBoothInput {
  reason: string;
}

export interface CreateBoothInput {
  companyId: string;
  headline: string;
  description?: string;
}

/** `GET /me/booths`: the caller's companies' booths in any status (not paged). */
export interface MyBooths {
  items: Booth[];
}

// ---------------------------------------------------------------- postings

/** A posting over HTTP: the public view (without the booth's status) plus its labels in both languages. */
export interface Posting extends Omit<PostingView, 'boothStatus'> {
  jobCategoryLabel: Label;
  employmentTypeLabel: Label;
}

export interface PostingInput {
  title: string;
  description: string;
  /** KECO major group code, "0".."9". */
  jobCategory: string;
  employmentType: EmploymentType;
  openings: number;
  location?: string;
  salaryMin?: number;
  salaryMax?: number;
  closesAt?: string;
  /** Years of experience the job asks for (0: newcomers welcome); recommendations compare the seeker's. */
  minCareerYears?: number | null;
}

/** Orders of `GET /fairs/:fairId/postings`. */
export const POSTING_SORTS = ['newest', 'deadline'] as const;
export type PostingSort = (typeof POSTING_SORTS)[number];

/** `GET /fairs/:fairId/postings` filters. */
export interface PostingQuery {
  /** Matches title, description and location. */
  q?: string;
  /** Region words ("대구 수성구", "수성구"): each must appear in the posting's location ("대구광역시" counts as "대구"). */
  region?: string;
  /** `newest` (default: latest published first) or `deadline` (soonest closing first, open-ended last). */
  sort?: PostingSort;
  jobCategory?: string;
  employmentType?: EmploymentType;
  boothId?: string;
  cursor?: string;
  limit?: number;
}

/** `GET /job-categories`: KECO major groups and employment types, labelled. */
export interface JobCategories {
  jobCategories: (Label & { code: string })[];
  employmentTypes: (Label & { code: EmploymentType })[];
}

// ---------------------------------------------------------------- coaching and interview slots

export interface Slot {
  id: string;
  coachId: string;
  /** The coach's (or interviewer's) display name. */
  coachName: string;
  kind: SlotKind;
  /** Interview slots: the booth they belong to. */
  boothId?: string;
  startsAt: string;
  endsAt: string;
  available: boolean;
}

export interface AvailabilityInput {
  startsAt: string;
  endsAt: string;
  slotMinutes: number;
  bufferMinutes?: number;
}

export interface CreatedSlot {
  id: string;
  startsAt: string;
  endsAt: string;
}

export interface AvailabilityResult {
  slots: CreatedSlot[];
}

export interface WithdrawnSlot extends CreatedSlot {
  withdrawnAt: string;
}

export interface Booking {
  id: string;
  slotId: string;
  seekerId: string;
  coachId: string;
  fairId: string;
  status: BookingStatus;
  /** Why it was rejected (only when rejected). */
  reason?: RejectionReason;
  reasonMessage?: string;
  startsAt: string;
  endsAt: string;
  /** The coach's feedback once completed. */
  feedback?: string;
  requestedAt: string;
  decidedAt?: string;
  cancelledAt?: string;
  /** A rescheduling: the booking this one replaces once confirmed. */
  replacesBookingId?: string;
  /** Cancelled by rescheduling: the booking that took its place. */
  replacedByBookingId?: string;
  /** `coaching` (1:1 면접 코칭) or `interview` (a booth's interview); in `GET /me/coaching/bookings`. */
  kind?: 'coaching' | 'interview';
  /**
   * To the coach or interviewer, in `GET /me/coaching/bookings`: who they meet; `resumeId` where the seeker consents
   * (shared on this coaching booking, or applied to the interviewer's company), else null.
   */
  seeker?: { name: string; age: number | null; desiredJobCategories: string[]; resumeId: string | null };
  /** A coaching booking: the seeker shows their resume to the coach (`PUT /coaching/bookings/:id/resume-sharing`). */
  resumeShared?: boolean;
  /** To the seeker, in `GET /me/coaching/bookings`: who coaches or interviews them. */
  coach?: { name: string };
}

export interface WaitlistEntry {
  id: string;
  fairId: string;
  coachId: string;
  /** YYYY-MM-DD in the fair's time zone. */
  date: string;
  status: WaitlistStatus;
  /** While offered: the slot held for this seeker, and until when. */
  offeredSlotId?: string;
  offerExpiresAt?: string;
}

export interface JoinWaitlistInput {
  coachId: string;
  date: string;
}

// ---------------------------------------------------------------- applications and outcomes

/** An application as its seeker sees it (never the staff's note or rating). */
export interface Application {
  id: string;
  postingId: string;
  postingTitle: string;
  boothId: string;
  companyId: string;
  companyName: string;
  fairId: string;
  seekerId: string;
  status: ApplicationStatus;
  coverLetter: string | null;
  appliedAt: string;
  updatedAt: string;
  /** The first time it reached the interview / offer stage. */
  reachedInterviewAt: string | null;
  reachedOfferAt: string | null;
  /** Made from the employment centre's introduction (센터 소개). */
  introducedByCentre: boolean;
  /** When the seeker accepted the offer in the app (null until then; declining withdraws the application). */
  offerAcceptedAt: string | null;
}

export interface Applicant {
  id: string;
  name: string;
  /** Whole years, today in the fair's time zone. */
  age: number | null;
}

/** An application as the booth's staff see it: the applicant, and their private note and rating. */
export interface StaffApplication extends Application {
  seeker: Applicant;
  recruiterNote: string | null;
  rating: number | null;
  /** The applicant's current resume (GET /resumes/:resumeId/file); null without one or once withdrawn. */
  resumeId: string | null;
  /** The company's latest private note and rating from a booth chat with the applicant; null when none. */
  chatReview: ChatReview | null;
}

export interface Transition {
  from: ApplicationStatus | null;
  to: ApplicationStatus;
  by: 'seeker' | 'booth_staff' | null;
  at: string;
}

export interface FollowUp {
  daysAfterStart: FollowUpDays;
  askedAt: string | null;
  answeredAt: string | null;
  stillEmployed: boolean | null;
}

export interface Hire {
  employmentType: EmploymentType;
  employmentTypeLabel: Label;
  jobCategory: string;
  jobCategoryLabel: Label;
  /** YYYY-MM-DD. */
  startDate: string;
  hiredAt: string;
  followUps: FollowUp[];
}

/** What a single application's answer adds: its recorded moves and its hire. */
export interface ApplicationHistory {
  transitions: Transition[];
  hire: Hire | null;
}

/** `GET /applications/:id` (and the answer of a move) as its seeker gets it; staff get StaffApplicationDetail. */
export type ApplicationDetail = Application & ApplicationHistory;
export type StaffApplicationDetail = StaffApplication & ApplicationHistory;

/** The terms of a hire; each defaults to the posting's (startDate: today in the fair's time zone). */
export interface HireTerms {
  startDate?: string;
  employmentType?: EmploymentType;
  jobCategory?: string;
}

export interface ChangeStatusInput {
  status: MoveTarget;
  /** Only with status "hired". */
  hire?: HireTerms;
}

/** Staff's private review; null clears a field. */
export interface ReviewInput {
  note?: string | null;
  rating?: number | null;
}

/** `GET /fairs/:fairId/kpis`: the same snapshot the `kpi:update` socket event carries. */
export type Kpis = FairKpis;

// ---------------------------------------------------------------- profiles and resumes

/** A resume's metadata; the bytes are at `downloadPath`. */
export interface Resume {
  id: string;
  seekerId: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  /** Hex SHA-256 of the file. */
  sha256: string;
  uploadedAt: string;
  downloadPath: string;
}

/** `PUT /me/profile` replaces the profile: a field left out is cleared. */
export interface ProfileInput {
  education?: EducationLevel | null;
  desiredJobCategories?: string[];
  region?: string | null;
  uTurn?: boolean;
  careerSummary?: string | null;
  /** Whole years of work experience (0 for a newcomer). */
  careerYears?: number | null;
  /** Employment types the seeker looks for (recommendations prefer them). */
  desiredEmploymentTypes?: EmploymentType[];
  /** Self-declared career break (경력단절): counted in the organizer's KPIs only, never shown to companies. */
  careerBreak?: boolean;
}

/** A seeker's profile: name and birth date come from the account. */
export interface SeekerProfile {
  userId: string;
  name: string;
  /** Only in the seeker's own profile; others get null and the age. */
  birthDate: string | null;
  age: number | null;
  education: EducationLevel | null;
  desiredJobCategories: string[];
  region: string | null;
  uTurn: boolean;
  careerSummary: string | null;
  careerYears: number | null;
  desiredEmploymentTypes: EmploymentType[];
  /** Only in the seeker's own profile (never shown to companies). */
  careerBreak?: boolean;
  /** How many counselling notes the centre keeps on the seeker (their own profile only; the notes are the centre's). */
  counsellingNotes?: number;
  /** null until the profile is first saved. */
  updatedAt: string | null;
  resume: Resume | null;
}

// ---------------------------------------------------------------- feed and notifications

/** `GET /fairs/:fairId/feed?since=`: the same events, ids and order as the socket's `feed`. */
export type FeedPage = Page<FeedEvent>;

/** A stored notification: the socket `notification` event (same id, type and data) and when it was read. */
export type StoredNotification = NotificationEvent & { readAt: string | null };

/** What every stored notification carries whatever its type (its `data` is typed per type in NotificationDataMap). */
export interface NotificationRecord {
  id: number;
  type: NotificationType;
  at: string;
  readAt: string | null;
}

/**
 * `GET /me/notifications`: newest first, or with `?since=ID` the replay (oldest first, `nextCursor` is the
 * next since), as `me:join {since}` does on the socket.
 */
export interface NotificationPage<N extends NotificationRecord = StoredNotification> extends Page<N> {
  /** Unread notifications in all, whatever the page. */
  unreadCount: number;
  /** The id of the user's newest notification (0 when none): `me:join {since}` from it. */
  lastNotificationId: number;
}

export interface NotificationQuery {
  unread?: boolean;
  since?: number;
  limit?: number;
  cursor?: string;
}

export interface ReadAllResult {
  /** How many were marked read now. */
  marked: number;
  unreadCount: number;
}

/** A pending invitation to act for a company: as its staff see it. */
export interface CompanyInvitation {
  id: string;
  email: string;
  status: 'pending' | 'accepted' | 'declined' | 'cancelled';
  createdAt: string;
  expiresAt: string;
}

/** An invitation as the invitee sees it. */
export interface MyInvitation {
  id: string;
  status: 'pending';
  company: { id: string; name: string };
  createdAt: string;
  expiresAt: string;
}

export interface StaffMember {
  userId: string;
  name: string;
  addedAt: string;
}

export type FairCoachStatus = 'pending' | 'approved';

/** A coach's standing in a fair, as organizers see it. */
export interface FairCoach {
  coachId: string;
  name: string;
  email: string;
  status: FairCoachStatus;
  requestedAt: string;
  approvedAt: string | null;
}

// ---------------------------------------------------------------- matching

/** One recommended posting: its score (see matching.ts) and why, in plain Korean. */
export interface Recommendation {
  posting: Posting;
  score: number;
  reasons: string[];
}

/** `GET /fairs/:fairId/recommendations`, best first. */
export interface Recommendations {
  items: Recommendation[];
}

/** `PUT /me/talent-pool`. */
export interface TalentPoolInput {
  fairId: string;
  visible: boolean;
  /** Whether companies see the name (default false: they see "비공개" until the seeker answers an invitation). */
  showName?: boolean;
}

export interface TalentPoolEntry {
  fairId: string;
  visible: boolean;
  showName: boolean;
  /** null before the seeker first chose. */
  updatedAt: string | null;
}

/** A seeker in the pool as booth staff see it: never contact data, the birth date or segment flags. */
export interface PooledSeeker {
  seekerId: string;
  name: string | null;
  age: number | null;
  jobCategories: string[];
  region: string | null;
  careerYears: number | null;
  uturn: boolean;
  education: EducationLevel | null;
}

/** `GET /fairs/:fairId/talent-pool` filters. */
export interface TalentPoolQuery {
  jobCategory?: string;
  region?: string;
  uturn?: boolean;
  minCareerYears?: number;
  education?: EducationLevel;
  cursor?: string;
  limit?: number;
}

export const POOL_INVITATION_STATUSES = ['pending', 'accepted', 'declined'] as const;
export type PoolInvitationStatus = (typeof POOL_INVITATION_STATUSES)[number];

/** `apply`: to one of the company's postings; `chat`: to talk at its booth (a booth chat opens on acceptance). */
export const POOL_INVITATION_KINDS = ['apply', 'chat'] as const;
export type PoolInvitationKind = (typeof POOL_INVITATION_KINDS)[number];

/** `POST /fairs/:fairId/talent-pool/:seekerId/invitations`. */
export interface PoolInvitationInput {
  postingId: string;
  message?: string;
}

/** `POST /fairs/:fairId/talent-pool/:seekerId/chat-invitations`: to chat at one of the caller's approved booths. */
export interface PoolChatInvitationInput {
  boothId: string;
  message?: string;
}

/** An invitation as the inviting company sees it: whether it was accepted, nothing else until then. */
export interface PoolInvitation {
  id: string;
  kind: PoolInvitationKind;
  fairId: string;
  boothId: string;
  /** null for an invitation to chat. */
  postingId: string | null;
  seekerId: string;
  /** A declined invitation stays "pending" to the company: ignoring is private. */
  status: 'pending' | 'accepted';
  /** The booth chat an accepted invitation to chat opened (null otherwise). */
  chatId: string | null;
  createdAt: string;
}

/** An invitation as its seeker sees it. */
export interface MyPoolInvitation {
  id: string;
  kind: PoolInvitationKind;
  fairId: string;
  boothId: string;
  /** null for an invitation to chat (as is postingTitle). */
  postingId: string | null;
  postingTitle: string | null;
  companyName: string;
  message: string | null;
  status: PoolInvitationStatus;
  applicationId: string | null;
  /** The booth chat opened when an invitation to chat was accepted. */
  chatId: string | null;
  createdAt: string;
}

/** `POST /seekers/:seekerId/counselling-notes` (organizers). */
export interface CounsellingNoteInput {
  body: string;
}

export interface CounsellingNote {
  id: string;
  seekerId: string;
  authorId: string | null;
  body: string;
  createdAt: string;
}

/** `POST /fairs/:fairId/introductions` (organizers): the centre introduces a seeker to a posting. */
export interface IntroductionInput {
  seekerId: string;
  postingId: string;
  message?: string;
}

export interface Introduction {
  id: string;
  fairId: string;
  postingId: string;
  postingTitle: string;
  companyName: string;
  seekerId: string;
  message: string | null;
  status: PoolInvitationStatus;
  /** The application it became once the seeker agreed ("소개: 센터"). */
  applicationId: string | null;
  createdAt: string;
}

/** `PUT /fairs/:fairId/kpi-targets`: the organizer's target shares (fractions 0–1); null clears one. */
export interface KpiTargetsInput {
  youthShare?: number | null;
  regularShare?: number | null;
  professionalShare?: number | null;
  midCareerShare?: number | null;
  uturnShare?: number | null;
  careerBreakShare?: number | null;
}

// ── Booth chat ──────────────────────────────────────────────────────────────────────────────────────────

/** `POST /booths/:boothId/queue`: the seeker's place. */
export interface QueueEntry {
  entryId: string;
  boothId: string;
  position: number;
  etaSeconds: number | null;
}

/** `GET /booths/:boothId/queue` as a seeker sees it: their own place only. */
export interface QueuePosition {
  position: number;
  etaSeconds: number | null;
}

/** One waiting seeker as the booth's staff see them, in serving order. */
export interface StaffQueueItem {
  entryId: string;
  seeker: { id: string; name: string };
  joinedAt: string;
  /** What the seeker shared by queueing: a short preview of their profile (the full one at GET /seekers/:seekerId/profile). */
  preview: SeekerPreview;
  /** Since when every connection of the seeker is gone (their place is kept for a grace period); null when connected. */
  awaySince: string | null;
}

/** A waiting seeker's profile at a glance, for the booth's staff. */
export interface SeekerPreview {
  age: number | null;
  region: string | null;
  jobCategories: string[];
  careerYears: number | null;
  education: EducationLevel | null;
  uturn: boolean;
  hasResume: boolean;
}

export interface StaffQueue {
  items: StaffQueueItem[];
}

/** `PUT /booths/:boothId/staff-presence`: the HTTP twin of `booth:online` / `booth:offline`. */
export interface StaffPresenceInput {
  online: boolean;
  capacity?: number;
}

export interface StaffPresence {
  boothId: string;
  online: boolean;
  capacity: number;
  openChats: number;
}

/** A conversation. The contract's fields first; the rest helps lists and the chat view. */
export interface Chat {
  id: string;
  boothId: string | null;
  seekerId: string;
  recruiterId: string | null;
  startedAt: string;
  endedAt: string | null;
  kind: ChatKind;
  lastSeq: number;
  /** The highest seq the caller has read (their read marker): unread = lastSeq - readSeq. */
  readSeq: number;
  /** The highest seq the other participant has read. */
  otherReadSeq: number;
  seekerName: string;
  companyName: string | null;
  /** When the booth's chat timer ends the chat (null for a left message). */
  endsAt: string | null;
}

/** `PUT /chats/:chatId/review`: the company staff's private note and rating of a chat (undefined keeps, null clears). */
export interface ChatReviewInput {
  note?: string | null;
  rating?: number | null;
}

/** The company staff's private note and rating of a chat; never shown to the seeker. */
export interface ChatReview {
  chatId: string;
  seekerId: string;
  note: string | null;
  rating: number | null;
  reviewedAt: string | null;
}

/** `POST /chats/:chatId/invitations`: invite the chat's seeker to apply to one of the booth's open postings. */
export interface ChatInvitationInput {
  postingId: string;
  message?: string;
}

/** `POST /chats/:chatId/slot-offers`: offer the chat's seeker one of the booth's free interview slots. */
export interface ChatSlotOfferInput {
  slotId: string;
}

export interface ChatSlotOffer {
  id: string;
  chatId: string;
  slotId: string;
  startsAt: string;
  endsAt: string;
  /** The chat message that carries the offer to the seeker. */
  seq: number;
}

/** `PUT /booths/:boothId/chat-settings`: how long a chat at the booth lasts (the timer; default 10 min). */
export interface BoothChatSettings {
  boothId: string;
  chatMinutes: number;
}

/** `PUT /coaching/bookings/:bookingId/resume-sharing`, by its seeker. */
export interface ResumeSharingInput {
  shared: boolean;
}

/** `POST /chats/:chatId/handover`: the chat's recruiter hands it to a colleague at the booth. */
export interface HandOverInput {
  recruiterId: string;
}

export interface ReadMarkerInput {
  seq: number;
}

export interface ReadMarker {
  chatId: string;
  readSeq: number;
}

export interface ChatEnded {
  id: string;
  endedAt: string;
}

export interface PostMessageInput {
  body: string;
}

export interface ChatMessages {
  items: ChatMessage[];
}

/** One ICE server as RTCPeerConnection takes it; TURN entries carry a short-lived per-user credential. */
export interface IceServer {
  urls: string | string[];
  username?: string;
  credential?: string;
}

/**
 * `POST /coaching/bookings/:bookingId/room` and `POST /chats/:chatId/room`: the session room and how to reach
 * the other participant. The room is open from `opensAt` to `closesAt`.
 */
export interface RoomEntry {
  roomId: string;
  opensAt: string;
  closesAt: string;
  iceServers: IceServer[];
  kind: 'booking' | 'chat';
  /** The booking's or chat's id. */
  refId: string;
  /**
   * The room's text chat (a booking's room chat, or the booth chat itself for a chat's call): its messages through
   * `POST/GET /chats/:chatId/messages` and `chat:join`, like booth chat, for the room's two participants only.
   */
  chatId: string;
  /** `host`: the coach, interviewer or recruiter (marks the outcome); `guest`: the seeker. */
  as: 'host' | 'guest';
  /** `resumeId`: to the host of a booking's room, the seeker's resume where the seeker consents, else null. */
  peer: { id: string; name: string; resumeId?: string | null };
  /** A booking's session time (absent for a chat's room). */
  startsAt?: string;
  endsAt?: string;
  /** A booking's room: coaching or interview. */
  slotKind?: SlotKind;
  /** A booking's status (confirmed, or completed / no_show once marked). */
  bookingStatus?: BookingStatus;
  /** When the host may mark a no-show (the start plus 10 minutes, if the seeker is not in the room then). */
  noShowFrom?: string;
}
