import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { INSTANT_FORMS, IsInstant, ListQueryDto } from '@bisang/common';
import { PROGRAMME_KINDS, type ProgrammeItem, type ProgrammeItemInput, type ProgrammeKind } from '@bisang/contracts';
import type { ProgrammeItemRow } from '@bisang/database';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const trimOrNull = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value);

export class CreateProgrammeItemDto implements ProgrammeItemInput {
  @ApiProperty({ enum: PROGRAMME_KINDS, description: 'briefing: 기업설명회; talk: 특강; workshop: 교육·실습; other: 기타' })
  @IsIn(PROGRAMME_KINDS, { message: `kind must be one of ${PROGRAMME_KINDS.join(', ')}` })
  kind: ProgrammeKind;

  @ApiProperty({ example: '대구정밀(주) 기업설명회', maxLength: 200 })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @ApiPropertyOptional({ nullable: true, maxLength: 2000, example: '회사 소개와 채용 절차, 질의응답' })
  @IsOptional()
  @Transform(trimOrNull)
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @ApiPropertyOptional({ nullable: true, format: 'uuid', description: 'the booth (of this fair) a company briefing belongs to' })
  @IsOptional()
  @IsUUID('all', { message: 'boothId must be a UUID' })
  boothId?: string | null;

  @ApiProperty({ format: 'date-time', example: '2026-05-11T14:00:00+09:00', description: `${INSTANT_FORMS}; within the fair's window` })
  @IsInstant()
  startsAt: string;

  @ApiProperty({ format: 'date-time', example: '2026-05-11T15:00:00+09:00', description: `${INSTANT_FORMS}; after startsAt` })
  @IsInstant()
  endsAt: string;
}

/** Any of the fields; null clears description and boothId. */
export class UpdateProgrammeItemDto implements Partial<ProgrammeItemInput> {
  @ApiPropertyOptional({ enum: PROGRAMME_KINDS })
  @IsOptional()
  @IsIn(PROGRAMME_KINDS, { message: `kind must be one of ${PROGRAMME_KINDS.join(', ')}` })
  kind?: ProgrammeKind;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ nullable: true, maxLength: 2000 })
  @IsOptional()
  @Transform(trimOrNull)
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @ApiPropertyOptional({ nullable: true, format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'boothId must be a UUID' })
  boothId?: string | null;

  @ApiPropertyOptional({ format: 'date-time', description: INSTANT_FORMS })
  @IsOptional()
  @IsInstant()
  startsAt?: string;

  @ApiPropertyOptional({ format: 'date-time', description: INSTANT_FORMS })
  @IsOptional()
  @IsInstant()
  endsAt?: string;
}

export class ProgrammeQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ format: 'date-time', description: `only items that end after this instant (e.g. now, for what is still to come); ${INSTANT_FORMS}` })
  @IsOptional()
  @IsInstant()
  from?: string;
}

export class ProgrammeItemDto implements ProgrammeItem {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) fairId: string;
  @ApiProperty({ enum: PROGRAMME_KINDS }) kind: ProgrammeKind;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) boothId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) companyId: string | null;
  @ApiProperty({ nullable: true, type: String }) companyName: string | null;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;

  static from(r: ProgrammeItemRow): ProgrammeItemDto {
    return {
      id: r.id,
      fairId: r.fairId,
      kind: r.kind,
      title: r.title,
      description: r.description,
      boothId: r.boothId,
      companyId: r.companyId,
      companyName: r.companyName,
      startsAt: new Date(r.startsAt).toISOString(),
      endsAt: new Date(r.endsAt).toISOString(),
    };
  }
}
