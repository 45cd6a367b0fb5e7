import { Injectable } from '@nestjs/common';
import type { DomainEvent } from '@bisang/contracts';
import { BoothQueueRepository, estimateWait } from '@bisang/database';
import { RealtimePublisher, UserPush } from '@bisang/realtime';
import { DomainEventHandler, OnDomainEvents } from '../events/domain-event-subscriber';

const EVENTS = [
  'queue.joined',
  'queue.left',
  'queue.away',
  'queue.back',
  'queue.abandoned',
  'chat.started',
  'chat.handed_over',
  'chat.ended',
  'chat.time_warning',
] as const;
type BoothChatEvent = (typeof EVENTS)[number];

/**
 * The live side of booth chat: when a booth's queue changes, every waiting seeker gets `queue:update` with their
 * position and estimate, read now from PostgreSQL (so a redelivered or late event pushes the truth, never a stale
 * number); both participants get `chat:started` (again on a hand-over, the colleague now) and `chat:ended`. Pushes only: what must outlive a closed tab
 * ("you're next", an answered message) is a stored notification (the notifications subscriber).
 */
@Injectable()
@OnDomainEvents({ name: 'booth-chat-push', events: EVENTS })
export class BoothChatPushSubscriber implements DomainEventHandler<BoothChatEvent> {
  constructor(
    private readonly queue: BoothQueueRepository,
    private readonly realtime: RealtimePublisher,
  ) {}

  handle(event: DomainEvent<BoothChatEvent>): Promise<void> {
    return this.handleBatch([event]);
  }

  async handleBatch(events: DomainEvent<BoothChatEvent>[]): Promise<void> {
    const pushes: { userId: string; push: UserPush }[] = [];
    const booths = new Set<string>();
    for (const event of events) {
      if (event.type === 'queue.joined' || event.type === 'queue.left' || event.type === 'queue.abandoned') {
        booths.add(event.payload.boothId);
      } else if (event.type === 'queue.away' || event.type === 'queue.back') {
        // The seeker's place does not change; the booth's staff see them away or back in their list.
        continue;
      } else if (event.type === 'chat.time_warning') {
        const p = event.payload;
        for (const userId of [p.seekerId, p.recruiterId]) if (userId) pushes.push({ userId, push: { event: 'chat:time_warning', data: { chatId: p.chatId, endsAt: p.endsAt } } });
      } else if (event.type === 'chat.started' || event.type === 'chat.handed_over') {
        // A hand-over is a new start for the colleague; the seeker learns who they talk to now.
        const p = event.payload;
        const data = { chatId: p.chatId, boothId: p.boothId, seekerId: p.seekerId, recruiterId: p.recruiterId };
        for (const userId of [p.seekerId, p.recruiterId]) if (userId) pushes.push({ userId, push: { event: 'chat:started', data } });
        if (event.type === 'chat.started' && p.boothId && event.payload.entryId) booths.add(p.boothId);
      } else {
        const p = event.payload;
        for (const userId of [p.seekerId, p.recruiterId]) if (userId) pushes.push({ userId, push: { event: 'chat:ended', data: { chatId: p.chatId } } });
        // A measured chat length changes the booth's estimate.
        if (p.boothId) booths.add(p.boothId);
      }
    }
    for (const boothId of booths) {
      const [positions, basis] = await Promise.all([this.queue.positions(boothId), this.queue.etaBasis(boothId)]);
      for (const w of positions) {
        pushes.push({ userId: w.seekerId, push: { event: 'queue:update', data: { boothId, position: w.position, etaSeconds: estimateWait(basis, w.position) } } });
      }
    }
    await this.realtime.pushToUsers(pushes);
  }
}
