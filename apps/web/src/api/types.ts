/** Shapes of the public contract (shared/CONTRACT.md) as the web app reads them. */

export type Role = 'seeker' | 'recruiter' | 'coach' | 'organizer';

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  birthDate?: string | null;
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
  kind?: string;
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

/** An application as CONTRACT describes it; the fields beyond id/postingId/status are read when present. */
export interface Application {
  id: string;
  postingId: string;
  seekerId?: string;
  status: ApplicationStatus;
  coverLetter?: string | null;
  createdAt?: string;
  updatedAt?: string;
  postingTitle?: string;
  companyName?: string;
  seekerName?: string;
  note?: string | null;
  rating?: number | null;
  posting?: { id: string; title: string; companyName?: string };
  seeker?: { id: string; name: string; email?: string };
}

export interface Kpis {
  hiringTarget: number;
  hires: number;
  targetProgress: number;
  youthHires: number;
  youthShare: number;
  regularHires: number;
  regularShare: number;
  professionalHires: number;
  professionalShare: number;
  applications: number;
  interviews: number;
  coachingBookings: number;
  coachingNoShows: number;
  /** Per day of the fair (in its time zone), when the API gives it. */
  daily?: { date: string; hires: number; applications?: number; interviews?: number }[];
  /** Per company, when the API gives it. */
  companies?: { companyId: string; companyName: string; applications?: number; interviews?: number; hires: number }[];
  perCompany?: { companyId: string; companyName: string; applications?: number; interviews?: number; hires: number }[];
  boothVisits?: number;
}

export interface Announcement {
  id: number;
  title: string;
  body: string;
  at: string;
}

export const EDUCATION_LEVELS = ['middle_school', 'high_school', 'associate', 'bachelor', 'master', 'doctorate', 'other'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

/** A seeker's profile (GET/PUT /me/profile, served once the profiles work is merged). */
export interface SeekerProfile {
  education: EducationLevel | null;
  desiredJobCategories: string[];
  region: string | null;
  uTurn: boolean;
  careerSummary: string | null;
  updatedAt?: string;
  resume?: { fileName: string; sizeBytes: number; uploadedAt: string } | null;
}

/** A stored notification (GET /me/notifications); `at` or `createdAt`, whichever the API gives. */
export interface StoredNotification {
  id: string;
  type: string;
  data: Record<string, unknown>;
  at?: string;
  createdAt?: string;
  readAt?: string | null;
}
