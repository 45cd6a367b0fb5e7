import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { cleanName } from '@bisang/common';
import { formatBusinessNumber, type CompanyImage, type CompanyPage, type CompanyPageInput } from '@bisang/contracts';
import type { CompanyEntity, CompanyImageRow } from '@bisang/database';

const trimOrNull = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value);
const cleanList = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)).filter((v) => v !== '') : value;

/** `PATCH /companies/:companyId`: any of the fields; null clears an optional one. */
export class UpdateCompanyPageDto implements CompanyPageInput {
  @ApiPropertyOptional({ example: '대구정밀(주)', maxLength: 200 })
  @IsOptional()
  @Transform(cleanName)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ nullable: true, example: '자동차 부품 제조', maxLength: 100 })
  @IsOptional()
  @Transform(trimOrNull)
  @IsString()
  @MaxLength(100)
  industry?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '대구 달서구', maxLength: 100, description: 'the region searched by (e.g. 수성구)' })
  @IsOptional()
  @Transform(trimOrNull)
  @IsString()
  @MaxLength(100)
  region?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '50-99', maxLength: 50 })
  @IsOptional()
  @Transform(trimOrNull)
  @IsString()
  @MaxLength(50)
  size?: string | null;

  @ApiPropertyOptional({ nullable: true, maxLength: 5000, example: '1987년부터 자동차 변속기 부품을 만들어 온 강소기업입니다.' })
  @IsOptional()
  @Transform(trimOrNull)
  @IsString()
  @MaxLength(5000)
  introduction?: string | null;

  @ApiPropertyOptional({ type: [String], maxItems: 20, example: ['4대 보험', '통근 버스', '기숙사'], description: 'each 1–100 characters; empty ones are dropped' })
  @IsOptional()
  @Transform(cleanList)
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  benefits?: string[];

  @ApiPropertyOptional({ nullable: true, maxLength: 200, example: '대구 달서구 성서공단로 123' })
  @IsOptional()
  @Transform(trimOrNull)
  @IsString()
  @MaxLength(200)
  location?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '124-81-00998', description: '사업자등록번호: 10 digits with a valid check digit, dashes optional; a change clears the verification' })
  @IsOptional()
  @Transform(trimOrNull)
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  businessNumber?: string | null;
}

export class CompanyImageDto implements CompanyImage {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '/api/v1/company-images/0b6f…', description: 'public and cacheable: an image never changes under its id' }) url: string;

  static from(r: Pick<CompanyImageRow, 'id'>): CompanyImageDto {
    return { id: r.id, url: `/api/v1/company-images/${r.id}` };
  }
}

export class CompanyPageDto implements CompanyPage {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) industry: string | null;
  @ApiProperty({ nullable: true, type: String }) region: string | null;
  @ApiProperty({ nullable: true, type: String }) size: string | null;
  @ApiProperty({ nullable: true, type: String }) introduction: string | null;
  @ApiProperty({ type: [String] }) benefits: string[];
  @ApiProperty({ nullable: true, type: String }) location: string | null;
  @ApiProperty({ nullable: true, type: String, example: '124-81-00998' }) businessNumber: string | null;
  @ApiProperty({ description: 'an organizer confirmed the number as it is now' }) businessNumberVerified: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) businessNumberVerifiedAt: string | null;
  @ApiProperty({ nullable: true, type: CompanyImageDto }) logo: CompanyImageDto | null;
  @ApiProperty({ type: [CompanyImageDto] }) photos: CompanyImageDto[];

  static from(c: CompanyEntity, images: CompanyImageRow[]): CompanyPageDto {
    const logo = images.find((i) => i.kind === 'logo');
    return {
      id: c.id,
      name: c.name,
      industry: c.industry,
      region: c.region,
      size: c.size,
      introduction: c.introduction,
      benefits: c.benefits ?? [],
      location: c.location,
      businessNumber: c.businessNumber ? formatBusinessNumber(c.businessNumber) : null,
      businessNumberVerified: c.businessNumberVerifiedAt !== null,
      businessNumberVerifiedAt: c.businessNumberVerifiedAt ? new Date(c.businessNumberVerifiedAt).toISOString() : null,
      logo: logo ? CompanyImageDto.from(logo) : null,
      photos: images.filter((i) => i.kind === 'photo').map(CompanyImageDto.from),
    };
  }
}
