import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@bisang/auth';
import { uuidParam } from '@bisang/common';
import { CompaniesService } from './companies.service';
import { AddStaffDto, CompanyDto, CreateCompanyDto } from './dto/company.dto';

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

  @Post(':companyId/staff')
  @ApiCreatedResponse({ description: 'the recruiter now acts for the company' })
  addStaff(@Param('companyId', uuidParam('companyId')) companyId: string, @Body() dto: AddStaffDto, @CurrentUser() user: AuthenticatedUser) {
    return this.companies.addStaff(companyId, dto, user);
  }
}
