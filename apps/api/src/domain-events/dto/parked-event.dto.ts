import { ApiProperty } from '@nestjs/swagger';
import type { EventFailure } from '@bisang/database';

/** A domain event one subscriber failed on until its last attempt: parked until an organizer replays it. */
export class ParkedEventDto {
  @ApiProperty({ description: 'the subscriber (one consequence, e.g. notifications, session-jobs)' }) subscriber: string;
  @ApiProperty({ type: 'integer' }) eventId: number;
  @ApiProperty({ description: 'the domain event, e.g. booking.confirmed' }) type: string;
  @ApiProperty({ type: 'integer' }) attempts: number;
  @ApiProperty({ description: "the last attempt's error" }) lastError: string;
  @ApiProperty() parkedAt: string;

  static from(f: EventFailure): ParkedEventDto {
    return { subscriber: f.subscriber, eventId: f.eventId, type: f.type, attempts: f.attempts, lastError: f.lastError, parkedAt: f.parkedAt!.toISOString() };
  }
}

export class ParkedEventListDto {
  @ApiProperty({ type: [ParkedEventDto] }) items: ParkedEventDto[];
}
