import { Body, Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles, VerifiedEmailGuard, WriteLimit } from '@bisang/auth';
import { ApiPageResponse, ListQueryDto, uuidParam } from '@bisang/common';
import { CounsellingNoteDto, CounsellingNoteInputDto, IntroductionDto, IntroductionInputDto } from './dto/introduction.dto';
import { IntroductionsService } from './introductions.service';

@ApiTags('introductions')
@ApiBearerAuth()
@Controller()
export class IntroductionsController {
  constructor(private readonly introductions: IntroductionsService) {}

  @Post('seekers/:seekerId/counselling-notes')
  @Roles('organizer')
  @ApiCreatedResponse({ type: CounsellingNoteDto, description: 'visible to organizers only; the seeker sees how many notes exist' })
  @ApiNotFoundResponse({ description: 'no such seeker' })
  addNote(@Param('seekerId', uuidParam('seekerId')) seekerId: string, @Body() dto: CounsellingNoteInputDto, @CurrentUser() user: AuthenticatedUser) {
    return this.introductions.addNote(user, seekerId, dto.body);
  }

  @Get('seekers/:seekerId/counselling-notes')
  @Roles('organizer')
  @ApiPageResponse(CounsellingNoteDto, 'newest first')
  listNotes(@Param('seekerId', uuidParam('seekerId')) seekerId: string, @Query() query: ListQueryDto) {
    return this.introductions.listNotes(seekerId, query.limit, query.cursor);
  }

  @Post('fairs/:fairId/introductions')
  @Roles('organizer')
  @WriteLimit('poolInvitations')
  @ApiCreatedResponse({ type: IntroductionDto, description: 'the seeker is notified (introduction.received) and may agree (an application marked introducedByCentre follows)' })
  @ApiNotFoundResponse({ description: 'no such fair, seeker or visible posting in the fair' })
  @ApiConflictResponse({ description: 'ALREADY_INTRODUCED, ALREADY_APPLIED' })
  introduce(@Param('fairId', uuidParam('fairId')) fairId: string, @Body() dto: IntroductionInputDto, @CurrentUser() user: AuthenticatedUser) {
    return this.introductions.introduce(user, fairId, dto);
  }

  @Get('fairs/:fairId/introductions')
  @Roles('organizer')
  @ApiPageResponse(IntroductionDto, 'newest first')
  listForFair(@Param('fairId', uuidParam('fairId')) fairId: string, @Query() query: ListQueryDto) {
    return this.introductions.listForFair(fairId, query.limit, query.cursor);
  }

  @Get('me/introductions')
  @Roles('seeker')
  @ApiPageResponse(IntroductionDto, 'newest first')
  listMine(@Query() query: ListQueryDto, @CurrentUser() user: AuthenticatedUser) {
    return this.introductions.listMine(user, query.limit, query.cursor);
  }

  @Post('introductions/:introductionId/accept')
  @Roles('seeker')
  @HttpCode(200)
  @WriteLimit('applications')
  @UseGuards(VerifiedEmailGuard)
  @ApiOkResponse({ type: IntroductionDto, description: 'accepted, with the application made (marked introducedByCentre)' })
  @ApiForbiddenResponse({ description: 'EMAIL_NOT_VERIFIED when EMAIL_VERIFICATION is required and the address is not verified yet (as for applying)' })
  @ApiConflictResponse({ description: 'ALREADY_ANSWERED, ALREADY_APPLIED, POSTING_CLOSED, FAIR_NOT_LIVE' })
  accept(@Param('introductionId', uuidParam('introductionId')) id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.introductions.accept(user, id);
  }

  @Post('introductions/:introductionId/decline')
  @Roles('seeker')
  @HttpCode(200)
  @ApiOkResponse({ type: IntroductionDto })
  @ApiConflictResponse({ description: 'ALREADY_ANSWERED' })
  decline(@Param('introductionId', uuidParam('introductionId')) id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.introductions.decline(user, id);
  }
}
