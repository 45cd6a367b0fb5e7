import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@bisang/auth';
import { uuidParam } from '@bisang/common';
import { CompaniesService } from './companies.service';
import { InvitationAcceptedDto, InvitationDeclinedDto, MyInvitationListDto } from './dto/invitation.dto';

/** The invitee's side of company invitations. */
@ApiTags('companies')
@ApiBearerAuth()
@Controller()
@Roles('recruiter')
export class InvitationsController {
  constructor(private readonly companies: CompaniesService) {}

  @Get('me/invitations')
  @ApiOperation({ summary: 'Company invitations waiting for the caller’s answer (addressed to their e-mail)' })
  @ApiOkResponse({ type: MyInvitationListDto })
  mine(@CurrentUser() user: AuthenticatedUser): Promise<MyInvitationListDto> {
    return this.companies.myInvitations(user);
  }

  @Post('invitations/:invitationId/accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept: the caller joins the company’s staff' })
  @ApiOkResponse({ type: InvitationAcceptedDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no pending invitation to the caller’s address with this id' })
  @ApiConflictResponse({ description: 'INVITATION_EXPIRED' })
  accept(@Param('invitationId', uuidParam('invitationId')) invitationId: string, @CurrentUser() user: AuthenticatedUser): Promise<InvitationAcceptedDto> {
    return this.companies.accept(invitationId, user);
  }

  @Post('invitations/:invitationId/decline')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decline a pending invitation' })
  @ApiOkResponse({ type: InvitationDeclinedDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no pending invitation to the caller’s address with this id' })
  async decline(@Param('invitationId', uuidParam('invitationId')) invitationId: string, @CurrentUser() user: AuthenticatedUser): Promise<InvitationDeclinedDto> {
    await this.companies.decline(invitationId, user);
    return { id: invitationId, status: 'declined' };
  }
}
