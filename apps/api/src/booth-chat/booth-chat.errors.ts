import { HttpStatus } from '@nestjs/common';
import { DomainError, conflict, forbidden } from '@bisang/common';

export const alreadyQueued = () => conflict('ALREADY_QUEUED', '이미 이 부스의 대기열에 있습니다 / You are already in this booth\'s queue');
export const queueLimit = (max: number) =>
  conflict('QUEUE_LIMIT', `대기열은 동시에 ${max}곳까지만 설 수 있습니다 / You can wait in at most ${max} booth queues at once`);
export const fairNotLive = () => conflict('FAIR_NOT_LIVE', '박람회가 진행 중일 때만 대화할 수 있습니다 / Booth chat is open only while the fair is live');
export const notQueued = () => new DomainError(HttpStatus.NOT_FOUND, 'NOT_QUEUED', '이 부스의 대기열에 없습니다 / You are not in this booth\'s queue');
export const notOnline = () =>
  conflict('NOT_ONLINE', '먼저 이 부스에서 상담 가능(온라인) 상태로 전환하세요 / Go online for this booth before taking chats');
export const capacityReached = () =>
  conflict('CAPACITY_REACHED', '동시에 진행할 수 있는 대화 수가 가득 찼습니다 / You are already in as many chats as your capacity');
export const chatNotFound = () => new DomainError(HttpStatus.NOT_FOUND, 'NOT_FOUND', '대화를 찾을 수 없습니다 / Chat not found');
export const chatEnded = () => conflict('CHAT_ENDED', '이미 끝난 대화입니다 / This chat has ended');
export const recruitersOnline = () =>
  conflict('RECRUITERS_ONLINE', '상담 가능한 채용담당자가 있습니다. 대기열에 서 주세요 / Recruiters are online: join the queue instead');
export const onlyRecruiterHandsOver = () => forbidden('대화를 넘길 수 있는 것은 담당 채용담당자뿐입니다 / Only the chat\'s recruiter can hand it over');
export const colleagueNotFound = () =>
  new DomainError(HttpStatus.NOT_FOUND, 'COLLEAGUE_NOT_FOUND', '이 부스의 다른 담당자를 찾을 수 없습니다 / No such colleague at this booth');
export const colleagueNotOnline = () => conflict('NOT_ONLINE', '넘겨받을 담당자가 이 부스에서 온라인이 아닙니다 / The colleague is not online for this booth');
export const colleagueAtCapacity = () => conflict('CAPACITY_REACHED', '넘겨받을 담당자의 동시 대화 수가 가득 찼습니다 / The colleague has no free chat slot');
export const onlyChatRecruiter = () => forbidden('대화를 맡은 채용담당자만 할 수 있습니다 / Only the chat\'s recruiter can do this');
export const boothPostingNotFound = () =>
  new DomainError(HttpStatus.NOT_FOUND, 'POSTING_NOT_FOUND', '이 부스의 진행 중인 채용공고를 찾을 수 없습니다 / No open posting of this booth');
export const interviewSlotNotFound = () =>
  new DomainError(HttpStatus.NOT_FOUND, 'SLOT_NOT_FOUND', '이 부스의 앞으로 남은 면접 시간대를 찾을 수 없습니다 / No upcoming interview slot of this booth');
export const interviewSlotTaken = () => conflict('SLOT_TAKEN', '이미 예약된 면접 시간대입니다 / This interview slot is already booked');
export const slotAlreadyOffered = () => conflict('ALREADY_OFFERED', '이미 이 구직자에게 제안한 면접 시간대입니다 / This slot was already offered to this seeker');
