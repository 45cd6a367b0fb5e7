import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CompanyEntity, CompanyStaffEntity } from '../entities/company.entity';

@Injectable()
export class CompaniesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Creates the company and makes its creator staff, in one transaction. */
  createWithStaff(company: Pick<CompanyEntity, 'name' | 'industry' | 'region' | 'size'>, staffUserId: string): Promise<CompanyEntity> {
    return this.dataSource.transaction(async (m) => {
      const saved = await m.getRepository(CompanyEntity).save(m.getRepository(CompanyEntity).create({ ...company, createdBy: staffUserId }));
      await m.getRepository(CompanyStaffEntity).insert({ companyId: saved.id, userId: staffUserId });
      return saved;
    });
  }

  findById(id: string): Promise<CompanyEntity | null> {
    return this.dataSource.getRepository(CompanyEntity).findOneBy({ id });
  }

  async isStaff(companyId: string, userId: string): Promise<boolean> {
    return this.dataSource.getRepository(CompanyStaffEntity).existsBy({ companyId, userId });
  }

  /** Who acts for the company: the recruiters to tell about its applicants. */
  async findStaffIds(companyId: string): Promise<string[]> {
    const rows = await this.dataSource.getRepository(CompanyStaffEntity).find({ where: { companyId }, select: { userId: true } });
    return rows.map((r) => r.userId);
  }

  /** Adds a recruiter to the company's staff (no-op when already staff). */
  async addStaff(companyId: string, userId: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO company_staff (company_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
      [companyId, userId],
    );
  }

  listForUser(userId: string): Promise<CompanyEntity[]> {
    return this.dataSource
      .getRepository(CompanyEntity)
      .createQueryBuilder('c')
      .innerJoin(CompanyStaffEntity, 's', 's.company_id = c.id AND s.user_id = :userId', { userId })
      .orderBy('c.created_at', 'DESC')
      .getMany();
  }
}
