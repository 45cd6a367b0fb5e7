import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiBody, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@bisang/auth';
import { uuidParam } from '@bisang/common';
import { MailTokenDto } from '../auth/dto/account-mail.dto';
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

  @Post('invitations/accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept by the link of the invitation mail (its `token`), signed in as the invited address' })
  @ApiBody({ type: MailTokenDto })
  @ApiOkResponse({ type: InvitationAcceptedDto })
  @ApiBadRequestResponse({ description: 'INVALID_TOKEN: forged or expired link' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: the invitation is not to the caller’s address, or no longer pending' })
  @ApiConflictResponse({ description: 'INVITATION_EXPIRED' })
  acceptByLink(@Body() body: MailTokenDto, @CurrentUser() user: AuthenticatedUser): Promise<InvitationAcceptedDto> {
    return this.companies.acceptByToken(body.token, user);
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
