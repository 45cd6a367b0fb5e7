import { Injectable } from '@nestjs/common';
import type { DomainEvent } from '@bisang/contracts';
import { BoothQueueRepository, CompaniesRepository, NotificationsRepository } from '@bisang/database';
import { RealtimePublisher } from '@bisang/realtime';
import { DomainEventHandler, OnDomainEvents } from '../events/domain-event-subscriber';
import { NOTIFYING_EVENTS, NotifyingEvent, noticesFor } from './notification-rules';

/**
 * The inbox and the socket: an event's notifications are stored (once per user and event, with the user's next
 * id) and pushed to the users' sockets. A redelivered event stores nothing new and pushes the same ids again,
 * which the gateways drop as already sent.
 */
@Injectable()
@OnDomainEvents({ name: 'notifications', events: NOTIFYING_EVENTS })
export class NotificationsSubscriber implements DomainEventHandler<NotifyingEvent> {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly companies: CompaniesRepository,
    private readonly queue: BoothQueueRepository,
    private readonly realtime: RealtimePublisher,
  ) {}

  async handle(event: DomainEvent<NotifyingEvent>): Promise<void> {
    await this.handleBatch([event]);
  }

  /** A batch of events' notifications in one statement, then pushed. */
  async handleBatch(events: DomainEvent<NotifyingEvent>[]): Promise<void> {
    const notes = [];
    // "You're next" for an entry that is no longer waiting (the chat began, or they left) is stale: a toast over the chat.
    const nextEntries = events.flatMap((e) => (e.type === 'queue.next' ? [e.payload.entryId] : []));
    const stillWaiting = nextEntries.length ? await this.queue.waitingAmong(nextEntries) : new Set<string>();
    for (const event of events) {
      if (event.type === 'queue.next' && !stillWaiting.has(event.payload.entryId)) continue;
      const toStaff = event.type === 'application.submitted' || event.type === 'application.offer_accepted' || event.type === 'application.offer_declined';
      const staffIds = toStaff ? await this.companies.findStaffIds(event.payload.companyId) : [];
      notes.push(...noticesFor(event, staffIds).map((n) => ({ ...n, eventId: event.id })));
    }
    const stored = await this.notifications.recordForEvents(notes);
    await this.realtime.notificationsStored(stored);
  }
}
