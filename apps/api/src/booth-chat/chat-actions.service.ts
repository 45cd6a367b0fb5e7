import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@bisang/auth';
import { clock, notFound } from '@bisang/common';
import { BoothQueueRepository, ChatsRepository, TalentPoolRepository } from '@bisang/database';
import { PoolInvitationDto } from '../matching/dto/matching.dto';
import { alreadyInvited, seekerAlreadyApplied } from '../matching/matching.errors';
import {
  boothPostingNotFound,
  chatEnded,
  chatNotFound,
  interviewSlotNotFound,
  interviewSlotTaken,
  onlyChatRecruiter,
  slotAlreadyOffered,
} from './booth-chat.errors';
import { BoothChatSettingsDto, ChatReviewDto, ChatReviewInputDto, ChatSlotOfferDto } from './dto/booth-chat.dto';

/**
 * What a recruiter does from a chat: the company's private note and rating, an invitation to apply to one of the
 * booth's postings (the talent pool's invitation, accepted with one click), an interview slot of the booth (booked
 * through the ordinary booking path); and the booth's chat timer.
 */
@Injectable()
export class ChatActionsService {
  constructor(
    private readonly chats: ChatsRepository,
    private readonly pool: TalentPoolRepository,
    private readonly queue: BoothQueueRepository,
  ) {}

  /** Staff of the chat's company only; to anyone else (the seeker included) the note does not exist. */
  async review(staff: AuthenticatedUser, chatId: string, dto: ChatReviewInputDto): Promise<ChatReviewDto> {
    const result = await this.chats.review(chatId, staff.id, { note: dto.note, rating: dto.rating }, clock.now());
    if (result.outcome === 'not_found') throw chatNotFound();
    return ChatReviewDto.from(result.review);
  }

  async getReview(staff: AuthenticatedUser, chatId: string): Promise<ChatReviewDto> {
    const review = await this.chats.findReview(chatId, staff.id);
    if (!review) throw chatNotFound();
    return ChatReviewDto.from(review);
  }

  async invite(recruiter: AuthenticatedUser, chatId: string, postingId: string, message: string | undefined): Promise<PoolInvitationDto> {
    const text = message?.trim() || null;
    const result = await this.pool.inviteFromChat({ chatId, postingId, staffUserId: recruiter.id, message: text });
    switch (result.outcome) {
      case 'invited':
        return PoolInvitationDto.from(result.invitation);
      case 'chat_not_found':
        throw chatNotFound();
      case 'not_recruiter':
        throw onlyChatRecruiter();
      case 'chat_ended':
        throw chatEnded();
      case 'posting_not_found':
        throw boothPostingNotFound();
      case 'already_invited':
        throw alreadyInvited();
      case 'already_applied':
        throw seekerAlreadyApplied();
    }
  }

  async offerSlot(recruiter: AuthenticatedUser, chatId: string, slotId: string): Promise<ChatSlotOfferDto> {
    const result = await this.chats.offerSlot(chatId, recruiter.id, slotId, clock.now());
    switch (result.outcome) {
      case 'offered':
        return ChatSlotOfferDto.from(result.offer);
      case 'not_found':
        throw chatNotFound();
      case 'not_recruiter':
        throw onlyChatRecruiter();
      case 'ended':
        throw chatEnded();
      case 'slot_not_found':
        throw interviewSlotNotFound();
      case 'slot_taken':
        throw interviewSlotTaken();
      case 'already_offered':
        throw slotAlreadyOffered();
    }
  }

  async chatSettings(boothId: string): Promise<BoothChatSettingsDto> {
    const chatMinutes = await this.queue.chatMinutes(boothId);
    if (chatMinutes === null) throw notFound('Booth', '부스');
    return { boothId, chatMinutes };
  }

  async setChatSettings(boothId: string, chatMinutes: number): Promise<BoothChatSettingsDto> {
    await this.queue.setChatMinutes(boothId, chatMinutes);
    return this.chatSettings(boothId);
  }
}
