import {
  ApplicationEntity,
  ApplicationTransitionEntity,
  HireEntity,
  HireFollowUpEntity,
} from './entities/application.entity';
import { BoothEntity } from './entities/booth.entity';
import { CoachingBookingEntity } from './entities/coaching-booking.entity';
import { CoachingSlotEntity } from './entities/coaching-slot.entity';
import { CoachingWaitlistEntryEntity } from './entities/coaching-waitlist-entry.entity';
import { CompanyEntity, CompanyInvitationEntity, CompanyStaffEntity } from './entities/company.entity';
import { FairEventEntity } from './entities/fair-event.entity';
import { FairEntity } from './entities/fair.entity';
import { PostingEntity } from './entities/posting.entity';
import { RefreshTokenEntity } from './entities/refresh-token.entity';
import { NotificationEntity } from './entities/notification.entity';
import { ResumeEntity } from './entities/resume.entity';
import { SeekerProfileEntity } from './entities/seeker-profile.entity';
import { UserEntity } from './entities/user.entity';

/** Every entity, listed so that the apps, the CLI and the tests load the same set without globbing. */
export const ENTITIES = [
  UserEntity,
  RefreshTokenEntity,
  FairEntity,
  CompanyEntity,
  CompanyStaffEntity,
  CompanyInvitationEntity,
  BoothEntity,
  PostingEntity,
  FairEventEntity,
  CoachingSlotEntity,
  CoachingBookingEntity,
  CoachingWaitlistEntryEntity,
  SeekerProfileEntity,
  ResumeEntity,
  ApplicationEntity,
  ApplicationTransitionEntity,
  HireEntity,
  HireFollowUpEntity,
  NotificationEntity,
];
