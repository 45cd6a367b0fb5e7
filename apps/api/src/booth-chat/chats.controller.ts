import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles, WriteLimit } from '@bisang/auth';
import { ApiPageResponse, uuidParam } from '@bisang/common';
import { ChatsService } from './chats.service';
import {
  ChatDto,
  ChatEndedDto,
  ChatListQueryDto,
  ChatMessageDto,
  ChatMessagesDto,
  MessagesQueryDto,
  PostMessageDto,
  ReadMarkerDto,
  ReadMarkerViewDto,
} from './dto/booth-chat.dto';

@ApiTags('booth chat')
@ApiBearerAuth()
@Controller()
export class ChatsController {
  constructor(private readonly chats: ChatsService) {}

  @Get('me/chats')
  @Roles('seeker', 'recruiter')
  @ApiPageResponse(ChatDto, 'newest first')
  listMine(@Query() query: ChatListQueryDto, @CurrentUser() user: AuthenticatedUser) {
    return this.chats.listMine(user, query.limit, query.cursor);
  }

  @Get('chats/:chatId')
  @ApiOkResponse({ type: ChatDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no such chat, or not a participant' })
  get(@Param('chatId', uuidParam('chatId')) chatId: string, @CurrentUser() user: AuthenticatedUser): Promise<ChatDto> {
    return this.chats.get(user, chatId);
  }

  @Post('chats/:chatId/messages')
  @WriteLimit('messages')
  @ApiCreatedResponse({ type: ChatMessageDto, description: 'stored before it is acknowledged; seq strictly increases per chat' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no such chat, or not a participant' })
  @ApiConflictResponse({ description: 'CHAT_ENDED' })
  post(@Param('chatId', uuidParam('chatId')) chatId: string, @Body() dto: PostMessageDto, @CurrentUser() user: AuthenticatedUser): Promise<ChatMessageDto> {
    return this.chats.post(user, chatId, dto.body);
  }

  @Get('chats/:chatId/messages')
  @ApiOkResponse({ type: ChatMessagesDto, description: 'messages with seq > since, in order (at most limit, default 500)' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no such chat, or not a participant' })
  messages(@Param('chatId', uuidParam('chatId')) chatId: string, @Query() query: MessagesQueryDto, @CurrentUser() user: AuthenticatedUser) {
    return this.chats.messages(user, chatId, query.since, query.limit);
  }

  @Post('chats/:chatId/read')
  @HttpCode(200)
  @ApiOkResponse({ type: ReadMarkerViewDto, description: "the caller's read marker: never past the newest message, never backwards" })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no such chat, or not a participant' })
  read(@Param('chatId', uuidParam('chatId')) chatId: string, @Body() dto: ReadMarkerDto, @CurrentUser() user: AuthenticatedUser): Promise<ReadMarkerViewDto> {
    return this.chats.markRead(user, chatId, dto.seq);
  }

  @Post('chats/:chatId/end')
  @HttpCode(200)
  @ApiOkResponse({ type: ChatEndedDto, description: 'ended (again: the same endedAt)' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no such chat, or not a participant' })
  end(@Param('chatId', uuidParam('chatId')) chatId: string, @CurrentUser() user: AuthenticatedUser): Promise<ChatEndedDto> {
    return this.chats.end(user, chatId);
  }
}
