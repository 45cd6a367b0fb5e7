import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { COMPANY_PHOTOS_MAX } from '@bisang/contracts';
import { CompanyEntity } from '../entities/company.entity';
import { rowsOf } from './sql-rows';

export type CompanyImageKind = 'logo' | 'photo';

export interface CompanyImageRow {
  id: string;
  companyId: string;
  kind: CompanyImageKind;
  storageKey: string;
  contentType: string;
  sizeBytes: number;
  createdAt: Date;
}

/** The fields of a company page, all written at once (the service merged the patch). */
export type CompanyPageFields = Pick<CompanyEntity, 'name' | 'industry' | 'region' | 'size' | 'introduction' | 'benefits' | 'location' | 'businessNumber'>;

export type AddImageOutcome = { outcome: 'added'; image: CompanyImageRow; replacedKey: string | null } | { outcome: 'not-found' } | { outcome: 'too-many' };

const IMAGE_COLUMNS = `id, company_id AS "companyId", kind, storage_key AS "storageKey", content_type AS "contentType", size_bytes AS "sizeBytes", created_at AS "createdAt"`;

/** Company pages: their text, the organizer's check of the business-registration number, and their images. */
@Injectable()
export class CompanyPagesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Writes the page; a changed business number loses its verification in the same statement. */
  async update(companyId: string, f: CompanyPageFields): Promise<CompanyEntity | null> {
    const updated = rowsOf<{ id: string }>(
      await this.dataSource.query(
        `UPDATE companies SET name = $2, industry = $3, region = $4, size = $5, introduction = $6, benefits = $7, location = $8,
                business_number_verified_at = CASE WHEN business_number IS DISTINCT FROM $9 THEN NULL ELSE business_number_verified_at END,
                business_number_verified_by = CASE WHEN business_number IS DISTINCT FROM $9 THEN NULL ELSE business_number_verified_by END,
                business_number = $9
          WHERE id = $1 RETURNING id`,
        [companyId, f.name, f.industry, f.region, f.size, f.introduction, f.benefits, f.location, f.businessNumber],
      ),
    );
    return updated.length ? this.dataSource.getRepository(CompanyEntity).findOneBy({ id: companyId }) : null;
  }

  /** An organizer confirms the number the company gave (as it is now). */
  async verifyBusinessNumber(companyId: string, by: string, now: Date): Promise<CompanyEntity | 'not-found' | 'no-number'> {
    const company = await this.dataSource.getRepository(CompanyEntity).findOneBy({ id: companyId });
    if (!company) return 'not-found';
    const updated = rowsOf<{ id: string }>(
      await this.dataSource.query(
        `UPDATE companies SET business_number_verified_at = $2, business_number_verified_by = $3
          WHERE id = $1 AND business_number IS NOT NULL RETURNING id`,
        [companyId, now, by],
      ),
    );
    if (updated.length === 0) return 'no-number';
    return (await this.dataSource.getRepository(CompanyEntity).findOneBy({ id: companyId }))!;
  }

  /**
   * Adds an image: a logo replaces the previous one (its storage key comes back, to delete the file), photos are
   * refused past COMPANY_PHOTOS_MAX. The company row is locked so that two uploads cannot both pass the count.
   */
  addImage(companyId: string, kind: CompanyImageKind, image: { storageKey: string; contentType: string; sizeBytes: number }): Promise<AddImageOutcome> {
    return this.dataSource.transaction(async (m) => {
      const locked = rowsOf(await m.query(`SELECT id FROM companies WHERE id = $1 FOR UPDATE`, [companyId]));
      if (locked.length === 0) return { outcome: 'not-found' as const };
      let replacedKey: string | null = null;
      if (kind === 'logo') {
        const [old] = rowsOf<{ storageKey: string }>(
          await m.query(`DELETE FROM company_images WHERE company_id = $1 AND kind = 'logo' RETURNING storage_key AS "storageKey"`, [companyId]),
        );
        replacedKey = old?.storageKey ?? null;
      } else {
        const [{ n }] = rowsOf<{ n: number }>(await m.query(`SELECT count(*)::int AS n FROM company_images WHERE company_id = $1 AND kind = 'photo'`, [companyId]));
        if (n >= COMPANY_PHOTOS_MAX) return { outcome: 'too-many' as const };
      }
      const [row] = rowsOf<CompanyImageRow>(
        await m.query(
          `INSERT INTO company_images (company_id, kind, storage_key, content_type, size_bytes) VALUES ($1, $2, $3, $4, $5) RETURNING ${IMAGE_COLUMNS}`,
          [companyId, kind, image.storageKey, image.contentType, image.sizeBytes],
        ),
      );
      return { outcome: 'added' as const, image: row!, replacedKey };
    });
  }

  /** Removes one of the company's images; its storage key, or null when there is no such image of the company. */
  async deleteImage(companyId: string, imageId: string): Promise<string | null> {
    const [row] = rowsOf<{ storageKey: string }>(
      await this.dataSource.query(`DELETE FROM company_images WHERE id = $1 AND company_id = $2 RETURNING storage_key AS "storageKey"`, [imageId, companyId]),
    );
    return row?.storageKey ?? null;
  }

  /** The company's logo and photos, oldest first. */
  async listImages(companyId: string): Promise<CompanyImageRow[]> {
    return rowsOf<CompanyImageRow>(await this.dataSource.query(`SELECT ${IMAGE_COLUMNS} FROM company_images WHERE company_id = $1 ORDER BY created_at, id`, [companyId]));
  }

  async findImage(imageId: string): Promise<CompanyImageRow | null> {
    const [row] = rowsOf<CompanyImageRow>(await this.dataSource.query(`SELECT ${IMAGE_COLUMNS} FROM company_images WHERE id = $1`, [imageId]));
    return row ?? null;
  }
}
