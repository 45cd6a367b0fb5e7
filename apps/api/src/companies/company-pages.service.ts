import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import { AuthenticatedUser } from '@bisang/auth';
import { clock } from '@bisang/common';
import { COMPANY_IMAGE_MAX_BYTES, COMPANY_PHOTOS_MAX, isBusinessNumber } from '@bisang/contracts';
import { CompaniesRepository, CompanyImageKind, CompanyImageRow, CompanyPagesRepository } from '@bisang/database';
import { FileStorage } from '@bisang/storage';
import { IMAGE_CHECK, stageCheckedUpload } from '../uploads/checked-upload';
import type { IncomingFile } from '../uploads/file-part';
import {
  IMAGE_UPLOAD_ERRORS,
  companyNotFound,
  imageNotFound,
  invalidBusinessNumber,
  noBusinessNumber,
  notCompanyStaff,
  tooManyPhotos,
} from './companies.errors';
import { CompanyImageDto, CompanyPageDto, UpdateCompanyPageDto } from './dto/company-page.dto';

/**
 * Company pages: public to read; only the company's staff change them and their images; organizers confirm the
 * business-registration number (the verified badge), which a later change of the number clears.
 */
@Injectable()
export class CompanyPagesService {
  private readonly logger = new Logger(CompanyPagesService.name);

  constructor(
    private readonly companies: CompaniesRepository,
    private readonly pages: CompanyPagesRepository,
    private readonly storage: FileStorage,
  ) {}

  async get(companyId: string): Promise<CompanyPageDto> {
    const company = await this.companies.findById(companyId);
    if (!company) throw companyNotFound();
    return CompanyPageDto.from(company, await this.pages.listImages(companyId));
  }

  async update(companyId: string, dto: UpdateCompanyPageDto, caller: AuthenticatedUser): Promise<CompanyPageDto> {
    const company = await this.requireStaff(companyId, caller);
    let businessNumber = company.businessNumber;
    if (dto.businessNumber !== undefined) {
      if (dto.businessNumber !== null && !isBusinessNumber(dto.businessNumber)) throw invalidBusinessNumber();
      businessNumber = dto.businessNumber === null ? null : dto.businessNumber.replace(/\D/g, '');
    }
    const pick = <K extends 'industry' | 'region' | 'size' | 'introduction' | 'location'>(k: K) => (dto[k] === undefined ? company[k] : (dto[k] ?? null));
    const updated = await this.pages.update(companyId, {
      name: dto.name ?? company.name,
      industry: pick('industry'),
      region: pick('region'),
      size: pick('size'),
      introduction: pick('introduction'),
      location: pick('location'),
      benefits: dto.benefits ?? company.benefits ?? [],
      businessNumber,
    });
    if (!updated) throw companyNotFound();
    return CompanyPageDto.from(updated, await this.pages.listImages(companyId));
  }

  async verifyBusinessNumber(companyId: string, organizer: AuthenticatedUser): Promise<CompanyPageDto> {
    const result = await this.pages.verifyBusinessNumber(companyId, organizer.id, clock.now());
    if (result === 'not-found') throw companyNotFound();
    if (result === 'no-number') throw noBusinessNumber();
    return CompanyPageDto.from(result, await this.pages.listImages(companyId));
  }

  /**
   * Stores an uploaded image (a PNG, JPEG or WebP by its content, at most 2 MB) as the logo (replacing the old
   * one) or as one more photo. Nothing is kept of a refused upload.
   */
  async addImage(companyId: string, kind: CompanyImageKind, incoming: IncomingFile, caller: AuthenticatedUser): Promise<CompanyImageDto> {
    await this.requireStaff(companyId, caller).catch(async (err: unknown) => {
      incoming.stream.resume(); // drain the body so the answer goes out
      throw err;
    });
    const { staged, contentType, sizeBytes } = await stageCheckedUpload(this.storage, incoming, IMAGE_CHECK, COMPANY_IMAGE_MAX_BYTES, IMAGE_UPLOAD_ERRORS);
    const storageKey = `company-images/${randomUUID()}`;
    try {
      await this.storage.commit(staged, storageKey, contentType);
    } catch (err) {
      await this.storage.discard(staged);
      throw err;
    }
    let result: Awaited<ReturnType<CompanyPagesRepository['addImage']>>;
    try {
      result = await this.pages.addImage(companyId, kind, { storageKey, contentType, sizeBytes });
    } catch (err) {
      await this.deleteQuietly(storageKey);
      throw err;
    }
    if (result.outcome !== 'added') {
      await this.deleteQuietly(storageKey);
      throw result.outcome === 'too-many' ? tooManyPhotos(COMPANY_PHOTOS_MAX) : companyNotFound();
    }
    if (result.replacedKey) await this.deleteQuietly(result.replacedKey);
    return CompanyImageDto.from(result.image);
  }

  async deleteImage(companyId: string, imageId: string, caller: AuthenticatedUser): Promise<void> {
    await this.requireStaff(companyId, caller);
    const key = await this.pages.deleteImage(companyId, imageId);
    if (!key) throw imageNotFound();
    await this.deleteQuietly(key);
  }

  async openImage(imageId: string): Promise<{ image: CompanyImageRow; stream: Readable }> {
    const image = await this.pages.findImage(imageId);
    if (!image) throw imageNotFound();
    const stream = await this.storage.read(image.storageKey);
    if (!stream) {
      this.logger.error({ msg: 'company image missing from storage', imageId });
      throw imageNotFound();
    }
    return { image, stream };
  }

  private async requireStaff(companyId: string, caller: AuthenticatedUser) {
    const company = await this.companies.findById(companyId);
    if (!company) throw companyNotFound();
    if (!(await this.companies.isStaff(companyId, caller.id))) throw notCompanyStaff();
    return company;
  }

  /** A file left behind costs disk space, not correctness: log it (by key) and go on. */
  private async deleteQuietly(key: string): Promise<void> {
    try {
      await this.storage.delete(key);
    } catch (err) {
      this.logger.warn({ msg: 'could not delete a stored file', key, err: (err as Error).message });
    }
  }
}
