import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsInt, IsOptional, Max, Min } from 'class-validator';
import type { AvailabilityInput, AvailabilityResult, CreatedSlot } from '@bisang/contracts';

export class CreateAvailabilityDto implements AvailabilityInput {
  @ApiProperty({ example: '2026-05-11T10:00:00+09:00', description: "ISO 8601; without an offset it is read in the fair's time zone" })
  @IsISO8601({ strict: true })
  startsAt: string;

  @ApiProperty({ example: '2026-05-11T12:00:00+09:00' })
  @IsISO8601({ strict: true })
  endsAt: string;

  @ApiProperty({ minimum: 15, maximum: 120, example: 30 })
  @IsInt()
  @Min(15)
  @Max(120)
  slotMinutes: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 60, default: 0, example: 10 })
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
