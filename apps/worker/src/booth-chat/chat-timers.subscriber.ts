import { clock } from '@bisang/common';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '@bisang/config';
import type { DomainEvent } from '@bisang/contracts';
import { ChatsRepository } from '@bisang/database';
import { JobProducer, jobIds } from '@bisang/queues';
import { DomainEventHandler, OnDomainEvents } from '../events/domain-event-subscriber';

type TimedEvent = 'queue.away' | 'chat.started';

/**
 * Booth chat's moments, scheduled from the events: a dropped seeker's entry is abandoned when the grace period is
 * over (unless they came back: the handler checks), and a live chat is warned before its timer runs out and ended
 * when it has. Deterministic job ids make redelivery harmless.
 */
@Injectable()
@OnDomainEvents({ name: 'chat-timers', events: ['queue.away', 'chat.started'] })
export class ChatTimersSubscriber implements DomainEventHandler<TimedEvent> {
  constructor(
    private readonly jobs: JobProducer,
    private readonly chats: ChatsRepository,
    private readonly config: AppConfig,
  ) {}

  async handle(event: DomainEvent<TimedEvent>): Promise<void> {
    const now = clock.nowMs();
    if (event.type === 'queue.away') {
      const { entryId, awaySince, abandonAt } = event.payload;
      await this.jobs.enqueue('chat.abandon-entry', { entryId, awaySince }, {
        jobId: jobIds.abandonEntry(entryId, awaySince),
        delayMs: new Date(abandonAt).getTime() - now,
      });
      return;
    }
    const chat = await this.chats.findView(event.payload.chatId);
    if (!chat || !chat.endsAt || chat.endedAt) return;
    const endsAt = new Date(chat.endsAt).getTime();
    const chatId = chat.id;
    await this.jobs.enqueue('chat.time-warning', { chatId }, {
      jobId: jobIds.chatTimeWarning(chatId),
      delayMs: Math.max(0, endsAt - this.config.chatTimeWarningMs - now),
    });
    await this.jobs.enqueue('chat.time-up', { chatId }, { jobId: jobIds.chatTimeUp(chatId), delayMs: endsAt - now });
  }
}
