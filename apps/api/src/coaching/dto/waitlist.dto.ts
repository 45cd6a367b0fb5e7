import { ApiProperty } from '@nestjs/swagger';
import { IsUUID, Matches } from 'class-validator';
import type { CoachingWaitlistEntryEntity, WaitlistStatus } from '@bisang/database';

export class JoinWaitlistDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  coachId: string;

  @ApiProperty({ example: '2026-05-11', description: "a day in the fair's time zone" })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be YYYY-MM-DD' })
  date: string;
}

export class WaitlistEntryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) coachId: string;
  @ApiProperty() date: string;
  @ApiProperty({ enum: ['waiting', 'offered', 'accepted', 'expired', 'left'] }) status: WaitlistStatus;

  static from(e: CoachingWaitlistEntryEntity): WaitlistEntryDto {
    return { id: e.id, coachId: e.coachId, date: e.day, status: e.status };
  }
}
