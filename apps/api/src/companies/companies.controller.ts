import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles, WriteLimit } from '@bisang/auth';
import { uuidParam } from '@bisang/common';
import { CompaniesService } from './companies.service';
import { CompanyDto, CreateCompanyDto, StaffListDto } from './dto/company.dto';
import { CompanyInvitationListDto, CreateInvitationDto, InvitationCreatedDto } from './dto/invitation.dto';

@ApiTags('companies')
@ApiBearerAuth()
@Controller('companies')
@Roles('recruiter')
export class CompaniesController {
  constructor(private readonly companies: CompaniesService) {}

  @Post()
  @ApiCreatedResponse({ type: CompanyDto, description: 'the caller becomes its staff' })
  create(@Body() dto: CreateCompanyDto, @CurrentUser() user: AuthenticatedUser): Promise<CompanyDto> {
    return this.companies.create(dto, user);
  }

  @Get('mine')
  @ApiOkResponse({ type: [CompanyDto] })
  mine(@CurrentUser() user: AuthenticatedUser): Promise<CompanyDto[]> {
    return this.companies.mine(user);
  }

  @Get(':companyId/staff')
  @ApiOperation({ summary: 'The company’s staff (its staff only)' })
  @ApiOkResponse({ type: StaffListDto })
  @ApiForbiddenResponse({ description: 'NOT_COMPANY_STAFF' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  staff(@Param('companyId', uuidParam('companyId')) companyId: string, @CurrentUser() user: AuthenticatedUser): Promise<StaffListDto> {
    return this.companies.staff(companyId, user);
  }

  @Delete(':companyId/staff/me')
  @HttpCode(204)
  @ApiOperation({ summary: 'Leave the company: the caller stops acting for it' })
  @ApiNoContentResponse({ description: 'left' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no such company, or the caller is not its staff' })
  @ApiConflictResponse({ description: 'LAST_STAFF_MEMBER: the last staff member cannot leave' })
  async leave(@Param('companyId', uuidParam('companyId')) companyId: string, @CurrentUser() user: AuthenticatedUser): Promise<void> {
    await this.companies.leave(companyId, user);
  }

  @Post(':companyId/invitations')
  @WriteLimit('invitations')
  @ApiOperation({ summary: 'Invite a recruiter by e-mail; they join when they accept. The answer never says whether the address has an account' })
  @ApiCreatedResponse({ type: InvitationCreatedDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED' })
  @ApiForbiddenResponse({ description: 'NOT_COMPANY_STAFF' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  invite(
    @Param('companyId', uuidParam('companyId')) companyId: string,
    @Body() dto: CreateInvitationDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<InvitationCreatedDto> {
    return this.companies.invite(companyId, dto.email, user);
  }

  @Get(':companyId/invitations')
  @ApiOperation({ summary: 'The company’s pending invitations (its staff only)' })
  @ApiOkResponse({ type: CompanyInvitationListDto })
  @ApiForbiddenResponse({ description: 'NOT_COMPANY_STAFF' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  invitations(@Param('companyId', uuidParam('companyId')) companyId: string, @CurrentUser() user: AuthenticatedUser): Promise<CompanyInvitationListDto> {
    return this.companies.pendingInvitations(companyId, user);
  }

  @Delete(':companyId/invitations/:invitationId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Withdraw a pending invitation' })
  @ApiNoContentResponse({ description: 'withdrawn' })
  @ApiForbiddenResponse({ description: 'NOT_COMPANY_STAFF' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no such company, or no such pending invitation' })
  async cancelInvitation(
    @Param('companyId', uuidParam('companyId')) companyId: string,
    @Param('invitationId', uuidParam('invitationId')) invitationId: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<void> {
    await this.companies.cancelInvitation(companyId, invitationId, user);
  }
}
