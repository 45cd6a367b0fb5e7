import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { AuthenticatedUser, CurrentUser, Public } from '@bisang/auth';
import { ApiPageResponse, MAX_BIGINT_ID, QueryInt, uuidParam } from '@bisang/common';
import { FEED_EVENT_TYPES } from '@bisang/contracts';
import { FeedService } from './feed.service';

export class FeedQueryDto {
  @ApiPropertyOptional({ type: 'integer', description: 'events with id greater than this', default: 0, minimum: 0, maximum: MAX_BIGINT_ID })
  @IsOptional()
  @QueryInt('since', 0, MAX_BIGINT_ID)
  since: number = 0;

  @ApiPropertyOptional({ type: 'integer', default: 100, minimum: 1, maximum: 500 })
  @IsOptional()
  @QueryInt('limit', 1, 500)
  limit: number = 100;
}

/** One event of the feed, as the socket.io `feed` event carries it. */
export class FeedEventDto {
  @ApiProperty({ type: 'integer', description: 'strictly increasing within the fair' }) id: number;
  @ApiProperty({ format: 'uuid' }) fairId: string;
  @ApiProperty({ enum: FEED_EVENT_TYPES }) type: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) data: Record<string, unknown>;
}

/** The fair's feed over HTTP: the same events, ids and order as the socket.io `feed` events. */
@ApiTags('feed')
@Controller('fairs/:fairId/feed')
@Public()
export class FeedController {
  constructor(private readonly feed: FeedService) {}

  @Get()
  @ApiPageResponse(FeedEventDto, 'oldest first; pass nextCursor as `since` (not as `cursor`)')
  list(@Param('fairId', uuidParam('fairId')) fairId: string, @Query() query: FeedQueryDto, @CurrentUser() user?: AuthenticatedUser) {
    return this.feed.after(fairId, query.since, query.limit, user);
  }
}
