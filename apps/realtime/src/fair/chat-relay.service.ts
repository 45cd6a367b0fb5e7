import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { ChatJoinAck, ChatMessage } from '@bisang/contracts';
import { ChatsRepository, chatMessageOf } from '@bisang/database';
import { rooms } from '@bisang/realtime';
import type { FairNamespace, FairSocket } from './fair-socket';

const PAGE = 500;
/** How often this node checks PostgreSQL for messages of its joined chats that no hint announced (a lost hint delays by at most this). */
const CATCH_UP_MS = 2_000;

/**
 * Delivers each chat's messages to its joined sockets on this node in seq order, with no gap and no duplicate, as
 * the notification relay does: every socket keeps the last seq it was sent (`socket.data.chatSeqs`), and
 * everything for one chat runs on one chain, so a `chat:join` replay and live delivery never interleave. A commit
 * hint carries its message: a socket whose cursor is just before it gets it as it is; a socket further behind (a
 * hint lost or overtaken) has what it lacks read from PostgreSQL, as the catch-up poll does.
 */
@Injectable()
export class ChatRelay implements OnModuleDestroy {
  private readonly logger = new Logger(ChatRelay.name);
  private readonly chains = new Map<string, Promise<void>>();
  private namespace?: FairNamespace;
  private timer?: NodeJS.Timeout;

  constructor(private readonly chats: ChatsRepository) {}

  start(namespace: FairNamespace): void {
    this.namespace = namespace;
    this.timer = setInterval(() => void this.catchUp(), CATCH_UP_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** `chat:join {chatId, since?}`: acks with the newest seq, replays after `since` (when given), then live. */
  join(socket: FairSocket, userId: string, chatId: string, since: number | undefined, ack: (reply: ChatJoinAck) => void): Promise<void> {
    return this.enqueue(chatId, async () => {
      const chat = await this.chats.findForParticipant(chatId, userId);
      if (!chat) {
        ack({ ok: false, code: 'NOT_FOUND', message: '대화를 찾을 수 없습니다 / chat not found' });
        return;
      }
      const last = chat.lastSeq;
      if (since !== undefined && since > last) {
        ack({ ok: false, code: 'INVALID_SINCE', message: `since is past the newest message (${last})` });
        return;
      }
      await socket.join(rooms.chat(chatId));
      ack({ ok: true, lastSeq: last });
      const from = since ?? last;
      if (from < last) await this.sendRange([socket], chatId, from, last);
      socket.data.chatSeqs = { ...(socket.data.chatSeqs ?? {}), [chatId]: last };
    });
  }

  async leave(socket: FairSocket, chatId: string): Promise<void> {
    await this.enqueue(chatId, async () => {
      await socket.leave(rooms.chat(chatId));
      if (socket.data.chatSeqs) delete socket.data.chatSeqs[chatId];
    });
  }

  /** The participant's read marker; null for a non-participant. */
  markRead(userId: string, chatId: string, seq: number): Promise<number | null> {
    return this.chats.markRead(chatId, userId, seq);
  }

  /**
   * The chat got messages (a hint from the committing process, with the message when it carries one, or the poll):
   * each joined socket here gets what it lacks.
   */
  signalled(chatId: string, message?: ChatMessage): void {
    if (!this.localSockets(chatId).length) return;
    void this.enqueue(chatId, async () => {
      const sockets = this.localSockets(chatId).filter((s) => s.data.chatSeqs?.[chatId] !== undefined);
      if (!sockets.length) return;
      if (message && sockets.every((s) => s.data.chatSeqs![chatId] >= message.seq - 1)) {
        // nothing missing before it: no read
        for (const socket of sockets) {
          if (socket.data.chatSeqs![chatId] >= message.seq) continue;
          socket.emit('chat:message', message);
          socket.data.chatSeqs![chatId] = message.seq;
        }
        return;
      }
      const from = Math.min(...sockets.map((s) => s.data.chatSeqs![chatId]));
      await this.sendRange(sockets, chatId, from, Number.MAX_SAFE_INTEGER);
    });
  }

  /** Sends messages with seq in (after, upTo] to each socket that has not had them, oldest first. */
  private async sendRange(sockets: FairSocket[], chatId: string, after: number, upTo: number): Promise<void> {
    let from = after;
    for (;;) {
      const page = await this.chats.messagesSince(chatId, from, PAGE, Math.min(upTo, 2_147_483_647));
      if (!page.length) return;
      for (const row of page) {
        const message = chatMessageOf(row);
        for (const socket of sockets) {
          const seqs = socket.data.chatSeqs;
          const cursor = seqs?.[chatId];
          if (cursor !== undefined && row.seq <= cursor) continue;
          socket.emit('chat:message', message);
          if (seqs && cursor !== undefined) seqs[chatId] = row.seq;
        }
      }
      from = page[page.length - 1].seq;
      if (page.length < PAGE) return;
    }
  }

  /** Joined chats here whose newest seq is past what some socket was sent: delivered as if hinted. */
  private async catchUp(): Promise<void> {
    const behind = new Map<string, number>();
    for (const [room, ids] of this.namespace?.adapter.rooms ?? []) {
      if (!room.startsWith('chat:')) continue;
      const chatId = room.slice('chat:'.length);
      for (const id of ids) {
        const cursor = this.namespace?.sockets.get(id)?.data.chatSeqs?.[chatId];
        if (cursor !== undefined) behind.set(chatId, Math.min(behind.get(chatId) ?? cursor, cursor));
      }
    }
    if (!behind.size) return;
    try {
      const last = await this.chats.lastSeqs([...behind.keys()]);
      for (const [chatId, cursor] of behind) if ((last.get(chatId) ?? 0) > cursor) this.signalled(chatId);
    } catch (err) {
      this.logger.warn(`chat catch-up: ${(err as Error).message}`);
    }
  }

  private localSockets(chatId: string): FairSocket[] {
    const ids = this.namespace?.adapter.rooms.get(rooms.chat(chatId));
    return [...(ids ?? [])].map((id) => this.namespace!.sockets.get(id)).filter((s): s is FairSocket => !!s);
  }

  private enqueue(chatId: string, step: () => Promise<void>): Promise<void> {
    const next = (this.chains.get(chatId) ?? Promise.resolve()).then(step).catch((err: Error) => this.logger.warn(`chat relay: ${err.message}`));
    this.chains.set(chatId, next);
    void next.then(() => {
      if (this.chains.get(chatId) === next) this.chains.delete(chatId);
    });
    return next;
  }
}
