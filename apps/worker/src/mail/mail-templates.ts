import { withParticle } from '@bisang/contracts';
import type { ApplicationStatus, Language, SlotKind } from '@bisang/contracts';
import type { MailContent } from './mail-layout';

/** Korean and English side by side, so a missing translation is a compile error. */
type Both<T> = { ko: T; en: T };
const pick = <T>(language: Language, both: Both<T>): T => both[language];

const greeting = (l: Language, name: string) => pick(l, { ko: `${name}님, 안녕하세요.`, en: `Hello ${name},` });

export function verifyEmailMail(l: Language, f: { name: string; url: string }): MailContent {
  return pick(l, {
    ko: {
      subject: '[비상] 이메일 주소를 인증해 주세요',
      greeting: greeting(l, f.name),
      paragraphs: ['비상 가입을 환영합니다. 아래 버튼을 눌러 이메일 주소를 인증하면 지원과 코칭 예약을 할 수 있습니다.', '이 링크는 7일 동안 유효합니다. 직접 가입하지 않으셨다면 이 메일을 무시하세요.'],
      action: { label: '이메일 인증하기', url: f.url },
    },
    en: {
      subject: '[Bisang] Please verify your e-mail address',
      greeting: greeting(l, f.name),
      paragraphs: ['Welcome to Bisang. Verify your address with the button below to apply to postings and book coaching.', 'The link works for 7 days. If you did not sign up, ignore this mail.'],
      action: { label: 'Verify my e-mail', url: f.url },
    },
  });
}

export function passwordResetMail(l: Language, f: { name: string; url: string; expiresAt: string }): MailContent {
  return pick(l, {
    ko: {
      subject: '[비상] 비밀번호 재설정',
      greeting: greeting(l, f.name),
      paragraphs: [
        `비밀번호 재설정을 요청하셨습니다. 아래 링크는 ${f.expiresAt}까지, 한 번만 사용할 수 있습니다.`,
        '재설정하면 모든 기기에서 로그아웃됩니다. 요청하지 않으셨다면 이 메일을 무시하세요. 비밀번호는 바뀌지 않습니다.',
      ],
      action: { label: '비밀번호 재설정하기', url: f.url },
    },
    en: {
      subject: '[Bisang] Reset your password',
      greeting: greeting(l, f.name),
      paragraphs: [
        `Someone asked to reset your password. The link below works once, until ${f.expiresAt}.`,
        'Resetting signs you out everywhere. If you did not ask, ignore this mail: your password stays as it is.',
      ],
      action: { label: 'Reset my password', url: f.url },
    },
  });
}

const sessionName = (l: Language, kind: SlotKind) => pick(l, { ko: kind === 'interview' ? '면접' : '1:1 면접 코칭', en: kind === 'interview' ? 'interview' : 'coaching session' });

export interface BookingMailFacts {
  name: string;
  otherName: string;
  kind: SlotKind;
  fairTitle: string;
  /** Start and end in the fair's time zone, written out in the recipient's language. */
  when: string;
  url: string;
}

export function bookingConfirmedMail(l: Language, f: BookingMailFacts & { rescheduled?: boolean }): MailContent {
  const what = sessionName(l, f.kind);
  if (f.rescheduled) {
    // The calendar entry the first invitation made moves (same UID, higher SEQUENCE): no cancellation comes before it.
    return pick(l, {
      ko: {
        subject: `[비상] ${what} 일정 변경 확정: ${f.when}`,
        greeting: greeting(l, f.name),
        paragraphs: [`${f.fairTitle}에서 ${f.otherName}님과의 ${what} 일정이 변경되었습니다.`, `새 일시: ${f.when}`, '캘린더의 기존 일정이 새 시간으로 바뀝니다. 첨부된 일정 초대를 열어 확인하세요.'],
        action: { label: '예약 보기', url: f.url },
      },
      en: {
        subject: `[Bisang] Your ${what} was moved: ${f.when}`,
        greeting: greeting(l, f.name),
        paragraphs: [`Your ${what} with ${f.otherName} at ${f.fairTitle} has a new time.`, `New time: ${f.when}`, 'The entry already in your calendar moves to the new time; open the attached invitation to update it.'],
        action: { label: 'See the booking', url: f.url },
      },
    });
  }
  return pick(l, {
    ko: {
      subject: `[비상] ${what} 예약 확정: ${f.when}`,
      greeting: greeting(l, f.name),
      paragraphs: [`${f.fairTitle}에서 ${f.otherName}님과의 ${withParticle(what, '이/가')} 확정되었습니다.`, `일시: ${f.when}`, '첨부된 일정 초대를 캘린더에 추가하세요. 시작 10분 전부터 입장할 수 있습니다.'],
      action: { label: '예약 보기', url: f.url },
    },
    en: {
      subject: `[Bisang] Your ${what} is confirmed: ${f.when}`,
      greeting: greeting(l, f.name),
      paragraphs: [`Your ${what} with ${f.otherName} at ${f.fairTitle} is confirmed.`, `When: ${f.when}`, 'Add the attached invitation to your calendar. The room opens 10 minutes before the start.'],
      action: { label: 'See the booking', url: f.url },
    },
  });
}

/** To the seeker the coach marked absent: said plainly, without blame, with the way back to booking. */
export function bookingNoShowMail(l: Language, f: BookingMailFacts & { bookAgainUrl: string }): MailContent {
  const what = sessionName(l, f.kind);
  return pick(l, {
    ko: {
      subject: `[비상] ${what}에 참석하지 않은 것으로 기록되었습니다: ${f.when}`,
      greeting: greeting(l, f.name),
      paragraphs: [
        `${f.fairTitle}에서 ${f.otherName}님과 예정된 ${what}(${f.when})에 참석하지 않으신 것으로 기록되었습니다.`,
        '사정이 있으셨다면 괜찮습니다. 다음에 참석이 어려우면 미리 취소해 주시면 다른 구직자가 그 시간을 쓸 수 있습니다.',
        '다시 예약하시려면 아래 버튼을 눌러 주세요.',
      ],
      action: { label: '다시 예약하기', url: f.bookAgainUrl },
    },
    en: {
      subject: `[Bisang] You were marked absent from your ${what}: ${f.when}`,
      greeting: greeting(l, f.name),
      paragraphs: [
        `Your ${what} with ${f.otherName} at ${f.fairTitle} (${f.when}) was recorded as missed.`,
        'Things happen. Next time, cancelling ahead lets someone else use the time.',
        'To book again, use the button below.',
      ],
      action: { label: 'Book again', url: f.bookAgainUrl },
    },
  });
}

/** To an invited address: who invites it, until when, and the accept link (sign in or sign up as this address first). */
export function companyInvitationMail(l: Language, f: { name: string; companyName: string; email: string; expiresAt: string; url: string }): MailContent {
  return pick(l, {
    ko: {
      subject: `[비상] ${f.companyName} 채용 담당자로 초대되었습니다`,
      greeting: f.name ? greeting(l, f.name) : '안녕하세요.',
      paragraphs: [
        `${f.companyName}에서 비상 채용 박람회의 채용 담당자로 ${f.email} 주소를 초대했습니다.`,
        `초대는 ${f.expiresAt}까지 유효합니다. 아래 버튼을 누른 뒤 이 주소의 채용 담당자 계정으로 로그인하거나 가입하면 초대가 수락됩니다.`,
        '초대를 예상하지 않으셨다면 이 메일을 무시하세요. 수락하기 전에는 아무것도 바뀌지 않습니다.',
      ],
      action: { label: '초대 수락하기', url: f.url },
    },
    en: {
      subject: `[Bisang] You are invited to recruit for ${f.companyName}`,
      greeting: f.name ? greeting(l, f.name) : 'Hello,',
      paragraphs: [
        `${f.companyName} invited ${f.email} to join its recruiting staff on Bisang, the online job fair.`,
        `The invitation is open until ${f.expiresAt}. Use the button below, then sign in or sign up as a recruiter with this address to accept.`,
        'If you did not expect this, ignore this mail: nothing changes unless you accept.',
      ],
      action: { label: 'Accept the invitation', url: f.url },
    },
  });
}

export function bookingCancelledMail(l: Language, f: BookingMailFacts & { rescheduled: boolean }): MailContent {
  const what = sessionName(l, f.kind);
  return pick(l, {
    ko: {
      subject: `[비상] ${what} ${f.rescheduled ? '일정 변경' : '취소'}: ${f.when}`,
      greeting: greeting(l, f.name),
      paragraphs: [
        f.rescheduled
          ? `${f.fairTitle}에서 ${f.otherName}님과의 ${f.when} ${withParticle(what, '이/가')} 다른 시간으로 옮겨졌습니다. 새 일정은 별도 메일로 보내 드립니다.`
          : `${f.fairTitle}에서 ${f.otherName}님과의 ${f.when} ${withParticle(what, '이/가')} 취소되었습니다.`,
        '캘린더의 일정도 함께 취소됩니다.',
      ],
      action: { label: '예약 보기', url: f.url },
    },
    en: {
      subject: `[Bisang] Your ${what} was ${f.rescheduled ? 'moved' : 'cancelled'}: ${f.when}`,
      greeting: greeting(l, f.name),
      paragraphs: [
        f.rescheduled
          ? `Your ${what} with ${f.otherName} at ${f.fairTitle} on ${f.when} moved to another time; the new one comes in its own mail.`
          : `Your ${what} with ${f.otherName} at ${f.fairTitle} on ${f.when} was cancelled.`,
        'The calendar entry is cancelled with it.',
      ],
      action: { label: 'See my bookings', url: f.url },
    },
  });
}

export function bookingReminderMail(l: Language, f: BookingMailFacts & { minutesLeft: number }): MailContent {
  const what = sessionName(l, f.kind);
  // Worded by the time actually left (a reminder sent late, for a booking made inside its window, says so).
  const hours = Math.max(1, Math.round(f.minutesLeft / 60));
  const soon = f.minutesLeft >= 20 * 60 ? pick(l, { ko: '내일', en: 'tomorrow' }) : pick(l, { ko: `${hours}시간 후`, en: `in ${hours} hour${hours === 1 ? '' : 's'}` });
  return pick(l, {
    ko: {
      subject: `[비상] ${soon} ${what}: ${f.when}`,
      greeting: greeting(l, f.name),
      paragraphs: [`${f.otherName}님과의 ${withParticle(what, '이/가')} ${soon} 시작됩니다 (${f.fairTitle}).`, `일시: ${f.when}`],
      action: { label: '예약 보기', url: f.url },
    },
    en: {
      subject: `[Bisang] Your ${what} ${soon}: ${f.when}`,
      greeting: greeting(l, f.name),
      paragraphs: [`Your ${what} with ${f.otherName} starts ${soon} (${f.fairTitle}).`, `When: ${f.when}`],
      action: { label: 'See the booking', url: f.url },
    },
  });
}

export function waitlistOfferMail(l: Language, f: { name: string; fairTitle: string; when: string; expiresAt: string; url: string }): MailContent {
  return pick(l, {
    ko: {
      subject: `[비상] 대기하신 코칭 자리가 났습니다: ${f.when}`,
      greeting: greeting(l, f.name),
      paragraphs: [`${f.fairTitle}에서 기다리시던 코칭 자리(${f.when})를 ${f.expiresAt}까지 잡아 두었습니다.`, '그때까지 예약하지 않으면 다음 대기자에게 넘어갑니다.'],
      action: { label: '지금 예약하기', url: f.url },
    },
    en: {
      subject: `[Bisang] A coaching slot you waited for is free: ${f.when}`,
      greeting: greeting(l, f.name),
      paragraphs: [`At ${f.fairTitle}, the coaching slot on ${f.when} is held for you until ${f.expiresAt}.`, 'After that it passes to the next person waiting.'],
      action: { label: 'Book it now', url: f.url },
    },
  });
}

const STATUS_WORDS: { [S in ApplicationStatus]: Both<string> } = {
  applied: { ko: '지원 완료', en: 'applied' },
  screening: { ko: '서류 검토 중', en: 'in screening' },
  interview: { ko: '면접 단계', en: 'at the interview stage' },
  offered: { ko: '합격 제안', en: 'offered' },
  hired: { ko: '취업 확정', en: 'hired' },
  rejected: { ko: '불합격', en: 'not selected' },
  withdrawn: { ko: '지원 취소', en: 'withdrawn' },
};

export function applicationMovedMail(
  l: Language,
  f: { name: string; applicationId: string; to: ApplicationStatus; postingTitle: string; companyName: string; url: string },
): MailContent {
  if (f.to === 'rejected') {
    // Worded kindly: a no is hard to read, and the fair still has more to offer.
    return pick(l, {
      ko: {
        subject: `[비상] ${f.companyName} 지원 결과 안내`,
        greeting: greeting(l, f.name),
        paragraphs: [
          `${f.companyName}의 "${f.postingTitle}" 포지션에 관심을 가지고 지원해 주셔서 진심으로 감사드립니다.`,
          '아쉽게도 이번에는 함께하지 못하게 되었습니다. 이 결과가 회원님의 역량을 모두 말해 주지는 않습니다.',
          '박람회의 다른 채용공고와 무료 1:1 면접 코칭도 살펴보세요. 응원하겠습니다.',
        ],
        action: { label: '내 지원 현황 보기', url: f.url },
      },
      en: {
        subject: `[Bisang] About your application to ${f.companyName}`,
        greeting: greeting(l, f.name),
        paragraphs: [
          `Thank you for applying to "${f.postingTitle}" at ${f.companyName}, and for the time you put into it.`,
          'This time they decided not to go further with your application. It is one decision, not a verdict on what you can do.',
          'Other postings and free career coaching at the fair are open to you. We are rooting for you.',
        ],
        action: { label: 'See my applications', url: f.url },
      },
    });
  }
  if (f.to === 'offered') {
    // The answer itself is given on the application's page (signed in): the links take the seeker there with the choice.
    const accept = `${f.url}?application=${encodeURIComponent(f.applicationId)}&answer=accept`;
    const decline = `${f.url}?application=${encodeURIComponent(f.applicationId)}&answer=decline`;
    return pick(l, {
      ko: {
        subject: `[비상] ${f.companyName}에서 채용을 제안했습니다`,
        greeting: greeting(l, f.name),
        paragraphs: [`축하합니다! ${f.companyName}에서 "${f.postingTitle}" 포지션으로 채용을 제안했습니다.`, '아래에서 제안을 수락하거나 거절할 수 있습니다. 로그인한 뒤 지원 화면에서 최종 확인합니다.'],
        action: { label: '제안 수락하기', url: accept },
        moreActions: [{ label: '제안 거절하기', url: decline }],
      },
      en: {
        subject: `[Bisang] ${f.companyName} made you an offer`,
        greeting: greeting(l, f.name),
        paragraphs: [`Congratulations! ${f.companyName} offers you the "${f.postingTitle}" position.`, 'Accept or decline it below; you confirm your answer on your application page once signed in.'],
        action: { label: 'Accept the offer', url: accept },
        moreActions: [{ label: 'Decline the offer', url: decline }],
      },
    });
  }
  const status = pick(l, STATUS_WORDS[f.to]);
  return pick(l, {
    ko: {
      subject: `[비상] 지원 상태 변경: ${f.companyName} ${status}`,
      greeting: greeting(l, f.name),
      paragraphs: [`${f.companyName}의 "${f.postingTitle}" 지원이 "${status}" 단계로 바뀌었습니다.`],
      action: { label: '내 지원 현황 보기', url: f.url },
    },
    en: {
      subject: `[Bisang] Your application to ${f.companyName}: ${status}`,
      greeting: greeting(l, f.name),
      paragraphs: [`Your application to "${f.postingTitle}" at ${f.companyName} is now ${status}.`],
      action: { label: 'See my applications', url: f.url },
    },
  });
}

/** The retention question, 30/60/90 days after the start: two links, each answers in one click without signing in. */
export function followUpMail(l: Language, f: { name: string; days: number; companyName: string; postingTitle: string; yesUrl: string; noUrl: string }): MailContent {
  return pick(l, {
    ko: {
      subject: `[비상] 입사 ${f.days}일, 잘 지내고 계신가요?`,
      greeting: greeting(l, f.name),
      paragraphs: [
        `${f.companyName}의 "${f.postingTitle}" 포지션에 입사하신 지 ${f.days}일이 되었습니다. 지금도 근무하고 계신가요?`,
        '아래 중 하나를 누르면 로그인 없이 바로 답변이 기록됩니다. 답변은 박람회의 일자리 성과를 살피는 데만 쓰입니다.',
      ],
      action: { label: '네, 계속 근무하고 있습니다', url: f.yesUrl },
      moreActions: [{ label: '아니요, 지금은 근무하지 않습니다', url: f.noUrl }],
    },
    en: {
      subject: `[Bisang] ${f.days} days in: how is it going?`,
      greeting: greeting(l, f.name),
      paragraphs: [
        `It has been ${f.days} days since you started as "${f.postingTitle}" at ${f.companyName}. Are you still working there?`,
        'One click on an answer below records it, without signing in. Answers only serve to see how the fair’s jobs last.',
      ],
      action: { label: 'Yes, I still work there', url: f.yesUrl },
      moreActions: [{ label: 'No, not any more', url: f.noUrl }],
    },
  });
}

/** To a company's staff, at the end of a booth's window: who applied in it, never one mail per application. */
export function applicantDigestMail(
  l: Language,
  f: { name: string; companyName: string; fairTitle: string; window: string; applicants: { seekerName: string; postingTitle: string }[]; total: number; url: string },
): MailContent {
  const lines = f.applicants.map((a) => `· ${a.seekerName} — ${a.postingTitle}`);
  const more = f.total - f.applicants.length;
  return pick(l, {
    ko: {
      subject: `[비상] ${f.companyName} 새 지원자 ${f.total}명 (${f.fairTitle})`,
      greeting: greeting(l, f.name),
      paragraphs: [`${f.window} 동안 ${f.fairTitle}의 ${f.companyName} 부스에 새 지원자 ${f.total}명이 있습니다.`, ...lines, ...(more > 0 ? [`외 ${more}명`] : [])],
      action: { label: '지원자 보기', url: f.url },
    },
    en: {
      subject: `[Bisang] ${f.total} new applicant${f.total === 1 ? '' : 's'} for ${f.companyName} (${f.fairTitle})`,
      greeting: greeting(l, f.name),
      paragraphs: [`${f.companyName}'s booth at ${f.fairTitle} had ${f.total} new applicant${f.total === 1 ? '' : 's'} during ${f.window}.`, ...lines, ...(more > 0 ? [`and ${more} more`] : [])],
      action: { label: 'See the applicants', url: f.url },
    },
  });
}

/** An organizer's announcement, as written (plain text, escaped in the layout), with the way to the fair. */
export function announcementMail(l: Language, f: { name: string; fairTitle: string; title: string; body: string; url: string }): MailContent {
  const paragraphs = f.body.split(/\n{2,}/).map((p) => p.trim()).filter(Boolean).slice(0, 50);
  return pick(l, {
    ko: {
      subject: `[비상] ${f.fairTitle} 공지: ${f.title}`,
      greeting: greeting(l, f.name),
      paragraphs: [`${f.fairTitle} 운영자의 공지입니다.`, f.title, ...paragraphs],
      action: { label: '박람회로 가기', url: f.url },
      footer: ['이 박람회에 지원하거나 예약한 적이 있어 받으신 메일입니다.'],
    },
    en: {
      subject: `[Bisang] ${f.fairTitle}: ${f.title}`,
      greeting: greeting(l, f.name),
      paragraphs: [`An announcement from the organizers of ${f.fairTitle}.`, f.title, ...paragraphs],
      action: { label: 'Go to the fair', url: f.url },
      footer: ['You get this because you applied or booked at this fair.'],
    },
  });
}

export function unsubscribeFooter(l: Language, url: string, category: 'applications' | 'announcements' = 'applications'): string[] {
  if (category === 'announcements') {
    return [
      pick(l, {
        ko: `박람회 공지 메일을 그만 받으려면: ${url} (계정과 예약 메일은 계속 발송됩니다)`,
        en: `To stop fair announcements by mail: ${url} (account and booking mail keeps coming)`,
      }),
    ];
  }
  return [
    pick(l, {
      ko: `지원 상태 알림 메일을 그만 받으려면: ${url} (계정과 예약 메일은 계속 발송됩니다)`,
      en: `To stop application updates by mail: ${url} (account and booking mail keeps coming)`,
    }),
  ];
}

export function chatYourTurnMail(l: Language, f: { name: string; companyName: string; url: string }): MailContent {
  return pick(l, {
    ko: {
      subject: `[비상] ${f.companyName} 부스: 곧 대화 차례입니다`,
      greeting: greeting(l, f.name),
      paragraphs: [`${f.companyName} 부스 대기열에서 다음 차례가 되셨습니다.`, '채용담당자가 곧 대화를 시작합니다. 부스 페이지로 돌아와 주세요.'],
      action: { label: '부스로 가기', url: f.url },
    },
    en: {
      subject: `[Bisang] ${f.companyName}: you're next`,
      greeting: greeting(l, f.name),
      paragraphs: [`You are next in the queue at ${f.companyName}'s booth.`, 'A recruiter will start the chat soon: come back to the booth page.'],
      action: { label: 'Go to the booth', url: f.url },
    },
  });
}

export function chatAnsweredMail(l: Language, f: { name: string; fairTitle: string; url: string }): MailContent {
  return pick(l, {
    ko: {
      subject: '[비상] 채용담당자가 메시지에 답했습니다',
      greeting: greeting(l, f.name),
      paragraphs: [`${f.fairTitle} 부스에 남기신 메시지에 채용담당자가 답했습니다.`],
      action: { label: '답장 보기', url: f.url },
    },
    en: {
      subject: '[Bisang] A recruiter answered your message',
      greeting: greeting(l, f.name),
      paragraphs: [`A recruiter answered the message you left at a booth of ${f.fairTitle}.`],
      action: { label: 'Read the answer', url: f.url },
    },
  });
}

/** What a seeker is told of a company's invitation from the talent pool or the centre's introduction. */
interface OfferMailFacts {
  name: string;
  companyName: string;
  fairTitle: string;
  message: string | null;
  url: string;
}

/** The company's own words, quoted as they wrote them (plain text; the layout escapes it). */
const quoted = (l: Language, message: string | null): string[] =>
  message ? [pick(l, { ko: `기업이 남긴 말: “${message}”`, en: `Their message: “${message}”` })] : [];

/** A company saw the seeker's talent-pool card and invites them to apply to a posting (`postingTitle`), or to chat (null). */
export function poolInvitationMail(l: Language, f: OfferMailFacts & { postingTitle: string | null }): MailContent {
  const where = f.fairTitle ? pick(l, { ko: `${f.fairTitle} `, en: ` at ${f.fairTitle}` }) : '';
  return pick(l, {
    ko: {
      subject: f.postingTitle ? `[비상] ${f.companyName}에서 지원을 제안했습니다: ${f.postingTitle}` : `[비상] ${f.companyName}에서 부스 대화에 초대했습니다`,
      greeting: greeting(l, f.name),
      paragraphs: [
        f.postingTitle
          ? `${where}인재풀에 공개하신 프로필을 보고 ${f.companyName}에서 '${f.postingTitle}' 채용공고에 지원해 달라고 제안했습니다.`
          : `${where}인재풀에 공개하신 프로필을 보고 ${f.companyName}에서 부스에서 채용담당자와 1:1로 대화하자고 초대했습니다.`,
        ...quoted(l, f.message),
        f.postingTitle
          ? '수락하면 지원서가 접수되고 기업이 프로필과 이력서를 보게 됩니다. 넘기면 기업에는 알리지 않습니다.'
          : '수락하면 부스 대화가 열리고 기업이 프로필과 이력서를 보게 됩니다. 넘기면 기업에는 알리지 않습니다.',
      ],
      action: { label: '제안 보기', url: f.url },
    },
    en: {
      subject: f.postingTitle ? `[Bisang] ${f.companyName} invites you to apply: ${f.postingTitle}` : `[Bisang] ${f.companyName} invites you to chat at its booth`,
      greeting: greeting(l, f.name),
      paragraphs: [
        f.postingTitle
          ? `${f.companyName} saw the profile you opened to the talent pool${where} and invites you to apply to "${f.postingTitle}".`
          : `${f.companyName} saw the profile you opened to the talent pool${where} and invites you to a 1:1 chat with a recruiter at its booth.`,
        ...quoted(l, f.message),
        f.postingTitle
          ? 'If you accept, your application is sent and the company sees your profile and resume. If you pass, the company is not told.'
          : 'If you accept, the chat opens at the booth and the company sees your profile and resume. If you pass, the company is not told.',
      ],
      action: { label: 'See the invitation', url: f.url },
    },
  });
}

/** The employment centre introduces the seeker to a company's posting (소개): they agree (an application) or pass. */
export function introductionMail(l: Language, f: OfferMailFacts & { postingTitle: string }): MailContent {
  return pick(l, {
    ko: {
      subject: `[비상] 고용센터가 채용공고를 소개합니다: ${f.companyName} · ${f.postingTitle}`,
      greeting: greeting(l, f.name),
      paragraphs: [
        `${f.fairTitle ? `${f.fairTitle}에서 ` : ''}고용센터 상담사가 ${f.companyName}의 '${f.postingTitle}' 채용공고를 소개합니다.`,
        ...(f.message ? [`상담사가 남긴 말: “${f.message}”`] : []),
        '동의하면 "센터 소개" 지원서가 접수되고, 원하지 않으면 넘기면 됩니다.',
      ],
      action: { label: '소개 보기', url: f.url },
    },
    en: {
      subject: `[Bisang] The employment centre introduces you to a posting: ${f.companyName} · ${f.postingTitle}`,
      greeting: greeting(l, f.name),
      paragraphs: [
        `A counsellor of the employment centre${f.fairTitle ? ` at ${f.fairTitle}` : ''} introduces you to "${f.postingTitle}" at ${f.companyName}.`,
        ...(f.message ? [`The counsellor's message: “${f.message}”`] : []),
        'If you agree, an application marked "introduced by the centre" is sent; if not, simply pass.',
      ],
      action: { label: 'See the introduction', url: f.url },
    },
  });
}

/** A posting the seeker saved (스크랩) closes within a day. */
export function savedPostingDeadlineMail(l: Language, f: { name: string; companyName: string; postingTitle: string; closesAt: string; url: string }): MailContent {
  return pick(l, {
    ko: {
      subject: `[비상] 스크랩한 채용공고가 곧 마감됩니다: ${f.postingTitle}`,
      greeting: greeting(l, f.name),
      paragraphs: [`스크랩하신 ${f.companyName}의 채용공고 「${f.postingTitle}」의 마감일은 ${f.closesAt}입니다.`, '지원하시려면 마감 전에 서둘러 주세요.'],
      action: { label: '채용공고 보기', url: f.url },
    },
    en: {
      subject: `[Bisang] A saved posting closes soon: ${f.postingTitle}`,
      greeting: greeting(l, f.name),
      paragraphs: [`${f.companyName}'s posting "${f.postingTitle}", which you saved, closes at ${f.closesAt}.`, 'Apply before it closes if you are interested.'],
      action: { label: 'View the posting', url: f.url },
    },
  });
}
