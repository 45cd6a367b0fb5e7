import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { AuthenticatedUser, CurrentUser, Public } from '@bisang/auth';
import { uuidParam } from '@bisang/common';
import { FeedService } from './feed.service';

export class FeedQueryDto {
  @ApiPropertyOptional({ description: 'events with id greater than this', default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'since must be a whole number' })
  @Min(0)
  since: number = 0;

  @ApiPropertyOptional({ default: 100, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit: number = 100;
}

/** The fair's feed over HTTP: the same events, ids and order as the socket.io `feed` events. */
@ApiTags('feed')
@Controller('fairs/:fairId/feed')
@Public()
export class FeedController {
  constructor(private readonly feed: FeedService) {}

  @Get()
  @ApiOkResponse({ description: '{ items: FeedEvent[], nextCursor: string | null } — oldest first; pass nextCursor as `since`' })
  list(@Param('fairId', uuidParam('fairId')) fairId: string, @Query() query: FeedQueryDto, @CurrentUser() user?: AuthenticatedUser) {
    return this.feed.after(fairId, query.since, query.limit, user);
  }
}
