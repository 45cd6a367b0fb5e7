import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { POOL_INVITATION_STATUSES } from '@bisang/contracts';
import type { CounsellingNote, CounsellingNoteInput, Introduction, IntroductionInput, PoolInvitationStatus } from '@bisang/contracts';
import type { CounsellingNoteView, IntroductionView } from '@bisang/database';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CounsellingNoteInputDto implements CounsellingNoteInput {
  @ApiProperty({ maxLength: 5000, example: '재무 관리 25년 경력, 대구 복귀 희망. 중소기업 재무 책임자 소개 예정.' })
  @Transform(trim)
  @IsString({ message: 'body must be a string' })
  @MinLength(1, { message: 'body must not be empty' })
  @MaxLength(5000, { message: 'body must be at most 5000 characters' })
  body: string;
}

export class CounsellingNoteDto implements CounsellingNote {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) seekerId: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) authorId: string | null;
  @ApiProperty() body: string;
  @ApiProperty() createdAt: string;

  static from(n: CounsellingNoteView): CounsellingNoteDto {
    return { id: n.id, seekerId: n.seekerId, authorId: n.authorId, body: n.body, createdAt: new Date(n.createdAt).toISOString() };
  }
}

export class IntroductionInputDto implements IntroductionInput {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'seekerId must be a UUID' })
  seekerId: string;

  @ApiProperty({ format: 'uuid', description: 'a published posting of an approved booth in the fair' })
  @IsUUID('all', { message: 'postingId must be a UUID' })
  postingId: string;

  @ApiPropertyOptional({ maxLength: 1000, description: 'what the centre tells the seeker' })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'message must be a string' })
  @MaxLength(1000, { message: 'message must be at most 1000 characters' })
  message?: string;
}

export class IntroductionDto implements Introduction {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) fairId: string;
  @ApiProperty({ format: 'uuid' }) postingId: string;
  @ApiProperty() postingTitle: string;
  @ApiProperty() companyName: string;
  @ApiProperty({ format: 'uuid' }) seekerId: string;
  @ApiProperty({ type: String, nullable: true }) message: string | null;
  @ApiProperty({ enum: POOL_INVITATION_STATUSES }) status: PoolInvitationStatus;
  @ApiProperty({ type: String, nullable: true, description: 'the application (marked introducedByCentre) once the seeker agreed' }) applicationId: string | null;
  @ApiProperty() createdAt: string;

  static from(v: IntroductionView): IntroductionDto {
    return {
      id: v.id,
      fairId: v.fairId,
      postingId: v.postingId,
      postingTitle: v.postingTitle,
      companyName: v.companyName,
      seekerId: v.seekerId,
      message: v.message,
      status: v.status,
      applicationId: v.applicationId,
      createdAt: new Date(v.createdAt).toISOString(),
    };
  }
}
