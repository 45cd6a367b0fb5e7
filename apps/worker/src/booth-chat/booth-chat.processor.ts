import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { clock } from '@bisang/common';
import { BoothQueueRepository, ChatsRepository } from '@bisang/database';
import { JobMap, QUEUES, SHORT_LOCK } from '@bisang/queues';

type BoothChatJob = Extract<keyof JobMap, `chat.${string}`>;

/**
 * The `booth-chat` queue: a dropped seeker's grace period over, a chat timer's warning and end. Each is one
 * conditional repository call whose domain event (queue.abandoned, chat.time_warning, chat.ended) does the rest.
 */
@Processor(QUEUES.boothChat, SHORT_LOCK)
export class BoothChatProcessor extends WorkerHost {
  private readonly handlers: { [J in BoothChatJob]: (payload: JobMap[J]) => Promise<unknown> };

  constructor(queue: BoothQueueRepository, chats: ChatsRepository) {
    super();
    this.handlers = {
      'chat.abandon-entry': (p) => queue.abandonIfStillAway(p.entryId, new Date(p.awaySince), clock.now()),
      'chat.time-warning': (p) => chats.warnTimeRunningOut(p.chatId),
      'chat.time-up': (p) => chats.endByTimer(p.chatId, clock.now()),
    };
  }

  async process(job: Job): Promise<void> {
    const handler = this.handlers[job.name as BoothChatJob] as ((payload: unknown) => Promise<unknown>) | undefined;
    if (!handler) throw new Error(`no handler for booth-chat job ${job.name}`);
    await handler(job.data);
  }
}
