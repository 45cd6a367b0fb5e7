import { Injectable } from '@nestjs/common';
import { createEvents, EventAttributes } from 'ics';
import { AppConfig } from '@bisang/config';
import { AuthenticatedUser, MailLinkTokens } from '@bisang/auth';
import { notFound } from '@bisang/common';
import { CalendarFeedsRepository, FeedBooking } from '@bisang/database';
import type { CalendarFeedDto } from './calendar-feed.dto';

const feedNotFound = () => notFound('Calendar feed', '캘린더 구독');

/** One line, no control characters: what may stand in an iCalendar text property. */
const oneLine = (s: string) => s.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim().slice(0, 200);

/**
 * Each user's private, revocable calendar feed (`webcal://`): their coaching sessions and interviews, for phone
 * calendars. The URL's token is signed for the user and the feed's version; rotating the version revokes it.
 */
@Injectable()
export class CalendarFeedService {
  constructor(
    private readonly feeds: CalendarFeedsRepository,
    private readonly links: MailLinkTokens,
    private readonly config: AppConfig,
  ) {}

  async url(caller: AuthenticatedUser): Promise<CalendarFeedDto> {
    const version = await this.feeds.version(caller.id);
    if (!version) throw feedNotFound();
    return { url: this.urlFor(caller.id, version) };
  }

  async rotate(caller: AuthenticatedUser): Promise<CalendarFeedDto> {
    const version = await this.feeds.rotate(caller.id);
    if (!version) throw feedNotFound();
    return { url: this.urlFor(caller.id, version) };
  }

  /** The feed's iCalendar text, or null for a forged, damaged or revoked token. */
  async feed(token: string): Promise<string | null> {
    const claims = this.links.readCalendarFeed(token);
    if (!claims || !(await this.feeds.isCurrent(claims.userId, claims.version))) return null;
    const bookings = await this.feeds.listBookings(claims.userId);
    return this.calendar(bookings);
  }

  private urlFor(userId: string, version: string): string {
    const base = this.config.mail.publicUrl.replace(/^https?:/, 'webcal:');
    return `${base}/api/v1/calendar-feed?token=${this.links.calendarFeed(userId, version)}`;
  }

  private calendar(bookings: FeedBooking[]): string {
    const base = this.config.mail.publicUrl;
    const events: EventAttributes[] = bookings.map((b) => {
      const what = b.kind === 'interview' ? '면접 / Interview' : '커리어 코칭 / Coaching';
      return {
        // The same UID and SEQUENCE as the booking's mails: a calendar that got both shows one entry.
        uid: `booking-${b.rootId}@bisang`,
        sequence: b.reschedules + (b.status === 'cancelled' ? 1 : 0),
        status: b.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
        title: oneLine(`${b.fairTitle}: ${what} · ${b.otherName}`),
        description: oneLine(`${b.fairTitle} (${b.timezone})`),
        url: `${base}${b.role === 'seeker' ? '/me/bookings' : '/coach'}`,
        start: new Date(b.startsAt).getTime(),
        startInputType: 'utc',
        startOutputType: 'utc',
        end: new Date(b.endsAt).getTime(),
        endInputType: 'utc',
        endOutputType: 'utc',
        productId: 'bisang/calendar-feed',
        calName: '비상 채용박람회 / Bisang',
      };
    });
    if (events.length === 0) {
      // `ics` makes nothing of an empty list: an empty calendar is still a calendar.
      return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:bisang/calendar-feed', 'X-WR-CALNAME:비상 채용박람회 / Bisang', 'END:VCALENDAR', ''].join('\r\n');
    }
    const { error, value } = createEvents(events);
    if (error || !value) throw new Error(`calendar feed: ${error?.message ?? 'no value'}`);
    return value;
  }
}
