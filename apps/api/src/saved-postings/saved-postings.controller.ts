import { Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@bisang/auth';
import { ApiPageResponse, ListQueryDto, Page, uuidParam } from '@bisang/common';
import { SavedPostingDto, SavedStateDto } from './dto/saved-posting.dto';
import { SavedPostingsService } from './saved-postings.service';

/** Saved postings (스크랩) of a seeker, with a reminder a day before each closes. */
@ApiTags('saved postings')
@ApiBearerAuth()
@Controller()
@Roles('seeker')
export class SavedPostingsController {
  constructor(private readonly saved: SavedPostingsService) {}

  @Put('postings/:postingId/saved')
  @ApiOperation({ summary: 'Save a posting (스크랩); saving it again changes nothing. A reminder comes a day before it closes' })
  @ApiOkResponse({ type: SavedStateDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: postingId is not a UUID' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no such posting, or not public (a draft, or of a booth that is not approved)' })
  save(@Param('postingId', uuidParam('postingId')) postingId: string, @CurrentUser() user: AuthenticatedUser): Promise<SavedStateDto> {
    return this.saved.save(user.id, postingId);
  }

  @Delete('postings/:postingId/saved')
  @HttpCode(204)
  @ApiOperation({ summary: 'Take a posting off the saved list (its reminder is cancelled); fine when it was not saved' })
  @ApiNoContentResponse({ description: 'not saved (any more)' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: postingId is not a UUID' })
  async unsave(@Param('postingId', uuidParam('postingId')) postingId: string, @CurrentUser() user: AuthenticatedUser): Promise<void> {
    await this.saved.unsave(user.id, postingId);
  }

  @Get('postings/:postingId/saved')
  @ApiOperation({ summary: 'Whether the caller saved the posting' })
  @ApiOkResponse({ type: SavedStateDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: postingId is not a UUID' })
  state(@Param('postingId', uuidParam('postingId')) postingId: string, @CurrentUser() user: AuthenticatedUser): Promise<SavedStateDto> {
    return this.saved.state(user.id, postingId);
  }

  @Get('me/saved-postings')
  @ApiOperation({ summary: 'The caller’s saved postings that are still public, newest save first' })
  @ApiPageResponse(SavedPostingDto)
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED (limit), INVALID_CURSOR' })
  list(@Query() query: ListQueryDto, @CurrentUser() user: AuthenticatedUser): Promise<Page<SavedPostingDto>> {
    return this.saved.list(user.id, query.limit, query.cursor);
  }
}
