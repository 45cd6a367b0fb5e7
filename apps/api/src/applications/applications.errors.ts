import { HttpStatus } from '@nestjs/common';
import { DomainError, conflict, forbidden } from '@bisang/common';
import type { ApplicationStatus } from '@bisang/database';
import { withParticle } from '@bisang/contracts';

export const applicationNotFound = () =>
  new DomainError(HttpStatus.NOT_FOUND, 'APPLICATION_NOT_FOUND', '지원서를 찾을 수 없습니다 / Application not found');

export const alreadyApplied = () => conflict('ALREADY_APPLIED', '이미 지원한 채용공고입니다 / You have already applied to this posting');
export const postingClosedToApplications = () =>
  conflict('POSTING_CLOSED', '마감된 채용공고에는 지원할 수 없습니다 / This posting is closed to applications');
export const fairNotLive = () =>
  conflict('FAIR_NOT_LIVE', '박람회가 진행 중일 때만 지원할 수 있습니다 / Applications are open only while the fair is live');

export const illegalTransition = (from: ApplicationStatus, to: ApplicationStatus) =>
  new DomainError(
    HttpStatus.CONFLICT,
    'ILLEGAL_TRANSITION',
    `지원 상태를 ${from}에서 ${withParticle(to, '으로/로')} 바꿀 수 없습니다 / An application cannot move from ${from} to ${to}`,
    { from, to },
  );
export const seekerMayOnlyWithdraw = () =>
  forbidden('지원자는 지원 철회(withdrawn)만 할 수 있습니다 / A seeker can only withdraw their application');
export const onlySeekerWithdraws = () => forbidden('지원 철회는 지원자 본인만 할 수 있습니다 / Only the seeker can withdraw an application');
export const onlySeekerAnswers = () =>
  forbidden('근속 확인은 채용된 지원자 본인만 답할 수 있습니다 / Only the hired seeker answers a follow-up');
export const onlySeekerAnswersOffer = () =>
  forbidden('합격 제안에는 지원자 본인만 답할 수 있습니다 / Only the seeker answers an offer');
export const notOffered = () =>
  conflict('NOT_OFFERED', '답할 수 있는 합격 제안이 없습니다 / This application has no open offer to answer');
export const onlyBoothStaff = () => forbidden('부스 담당자만 할 수 있습니다 / Only the booth staff can do this');

export const noOpeningsLeft = () =>
  conflict('NO_OPENINGS_LEFT', '이 채용공고의 모집 인원이 모두 찼습니다 / This posting has no openings left');
export const notHired = () => conflict('NOT_HIRED', '취업 확정된 지원서가 아닙니다 / This application is not hired');
export const followUpNotAsked = () =>
  conflict('FOLLOW_UP_NOT_ASKED', '아직 묻지 않은 근속 확인입니다 / This follow-up has not been asked yet');
