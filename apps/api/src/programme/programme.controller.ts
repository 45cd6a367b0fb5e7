import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Public, Roles } from '@bisang/auth';
import { ApiPageResponse, Page, uuidParam } from '@bisang/common';
import { CreateProgrammeItemDto, ProgrammeItemDto, ProgrammeQueryDto, UpdateProgrammeItemDto } from './dto/programme.dto';
import { ProgrammeService } from './programme.service';

/** A fair's programme: company briefings (기업설명회) and other items, with their times. */
@ApiTags('fairs')
@Controller()
export class ProgrammeController {
  constructor(private readonly programme: ProgrammeService) {}

  @Get('fairs/:fairIdOrSlug/programme')
  @Public()
  @ApiOperation({ summary: 'The fair’s programme in time order (public once the fair is; organizers also see a draft’s)' })
  @ApiPageResponse(ProgrammeItemDto)
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED (from, limit), INVALID_CURSOR' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no such fair, or not published' })
  list(@Param('fairIdOrSlug') fairIdOrSlug: string, @Query() query: ProgrammeQueryDto, @CurrentUser() user?: AuthenticatedUser): Promise<Page<ProgrammeItemDto>> {
    return this.programme.list(fairIdOrSlug, query, user);
  }

  @Post('fairs/:fairId/programme')
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Add an item to the fair’s programme (organizers)' })
  @ApiCreatedResponse({ type: ProgrammeItemDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: bad fields, endsAt not after startsAt, outside the fair, or a booth of another fair' })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: not an organizer' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no such fair' })
  create(@Param('fairId', uuidParam('fairId')) fairId: string, @Body() dto: CreateProgrammeItemDto, @CurrentUser() user: AuthenticatedUser): Promise<ProgrammeItemDto> {
    return this.programme.create(fairId, dto, user);
  }

  @Patch('programme/:itemId')
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Change a programme item (organizers); null clears description and boothId' })
  @ApiOkResponse({ type: ProgrammeItemDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED' })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: not an organizer' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no such item' })
  update(@Param('itemId', uuidParam('itemId')) itemId: string, @Body() dto: UpdateProgrammeItemDto): Promise<ProgrammeItemDto> {
    return this.programme.update(itemId, dto);
  }

  @Delete('programme/:itemId')
  @HttpCode(204)
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Remove a programme item (organizers)' })
  @ApiNoContentResponse({ description: 'removed' })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: not an organizer' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no such item' })
  async remove(@Param('itemId', uuidParam('itemId')) itemId: string): Promise<void> {
    await this.programme.remove(itemId);
  }
}
