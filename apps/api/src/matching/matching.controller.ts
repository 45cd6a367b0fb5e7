import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles, VerifiedEmailGuard, WriteLimit } from '@bisang/auth';
import { ApiPageResponse, ListQueryDto, uuidParam } from '@bisang/common';
import {
  MyPoolInvitationDto,
  PoolChatInvitationInputDto,
  PoolInvitationDto,
  PoolInvitationInputDto,
  PooledSeekerDto,
  RecommendationsDto,
  RecommendationsQueryDto,
  TalentPoolEntryDto,
  TalentPoolInputDto,
  TalentPoolQueryDto,
} from './dto/matching.dto';
import { MatchingService } from './matching.service';

@ApiTags('matching')
@ApiBearerAuth()
@Controller()
export class MatchingController {
  constructor(private readonly matching: MatchingService) {}

  @Get('fairs/:fairId/recommendations')
  @Roles('seeker')
  @ApiOkResponse({ type: RecommendationsDto, description: 'open postings the seeker has not applied to, scored from their profile, best first' })
  @ApiNotFoundResponse({ description: 'no such (published) fair' })
  recommend(@Param('fairId', uuidParam('fairId')) fairId: string, @Query() query: RecommendationsQueryDto, @CurrentUser() user: AuthenticatedUser) {
    return this.matching.recommend(user, fairId, query.limit);
  }

  @Put('me/talent-pool')
  @Roles('seeker')
  @ApiOkResponse({ type: TalentPoolEntryDto, description: 'visible: false hides the seeker from the pool at once' })
  @ApiNotFoundResponse({ description: 'no such (published) fair' })
  setPool(@Body() dto: TalentPoolInputDto, @CurrentUser() user: AuthenticatedUser): Promise<TalentPoolEntryDto> {
    return this.matching.setPoolVisibility(user, dto);
  }

  @Get('me/talent-pool/:fairId')
  @Roles('seeker')
  @ApiOkResponse({ type: TalentPoolEntryDto, description: 'the seeker\'s choice in that fair (visible: false before any)' })
  getPool(@Param('fairId', uuidParam('fairId')) fairId: string, @CurrentUser() user: AuthenticatedUser): Promise<TalentPoolEntryDto> {
    return this.matching.poolEntry(user, fairId);
  }

  @Get('fairs/:fairId/talent-pool')
  @Roles('recruiter', 'organizer')
  @ApiPageResponse(
    PooledSeekerDto,
    "seekers who opened their profile to this fair, most recent first; filters jobCategory, region, uturn, minCareerYears, education. Booth staff and the centre's counsellors (organizers) see the same cards",
  )
  @ApiForbiddenResponse({ description: 'a recruiter who is not staff of an approved booth in the fair' })
  @ApiNotFoundResponse({ description: 'no such (published) fair' })
  searchPool(@Param('fairId', uuidParam('fairId')) fairId: string, @Query() query: TalentPoolQueryDto, @CurrentUser() user: AuthenticatedUser) {
    return this.matching.searchPool(user, fairId, query);
  }

  @Post('fairs/:fairId/talent-pool/:seekerId/invitations')
  @Roles('recruiter')
  @WriteLimit('poolInvitations')
  @ApiCreatedResponse({ type: PoolInvitationDto, description: 'the seeker is notified (pool.invitation) and may accept (an application follows) or ignore' })
  @ApiForbiddenResponse({ description: 'not staff of an approved booth in the fair' })
  @ApiNotFoundResponse({ description: "the seeker is not in the fair's pool, or the posting is not an open posting of the caller's company in the fair" })
  @ApiConflictResponse({ description: 'ALREADY_INVITED, ALREADY_APPLIED' })
  @ApiTooManyRequestsResponse({ description: "INVITATION_LIMIT_REACHED: the company's invitations for today (fair-local day) are used up" })
  invite(
    @Param('fairId', uuidParam('fairId')) fairId: string,
    @Param('seekerId', uuidParam('seekerId')) seekerId: string,
    @Body() dto: PoolInvitationInputDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<PoolInvitationDto> {
    return this.matching.invite(user, fairId, seekerId, dto);
  }

  @Post('fairs/:fairId/talent-pool/:seekerId/chat-invitations')
  @Roles('recruiter')
  @WriteLimit('poolInvitations')
  @ApiCreatedResponse({
    type: PoolInvitationDto,
    description: 'an invitation to chat at the booth: the seeker is notified (pool.chat_invitation) and may accept (a booth chat with the inviting recruiter opens) or ignore; counts against the same daily limit',
  })
  @ApiForbiddenResponse({ description: 'not staff of an approved booth in the fair' })
  @ApiNotFoundResponse({ description: "the seeker is not in the fair's pool, or the booth is not an approved booth of the caller's company in the fair" })
  @ApiConflictResponse({ description: 'ALREADY_INVITED (one open invitation to chat per booth and seeker)' })
  @ApiTooManyRequestsResponse({ description: "INVITATION_LIMIT_REACHED: the company's invitations for today (fair-local day) are used up" })
  inviteToChat(
    @Param('fairId', uuidParam('fairId')) fairId: string,
    @Param('seekerId', uuidParam('seekerId')) seekerId: string,
    @Body() dto: PoolChatInvitationInputDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<PoolInvitationDto> {
    return this.matching.inviteToChat(user, fairId, seekerId, dto);
  }

  @Get('me/pool-invitations')
  @Roles('seeker')
  @ApiPageResponse(MyPoolInvitationDto, 'newest first')
  myInvitations(@Query() query: ListQueryDto, @CurrentUser() user: AuthenticatedUser) {
    return this.matching.myInvitations(user, query.limit, query.cursor);
  }

  @Post('pool-invitations/:invitationId/accept')
  @Roles('seeker')
  @HttpCode(200)
  @WriteLimit('applications')
  @UseGuards(VerifiedEmailGuard)
  @ApiOkResponse({
    type: MyPoolInvitationDto,
    description: 'accepted: an invitation to apply makes the application (applicationId), one to chat opens a booth chat with the inviting recruiter (chatId, chat:started to both); either way the booth now sees the profile',
  })
  @ApiForbiddenResponse({ description: 'EMAIL_NOT_VERIFIED when EMAIL_VERIFICATION is required and the address is not verified yet (as for applying)' })
  @ApiConflictResponse({ description: 'ALREADY_ANSWERED, ALREADY_APPLIED, POSTING_CLOSED, FAIR_NOT_LIVE; for a chat also BOOTH_UNAVAILABLE, IN_ANOTHER_CHAT (end the other live chat first), RECRUITER_BUSY (the inviter is online with every chat seat taken; accept again later)' })
  accept(@Param('invitationId', uuidParam('invitationId')) invitationId: string, @CurrentUser() user: AuthenticatedUser) {
    return this.matching.accept(user, invitationId);
  }

  @Post('pool-invitations/:invitationId/decline')
  @Roles('seeker')
  @HttpCode(200)
  @ApiOkResponse({ type: MyPoolInvitationDto, description: 'declined; the company is not told' })
  @ApiConflictResponse({ description: 'ALREADY_ANSWERED' })
  decline(@Param('invitationId', uuidParam('invitationId')) invitationId: string, @CurrentUser() user: AuthenticatedUser) {
    return this.matching.decline(user, invitationId);
  }
}
