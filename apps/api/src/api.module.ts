import { Module } from '@nestjs/common';
import { AuthModule } from './auth/auth.module';
import { HealthModule } from '@bisang/core';
import { MeModule } from './me/me.module';
import { FairsModule } from './fairs/fairs.module';
import { CompaniesModule } from './companies/companies.module';
import { BoothsModule } from './booths/booths.module';
import { PostingsModule } from './postings/postings.module';
import { FeedModule } from './feed/feed.module';
import { CoachingModule } from './coaching/coaching.module';
import { ProfilesModule } from './profiles/profiles.module';
import { ResumesModule } from './resumes/resumes.module';
import { NotificationsModule } from './notifications/notifications.module';
import { ApplicationsModule } from './applications/applications.module';
import { KpisModule } from './kpis/kpis.module';
import { QueueDashboardModule } from './queue-dashboard/queue-dashboard.module';
import { DomainEventsModule } from './domain-events/domain-events.module';
import { MailPreferencesModule } from './mail-preferences/mail-preferences.module';
import { BoothChatModule } from './booth-chat/booth-chat.module';
import { RoomsModule } from './rooms/rooms.module';
import { CalendarFeedModule } from './calendar-feed/calendar-feed.module';
import { FollowUpLinksModule } from './follow-up-links/follow-up-links.module';
import { MatchingModule } from './matching/matching.module';
import { IntroductionsModule } from './introductions/introductions.module';
import { SavedPostingsModule } from './saved-postings/saved-postings.module';
import { ProgrammeModule } from './programme/programme.module';
import { PrivacyModule } from './privacy/privacy.module';

/** The HTTP API's features. Infrastructure comes from the process's root module (see CoreModule). */
@Module({
  imports: [
    HealthModule,
    AuthModule,
    MeModule,
    FairsModule,
    CompaniesModule,
    BoothsModule,
    PostingsModule,
    FeedModule,
    CoachingModule,
    ProfilesModule,
    ResumesModule,
    NotificationsModule,
    ApplicationsModule,
    KpisModule,
    QueueDashboardModule,
    DomainEventsModule,
    MailPreferencesModule,
    BoothChatModule,
    RoomsModule,
    CalendarFeedModule,
    FollowUpLinksModule,
    MatchingModule,
    IntroductionsModule,
    SavedPostingsModule,
    ProgrammeModule,
    PrivacyModule,
  ],
})
export class ApiModule {}
