import { CreateAccounts1764446400000 } from './migrations/1764446400000-CreateAccounts';
import { CreateFairsBoothsPostings1764450000000 } from './migrations/1764450000000-CreateFairsBoothsPostings';
import { CreateCoaching1764460000000 } from './migrations/1764460000000-CreateCoaching';
import { CreateApplicationsOutcomes1764470000000 } from './migrations/1764470000000-CreateApplicationsOutcomes';
import { IndexPendingBookings1764480000000 } from './migrations/1764480000000-IndexPendingBookings';
import { AddBookingReschedule1764480000001 } from './migrations/1764480000001-AddBookingReschedule';
import { AddKpiIndexes1764505000000 } from './migrations/1764505000000-AddKpiIndexes';
import { AddPostingsBigramIndex1764510000000 } from './migrations/1764510000000-AddPostingsBigramIndex';
import { CreateDomainEvents1764600000000 } from './migrations/1764600000000-CreateDomainEvents';
import { NormalizeUserEmails1764620000001 } from './migrations/1764620000001-NormalizeUserEmails';
import { CreateCompanyInvitations1764620000002 } from './migrations/1764620000002-CreateCompanyInvitations';
import { CreateFairCoaches1764620000003 } from './migrations/1764620000003-CreateFairCoaches';
import { CreateMailDeliveries1764640000000 } from './migrations/1764640000000-CreateMailDeliveries';
import { CreateBoothChat1764700000000 } from './migrations/1764700000000-CreateBoothChat';
import { CreateSessionRooms1764710000000 } from './migrations/1764710000000-CreateSessionRooms';
import { AddMailToAddresses1764730000000 } from './migrations/1764730000000-AddMailToAddresses';
import { AddCalendarFeeds1764730000001 } from './migrations/1764730000001-AddCalendarFeeds';
import { CreateMatching1764720000000 } from './migrations/1764720000000-CreateMatching';
import { AddOfferAcceptance1764740000000 } from './migrations/1764740000000-AddOfferAcceptance';
import { AddPostingsLocationIndexes1764760000000 } from './migrations/1764760000000-AddPostingsLocationIndexes';
import { AddFairDescription1764760000001 } from './migrations/1764760000001-AddFairDescription';
import { AddBoothSuspension1764760000002 } from './migrations/1764760000002-AddBoothSuspension';
import { CreateAnnouncements1764760000003 } from './migrations/1764760000003-CreateAnnouncements';
import { AddPoolChatInvitations1764820000000 } from './migrations/1764820000000-AddPoolChatInvitations';
import { CreateSavedPostings1764830000000 } from './migrations/1764830000000-CreateSavedPostings';
import { CreateProgrammeItems1764830000001 } from './migrations/1764830000001-CreateProgrammeItems';
import { AddCompanyPages1764830000002 } from './migrations/1764830000002-AddCompanyPages';
import { AddRoomChats1764810000000 } from './migrations/1764810000000-AddRoomChats';
import { AddBookingResumeSharing1764810000001 } from './migrations/1764810000001-AddBookingResumeSharing';
import { AddPrivacyConsentsAndAccountDeletion1764840000000 } from './migrations/1764840000000-AddPrivacyConsentsAndAccountDeletion';
import { AddChatRecruiterActions1764800000000 } from './migrations/1764800000000-AddChatRecruiterActions';

/** Every migration in order of its timestamp. Add new ones at the end. */
export const MIGRATIONS = [
  CreateAccounts1764446400000,
  CreateFairsBoothsPostings1764450000000,
  CreateCoaching1764460000000,
  CreateApplicationsOutcomes1764470000000,
  IndexPendingBookings1764480000000,
  AddBookingReschedule1764480000001,
  AddKpiIndexes1764505000000,
  AddPostingsBigramIndex1764510000000,
  CreateDomainEvents1764600000000,
  NormalizeUserEmails1764620000001,
  CreateCompanyInvitations1764620000002,
  CreateFairCoaches1764620000003,
  CreateMailDeliveries1764640000000,
  CreateBoothChat1764700000000,
  CreateSessionRooms1764710000000,
  CreateMatching1764720000000,
  AddMailToAddresses1764730000000,
  AddCalendarFeeds1764730000001,
  AddOfferAcceptance1764740000000,
  AddPostingsLocationIndexes1764760000000,
  AddFairDescription1764760000001,
  AddBoothSuspension1764760000002,
  CreateAnnouncements1764760000003,
  AddPoolChatInvitations1764820000000,
  CreateSavedPostings1764830000000,
  CreateProgrammeItems1764830000001,
  AddCompanyPages1764830000002,
  AddRoomChats1764810000000,
  AddBookingResumeSharing1764810000001,
  AddPrivacyConsentsAndAccountDeletion1764840000000,
  AddChatRecruiterActions1764800000000,
];
