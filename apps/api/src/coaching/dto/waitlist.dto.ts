import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { IsCalendarDate, ListQueryDto } from '@bisang/common';
import type { CoachingWaitlistEntryEntity, WaitlistStatus } from '@bisang/database';
import type { JoinWaitlistInput, Page, WaitlistEntry } from '@bisang/contracts';

export class JoinWaitlistDto implements JoinWaitlistInput {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  coachId: string;

  @ApiProperty({ example: '2026-05-11', description: "a day in the fair's time zone" })
  @IsCalendarDate()
  date: string;
}

export class WaitlistEntryDto implements WaitlistEntry {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) fairId: string;
  @ApiProperty({ format: 'uuid' }) coachId: string;
  @ApiProperty() date: string;
  @ApiProperty({ enum: ['waiting', 'offered', 'accepted', 'expired', 'left'] }) status: WaitlistStatus;
  @ApiPropertyOptional({ format: 'uuid', description: 'while offered: the slot held for you' }) offeredSlotId?: string;
  @ApiPropertyOptional({ description: 'while offered: until when the slot is held' }) offerExpiresAt?: string;

  static from(e: CoachingWaitlistEntryEntity): WaitlistEntryDto {
    const offered = e.status === 'offered';
    return {
      id: e.id,
      fairId: e.fairId,
      coachId: e.coachId,
      date: e.day,
      status: e.status,
      ...(offered && e.offeredSlotId ? { offeredSlotId: e.offeredSlotId } : {}),
      ...(offered && e.offerExpiresAt ? { offerExpiresAt: e.offerExpiresAt.toISOString() } : {}),
    };
  }
}

export class WaitlistListQueryDto extends ListQueryDto {}

export class WaitlistPageDto implements Page<WaitlistEntry> {
  @ApiProperty({ type: [WaitlistEntryDto] }) items: WaitlistEntryDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
