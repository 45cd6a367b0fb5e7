import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { INSTANT_FORMS, IsIanaTimeZone, IsInstant, KECO_CODES } from '@bisang/common';
import type { AnnouncementInput, CreateFairInput, UpdateAnnouncementInput, UpdateFairInput } from '@bisang/contracts';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateFairDto implements CreateFairInput {
  @ApiProperty({ example: 'daegu-youth-bisang-2026', description: 'lower-case letters, digits and dashes' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{1,58}[a-z0-9]$/, { message: 'slug must be 3-60 lower-case letters, digits or dashes' })
  slug: string;

  @ApiProperty({ example: '2026 대구 청년 비상 온라인 채용박람회' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @ApiProperty({ example: 'Asia/Seoul' })
  @IsIanaTimeZone()
  timezone: string;

  @ApiProperty({ format: 'date-time', example: '2026-05-09T00:00:00+09:00', description: INSTANT_FORMS })
  @IsInstant()
  startsAt: string;

  @ApiProperty({ format: 'date-time', example: '2026-06-30T18:00:00+09:00', description: INSTANT_FORMS })
  @IsInstant()
  endsAt: string;

  @ApiProperty({ type: 'integer', example: 150 })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  hiringTarget: number;

  @ApiPropertyOptional({ type: 'integer', default: 15 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(120)
  youthAgeMin?: number;

  @ApiPropertyOptional({ type: 'integer', default: 34 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(120)
  youthAgeMax?: number;

  @ApiPropertyOptional({ default: ['0', '1', '2', '3'], description: 'KECO major group codes that count as professional' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(10)
  @IsIn(KECO_CODES, { each: true, message: 'professionalJobCategories must hold KECO major group codes "0".."9"' })
  professionalJobCategories?: string[];

  @ApiPropertyOptional({ type: 'integer', default: 2 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(50)
  maxUpcomingCoachingPerSeeker?: number;

  @ApiPropertyOptional({ type: 'integer', default: 40, description: 'hires this old or older (on the hire day, fair-local) count as mid-career' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(120)
  midCareerAgeMin?: number;

  @ApiPropertyOptional({ nullable: true, maxLength: 5000, example: '대구·경북 청년과 지역 기업을 잇는 온라인 채용박람회입니다. 1:1 면접 코칭도 열립니다.' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value))
  @IsString()
  @MaxLength(5000)
  description?: string | null;
}

/** A partial of the fair's settings (the slug stays); a published fair may change only title, description and hiringTarget. */
export class UpdateFairDto extends PartialType(OmitType(CreateFairDto, ['slug'] as const)) implements UpdateFairInput {}

export class AnnouncementDto implements AnnouncementInput {
  @ApiProperty({ example: '개막 안내' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @ApiProperty({ example: '박람회가 열렸습니다. 부스를 둘러보세요!' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  body: string;

  @ApiPropertyOptional({ description: "also mail it to the fair's registered seekers (who applied, booked or waited there); opt-outs honoured, sent in paced batches" })
  @IsOptional()
  @IsBoolean()
  email?: boolean;
}

export class UpdateAnnouncementDto implements UpdateAnnouncementInput {
  @ApiPropertyOptional({ example: '개막 안내 (시간 변경)' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ example: '개막이 오전 10시로 바뀌었습니다.' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  body?: string;
}
