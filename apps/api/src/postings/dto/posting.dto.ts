import { ApiProperty, ApiPropertyOptional, IntersectionType, PartialType, PickType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { EMPLOYMENT_TYPE_LABELS, INSTANT_FORMS, IsInstant, KECO_CODES, KECO_MAJOR_GROUPS, ListQueryDto } from '@bisang/common';
import { EMPLOYMENT_TYPES, EmploymentType, PostingView } from '@bisang/database';
import { POSTING_SORTS } from '@bisang/contracts';
import type { Posting, PostingInput, PostingSort, PostingStatus } from '@bisang/contracts';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreatePostingDto implements PostingInput {
  @ApiProperty({ example: '자동차 부품 설계 엔지니어 (신입/경력)' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @ApiProperty({ example: 'CATIA 기반 차체 부품 설계. 대구 달서구 근무.' })
  @IsString()
  @MinLength(1)
  @MaxLength(20000)
  description: string;

  @ApiProperty({ enum: KECO_CODES, description: 'KECO major group code' })
  @IsIn(KECO_CODES, { message: 'jobCategory must be a KECO major group code "0".."9"' })
  jobCategory: string;

  @ApiProperty({ enum: EMPLOYMENT_TYPES })
  @IsIn(EMPLOYMENT_TYPES, { message: `employmentType must be one of ${EMPLOYMENT_TYPES.join(', ')}` })
  employmentType: EmploymentType;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 10_000, example: 3 })
  @IsInt({ message: 'openings must be a whole number' })
  @Min(1, { message: 'openings must be at least 1' })
  @Max(10_000)
  openings: number;

  @ApiPropertyOptional({ example: '대구 달서구' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  location?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 2_000_000_000, description: 'yearly, KRW', example: 32_000_000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2_000_000_000)
  salaryMin?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 2_000_000_000, description: 'yearly, KRW; not below salaryMin', example: 40_000_000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2_000_000_000)
  salaryMax?: number;

  @ApiPropertyOptional({ format: 'date-time', description: `the posting closes itself then; ${INSTANT_FORMS}` })
  @IsOptional()
  @IsInstant()
  closesAt?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 60, description: 'years of experience asked for (0: newcomers welcome)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(60)
  minCareerYears?: number;
}

const isSent = (_: object, value: unknown) => value !== undefined && value !== null;

/** What a PATCH may set to null: the optional fields, which null clears. */
class ClearablePostingFieldsDto {
  @ApiPropertyOptional({ example: '대구 달서구', nullable: true, type: String, description: 'null clears it' })
  @ValidateIf(isSent)
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  location?: string | null;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 2_000_000_000, nullable: true, description: 'yearly, KRW; null clears it' })
  @ValidateIf(isSent)
  @IsInt()
  @Min(0)
  @Max(2_000_000_000)
  salaryMin?: number | null;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 2_000_000_000, nullable: true, description: 'yearly, KRW; not below salaryMin; null clears it' })
  @ValidateIf(isSent)
  @IsInt()
  @Min(0)
  @Max(2_000_000_000)
  salaryMax?: number | null;

  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String, description: `the posting closes itself then; null clears it; ${INSTANT_FORMS}` })
  @ValidateIf(isSent)
  @IsInstant()
  closesAt?: string | null;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 60, nullable: true, description: 'null clears it' })
  @ValidateIf(isSent)
  @IsInt()
  @Min(0)
  @Max(60)
  minCareerYears?: number | null;
}

/**
 * A partial posting. Fields that cannot be empty (title, description, category, type, openings) are validated
 * when sent as null too, so null is a 400 naming the field rather than a NOT NULL violation in PostgreSQL.
 */
export class UpdatePostingDto extends IntersectionType(
  PartialType(PickType(CreatePostingDto, ['title', 'description', 'jobCategory', 'employmentType', 'openings'] as const), { skipNullProperties: false }),
  ClearablePostingFieldsDto,
) {}

export class PostingQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ description: 'matches Korean and English text in title, description and location ("수성구" finds postings located there)' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ description: 'region words, e.g. "대구 수성구": each must appear in the location ("대구광역시" counts as "대구")', example: '수성구' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'region must not be empty' })
  @MaxLength(100)
  region?: string;

  @ApiPropertyOptional({ enum: POSTING_SORTS, default: 'newest', description: 'newest: latest published first; deadline: soonest closing first, open-ended last' })
  @IsOptional()
  @IsIn(POSTING_SORTS, { message: `sort must be one of ${POSTING_SORTS.join(', ')}` })
  sort?: PostingSort;

  @ApiPropertyOptional({ enum: KECO_CODES })
  @IsOptional()
  @IsIn(KECO_CODES, { message: 'jobCategory must be a KECO major group code "0".."9"' })
  jobCategory?: string;

  @ApiPropertyOptional({ enum: EMPLOYMENT_TYPES })
  @IsOptional()
  @IsIn(EMPLOYMENT_TYPES, { message: `employmentType must be one of ${EMPLOYMENT_TYPES.join(', ')}` })
  employmentType?: EmploymentType;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'boothId must be a UUID' })
  boothId?: string;
}

const LABEL = Object.fromEntries(KECO_MAJOR_GROUPS.map((g) => [g.code, { ko: g.ko, en: g.en }]));

export class PostingDto implements Posting {
  @ApiProperty() id: string;
  @ApiProperty() fairId: string;
  @ApiProperty() boothId: string;
  @ApiProperty() companyId: string;
  @ApiProperty() companyName: string;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty() jobCategory: string;
  @ApiProperty({ description: 'KECO label, Korean and English' }) jobCategoryLabel: { ko: string; en: string };
  @ApiProperty({ enum: EMPLOYMENT_TYPES }) employmentType: EmploymentType;
  @ApiProperty() employmentTypeLabel: { ko: string; en: string };
  @ApiProperty() openings: number;
  @ApiProperty({ nullable: true }) location: string | null;
  @ApiProperty({ nullable: true }) salaryMin: number | null;
  @ApiProperty({ nullable: true }) salaryMax: number | null;
  @ApiProperty({ nullable: true }) closesAt: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'years of experience asked for (0: newcomers welcome)' }) minCareerYears: number | null;
  @ApiProperty({ enum: ['draft', 'published', 'closed'] }) status: PostingStatus;
  @ApiProperty({ nullable: true }) publishedAt: string | null;
  @ApiProperty({ nullable: true }) closedAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;

  static from(p: PostingView): PostingDto {
    const { boothStatus: _boothStatus, ...rest } = p;
    return {
      ...rest,
      jobCategoryLabel: LABEL[p.jobCategory],
      employmentTypeLabel: EMPLOYMENT_TYPE_LABELS[p.employmentType as EmploymentType],
    };
  }
}
