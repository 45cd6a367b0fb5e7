/**
 * The mails Bisang sends, each of one category. Account and booking mail is transactional (always sent);
 * `applications` is informative (the user may switch it off, and it carries List-Unsubscribe).
 */
export const MAIL_KINDS = {
  'verify-email': 'account',
  'password-reset': 'account',
  /** To an address, which may have no account yet: the recipient key is the invitation's id. */
  'company-invitation': 'account',
  'booking-confirmed': 'booking',
  'booking-cancelled': 'booking',
  'booking-reminder': 'booking',
  'waitlist-offer': 'booking',
  'booking-no-show': 'booking',
  'application-moved': 'applications',
  /** The 30/60/90-day question after a hire, answerable in one click. */
  'follow-up': 'applications',
  /** An organizer's announcement to the fair's registered seekers. */
  announcement: 'announcements',
  /** Recruiters: the new applicants of a booth in one window (at most one per booth per hour). */
  'applicant-digest': 'applications',
  /** Booth chat: "you're next" in a booth's queue, and a recruiter's answer to a message left at a booth. */
  'chat-your-turn': 'applications',
  'chat-answered': 'applications',
  /** Matching: a company's invitation from the talent pool (to apply or to chat), the centre's introduction. */
  'pool-invitation': 'applications',
  introduction: 'applications',
  /** A posting the seeker saved (스크랩) closes within a day. */
  'saved-posting-deadline': 'applications',
} as const;
export type MailKind = keyof typeof MAIL_KINDS;

/**
 * One mail's identity: the domain event, the kind and the recipient. The job id, the `mail_deliveries` row and the
 * Message-ID all derive from it, so one event gives at most one mail of a kind per recipient. The recipient is a
 * user id, or for `company-invitation` the invitation's id (its address may have no account).
 */
export const mailDeliveryId = (eventId: number, kind: MailKind, recipient: string) => `mail-${eventId}-${kind}-${recipient}`;

/** A recruiter's applicant digest of one booth and window: its delivery row, job-less (the digest job sends it). */
export const digestDeliveryId = (boothId: string, windowStartMs: number, userId: string) => `digest-${boothId}-${windowStartMs}-${userId}`;
