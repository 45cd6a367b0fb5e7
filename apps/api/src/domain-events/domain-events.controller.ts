import { Controller, Get, HttpCode, Param, PipeTransform, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { Roles } from '@bisang/auth';
import { ListQueryDto, badRequest } from '@bisang/common';
import { ParkedEventListDto } from './dto/parked-event.dto';
import { DomainEventsService } from './domain-events.service';

const EVENT_ID: PipeTransform<string, number> = {
  transform(value: string): number {
    if (!/^[1-9][0-9]{0,15}$/.test(value) || !Number.isSafeInteger(Number(value))) {
      throw badRequest('VALIDATION_FAILED', 'eventId 는 이벤트 번호여야 합니다 / eventId must be an event number');
    }
    return Number(value);
  },
};

const SUBSCRIBER: PipeTransform<string, string> = {
  transform(value: string): string {
    if (!/^[a-z][a-z0-9-]{0,63}$/.test(value)) throw badRequest('VALIDATION_FAILED', 'subscriber 이름이 올바르지 않습니다 / subscriber is not a subscriber name');
    return value;
  },
};

/** The outbox's parked events (a subscriber failed on them until its last attempt), for organizers. */
@ApiTags('operations')
@ApiBearerAuth()
@Controller('admin/events/parked')
@Roles('organizer')
@ApiForbiddenResponse({ description: 'not an organizer' })
export class DomainEventsController {
  constructor(private readonly events: DomainEventsService) {}

  @Get()
  @ApiOkResponse({ type: ParkedEventListDto, description: 'oldest first' })
  async list(@Query() query: ListQueryDto): Promise<ParkedEventListDto> {
    return { items: await this.events.listParked(query.limit) };
  }

  @Post(':subscriber/:eventId/replay')
  @HttpCode(204)
  @ApiParam({ name: 'eventId', type: 'integer' })
  @ApiNoContentResponse({ description: 'due again: the relay hands it to that subscriber once more' })
  @ApiNotFoundResponse({ description: 'PARKED_EVENT_NOT_FOUND' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED' })
  replay(@Param('subscriber', SUBSCRIBER) subscriber: string, @Param('eventId', EVENT_ID) eventId: number): Promise<void> {
    return this.events.replay(subscriber, eventId);
  }
}
