import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { INSTANT_FORMS, IsIanaTimeZone, IsInstant, KECO_CODES } from '@bisang/common';
import type { AnnouncementInput, CreateFairInput } from '@bisang/contracts';

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
}

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
