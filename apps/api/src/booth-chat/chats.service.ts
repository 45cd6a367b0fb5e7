import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@bisang/auth';
import { Page, decodeCursor, toPage, clock } from '@bisang/common';
import { ChatView, ChatsRepository } from '@bisang/database';
import { chatEnded, chatNotFound } from './booth-chat.errors';
import { ChatDto, ChatEndedDto, ChatMessageDto, ReadMarkerViewDto } from './dto/booth-chat.dto';

const REPLAY_PAGE = 500;

/**
 * Conversations for their participants: post (stored before it is acknowledged), replay after a seq, end, list.
 * Other modules (e.g. session rooms) call this to post and replay messages of a conversation.
 */
@Injectable()
export class ChatsService {
  constructor(private readonly chats: ChatsRepository) {}

  async get(user: AuthenticatedUser, chatId: string): Promise<ChatDto> {
    return ChatDto.from(await this.participantOf(user, chatId), user.id);
  }

  async post(user: AuthenticatedUser, chatId: string, body: string): Promise<ChatMessageDto> {
    const result = await this.chats.postMessage(chatId, user.id, body, clock.now());
    if (result.outcome !== 'posted') throw result.outcome === 'not_found' ? chatNotFound() : chatEnded();
    return ChatMessageDto.from(result.message);
  }

  async messages(user: AuthenticatedUser, chatId: string, since = 0, limit = REPLAY_PAGE): Promise<{ items: ChatMessageDto[] }> {
    await this.participantOf(user, chatId);
    return { items: (await this.chats.messagesSince(chatId, since, limit)).map(ChatMessageDto.from) };
  }

  async end(user: AuthenticatedUser, chatId: string): Promise<ChatEndedDto> {
    const result = await this.chats.end(chatId, user.id, clock.now());
    if (result.outcome === 'not_found') throw chatNotFound();
    return { id: result.chat.id, endedAt: new Date(result.chat.endedAt!).toISOString() };
  }

  async markRead(user: AuthenticatedUser, chatId: string, seq: number): Promise<ReadMarkerViewDto> {
    const readSeq = await this.chats.markRead(chatId, user.id, seq);
    if (readSeq === null) throw chatNotFound();
    return { chatId, readSeq };
  }

  async listMine(user: AuthenticatedUser, limit: number, cursor?: string): Promise<Page<ChatDto>> {
    const key = decodeCursor(cursor, { t: 'instant', i: 'uuid' });
    const rows = await this.chats.listForUser(user.id, limit, key ? { startedAt: new Date(key.t), id: key.i } : undefined);
    return toPage(rows, limit, (c) => ChatDto.from(c, user.id), (c: ChatView) => ({ t: new Date(c.startedAt).toISOString(), i: c.id }));
  }

  private async participantOf(user: AuthenticatedUser, chatId: string): Promise<ChatView> {
    const chat = await this.chats.findForParticipant(chatId, user.id);
    if (!chat) throw chatNotFound();
    return chat;
  }
}
