import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@bisang/auth';
import { CoachingSlotEntity, FairCoachesRepository, InterviewEligibilityRepository, SlotKind, UserRole } from '@bisang/database';

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
  /** null when the caller (of a publisher role) may publish slots in the fair, else why not. */
  whyNotPublishable(user: AuthenticatedUser, fairId: string): Promise<NotBookable | null>;
}

const onlySeekers = (what: string, whatKo: string): NotBookable => ({
  code: 'SLOT_NOT_BOOKABLE',
  message: `${whatKo}은 구직자만 예약할 수 있습니다 / Only job seekers can book ${what}`,
});

const coachNotApproved: NotBookable = {
  code: 'COACH_NOT_APPROVED',
  message:
    '운영자가 이 박람회의 코치로 승인해야 코칭 시간을 열 수 있습니다 / ' +
    'An organizer must approve this coach for the fair before coaching slots can be published or booked',
};

/** Coaching slots: published by coaches an organizer approved for the fair, booked by seekers. */
const coaching = (fairCoaches: FairCoachesRepository): SlotKindPolicy => ({
  kind: 'coaching',
  publisherRoles: ['coach'],
  whyNotBookable: async (user, slot) => {
    if (user.role !== 'seeker') return onlySeekers('coaching', '코칭');
    return (await fairCoaches.isApproved(slot.fairId, slot.coachId)) ? null : coachNotApproved;
  },
  whyNotPublishable: async (user, fairId) => ((await fairCoaches.isApproved(fairId, user.id)) ? null : coachNotApproved),
});

/** Interview slots of a booth: seekers whose application to that booth has reached the interview stage, or to whom a recruiter offered the slot in a chat. */
const interview = (eligibility: InterviewEligibilityRepository): SlotKindPolicy => ({
  kind: 'interview',
  publisherRoles: ['recruiter'],
  whyNotBookable: async (user, slot) => {
    if (user.role !== 'seeker') return onlySeekers('interview slots', '면접 시간대');
    if (slot.boothId && (await eligibility.hasApplicationInInterviewStage(user.id, slot.boothId))) return null;
    if (await eligibility.wasOfferedSlot(user.id, slot.id)) return null;
    return {
      code: 'NOT_IN_INTERVIEW_STAGE',
      message:
        '면접 시간대는 이 부스에 지원하여 면접 단계에 있는 지원자만 예약할 수 있습니다 / ' +
        'Interview slots can be booked only by applicants of this booth whose application is in the interview stage',
    };
  },
  // The booth's approval is checked where the booth is known (publishInterviewAvailability).
  whyNotPublishable: async () => null,
});

@Injectable()
export class SlotKindPolicies {
  private readonly byKind: Record<SlotKind, SlotKindPolicy>;

  constructor(eligibility: InterviewEligibilityRepository, fairCoaches: FairCoachesRepository) {
    this.byKind = { coaching: coaching(fairCoaches), interview: interview(eligibility) };
  }

  of(kind: SlotKind): SlotKindPolicy {
    return this.byKind[kind];
  }
}
