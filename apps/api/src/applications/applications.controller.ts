import { Body, Controller, Get, HttpCode, Param, Patch, PipeTransform, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, WriteLimit, CurrentUser, OwnedBy, Roles, VerifiedEmailGuard } from '@bisang/auth';
import { ApiPageResponse, FOLLOW_UP_DAYS, FollowUpDays, badRequest, uuidParam } from '@bisang/common';
import { BoothStaffPolicy } from '../booths/booth-staff.policy';
import { ApplicationsService } from './applications.service';
import {
  ApplicationDetailDto,
  ApplicationDto,
  BoothApplicationsQueryDto,
  ChangeStatusDto,
  CreateApplicationDto,
  MyApplicationsQueryDto,
  ReviewDto,
  StaffApplicationDto,
} from './dto/application.dto';
import { FollowUpAnswerDto, FollowUpDto, HireDto, UpdateHireDto } from './dto/hire.dto';

/** `:days` of a follow-up: 30, 60 or 90. */
const followUpDaysParam: PipeTransform<string, FollowUpDays> = {
  transform: (value: string) => {
    const days = Number(value);
    if (!/^\d+$/.test(value) || !(FOLLOW_UP_DAYS as readonly number[]).includes(days)) {
      throw badRequest('INVALID_ID', 'days 는 30, 60, 90 중 하나여야 합니다 / days must be 30, 60 or 90');
    }
    return days as FollowUpDays;
  },
};

@ApiTags('applications')
@ApiBearerAuth()
@Controller()
export class ApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  @Post('postings/:postingId/applications')
  @Roles('seeker')
  @WriteLimit('applications')
  @UseGuards(VerifiedEmailGuard)
  @ApiCreatedResponse({ type: ApplicationDto, description: 'status "applied"' })
  @ApiForbiddenResponse({ description: 'EMAIL_NOT_VERIFIED when EMAIL_VERIFICATION is required and the address is not verified yet' })
  @ApiConflictResponse({ description: 'ALREADY_APPLIED, POSTING_CLOSED, FAIR_NOT_LIVE' })
  apply(
    @Param('postingId', uuidParam('postingId')) postingId: string,
    @Body() dto: CreateApplicationDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ApplicationDto> {
    return this.applications.apply(user, postingId, dto.coverLetter);
  }

  @Get('me/applications')
  @Roles('seeker')
  @ApiPageResponse(ApplicationDto, 'newest first')
  listMine(@Query() query: MyApplicationsQueryDto, @CurrentUser() user: AuthenticatedUser) {
    return this.applications.listMine(user, query.limit, query.cursor);
  }

  @Get('booths/:boothId/applications')
  @Roles('recruiter')
  @OwnedBy(BoothStaffPolicy, 'boothId')
  @ApiPageResponse(StaffApplicationDto, 'newest first; filters status, postingId')
  listForBooth(@Param('boothId', uuidParam('boothId')) boothId: string, @Query() query: BoothApplicationsQueryDto) {
    return this.applications.listForBooth(boothId, query);
  }

  @Get('applications/:applicationId')
  @ApiOkResponse({ type: ApplicationDetailDto, description: 'with its recorded moves; note and rating only for booth staff' })
  get(@Param('applicationId', uuidParam('applicationId')) applicationId: string, @CurrentUser() user: AuthenticatedUser) {
    return this.applications.get(user, applicationId);
  }

  @Post('applications/:applicationId/status')
  @HttpCode(200)
  @ApiOkResponse({ type: ApplicationDetailDto })
  @ApiForbiddenResponse({ description: 'a seeker may only withdraw; only the seeker withdraws' })
  @ApiConflictResponse({ description: 'ILLEGAL_TRANSITION, NO_OPENINGS_LEFT' })
  changeStatus(
    @Param('applicationId', uuidParam('applicationId')) applicationId: string,
    @Body() dto: ChangeStatusDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.applications.changeStatus(user, applicationId, dto);
  }

  @Post('applications/:applicationId/offer/accept')
  @HttpCode(200)
  @Roles('seeker')
  @WriteLimit('applications')
  @ApiOkResponse({ type: ApplicationDetailDto, description: 'offerAcceptedAt set (accepting again answers the same); the booth staff are notified and then record the hire' })
  @ApiForbiddenResponse({ description: 'only the seeker who applied answers the offer' })
  @ApiConflictResponse({ description: 'NOT_OFFERED: the application is not in the offered stage' })
  acceptOffer(@Param('applicationId', uuidParam('applicationId')) applicationId: string, @CurrentUser() user: AuthenticatedUser) {
    return this.applications.answerOffer(user, applicationId, true);
  }

  @Post('applications/:applicationId/offer/decline')
  @HttpCode(200)
  @Roles('seeker')
  @WriteLimit('applications')
  @ApiOkResponse({ type: ApplicationDetailDto, description: 'the application is withdrawn (offered → withdrawn, by the seeker); the booth staff are notified' })
  @ApiForbiddenResponse({ description: 'only the seeker who applied answers the offer' })
  @ApiConflictResponse({ description: 'NOT_OFFERED: not in the offered stage, or the offer was already accepted (withdraw instead)' })
  declineOffer(@Param('applicationId', uuidParam('applicationId')) applicationId: string, @CurrentUser() user: AuthenticatedUser) {
    return this.applications.answerOffer(user, applicationId, false);
  }

  @Patch('applications/:applicationId/review')
  @ApiOkResponse({ type: StaffApplicationDto, description: 'the private note and rating (never shown to the seeker)' })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: only the booth staff' })
  review(
    @Param('applicationId', uuidParam('applicationId')) applicationId: string,
    @Body() dto: ReviewDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<StaffApplicationDto> {
    return this.applications.review(user, applicationId, dto);
  }

  @Patch('applications/:applicationId/hire')
  @ApiOkResponse({ type: HireDto, description: 'a new startDate moves the follow-ups' })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: only the booth staff' })
  @ApiConflictResponse({ description: 'NOT_HIRED' })
  updateHire(
    @Param('applicationId', uuidParam('applicationId')) applicationId: string,
    @Body() dto: UpdateHireDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<HireDto> {
    return this.applications.updateHire(user, applicationId, dto);
  }

  @Post('applications/:applicationId/hire/undo')
  @HttpCode(200)
  @ApiOkResponse({ type: ApplicationDetailDto, description: 'back to offered; the opening restored, follow-ups removed' })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: only the booth staff' })
  @ApiConflictResponse({ description: 'NOT_HIRED' })
  undoHire(@Param('applicationId', uuidParam('applicationId')) applicationId: string, @CurrentUser() user: AuthenticatedUser) {
    return this.applications.undoHire(user, applicationId);
  }

  @Post('applications/:applicationId/follow-ups/:days')
  @HttpCode(200)
  @Roles('seeker')
  @ApiOkResponse({ type: FollowUpDto, description: 'answerable once asked; a later answer replaces the earlier one' })
  @ApiConflictResponse({ description: 'NOT_HIRED, FOLLOW_UP_NOT_ASKED' })
  answerFollowUp(
    @Param('applicationId', uuidParam('applicationId')) applicationId: string,
    @Param('days', followUpDaysParam) days: FollowUpDays,
    @Body() dto: FollowUpAnswerDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<FollowUpDto> {
    return this.applications.answerFollowUp(user, applicationId, days, dto.stillEmployed);
  }
}
