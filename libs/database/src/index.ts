export { DatabaseModule } from './database.module';
export { dataSourceOptions } from './data-source-options';
export { MIGRATIONS } from './migrations';
export { ensureDatabase, dropDatabase } from './ensure-database';
export { migrateDatabase, revertLastMigration } from './migrate';
export { isUniqueViolation, isExclusionViolation, isCheckViolation, isRetryableTransactionError, isConnectionGone } from './pg-errors';
export { USER_ROLES, UserEntity } from './entities/user.entity';
export type { UserRole } from './entities/user.entity';
export { RefreshTokenEntity } from './entities/refresh-token.entity';
export { UsersRepository, normalizeEmail } from './repositories/users.repository';
export type { NewUser } from './repositories/users.repository';
export { RefreshTokensRepository } from './repositories/refresh-tokens.repository';
export { FAIR_STATUSES, FairEntity, isFairVisibleTo } from './entities/fair.entity';
export type { FairStatus } from './entities/fair.entity';
export { CompanyEntity, CompanyStaffEntity, CompanyInvitationEntity, INVITATION_STATUSES } from './entities/company.entity';
export type { InvitationStatus } from './entities/company.entity';
export { BOOTH_STATUSES, BoothEntity } from './entities/booth.entity';
export type { BoothStatus } from './entities/booth.entity';
export { EMPLOYMENT_TYPES, POSTING_STATUSES, PostingEntity } from './entities/posting.entity';
export type { EmploymentType, PostingStatus } from './entities/posting.entity';
export { FairEventEntity } from './entities/fair-event.entity';
export { FairsRepository, fairListKey } from './repositories/fairs.repository';
export type { NewFair, FairTransition, FairPatch, AnnouncementRow } from './repositories/fairs.repository';
export { FairEventsRepository, appendFairEvent } from './repositories/fair-events.repository';
export type { AppendedEvent } from './repositories/fair-events.repository';
export { KpisRepository } from './repositories/kpis.repository';
export type { HireExportRow, ApplicationExportRow } from './repositories/kpis.repository';
export { CompaniesRepository } from './repositories/companies.repository';
export { BoothsRepository } from './repositories/booths.repository';
export type { BoothView, ApproveOutcome } from './repositories/booths.repository';
export { PostingsRepository } from './repositories/postings.repository';
export type { PostingFields, PostingSearch, PostingChange, PostingChangeOutcome } from './repositories/postings.repository';
export type { PostingView } from './repositories/posting-view';
export { SLOT_KINDS, CoachingSlotEntity } from './entities/coaching-slot.entity';
export type { SlotKind } from './entities/coaching-slot.entity';
export { BOOKING_STATUSES, REJECTION_REASONS, CoachingBookingEntity } from './entities/coaching-booking.entity';
export type { BookingStatus, RejectionReason } from './entities/coaching-booking.entity';
export { WAITLIST_STATUSES, CoachingWaitlistEntryEntity } from './entities/coaching-waitlist-entry.entity';
export type { WaitlistStatus } from './entities/coaching-waitlist-entry.entity';
export { CoachingSlotsRepository } from './repositories/coaching-slots.repository';
export type { NewSlots, SlotListFilter, SlotListRow, WithdrawOutcome } from './repositories/coaching-slots.repository';
export { CoachingBookingsRepository } from './repositories/coaching-bookings.repository';
export type {
  BookingRequest,
  BookingFacts,
  BookingDecision,
  DecideResult,
  CancelResult,
  MarkResult,
  BookingListFilter,
} from './repositories/coaching-bookings.repository';
export { CoachingWaitlistRepository } from './repositories/coaching-waitlist.repository';
export type { SlotOffer, LeaveResult } from './repositories/coaching-waitlist.repository';
export { InterviewEligibilityRepository } from './repositories/interview-eligibility.repository';
export { EDUCATION_LEVELS, SeekerProfileEntity } from './entities/seeker-profile.entity';
export type { EducationLevel } from './entities/seeker-profile.entity';
export { ResumeEntity } from './entities/resume.entity';
export {
  APPLICATION_STATUSES,
  ApplicationEntity,
  ApplicationTransitionEntity,
  HireEntity,
  HireFollowUpEntity,
} from './entities/application.entity';
export type { ApplicationStatus, FollowUpDays } from './entities/application.entity';
export { NotificationEntity } from './entities/notification.entity';
export { SeekerProfilesRepository } from './repositories/seeker-profiles.repository';
export type { SeekerProfileView, SeekerProfileFields } from './repositories/seeker-profiles.repository';
export { ResumesRepository } from './repositories/resumes.repository';
export type { NewResume } from './repositories/resumes.repository';
export { NotificationsRepository } from './repositories/notifications.repository';
export type { NotificationRow, NotificationListFilter, NewNotification } from './repositories/notifications.repository';
export { DomainEventsRepository, appendDomainEvents } from './repositories/domain-events.repository';
export type { OutboxCursor, OutboxBatch, EventFailure } from './repositories/domain-events.repository';
export { ApplicationsRepository } from './repositories/applications.repository';
export type {
  ApplicationView,
  TransitionView,
  FollowUpView,
  HireView,
  HireTerms,
  ApplyOutcome,
  MoveOutcome,
  HireOutcome,
  UndoOutcome,
  HireUpdateOutcome,
  FollowUpAnswerOutcome,
  ApplicationListFilter,
} from './repositories/applications.repository';
export { outboxCommits, OUTBOX_COMMITTED, CHAT_MESSAGES_COMMITTED } from './outbox-commits';
export { CompanyInvitationsRepository } from './repositories/company-invitations.repository';
export type { InvitationForInvitee, AcceptOutcome } from './repositories/company-invitations.repository';
export { FairCoachesRepository } from './repositories/fair-coaches.repository';
export type { FairCoachStatus, FairCoachRow } from './repositories/fair-coaches.repository';
export { MailDeliveriesRepository } from './repositories/mail-deliveries.repository';
export {
  NO_SHOW_AFTER_START_MS,
  ROOM_CLOSES_AFTER_MS,
  ROOM_OPENS_BEFORE_MS,
  SessionRoomsRepository,
  overlapMs,
} from './repositories/session-rooms.repository';
export type { AttendedCompletion, JoinRecord, LeaveRecord, SessionRoom } from './repositories/session-rooms.repository';
export { CalendarFeedsRepository } from './repositories/calendar-feeds.repository';
export type { FeedBooking } from './repositories/calendar-feeds.repository';
export type { ApplicantDigest, MailDeliveryKey, DeliveryStart, MailContext, MailRecipient } from './repositories/mail-deliveries.repository';
export { RecommendationsRepository } from './repositories/recommendations.repository';
export type { ScoredPosting } from './repositories/recommendations.repository';
export { TalentPoolRepository } from './repositories/talent-pool.repository';
export type { PoolEntryView, PooledSeekerView, PoolFilter, PoolInvitationView, InviteOutcome, AnswerOutcome, ChatInviteOutcome, InviteFromChatOutcome } from './repositories/talent-pool.repository';
export { IntroductionsRepository } from './repositories/introductions.repository';
export type { CounsellingNoteView, IntroductionView, IntroduceOutcome, IntroductionAnswerOutcome } from './repositories/introductions.repository';
export { ChatsRepository, chatMessageOf } from './repositories/chats.repository';
export type { ChatView, ChatMessageRow, PostMessageOutcome, EndChatOutcome, ChatReviewView, SlotOfferView, OfferSlotOutcome, ReviewChatOutcome } from './repositories/chats.repository';
export { BoothQueueRepository, estimateWait, ETA_MIN_CHATS, MAX_QUEUES_PER_SEEKER, HTTP_HOLDER, PRESENCE_HOLD_TTL_SECONDS } from './repositories/booth-queue.repository';
export type { QueueEntryView, WaitingSeeker, JoinQueueOutcome, TakeNextOutcome, PresenceView, HandOverOutcome } from './repositories/booth-queue.repository';
export { SavedPostingsRepository } from './repositories/saved-postings.repository';
export type { SavedPostingRow, SaveOutcome } from './repositories/saved-postings.repository';
export { ProgrammeRepository } from './repositories/programme.repository';
export type { ProgrammeItemRow, ProgrammeItemFields } from './repositories/programme.repository';
export { CompanyPagesRepository } from './repositories/company-pages.repository';
export type { CompanyImageRow, CompanyImageKind, CompanyPageFields, AddImageOutcome } from './repositories/company-pages.repository';
export { PrivacyRepository, ACCOUNT_DELETED_REASON, DELETED_MESSAGE_BODY } from './repositories/privacy.repository';
export type { PersonalDataExport, AnonymisedAccount } from './repositories/privacy.repository';
