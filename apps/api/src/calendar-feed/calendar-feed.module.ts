import { Module } from '@nestjs/common';
import { MailLinkTokens } from '@bisang/auth';
import { CalendarFeedsRepository } from '@bisang/database';
import { CalendarFeedController } from './calendar-feed.controller';
import { CalendarFeedService } from './calendar-feed.service';

/** Each user's private, revocable calendar feed of their bookings and interviews. */
@Module({ controllers: [CalendarFeedController], providers: [CalendarFeedService, CalendarFeedsRepository, MailLinkTokens] })
export class CalendarFeedModule {}
