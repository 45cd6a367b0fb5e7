import { Injectable } from '@nestjs/common';
import type { DomainEvent } from '@bisang/contracts';
import { KpiSignals } from '@bisang/queues';
import { DomainEventHandler, OnDomainEvents } from '../events/domain-event-subscriber';

/** Every change the organizer's KPIs count. */
export const KPI_EVENTS = [
  'booth.approved',
  'booking.confirmed',
  'booking.cancelled',
  'booking.completed',
  'booking.no_show',
  'application.submitted',
  'application.moved',
  'hire.updated',
  'follow_up.answered',
  'kpi_targets.set',
  'chat.started',
  'queue.left',
] as const;
type KpiEvent = (typeof KPI_EVENTS)[number];

/** The fair's live KPIs are recomputed (coalesced to one refresh per fair per second, see KpiSignals). */
@Injectable()
@OnDomainEvents({ name: 'kpi-refresh', events: KPI_EVENTS })
export class KpiRefreshSubscriber implements DomainEventHandler<KpiEvent> {
  constructor(private readonly kpis: KpiSignals) {}

  async handle(event: DomainEvent<KpiEvent>): Promise<void> {
    // A conversation of another feature (no fair) counts in no fair's KPIs.
    if (event.payload.fairId) await this.kpis.kpisChanged(event.payload.fairId);
  }
}
