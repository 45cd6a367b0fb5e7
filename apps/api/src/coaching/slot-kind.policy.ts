import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@bisang/auth';
import { CoachingSlotEntity, InterviewEligibilityRepository, SlotKind, UserRole } from '@bisang/database';

/** Why a caller may not book a slot: a stable code and a message for a person ("한국어 / English"). */
export interface NotBookable {
  code: string;
  message: string;
}

/**
 * Who may publish and who may book a kind of slot. The booking engine is one; coaching and interview
 * slots differ only here (and in the limits of the worker's booking rules).
 */
export interface SlotKindPolicy {
  readonly kind: SlotKind;
  readonly publisherRoles: readonly UserRole[];
  /** null when the caller may book the slot, else why not. */
  whyNotBookable(user: AuthenticatedUser, slot: CoachingSlotEntity): Promise<NotBookable | null>;
}

const onlySeekers = (what: string, whatKo: string): NotBookable => ({
  code: 'SLOT_NOT_BOOKABLE',
  message: `${whatKo}은 구직자만 예약할 수 있습니다 / Only job seekers can book ${what}`,
});

const coaching: SlotKindPolicy = {
  kind: 'coaching',
  publisherRoles: ['coach'],
  whyNotBookable: async (user) => (user.role === 'seeker' ? null : onlySeekers('coaching', '코칭')),
};

/** Interview slots of a booth: only seekers whose application to that booth has reached the interview stage. */
const interview = (eligibility: InterviewEligibilityRepository): SlotKindPolicy => ({
  kind: 'interview',
  publisherRoles: ['recruiter'],
  whyNotBookable: async (user, slot) => {
    if (user.role !== 'seeker') return onlySeekers('interview slots', '면접 시간대');
    if (slot.boothId && (await eligibility.hasApplicationInInterviewStage(user.id, slot.boothId))) return null;
    return {
      code: 'NOT_IN_INTERVIEW_STAGE',
      message:
        '면접 시간대는 이 부스에 지원하여 면접 단계에 있는 지원자만 예약할 수 있습니다 / ' +
        'Interview slots can be booked only by applicants of this booth whose application is in the interview stage',
    };
  },
});

@Injectable()
export class SlotKindPolicies {
  private readonly byKind: Record<SlotKind, SlotKindPolicy>;

  constructor(eligibility: InterviewEligibilityRepository) {
    this.byKind = { coaching, interview: interview(eligibility) };
  }

  of(kind: SlotKind): SlotKindPolicy {
    return this.byKind[kind];
  }
}
