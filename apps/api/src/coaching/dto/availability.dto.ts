import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { INSTANT_FORMS, IsInstant } from '@bisang/common';
import type { AvailabilityInput, AvailabilityResult, CreatedSlot } from '@bisang/contracts';

const LOCAL_OR_INSTANT = `${INSTANT_FORMS}; without an offset it is read in the fair's time zone`;

export class CreateAvailabilityDto implements AvailabilityInput {
  @ApiProperty({ example: '2026-05-11T10:00:00+09:00', description: LOCAL_OR_INSTANT })
  @IsInstant({ offset: 'optional' })
  startsAt: string;

  @ApiProperty({ example: '2026-05-11T12:00:00+09:00', description: LOCAL_OR_INSTANT })
  @IsInstant({ offset: 'optional' })
  endsAt: string;

  @ApiProperty({ type: 'integer', minimum: 15, maximum: 120, example: 30 })
  @IsInt()
  @Min(15)
  @Max(120)
  slotMinutes: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 60, default: 0, example: 10 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(60)
  bufferMinutes?: number;
}

export class CreatedSlotDto implements CreatedSlot {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() startsAt: string;
  @ApiProperty() endsAt: string;
}

export class AvailabilityResultDto implements AvailabilityResult {
  @ApiProperty({ type: [CreatedSlotDto] }) slots: CreatedSlotDto[];
}
