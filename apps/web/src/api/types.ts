/** Shapes of the public contract (shared/CONTRACT.md) as the web app reads them. */
import type { FairKpis, NotificationEvent } from '@bisang/contracts';


export type Role = 'seeker' | 'recruiter' | 'coach' | 'organizer';

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  birthDate?: string | null;
  /** The language of the user's mail. */
  language?: 'ko' | 'en';
  emailVerified?: boolean;
  /** GET /me only: whether applying and booking wait for a verified address on this server. */
  emailVerificationRequired?: boolean;
}

export interface AuthResponse {
  user: User;
  accessToken: string;
  refreshToken: string;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type FairStatus = 'draft' | 'scheduled' | 'live' | 'closed';

export interface Fair {
  id: string;
  slug: string;
  title: string;
  timezone: string;
  startsAt: string;
  endsAt: string;
  hiringTarget: number;
  youthAgeMin: number;
  youthAgeMax: number;
  professionalJobCategories: string[];
  maxUpcomingCoachingPerSeeker: number;
  status: FairStatus;
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
}

export interface Company {
  id: string;
  name: string;
  industry: string | null;
  region: string | null;
  size: string | null;
}

export type BoothStatus = 'pending' | 'approved' | 'rejected';

export interface Booth {
  id: string;
  fairId: string;
  companyId: string;
  companyName: string;
  headline: string;
  description: string | null;
  status: BoothStatus;
  rejectionReason: string | null;
  createdAt: string;
}

export type EmploymentType = 'regular' | 'contract' | 'intern' | 'part_time';
export type PostingStatus = 'draft' | 'published' | 'closed';

export interface Label {
  ko: string;
  en: string;
}

export interface Posting {
  id: string;
  fairId: string;
  boothId: string;
  companyId: string;
  companyName: string;
  title: string;
  description: string;
  jobCategory: string;
  employmentType: EmploymentType;
  openings: number;
  location: string | null;
  salaryMin: number | null;
  salaryMax: number | null;
  closesAt: string | null;
  status: PostingStatus;
  publishedAt: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
  jobCategoryLabel?: Label;
  employmentTypeLabel?: Label;
}

export interface PostingInput {
  title: string;
  description: string;
  jobCategory: string;
  employmentType: EmploymentType;
  openings: number;
  location?: string;
}

export interface JobCategories {
  jobCategories: ({ code: string } & Label)[];
  employmentTypes: ({ code: EmploymentType } & Label)[];
}

export interface PostingFilters {
  q?: string;
  jobCategory?: string;
  employmentType?: string;
  boothId?: string;
  cursor?: string;
  limit?: number;
}

export interface Slot {
  id: string;
  coachId: string;
  coachName: string;
  kind: 'coaching' | 'interview';
  /** Interview slots: the booth they belong to. */
  boothId?: string;
  startsAt: string;
  endsAt: string;
  available: boolean;
}

export type BookingStatus = 'pending' | 'confirmed' | 'rejected' | 'cancelled' | 'completed' | 'no_show';
export type RejectionReason = 'SLOT_TAKEN' | 'LIMIT_REACHED' | 'OVERLAP' | 'SLOT_IN_PAST' | 'FAIR_NOT_LIVE';

export interface Booking {
  id: string;
  slotId: string;
  seekerId: string;
  coachId: string;
  fairId?: string;
  status: BookingStatus;
  reason?: RejectionReason | string;
  reasonMessage?: string;
  startsAt: string;
  endsAt: string;
  feedback?: string;
  requestedAt?: string;
  decidedAt?: string;
  cancelledAt?: string;
}

export interface WaitlistEntry {
  id: string;
  coachId: string;
  date: string;
  status: string;
}

export const APPLICATION_STATUSES = ['applied', 'screening', 'interview', 'offered', 'hired', 'rejected', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** An application as its seeker sees it (ApplicationDto). */
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
  reachedInterviewAt: string | null;
  reachedOfferAt: string | null;
}

/** An application as the booth's staff see it (StaffApplicationDto): the applicant, the private note and rating. */
export interface StaffApplication extends Application {
  seeker: { id: string; name: string; age: number | null };
  recruiterNote: string | null;
  rating: number | null;
  /** The applicant's current resume (GET /resumes/:id/file); null without one. */
  resumeId: string | null;
}

export interface HireTerms {
  startDate?: string;
  employmentType?: EmploymentType;
  jobCategory?: string;
}

export interface FollowUp {
  daysAfterStart: 30 | 60 | 90;
  askedAt: string | null;
  answeredAt: string | null;
  stillEmployed: boolean | null;
}

export interface Hire {
  employmentType: EmploymentType;
  employmentTypeLabel: Label;
  jobCategory: string;
  jobCategoryLabel: Label;
  startDate: string;
  hiredAt: string;
  followUps: FollowUp[];
}

export interface ApplicationDetail extends Application {
  transitions: { from: ApplicationStatus | null; to: ApplicationStatus; by: 'seeker' | 'booth_staff' | null; at: string }[];
  hire: Hire | null;
}

/** A fair's KPIs: the HTTP answer and the `kpi:update` payload are the same shared type. */
export type Kpis = FairKpis;

export interface Announcement {
  id: number;
  title: string;
  body: string;
  at: string;
}

export const EDUCATION_LEVELS = ['middle_school', 'high_school', 'associate', 'bachelor', 'master', 'doctorate', 'other'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

/** A resume's metadata (ResumeDto); the bytes are at `downloadPath`. */
export interface Resume {
  id: string;
  seekerId: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
  downloadPath: string;
}

/** What a seeker may change in their profile (PUT /me/profile replaces it). */
export interface ProfileInput {
  education: EducationLevel | null;
  desiredJobCategories: string[];
  region: string | null;
  uTurn: boolean;
  careerSummary: string | null;
}

/** A seeker's profile (ProfileDto): name and birth date come from the account. */
export interface SeekerProfile extends ProfileInput {
  userId: string;
  name: string;
  /** Only in the seeker's own profile; others get null and the age. */
  birthDate: string | null;
  age: number | null;
  /** null until the profile is first saved. */
  updatedAt: string | null;
  resume: Resume | null;
}

/** A stored notification (NotificationDto): the socket event's shape and id, plus when it was read. */
export type StoredNotification = NotificationEvent & { readAt: string | null };

export interface NotificationPage extends Page<StoredNotification> {
  unreadCount: number;
  lastNotificationId: number;
}
