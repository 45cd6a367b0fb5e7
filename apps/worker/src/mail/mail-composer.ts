import { Injectable } from '@nestjs/common';
import { AppConfig } from '@bisang/config';
import type { DomainEvent, Language, MailCategory } from '@bisang/contracts';
import { MailLinkTokens } from '@bisang/auth';
import type { ApplicantDigest, MailContext, MailRecipient } from '@bisang/database';
import { MAIL_KINDS, MailKind } from '@bisang/queues';
import { bookingCalendar } from './booking-calendar';
import { headerSafe, layOut, MailContent } from './mail-layout';
import type { OutgoingMail } from './mail-transport';
import { messageIdDomain } from './mail-transport';
import {
  applicantDigestMail,
  applicationMovedMail,
  bookingCancelledMail,
  bookingConfirmedMail,
  bookingNoShowMail,
  announcementMail,
  companyInvitationMail,
  followUpMail,
  bookingReminderMail,
  passwordResetMail,
  unsubscribeFooter,
  verifyEmailMail,
  waitlistOfferMail,
  chatAnsweredMail,
  chatYourTurnMail,
  introductionMail,
  poolInvitationMail,
  savedPostingDeadlineMail,
} from './mail-templates';
import type { MailingEvent } from './mail-rules';

const LOCALES: Record<Language, string> = { ko: 'ko-KR', en: 'en-GB' };

type Fair = NonNullable<MailContext['fair']>;

/**
 * Date formats per (locale, zone), made once: building an Intl formatter (what luxon does per call) cost a mail
 * close to a millisecond. `moment`: date, time and offset (GMT+9); `date-time`: a range's start; `time`: its end, with the offset.
 */
const FORMATTERS = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, timeZone: string, style: 'moment' | 'date-time' | 'time'): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${style}`;
  let f = FORMATTERS.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, {
      timeZone,
      ...(style === 'time' ? {} : { year: 'numeric' as const, month: 'short' as const, day: 'numeric' as const }),
      hour: 'numeric',
      minute: '2-digit',
      ...(style === 'date-time' ? {} : { timeZoneName: 'shortOffset' as const }),
    });
    FORMATTERS.set(key, f);
  }
  return f;
}

/** A name as it may appear in a header or a calendar property: one line, no quotes. */
const safeName = (name: string) => headerSafe(name, 100).replace(/["\\]/g, '');

/**
 * Writes the mail of one (event, kind, recipient) in the recipient's language, with links to the right page of the
 * web app (PUBLIC_URL + path). Null when there is nothing to send any more (the fair is gone, a reset link expired).
 */
@Injectable()
export class MailComposer {
  constructor(
    private readonly links: MailLinkTokens,
    private readonly config: AppConfig,
  ) {}

  compose(deliveryId: string, kind: MailKind, context: MailContext): OutgoingMail | null {
    const event = context.event as DomainEvent<MailingEvent>;
    const user = context.recipient;
    const fair = context.fair;
    const l: Language = user.language === 'en' ? 'en' : 'ko';
    const base = this.config.mail.publicUrl;
    const name = safeName(user.name);
    let content: MailContent;
    let icalEvent: OutgoingMail['icalEvent'];

    switch (event.type) {
      case 'account.registered':
      case 'email_verification.requested':
        content = verifyEmailMail(l, { name, url: `${base}/verify-email?token=${this.links.verification(user.id!, user.email)}` });
        break;
      case 'company_invitation.created': {
        const invitation = context.invitation;
        // Accepted, declined or withdrawn since, or expired: a link that leads nowhere is not sent.
        if (!invitation || invitation.expiresAt.getTime() <= Date.now()) return null;
        const token = this.links.invitation(event.payload.invitationId, invitation.email, invitation.expiresAt);
        content = companyInvitationMail(l, {
          name,
          companyName: headerSafe(invitation.companyName),
          email: invitation.email,
          expiresAt: formatter(LOCALES[l], 'Asia/Seoul', 'moment').format(invitation.expiresAt),
          url: `${base}/invitations/accept?token=${token}`,
        });
        break;
      }
      case 'password_reset.requested': {
        const expiresAt = new Date(event.payload.expiresAt);
        // A link that would arrive dead (SMTP was down past its 30 minutes) is not sent; the user asks again.
        if (expiresAt.getTime() <= Date.now()) return null;
        const token = this.links.passwordReset(user.id!, user.passwordHash, expiresAt);
        // No fair to take a zone from: Korea's, Bisang's home.
        const at = formatter(LOCALES[l], 'Asia/Seoul', 'moment').format(expiresAt);
        content = passwordResetMail(l, { name, url: `${base}/reset-password?token=${token}`, expiresAt: at });
        break;
      }
      case 'booking.confirmed':
      case 'booking.cancelled':
      case 'booking.reminded':
      case 'booking.no_show': {
        const p = event.payload;
        if (!fair) return null;
        const facts = {
          name,
          otherName: safeName(context.counterpart?.name ?? '-'),
          kind: p.kind,
          fairTitle: headerSafe(fair.title),
          when: this.when(fair, l, p.startsAt, p.endsAt),
          url: `${base}${user.role === 'seeker' ? '/me/bookings' : user.role === 'coach' ? '/coach' : '/recruiter'}`,
        };
        if (event.type === 'booking.reminded') {
          content = bookingReminderMail(l, { ...facts, minutesLeft: event.payload.minutesLeft });
          break;
        }
        if (event.type === 'booking.no_show') {
          content = bookingNoShowMail(l, { ...facts, bookAgainUrl: `${base}/fairs/${encodeURIComponent(fair.slug)}/coaching` });
          break;
        }
        const method = event.type === 'booking.confirmed' ? 'REQUEST' : 'CANCEL';
        const calendar = context.calendar ?? { rootBookingId: p.bookingId, reschedules: 0 };
        // A rescheduling kept with the same coach moves the coach's entry as it moves the seeker's; with another
        // coach, the old one gets the cancellation and the new one a plain invitation.
        const sameSides = user.id === p.seekerId || context.otherBookingCoachId === p.coachId;
        if (event.type === 'booking.cancelled' && event.payload.rescheduledTo && sameSides) return null;
        content =
          event.type === 'booking.confirmed'
            ? bookingConfirmedMail(l, { ...facts, rescheduled: !!event.payload.rescheduledFrom && sameSides })
            : bookingCancelledMail(l, { ...facts, rescheduled: !!event.payload.rescheduledTo });
        icalEvent = {
          method,
          filename: method === 'REQUEST' ? 'invite.ics' : 'cancel.ics',
          content: bookingCalendar(
            {
              bookingId: calendar.rootBookingId,
              reschedules: calendar.reschedules,
              title: `${facts.fairTitle}: ${content.subject.replace(/^\[[^\]]+\]\s*/, '')}`,
              description: content.paragraphs.join('\n'),
              startsAt: p.startsAt,
              endsAt: p.endsAt,
              url: facts.url,
              organizer: { name: 'Bisang', email: this.fromAddress() },
              attendee: { name, email: user.email },
              timezone: fair.timezone,
            },
            method,
          ),
        };
        break;
      }
      case 'waitlist.offered': {
        const p = event.payload;
        if (!fair) return null;
        content = waitlistOfferMail(l, {
          name,
          fairTitle: headerSafe(fair.title),
          when: this.when(fair, l, p.startsAt, p.endsAt),
          expiresAt: this.at(fair, l, p.expiresAt),
          url: `${base}/fairs/${encodeURIComponent(fair.slug)}/coaching`,
        });
        break;
      }
      case 'follow_up.asked': {
        const p = event.payload;
        if (!context.application) return null;
        const answer = (yes: boolean) => `${base}/api/v1/follow-ups/answer?token=${this.links.followUpAnswer(user.id!, p.applicationId, p.daysAfterStart, yes)}`;
        content = followUpMail(l, {
          name,
          days: p.daysAfterStart,
          companyName: headerSafe(context.application.companyName),
          postingTitle: headerSafe(context.application.postingTitle),
          yesUrl: answer(true),
          noUrl: answer(false),
        });
        break;
      }
      case 'fair.announced': {
        if (!fair) return null;
        content = announcementMail(l, {
          name,
          fairTitle: headerSafe(fair.title),
          title: headerSafe(event.payload.title),
          body: event.payload.body,
          url: `${base}/fairs/${encodeURIComponent(fair.slug)}`,
        });
        break;
      }
      case 'queue.next':
        content = chatYourTurnMail(l, { name, companyName: headerSafe(event.payload.companyName), url: `${base}/booths/${event.payload.boothId}` });
        break;
      case 'chat.message_posted': {
        const p = event.payload;
        if (!p.boothId) return null;
        content = chatAnsweredMail(l, { name, fairTitle: fair ? headerSafe(fair.title) : '', url: `${base}/booths/${p.boothId}` });
        break;
      }
      case 'pool_invitation.sent':
      case 'pool_chat_invitation.sent': {
        const p = event.payload;
        content = poolInvitationMail(l, {
          name,
          companyName: headerSafe(p.companyName),
          fairTitle: fair ? headerSafe(fair.title) : '',
          postingTitle: event.type === 'pool_invitation.sent' ? headerSafe(event.payload.postingTitle) : null,
          message: p.message,
          url: `${base}/me/profile#talent-pool`,
        });
        break;
      }
      case 'introduction.made': {
        const p = event.payload;
        content = introductionMail(l, {
          name,
          companyName: headerSafe(p.companyName),
          fairTitle: fair ? headerSafe(fair.title) : '',
          postingTitle: headerSafe(p.postingTitle),
          message: p.message,
          url: `${base}/me/profile#talent-pool`,
        });
        break;
      }
      case 'saved_posting.deadline_near': {
        if (!fair) return null;
        const p = event.payload;
        content = savedPostingDeadlineMail(l, {
          name,
          companyName: headerSafe(p.companyName),
          postingTitle: headerSafe(p.postingTitle),
          closesAt: this.at(fair, l, p.closesAt),
          url: `${base}/postings/${p.postingId}`,
        });
        break;
      }
      case 'application.submitted':
        return null; // never a mail of its own: the booth's digest
      case 'application.moved': {
        const p = event.payload;
        content = applicationMovedMail(l, { name, applicationId: p.applicationId, to: p.to, postingTitle: headerSafe(p.postingTitle), companyName: headerSafe(p.companyName), url: `${base}/me/applications` });
        break;
      }
    }

    return this.finish(deliveryId, MAIL_KINDS[kind], user, content, l, icalEvent);
  }

  /** A recruiter's digest of a booth's applicants in one window (`window`: its start and end, already written out). */
  composeDigest(deliveryId: string, user: MailRecipient, digest: ApplicantDigest, windowStart: Date, windowEnd: Date): OutgoingMail {
    const l: Language = user.language === 'en' ? 'en' : 'ko';
    const fair = { ...digest.fair };
    const content = applicantDigestMail(l, {
      name: safeName(user.name),
      companyName: headerSafe(digest.companyName),
      fairTitle: headerSafe(fair.title),
      window: this.when(fair, l, windowStart.toISOString(), windowEnd.toISOString()),
      applicants: digest.applicants.map((a) => ({ seekerName: headerSafe(a.seekerName, 100), postingTitle: headerSafe(a.postingTitle) })),
      total: digest.total,
      url: `${this.config.mail.publicUrl}/recruiter`,
    });
    return this.finish(deliveryId, 'applications', user, content, l);
  }

  /** Informative mail gets its one-click unsubscribe; then the layout, the Message-ID and the addressee. */
  private finish(
    deliveryId: string,
    category: MailCategory,
    user: MailRecipient,
    content: MailContent,
    l: Language,
    icalEvent?: OutgoingMail['icalEvent'],
  ): OutgoingMail {
    const base = this.config.mail.publicUrl;
    const headers: Record<string, string> = {};
    if (category === 'applications' || category === 'announcements') {
      // RFC 8058 one-click: the mail client POSTs to the https link; the same link opened in a browser asks first.
      const url = `${base}/api/v1/mail/unsubscribe?token=${this.links.unsubscribe(user.id!, category)}`;
      headers['List-Unsubscribe'] = `<${url}>`;
      headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
      content = { ...content, footer: [...(content.footer ?? []), ...unsubscribeFooter(l, url, category)] };
    }
    const laidOut = layOut(content, l);
    return {
      messageId: `<${deliveryId}@${messageIdDomain(this.config.mail.from)}>`,
      to: { name: safeName(user.name), address: user.email },
      ...laidOut,
      headers,
      icalEvent,
    };
  }

  private fromAddress(): string {
    const from = this.config.mail.from;
    return /<([^>]+)>/.exec(from)?.[1] ?? from.trim();
  }

  /** A moment in the fair's zone, in the reader's language, with the zone's offset. */
  private at(fair: Fair, l: Language, iso: string): string {
    return formatter(LOCALES[l], fair.timezone, 'moment').format(new Date(iso));
  }

  private when(fair: Fair, l: Language, startsAt: string, endsAt: string): string {
    const start = formatter(LOCALES[l], fair.timezone, 'date-time').format(new Date(startsAt));
    return `${start}–${formatter(LOCALES[l], fair.timezone, 'time').format(new Date(endsAt))}`;
  }
}
