import { HttpStatus } from '@nestjs/common';
import { DomainError, conflict, forbidden, notFound } from '@bisang/common';
import { alreadyApplied, fairNotLive, postingClosedToApplications } from '../applications/applications.errors';
import { fairNotLive as chatFairNotLive } from '../booth-chat/booth-chat.errors';

export const fairNotFound = () => notFound('Fair', '박람회');
export const notPoolStaff = () =>
  forbidden('이 박람회에서 승인된 부스의 담당자(검색은 운영자도)만 인재풀을 쓸 수 있습니다 / Only staff of an approved booth in this fair (and, to search, organizers) may use its talent pool');
export const pooledSeekerNotFound = () => notFound('Seeker in the talent pool', '인재풀의 구직자');
export const invitablePostingNotFound = () => notFound('Open posting of your company in this fair', '이 박람회의 귀사 진행 중 채용공고');
export const alreadyInvited = () => conflict('ALREADY_INVITED', '이미 이 채용공고로 초대한 구직자입니다 / This seeker was already invited to this posting');
export const alreadyInvitedToChat = () =>
  conflict('ALREADY_INVITED', '이미 이 부스에서 대화에 초대한 구직자입니다 / This seeker was already invited to chat at this booth');
export const seekerAlreadyApplied = () => conflict('ALREADY_APPLIED', '이미 이 채용공고에 지원한 구직자입니다 / This seeker already applied to this posting');
export const invitationLimitReached = (limit: number) =>
  new DomainError(
    HttpStatus.TOO_MANY_REQUESTS,
    'INVITATION_LIMIT_REACHED',
    `오늘 보낼 수 있는 인재풀 초대(${limit}건)를 모두 보냈습니다. 내일 다시 보내 주세요 / Your company sent today's ${limit} talent-pool invitations; try again tomorrow`,
  );
export const invitationNotFound = () => new DomainError(HttpStatus.NOT_FOUND, 'INVITATION_NOT_FOUND', '초대를 찾을 수 없습니다 / Invitation not found');
export const alreadyAnswered = () => conflict('ALREADY_ANSWERED', '이미 응답한 제안입니다 / You have already answered this');

export const chatBoothNotFound = () => notFound('Approved booth of your company in this fair', '이 박람회의 귀사 승인 부스');
export const boothUnavailable = () =>
  conflict('BOOTH_UNAVAILABLE', '이 부스와는 지금 대화할 수 없습니다 (부스 운영 중단 또는 초대한 담당자 부재) / This booth cannot chat now (no longer approved, or the inviting recruiter left)');
export const inAnotherChat = () =>
  conflict('IN_ANOTHER_CHAT', '다른 부스와 대화 중입니다. 그 대화를 마친 뒤 수락해 주세요 / You are in a chat at another booth: end it first, then accept');

export const recruiterBusy = () =>
  conflict('RECRUITER_BUSY', '초대한 채용담당자가 지금 다른 대화로 바쁩니다. 잠시 후 다시 수락해 주세요 / The recruiter who invited you is in other chats right now: accept again in a moment');

/** Why a seeker's answer to an invitation or an introduction could not be taken (the repositories' outcomes). */
export type AnswerFailure =
  | 'not_found'
  | 'already_answered'
  | 'already_applied'
  | 'posting_not_found'
  | 'posting_closed'
  | 'fair_not_live'
  | 'chat_fair_not_live'
  | 'booth_unavailable'
  | 'in_another_chat'
  | 'recruiter_busy';

/** The error for a failed answer; `missing` names what was not found (an invitation, an introduction). */
export function answerRefused(outcome: AnswerFailure, missing: () => DomainError): DomainError {
  switch (outcome) {
    case 'not_found':
      return missing();
    case 'already_answered':
      return alreadyAnswered();
    case 'already_applied':
      return alreadyApplied();
    case 'posting_not_found':
      return notFound('Posting', '채용공고');
    case 'posting_closed':
      return postingClosedToApplications();
    case 'fair_not_live':
      return fairNotLive();
    case 'chat_fair_not_live':
      return chatFairNotLive();
    case 'booth_unavailable':
      return boothUnavailable();
    case 'in_another_chat':
      return inAnotherChat();
    case 'recruiter_busy':
      return recruiterBusy();
  }
}
