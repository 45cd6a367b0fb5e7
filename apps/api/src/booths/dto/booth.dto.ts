import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ListQueryDto } from '@bisang/common';
import type { BoothStatus, BoothView } from '@bisang/database';
import { BOOTH_STATUSES } from '@bisang/contracts';
import type { Booth, CreateBoothInput, SuspendBoothInput } from '@bisang/contracts';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateBoothDto implements CreateBoothInput {
  @ApiProperty()
  @IsUUID('all', { message: 'companyId must be a UUID' })
  companyId: string;

  @ApiProperty({ example: '자동차 부품 설계·생산 인재를 찾습니다' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  headline: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;
}

/** A rejected booth's new application: what the organizer reads again. */
export class ReapplyBoothDto extends PickType(CreateBoothDto, ['headline', 'description'] as const) {}

export class RejectBoothDto {
  @ApiProperty({ example: '현재 채용 계획이 확인되지 않습니다' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  reason: string;
}

export class SuspendBoothDto implements SuspendBoothInput {
  @ApiProperty({ example: '허위 채용공고 신고가 확인되었습니다' })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'reason must not be empty' })
  @MaxLength(1000)
  reason: string;
}

export class BoothListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: BOOTH_STATUSES, description: 'organizers only; default approved' })
  @IsOptional()
  @IsIn(BOOTH_STATUSES, { message: `status must be one of ${BOOTH_STATUSES.join(', ')}` })
  status?: BoothStatus;
}

export class MyBoothsQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'only the booths of this fair' })
  @IsOptional()
  @IsUUID('all', { message: 'fairId must be a UUID' })
  fairId?: string;
}

export class BoothDto implements Booth {
  @ApiProperty() id: string;
  @ApiProperty() fairId: string;
  @ApiProperty() companyId: string;
  @ApiProperty() companyName: string;
  @ApiProperty() headline: string;
  @ApiProperty({ nullable: true }) description: string | null;
  @ApiProperty({ enum: BOOTH_STATUSES }) status: BoothStatus;
  @ApiProperty({ nullable: true }) rejectionReason: string | null;
  @ApiProperty({ nullable: true, type: String }) suspensionReason: string | null;
  @ApiProperty() createdAt: string;

  static from(b: BoothView): BoothDto {
    return {
      id: b.id,
      fairId: b.fairId,
      companyId: b.companyId,
      companyName: b.companyName,
      headline: b.headline,
      description: b.description,
      status: b.status,
      rejectionReason: b.rejectionReason,
      suspensionReason: b.suspensionReason ?? null,
      createdAt: b.createdAt.toISOString(),
    };
  }
}
