import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@bisang/auth';
import type { CoachingSlotEntity, SlotKind, UserRole } from '@bisang/database';

/**
 * Who may publish and who may book a kind of slot. The booking engine is one; coaching and interview
 * slots differ only here (and in the limits of the worker's booking rules).
 */
export interface SlotKindPolicy {
  readonly kind: SlotKind;
  readonly publisherRoles: readonly UserRole[];
  /** null when the caller may book the slot, else why not ("한국어 / English"). */
  whyNotBookable(user: AuthenticatedUser, slot: CoachingSlotEntity): Promise<string | null>;
}

const coaching: SlotKindPolicy = {
  kind: 'coaching',
  publisherRoles: ['coach'],
  whyNotBookable: async (user) =>
    user.role === 'seeker' ? null : '코칭은 구직자만 예약할 수 있습니다 / Only job seekers can book coaching',
};

const interview: SlotKindPolicy = {
  kind: 'interview',
  publisherRoles: ['recruiter'],
  // Eligibility (an application of the slot's booth in the interview stage) is connected by the applications feature.
  whyNotBookable: async () =>
    '면접 시간대는 해당 부스의 면접 단계 지원자만 예약할 수 있습니다 / Interview slots can be booked only by applicants in the interview stage of the booth',
};

@Injectable()
export class SlotKindPolicies {
  private readonly byKind: Record<SlotKind, SlotKindPolicy> = { coaching, interview };

  of(kind: SlotKind): SlotKindPolicy {
    return this.byKind[kind];
  }
}
