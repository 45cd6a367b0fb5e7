import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CompanyEntity, CompanyStaffEntity } from '../entities/company.entity';
import { rowsOf } from './sql-rows';

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

  /**
   * Takes the user off the company's staff unless they are its last member. The company row is locked so that two
   * last-but-one members leaving at once cannot both go.
   */
  leave(companyId: string, userId: string): Promise<'left' | 'not-staff' | 'last-staff'> {
    return this.dataSource.transaction(async (m) => {
      const locked = rowsOf<{ id: string }>(await m.query(`SELECT id FROM companies WHERE id = $1 FOR UPDATE`, [companyId]));
      if (locked.length === 0) return 'not-staff' as const;
      const staff = rowsOf<{ userId: string }>(await m.query(`SELECT user_id AS "userId" FROM company_staff WHERE company_id = $1`, [companyId]));
      if (!staff.some((s) => s.userId === userId)) return 'not-staff' as const;
      if (staff.length === 1) return 'last-staff' as const;
      await m.query(`DELETE FROM company_staff WHERE company_id = $1 AND user_id = $2`, [companyId, userId]);
      return 'left' as const;
    });
  }

  /** The company's staff, with names, in the order they joined. */
  async listStaff(companyId: string): Promise<{ userId: string; name: string; addedAt: Date }[]> {
    return rowsOf(
      await this.dataSource.query(
        `SELECT s.user_id AS "userId", u.name, s.added_at AS "addedAt"
           FROM company_staff s JOIN users u ON u.id = s.user_id
          WHERE s.company_id = $1 ORDER BY s.added_at, s.user_id`,
        [companyId],
      ),
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
