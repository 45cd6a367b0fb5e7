import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@bisang/auth';
import { forbidden, notFound, clock } from '@bisang/common';
import { BoothQueueRepository, BoothsRepository, ChatsRepository, HTTP_HOLDER, estimateWait, MAX_QUEUES_PER_SEEKER } from '@bisang/database';
import {
  alreadyQueued,
  capacityReached,
  chatEnded,
  chatNotFound,
  colleagueAtCapacity,
  colleagueNotFound,
  colleagueNotOnline,
  fairNotLive,
  notOnline,
  notQueued,
  onlyRecruiterHandsOver,
  queueLimit,
} from './booth-chat.errors';
import { ChatDto, QueueEntryDto, QueuePositionDto, StaffPresenceViewDto, StaffQueueDto, StaffQueueItemDto } from './dto/booth-chat.dto';

/** A booth's walk-up queue, its staff's presence and "take next". */
@Injectable()
export class BoothChatService {
  constructor(
    private readonly queue: BoothQueueRepository,
    private readonly booths: BoothsRepository,
    private readonly chats: ChatsRepository,
  ) {}

  async join(seeker: AuthenticatedUser, boothId: string): Promise<QueueEntryDto> {
    const result = await this.queue.join(boothId, seeker.id, clock.now());
    switch (result.outcome) {
      case 'booth_not_found':
        throw notFound('Booth', '부스');
      case 'fair_not_live':
        throw fairNotLive();
      case 'already_queued':
        throw alreadyQueued();
      case 'queue_limit':
        throw queueLimit(MAX_QUEUES_PER_SEEKER);
    }
    const place = await this.queue.position(boothId, seeker.id);
    const position = place?.position ?? 1;
    return { entryId: result.entryId, boothId, position, etaSeconds: await this.eta(boothId, position) };
  }

  async leave(seeker: AuthenticatedUser, boothId: string): Promise<void> {
    if (!(await this.queue.leave(boothId, seeker.id, clock.now()))) throw notQueued();
  }

  /** Staff see the waiting seekers in serving order; a seeker sees only their own place. */
  async read(user: AuthenticatedUser, boothId: string): Promise<StaffQueueDto | QueuePositionDto> {
    const booth = await this.booths.findById(boothId);
    if (!booth) throw notFound('Booth', '부스');
    if (user.role === 'recruiter' && (await this.booths.isStaff(boothId, user.id))) {
      return { items: (await this.queue.waiting(boothId, clock.now())).map(StaffQueueItemDto.from) };
    }
    if (booth.status !== 'approved') throw notFound('Booth', '부스');
    if (user.role !== 'seeker') throw forbidden('부스 담당자와 대기 중인 구직자만 볼 수 있습니다 / Only the booth staff and queued seekers see the queue');
    const place = await this.queue.position(boothId, user.id);
    if (!place) throw notQueued();
    return { position: place.position, etaSeconds: await this.eta(boothId, place.position) };
  }

  async takeNext(recruiter: AuthenticatedUser, boothId: string): Promise<ChatDto | null> {
    const result = await this.queue.takeNext(boothId, recruiter.id, clock.now());
    switch (result.outcome) {
      case 'started':
        return ChatDto.from(result.chat, recruiter.id);
      case 'nobody_waiting':
        return null;
      case 'not_online':
        throw notOnline();
      case 'capacity_reached':
        throw capacityReached();
    }
  }

  /** The HTTP twin of `booth:online` / `booth:offline`: an HTTP hold lasts until turned off. */
  async setPresence(recruiter: AuthenticatedUser, boothId: string, online: boolean, capacity = 2): Promise<StaffPresenceViewDto> {
    if (online) await this.queue.holdPresence(boothId, recruiter.id, HTTP_HOLDER(recruiter.id), capacity, 'until_released');
    else await this.queue.releasePresence(boothId, recruiter.id, HTTP_HOLDER(recruiter.id));
    return { boothId, ...(await this.queue.presence(boothId, recruiter.id)) };
  }

  async presence(recruiter: AuthenticatedUser, boothId: string): Promise<StaffPresenceViewDto> {
    return { boothId, ...(await this.queue.presence(boothId, recruiter.id)) };
  }

  /** The chat's recruiter hands it to a colleague at the booth (online there, with a free slot). */
  async handOver(recruiter: AuthenticatedUser, chatId: string, colleagueId: string): Promise<ChatDto> {
    const result = await this.queue.handOver(chatId, recruiter.id, colleagueId);
    switch (result.outcome) {
      case 'handed_over':
        return ChatDto.from(result.chat, recruiter.id);
      case 'not_found':
        throw chatNotFound();
      case 'not_recruiter':
        throw onlyRecruiterHandsOver();
      case 'ended':
        throw chatEnded();
      case 'colleague_not_found':
        throw colleagueNotFound();
      case 'not_online':
        throw colleagueNotOnline();
      case 'capacity_reached':
        throw colleagueAtCapacity();
    }
  }

  /** With no recruiter to talk to, a seeker leaves a message: a conversation staff answer later. */
  async leaveMessage(seeker: AuthenticatedUser, boothId: string, body: string): Promise<ChatDto> {
    const created = await this.queue.leaveMessage(boothId, seeker.id, clock.now());
    if (created.outcome !== 'created') throw created.outcome === 'booth_not_found' ? notFound('Booth', '부스') : fairNotLive();
    await this.chats.postMessage(created.chatId, seeker.id, body, clock.now());
    return ChatDto.from((await this.chats.findView(created.chatId))!, seeker.id);
  }

  private async eta(boothId: string, position: number): Promise<number | null> {
    return estimateWait(await this.queue.etaBasis(boothId), position);
  }
}
