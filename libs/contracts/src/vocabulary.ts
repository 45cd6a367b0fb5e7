/** The words of Bisang's domain that every process and the web app share: statuses, kinds and roles. */

export const USER_ROLES = ['seeker', 'recruiter', 'coach', 'organizer'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const FAIR_STATUSES = ['draft', 'scheduled', 'live', 'closed'] as const;
export type FairStatus = (typeof FAIR_STATUSES)[number];

export const BOOTH_STATUSES = ['pending', 'approved', 'rejected', 'suspended'] as const;
export type BoothStatus = (typeof BOOTH_STATUSES)[number];

export const EMPLOYMENT_TYPES = ['regular', 'contract', 'intern', 'part_time'] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];

export const POSTING_STATUSES = ['draft', 'published', 'closed'] as const;
export type PostingStatus = (typeof POSTING_STATUSES)[number];

export const SLOT_KINDS = ['coaching', 'interview'] as const;
export type SlotKind = (typeof SLOT_KINDS)[number];

/** What a session room is of: a coaching or interview booking, or a booth chat turned into a call. */
export const ROOM_KINDS = ['booking', 'chat'] as const;
export type RoomKind = (typeof ROOM_KINDS)[number];

export const BOOKING_STATUSES = ['pending', 'confirmed', 'rejected', 'cancelled', 'completed', 'no_show'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

export const REJECTION_REASONS = ['SLOT_TAKEN', 'LIMIT_REACHED', 'OVERLAP', 'SLOT_IN_PAST', 'FAIR_NOT_LIVE', 'BOOKING_NOT_RESCHEDULABLE'] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

export const WAITLIST_STATUSES = ['waiting', 'offered', 'accepted', 'expired', 'left'] as const;
export type WaitlistStatus = (typeof WAITLIST_STATUSES)[number];

export const APPLICATION_STATUSES = ['applied', 'screening', 'interview', 'offered', 'hired', 'rejected', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const FOLLOW_UP_DAYS = [30, 60, 90] as const;
export type FollowUpDays = (typeof FOLLOW_UP_DAYS)[number];

export const EDUCATION_LEVELS = ['middle_school', 'high_school', 'associate', 'bachelor', 'master', 'doctorate', 'other'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

/** The languages a user reads mail (and the web app) in; Korean first. */
export const LANGUAGES = ['ko', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * Mail categories. Account and booking mail is transactional and always sent; an informative category can be
 * switched off per user (one-click `List-Unsubscribe`).
 */
export const INFORMATIVE_MAIL_CATEGORIES = ['applications', 'announcements'] as const;
export type InformativeMailCategory = (typeof INFORMATIVE_MAIL_CATEGORIES)[number];
export type MailCategory = 'account' | 'booking' | InformativeMailCategory;
