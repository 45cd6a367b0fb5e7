import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { INSTANT_FORMS, IsInstant, ListQueryDto } from '@bisang/common';
import type { CoachingSlotEntity, SlotKind, SlotListRow } from '@bisang/database';
import type { Page, Slot, WithdrawnSlot } from '@bisang/contracts';

export class SlotListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ format: 'date-time', description: `slots starting at or after this instant; ${INSTANT_FORMS}` })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: `slots starting before this instant; ${INSTANT_FORMS}` })
  @IsOptional()
  @IsInstant()
  to?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  coachId?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'])
  available?: 'true' | 'false';
}

export class SlotDto implements Slot {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) coachId: string;
  @ApiProperty({ enum: ['coaching', 'interview'] }) kind: SlotKind;
  @ApiPropertyOptional({ format: 'uuid', description: 'interview slots: the booth they belong to' }) boothId?: string;
  @ApiProperty() startsAt: string;
  @ApiProperty() endsAt: string;
  @ApiProperty() available: boolean;
  @ApiProperty({ description: "the coach's display name" }) coachName: string;

  static from(row: SlotListRow): SlotDto {
    return {
      id: row.id,
      coachId: row.coachId,
      kind: row.kind,
      ...(row.boothId ? { boothId: row.boothId } : {}),
      startsAt: row.startsAt.toISOString(),
      endsAt: row.endsAt.toISOString(),
      available: row.available,
      coachName: row.coachName,
    };
  }
}

export class SlotPageDto implements Page<Slot> {
  @ApiProperty({ type: [SlotDto] }) items: SlotDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class WithdrawnSlotDto implements WithdrawnSlot {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() startsAt: string;
  @ApiProperty() endsAt: string;
  @ApiProperty() withdrawnAt: string;

  static from(slot: CoachingSlotEntity): WithdrawnSlotDto {
    return {
      id: slot.id,
      startsAt: slot.startsAt.toISOString(),
      endsAt: slot.endsAt.toISOString(),
      withdrawnAt: slot.withdrawnAt!.toISOString(),
    };
  }
}
