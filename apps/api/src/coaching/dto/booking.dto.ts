import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ListQueryDto } from '@bisang/common';
import { REJECTION_REASONS } from '@bisang/database';
import type { BookingStatus, CoachingBookingEntity, RejectionReason } from '@bisang/database';
import type { Booking, Page } from '@bisang/contracts';

export class CreateBookingDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  slotId: string;
}

export class RescheduleBookingDto {
  @ApiProperty({ format: 'uuid', description: 'the slot to move the booking to (same kind, same fair)' })
  @IsUUID()
  slotId: string;
}

export class CompleteBookingDto {
  @ApiPropertyOptional({ maxLength: 5000, description: 'feedback the seeker sees' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  feedback?: string;
}

export class BookingListQueryDto extends ListQueryDto {}

export class ResumeSharingDto {
  @ApiProperty({ description: 'true: the coach of this coaching booking may see the seeker\'s resume; false: no more' })
  @IsBoolean({ message: 'shared must be true or false' })
  shared: boolean;
}

export class BookingSeekerDto {
  @ApiProperty() name: string;
  @ApiProperty({ type: Number, nullable: true }) age: number | null;
  @ApiProperty({ type: [String], description: 'KECO major group codes' }) desiredJobCategories: string[];
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'the resume (GET /resumes/:id/file) where the seeker consents: shared on this coaching booking, or applied to the interviewer\'s company; else null',
  })
  resumeId: string | null;
}

export class BookingDto implements Booking {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) slotId: string;
  @ApiProperty({ format: 'uuid' }) seekerId: string;
  @ApiProperty({ format: 'uuid' }) coachId: string;
  @ApiProperty({ format: 'uuid' }) fairId: string;
  @ApiProperty({ enum: ['pending', 'confirmed', 'rejected', 'cancelled', 'completed', 'no_show'] }) status: BookingStatus;
  @ApiPropertyOptional({ enum: REJECTION_REASONS }) reason?: RejectionReason;
  @ApiPropertyOptional({ description: 'why it was rejected, for a person' }) reasonMessage?: string;
  @ApiProperty() startsAt: string;
  @ApiProperty() endsAt: string;
  @ApiPropertyOptional() feedback?: string;
  @ApiProperty() requestedAt: string;
  @ApiPropertyOptional() decidedAt?: string;
  @ApiPropertyOptional() cancelledAt?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'a rescheduling: the booking this one replaces once confirmed' }) replacesBookingId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'cancelled by rescheduling: the booking that took its place' }) replacedByBookingId?: string;
  @ApiPropertyOptional({ enum: ['coaching', 'interview'], description: 'in lists of one\'s own bookings' }) kind?: 'coaching' | 'interview';
  @ApiPropertyOptional({ type: BookingSeekerDto, description: 'to the coach or interviewer, in lists of their bookings: name, age, desired KECO job groups, the resume where consent allows' })
  seeker?: BookingSeekerDto;
  @ApiProperty({ description: 'a coaching booking: whether the seeker shows their resume to the coach' }) resumeShared: boolean;
  @ApiPropertyOptional({ description: 'to the seeker, in lists of their bookings: the coach or interviewer' }) coach?: { name: string };

  static from(b: CoachingBookingEntity): BookingDto {
    return {
      id: b.id,
      slotId: b.slotId,
      seekerId: b.seekerId,
      coachId: b.coachId,
      fairId: b.fairId,
      status: b.status,
      ...(b.reason ? { reason: b.reason } : {}),
      ...(b.reasonMessage ? { reasonMessage: b.reasonMessage } : {}),
      startsAt: b.startsAt.toISOString(),
      endsAt: b.endsAt.toISOString(),
      ...(b.feedback ? { feedback: b.feedback } : {}),
      requestedAt: b.requestedAt.toISOString(),
      ...(b.decidedAt ? { decidedAt: b.decidedAt.toISOString() } : {}),
      ...(b.cancelledAt ? { cancelledAt: b.cancelledAt.toISOString() } : {}),
      ...(b.replacesBookingId ? { replacesBookingId: b.replacesBookingId } : {}),
      ...(b.replacedByBookingId ? { replacedByBookingId: b.replacedByBookingId } : {}),
      resumeShared: b.resumeShared === true,
    };
  }
}

export class BookingPageDto implements Page<Booking> {
  @ApiProperty({ type: [BookingDto] }) items: BookingDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
