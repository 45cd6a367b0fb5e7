import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AuthenticatedUser, CurrentUser, OwnedBy, Roles, WriteLimit } from '@bisang/auth';
import { uuidParam } from '@bisang/common';
import { BoothStaffPolicy } from '../booths/booth-staff.policy';
import { BoothChatService } from './booth-chat.service';
import {
  ChatDto,
  HandOverDto,
  LeaveMessageDto,
  QueueEntryDto,
  QueuePositionDto,
  StaffPresenceDto,
  StaffPresenceViewDto,
  StaffQueueDto,
} from './dto/booth-chat.dto';

@ApiTags('booth chat')
@ApiBearerAuth()
@Controller('chats/:chatId/handover')
export class ChatHandOverController {
  constructor(private readonly boothChat: BoothChatService) {}

  @Post()
  @HttpCode(200)
  @Roles('recruiter')
  @ApiOkResponse({ type: ChatDto, description: 'the chat, now with the colleague as its recruiter (both participants get chat:started)' })
  @ApiForbiddenResponse({ description: "FORBIDDEN: not the chat's recruiter" })
  @ApiNotFoundResponse({ description: 'NOT_FOUND (chat), COLLEAGUE_NOT_FOUND' })
  @ApiConflictResponse({ description: 'CHAT_ENDED, NOT_ONLINE (the colleague), CAPACITY_REACHED (the colleague)' })
  handOver(@Param('chatId', uuidParam('chatId')) chatId: string, @Body() dto: HandOverDto, @CurrentUser() user: AuthenticatedUser): Promise<ChatDto> {
    return this.boothChat.handOver(user, chatId, dto.recruiterId);
  }
}

@ApiTags('booth chat')
@ApiBearerAuth()
@Controller('booths/:boothId')
export class BoothQueueController {
  constructor(private readonly boothChat: BoothChatService) {}

  @Post('queue')
  @Roles('seeker')
  @ApiCreatedResponse({ type: QueueEntryDto, description: "the seeker's place; their profile and resume are shared with the company's staff while queued or chatting" })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no approved booth' })
  @ApiConflictResponse({ description: 'ALREADY_QUEUED, QUEUE_LIMIT (in 2 queues already), FAIR_NOT_LIVE' })
  join(@Param('boothId', uuidParam('boothId')) boothId: string, @CurrentUser() user: AuthenticatedUser): Promise<QueueEntryDto> {
    return this.boothChat.join(user, boothId);
  }

  @Delete('queue')
  @Roles('seeker')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'left the queue' })
  @ApiNotFoundResponse({ description: 'NOT_QUEUED' })
  async leave(@Param('boothId', uuidParam('boothId')) boothId: string, @CurrentUser() user: AuthenticatedUser): Promise<void> {
    await this.boothChat.leave(user, boothId);
  }

  @Get('queue')
  @ApiExtraModels(StaffQueueDto, QueuePositionDto)
  @ApiOkResponse({
    description: 'booth staff: the waiting seekers in serving order; a seeker: only their own place',
    schema: { oneOf: [{ $ref: getSchemaPath(StaffQueueDto) }, { $ref: getSchemaPath(QueuePositionDto) }] },
  })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: neither the booth staff nor a seeker' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND (booth), NOT_QUEUED (a seeker not waiting here)' })
  read(@Param('boothId', uuidParam('boothId')) boothId: string, @CurrentUser() user: AuthenticatedUser): Promise<StaffQueueDto | QueuePositionDto> {
    return this.boothChat.read(user, boothId);
  }

  @Post('chats/next')
  @Roles('recruiter')
  @OwnedBy(BoothStaffPolicy, 'boothId')
  @ApiCreatedResponse({ type: ChatDto, description: 'a chat with the first waiting seeker who is free (one in a chat elsewhere is skipped and keeps their place)' })
  @ApiNoContentResponse({ description: 'nobody waits' })
  @ApiConflictResponse({ description: 'CAPACITY_REACHED, NOT_ONLINE (go online for the booth first: socket booth:online or PUT staff-presence)' })
  async takeNext(
    @Param('boothId', uuidParam('boothId')) boothId: string,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ChatDto | undefined> {
    const chat = await this.boothChat.takeNext(user, boothId);
    if (!chat) {
      reply.status(204);
      return undefined;
    }
    return chat;
  }

  @Put('staff-presence')
  @Roles('recruiter')
  @OwnedBy(BoothStaffPolicy, 'boothId')
  @ApiOkResponse({ type: StaffPresenceViewDto, description: 'the HTTP twin of socket booth:online / booth:offline; an HTTP hold lasts until turned off' })
  setPresence(
    @Param('boothId', uuidParam('boothId')) boothId: string,
    @Body() dto: StaffPresenceDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<StaffPresenceViewDto> {
    return this.boothChat.setPresence(user, boothId, dto.online, dto.capacity ?? undefined);
  }

  @Get('staff-presence')
  @Roles('recruiter')
  @OwnedBy(BoothStaffPolicy, 'boothId')
  @ApiOkResponse({ type: StaffPresenceViewDto })
  presence(@Param('boothId', uuidParam('boothId')) boothId: string, @CurrentUser() user: AuthenticatedUser): Promise<StaffPresenceViewDto> {
    return this.boothChat.presence(user, boothId);
  }

  @Post('messages')
  @Roles('seeker')
  @WriteLimit('messages')
  @ApiCreatedResponse({ type: ChatDto, description: 'a left message: a conversation the booth staff answer later (the seeker is notified)' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no approved booth' })
  @ApiConflictResponse({ description: 'FAIR_NOT_LIVE' })
  leaveMessage(
    @Param('boothId', uuidParam('boothId')) boothId: string,
    @Body() dto: LeaveMessageDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ChatDto> {
    return this.boothChat.leaveMessage(user, boothId, dto.body);
  }
}
