import { HttpStatus, Injectable } from '@nestjs/common';
import { AuthenticatedUser } from '@bisang/auth';
import { DomainError, forbidden, notFound } from '@bisang/common';
import { CompaniesRepository, UsersRepository } from '@bisang/database';
import { AddStaffDto, CompanyDto, CreateCompanyDto } from './dto/company.dto';

@Injectable()
export class CompaniesService {
  constructor(
    private readonly companies: CompaniesRepository,
    private readonly users: UsersRepository,
  ) {}

  async create(dto: CreateCompanyDto, recruiter: AuthenticatedUser): Promise<CompanyDto> {
    const company = await this.companies.createWithStaff(
      { name: dto.name, industry: dto.industry ?? null, region: dto.region ?? null, size: dto.size ?? null },
      recruiter.id,
    );
    return CompanyDto.from(company);
  }

  async mine(recruiter: AuthenticatedUser): Promise<CompanyDto[]> {
    return (await this.companies.listForUser(recruiter.id)).map(CompanyDto.from);
  }

  /** Staff add another recruiter (by email) to their company. */
  async addStaff(companyId: string, dto: AddStaffDto, caller: AuthenticatedUser): Promise<{ companyId: string; userId: string }> {
    const company = await this.companies.findById(companyId);
    if (!company) throw notFound('Company', '회사');
    if (!(await this.companies.isStaff(companyId, caller.id))) throw forbidden('이 회사의 담당자만 할 수 있습니다 / Only this company’s staff can do this');
    const user = await this.users.findByEmail(dto.email);
    if (!user || user.role !== 'recruiter') {
      throw new DomainError(HttpStatus.NOT_FOUND, 'RECRUITER_NOT_FOUND', '해당 이메일의 채용담당자 계정이 없습니다 / No recruiter account has this email');
    }
    await this.companies.addStaff(companyId, user.id);
    return { companyId, userId: user.id };
  }
}
