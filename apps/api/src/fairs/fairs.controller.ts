import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Public, Roles } from '@bisang/auth';
import { ApiPageResponse, ListQueryDto, uuidParam } from '@bisang/common';
import { AnnouncementDto, CreateFairDto, UpdateAnnouncementDto, UpdateFairDto } from './dto/create-fair.dto';
import { AnnouncementItemDto, FairDto, FairSummaryDto } from './dto/fair.dto';
import { FairsService } from './fairs.service';

@ApiTags('fairs')
@ApiBearerAuth()
@Controller('fairs')
export class FairsController {
  constructor(private readonly fairs: FairsService) {}

  @Post()
  @Roles('organizer')
  @ApiCreatedResponse({ type: FairDto })
  @ApiConflictResponse({ description: 'SLUG_TAKEN' })
  create(@Body() dto: CreateFairDto, @CurrentUser() user: AuthenticatedUser): Promise<FairDto> {
    return this.fairs.create(dto, user);
  }

  @Patch(':fairId')
  @Roles('organizer')
  @ApiOkResponse({ type: FairDto, description: 'a draft may change any setting; a published fair only title, description and hiringTarget' })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'FAIR_NOT_DRAFT: a draft-only setting asked of a published fair' })
  update(@Param('fairId', uuidParam('fairId')) fairId: string, @Body() dto: UpdateFairDto): Promise<FairDto> {
    return this.fairs.update(fairId, dto);
  }

  @Get(':fairId/summary')
  @Public()
  @ApiOkResponse({ type: FairSummaryDto, description: 'true totals: visible postings, approved booths, hires so far against the target' })
  @ApiNotFoundResponse()
  summary(@Param('fairId', uuidParam('fairId')) fairId: string, @CurrentUser() user?: AuthenticatedUser): Promise<FairSummaryDto> {
    return this.fairs.summary(fairId, user);
  }

  @Post(':fairId/publish')
  @HttpCode(200)
  @Roles('organizer')
  @ApiOkResponse({ type: FairDto })
  @ApiConflictResponse({ description: 'FAIR_NOT_PUBLISHABLE' })
  publish(@Param('fairId', uuidParam('fairId')) fairId: string): Promise<FairDto> {
    return this.fairs.publish(fairId);
  }

  @Get()
  @Public()
  @ApiPageResponse(FairDto)
  list(@Query() query: ListQueryDto, @CurrentUser() user?: AuthenticatedUser) {
    return this.fairs.list(user, query.limit, query.cursor);
  }

  @Get(':fairIdOrSlug')
  @Public()
  @ApiOkResponse({ type: FairDto })
  @ApiNotFoundResponse()
  get(@Param('fairIdOrSlug') idOrSlug: string, @CurrentUser() user?: AuthenticatedUser): Promise<FairDto> {
    return this.fairs.get(idOrSlug, user);
  }

  @Post(':fairId/announcements')
  @Roles('organizer')
  @ApiCreatedResponse({
    description: 'the announcement, also sent to the feed as an `announcement` event',
    schema: {
      type: 'object',
      required: ['id', 'fairId', 'type', 'title', 'body', 'by', 'announcementId'],
      properties: {
        id: { type: 'integer', description: 'its feed event id' },
        fairId: { type: 'string', format: 'uuid' },
        type: { type: 'string', enum: ['announcement'] },
        title: { type: 'string' },
        body: { type: 'string' },
        by: { type: 'string', format: 'uuid' },
        announcementId: { type: 'string', format: 'uuid', description: 'its own id, for PATCH / DELETE /announcements/:id' },
      },
    },
  })
  announce(@Param('fairId', uuidParam('fairId')) fairId: string, @Body() dto: AnnouncementDto, @CurrentUser() user: AuthenticatedUser) {
    return this.fairs.announce(fairId, dto, user);
  }

  @Get(':fairId/announcements')
  @Public()
  @ApiPageResponse(AnnouncementItemDto, "the fair's current announcements, newest first (withdrawn ones left out)")
  @ApiNotFoundResponse()
  announcements(@Param('fairId', uuidParam('fairId')) fairId: string, @Query() query: ListQueryDto, @CurrentUser() user?: AuthenticatedUser) {
    return this.fairs.announcements(fairId, query.limit, query.cursor, user);
  }
}

@ApiTags('fairs')
@ApiBearerAuth()
@Controller('announcements')
export class AnnouncementsController {
  constructor(private readonly fairs: FairsService) {}

  @Patch(':id')
  @Roles('organizer')
  @ApiOkResponse({ type: AnnouncementItemDto, description: 'edited; `announcement.updated` goes on the feed' })
  @ApiNotFoundResponse({ description: 'no such announcement, or withdrawn' })
  update(@Param('id', uuidParam('id')) id: string, @Body() dto: UpdateAnnouncementDto, @CurrentUser() user: AuthenticatedUser): Promise<AnnouncementItemDto> {
    return this.fairs.updateAnnouncement(id, dto, user);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('organizer')
  @ApiNoContentResponse({ description: 'withdrawn; `announcement.withdrawn` goes on the feed' })
  @ApiNotFoundResponse({ description: 'no such announcement, or withdrawn already' })
  async withdraw(@Param('id', uuidParam('id')) id: string, @CurrentUser() user: AuthenticatedUser): Promise<void> {
    await this.fairs.withdrawAnnouncement(id, user);
  }
}
