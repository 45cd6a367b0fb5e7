import { HttpStatus, Injectable } from '@nestjs/common';
import { DomainError } from '@bisang/common';
import { DomainEventsRepository } from '@bisang/database';
import { ParkedEventDto } from './dto/parked-event.dto';

const parkedEventNotFound = () =>
  new DomainError(HttpStatus.NOT_FOUND, 'PARKED_EVENT_NOT_FOUND', '보류된 이벤트를 찾을 수 없습니다 / No such parked event');

/** What operators see of the outbox: events a subscriber gave up on, and their replay. */
@Injectable()
export class DomainEventsService {
  constructor(private readonly outbox: DomainEventsRepository) {}

  async listParked(limit: number): Promise<ParkedEventDto[]> {
    return (await this.outbox.listParked(limit)).map(ParkedEventDto.from);
  }

  /** Makes the event due again for its subscriber: the relay hands it over once more, and only to that subscriber. */
  async replay(subscriber: string, eventId: number): Promise<void> {
    if (!(await this.outbox.replayParked(subscriber, eventId))) throw parkedEventNotFound();
  }
}
