import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, OwnedBy, Roles, WriteLimit } from '@bisang/auth';
import { uuidParam } from '@bisang/common';
import { BoothStaffPolicy } from '../booths/booth-staff.policy';
import { PoolInvitationDto } from '../matching/dto/matching.dto';
import { ChatActionsService } from './chat-actions.service';
import {
  BoothChatSettingsDto,
  BoothChatSettingsInputDto,
  ChatInvitationInputDto,
  ChatReviewDto,
  ChatReviewInputDto,
  ChatSlotOfferDto,
  ChatSlotOfferInputDto,
} from './dto/booth-chat.dto';

/** A recruiter's acts from a chat, and the booth's chat timer. */
@ApiTags('booth chat')
@ApiBearerAuth()
@Controller()
export class ChatActionsController {
  constructor(private readonly actions: ChatActionsService) {}

  @Put('chats/:chatId/review')
  @Roles('recruiter')
  @ApiOkResponse({ type: ChatReviewDto, description: "the company staff's private note and rating of the chat (undefined keeps a field, null clears it); never shown to the seeker" })
  @ApiBadRequestResponse({ description: 'note over 5,000 characters or with control characters; rating not 1–5' })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: not a recruiter (a seeker never sees the note)' })
  @ApiNotFoundResponse({ description: "NOT_FOUND: no such chat, or not staff of the chat's company" })
  review(@Param('chatId', uuidParam('chatId')) chatId: string, @Body() dto: ChatReviewInputDto, @CurrentUser() user: AuthenticatedUser): Promise<ChatReviewDto> {
    return this.actions.review(user, chatId, dto);
  }

  @Get('chats/:chatId/review')
  @Roles('recruiter')
  @ApiOkResponse({ type: ChatReviewDto })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: not a recruiter (a seeker never sees the note)' })
  @ApiNotFoundResponse({ description: "NOT_FOUND: no such chat, or not staff of the chat's company" })
  getReview(@Param('chatId', uuidParam('chatId')) chatId: string, @CurrentUser() user: AuthenticatedUser): Promise<ChatReviewDto> {
    return this.actions.getReview(user, chatId);
  }

  @Post('chats/:chatId/invitations')
  @Roles('recruiter')
  @WriteLimit('messages')
  @ApiCreatedResponse({
    type: PoolInvitationDto,
    description:
      "the chat's seeker is invited to apply (a chat message carries it, and a pool.invitation notification); they accept with POST /pool-invitations/:id/accept",
  })
  @ApiForbiddenResponse({ description: "FORBIDDEN: not the chat's recruiter" })
  @ApiNotFoundResponse({ description: "NOT_FOUND (chat), POSTING_NOT_FOUND (no open posting of the chat's booth)" })
  @ApiConflictResponse({ description: 'CHAT_ENDED, ALREADY_INVITED, ALREADY_APPLIED' })
  invite(@Param('chatId', uuidParam('chatId')) chatId: string, @Body() dto: ChatInvitationInputDto, @CurrentUser() user: AuthenticatedUser): Promise<PoolInvitationDto> {
    return this.actions.invite(user, chatId, dto.postingId, dto.message);
  }

  @Post('chats/:chatId/slot-offers')
  @Roles('recruiter')
  @WriteLimit('messages')
  @ApiCreatedResponse({
    type: ChatSlotOfferDto,
    description: "one of the booth's free interview slots offered to the chat's seeker (a chat message carries it, and a chat.slot_offer notification); they book it with POST /coaching/bookings",
  })
  @ApiForbiddenResponse({ description: "FORBIDDEN: not the chat's recruiter" })
  @ApiNotFoundResponse({ description: 'NOT_FOUND (chat), SLOT_NOT_FOUND (no upcoming interview slot of the booth)' })
  @ApiConflictResponse({ description: 'CHAT_ENDED, SLOT_TAKEN, ALREADY_OFFERED' })
  offerSlot(@Param('chatId', uuidParam('chatId')) chatId: string, @Body() dto: ChatSlotOfferInputDto, @CurrentUser() user: AuthenticatedUser): Promise<ChatSlotOfferDto> {
    return this.actions.offerSlot(user, chatId, dto.slotId);
  }

  @Get('booths/:boothId/chat-settings')
  @Roles('recruiter')
  @OwnedBy(BoothStaffPolicy, 'boothId')
  @ApiOkResponse({ type: BoothChatSettingsDto })
  @ApiForbiddenResponse({ description: "FORBIDDEN: not the booth's staff" })
  chatSettings(@Param('boothId', uuidParam('boothId')) boothId: string): Promise<BoothChatSettingsDto> {
    return this.actions.chatSettings(boothId);
  }

  @Put('booths/:boothId/chat-settings')
  @Roles('recruiter')
  @OwnedBy(BoothStaffPolicy, 'boothId')
  @ApiOkResponse({ type: BoothChatSettingsDto, description: 'the chat timer of chats that start from now on (running chats keep theirs)' })
  @ApiBadRequestResponse({ description: 'chatMinutes not a whole number from 1 to 120' })
  @ApiForbiddenResponse({ description: "FORBIDDEN: not the booth's staff" })
  setChatSettings(@Param('boothId', uuidParam('boothId')) boothId: string, @Body() dto: BoothChatSettingsInputDto): Promise<BoothChatSettingsDto> {
    return this.actions.setChatSettings(boothId, dto.chatMinutes);
  }
}
