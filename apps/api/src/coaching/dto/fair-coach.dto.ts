import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { FairCoachRow, FairCoachStatus } from '@bisang/database';

const STATUSES = ['pending', 'approved'] as const;

/** A coach's standing in a fair, as the coach sees it. */
export class MyFairCoachDto {
  @ApiProperty({ format: 'uuid' }) fairId: string;
  @ApiProperty({ format: 'uuid' }) coachId: string;
  @ApiProperty({ enum: ['none', 'pending', 'approved'], description: '"none": the coach has not asked to coach in this fair' })
  status: FairCoachStatus | 'none';
}

export class FairCoachDto {
  @ApiProperty({ format: 'uuid' }) coachId: string;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: STATUSES }) status: FairCoachStatus;
  @ApiProperty({ format: 'date-time' }) requestedAt: string;
  @ApiProperty({ format: 'date-time', nullable: true }) approvedAt: string | null;

  static from(r: FairCoachRow): FairCoachDto {
    return {
      coachId: r.coachId,
      name: r.name,
      email: r.email,
      status: r.status,
      requestedAt: new Date(r.requestedAt).toISOString(),
      approvedAt: r.approvedAt ? new Date(r.approvedAt).toISOString() : null,
    };
  }
}

export class FairCoachListDto {
  @ApiProperty({ type: [FairCoachDto] }) items: FairCoachDto[];
  @ApiProperty({ type: String, nullable: true, description: 'always null: at most 500 coaches are listed' }) nextCursor: null;
}

export class FairCoachQueryDto {
  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES)
  status?: FairCoachStatus;
}

export class ApprovedCoachDto {
  @ApiProperty({ format: 'uuid' }) fairId: string;
  @ApiProperty({ format: 'uuid' }) coachId: string;
  @ApiProperty({ enum: ['approved'] }) status: 'approved';
  @ApiProperty({ format: 'date-time' }) approvedAt: string;
}
