import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { KECO_CODES, ListQueryDto, QueryInt } from '@bisang/common';
import { EDUCATION_LEVELS, POOL_INVITATION_KINDS, POOL_INVITATION_STATUSES } from '@bisang/contracts';
import type {
  EducationLevel,
  MyPoolInvitation,
  PoolChatInvitationInput,
  PoolInvitation,
  PoolInvitationInput,
  PoolInvitationKind,
  PoolInvitationStatus,
  PooledSeeker,
  Recommendation,
  Recommendations,
  TalentPoolEntry,
  TalentPoolInput,
  TalentPoolQuery,
} from '@bisang/contracts';
import type { PoolEntryView, PoolInvitationView, PooledSeekerView } from '@bisang/database';
import { PostingDto } from '../../postings/dto/posting.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class RecommendationsQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @QueryInt('limit', 1, 100)
  limit: number = 20;
}

export class RecommendationDto implements Recommendation {
  @ApiProperty({ type: PostingDto }) posting: PostingDto;
  @ApiProperty({ description: 'higher is better (at most 100); see the README, "Matching"' }) score: number;
  @ApiProperty({ type: [String], example: ['희망 직무 일치', '수성구'], description: 'why, in plain Korean' }) reasons: string[];
}

export class RecommendationsDto implements Recommendations {
  @ApiProperty({ type: [RecommendationDto], description: 'best first' }) items: RecommendationDto[];
  @ApiProperty({ type: String, nullable: true, description: 'always null: the best ones fit in one answer' }) nextCursor: null;
}

export class TalentPoolInputDto implements TalentPoolInput {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'fairId must be a UUID' })
  fairId: string;

  @ApiProperty({ description: 'true opens the profile card to the fair\'s companies; false hides it at once' })
  @IsBoolean({ message: 'visible must be true or false' })
  visible: boolean;

  @ApiPropertyOptional({ description: 'whether companies see the name (default false; left out keeps the earlier choice)' })
  @IsOptional()
  @IsBoolean({ message: 'showName must be true or false' })
  showName?: boolean;
}

export class TalentPoolEntryDto implements TalentPoolEntry {
  @ApiProperty({ format: 'uuid' }) fairId: string;
  @ApiProperty() visible: boolean;
  @ApiProperty() showName: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'null before the seeker first chose' }) updatedAt: string | null;

  static from(e: PoolEntryView): TalentPoolEntryDto {
    return { fairId: e.fairId, visible: e.visible, showName: e.showName, updatedAt: new Date(e.updatedAt).toISOString() };
  }
}

export class TalentPoolQueryDto extends ListQueryDto implements TalentPoolQuery {
  @ApiPropertyOptional({ enum: KECO_CODES, description: 'a KECO major group the seeker wants' })
  @IsOptional()
  @IsIn(KECO_CODES, { message: 'jobCategory must be a KECO major group code "0".."9"' })
  jobCategory?: string;

  @ApiPropertyOptional({ description: 'part of the region, e.g. 수성구' })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'region must be a string' })
  @MinLength(1, { message: 'region must not be empty' })
  @MaxLength(100, { message: 'region must be at most 100 characters' })
  region?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'U-turn returnees only (true) or the others (false)' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'uturn must be true or false' })
  uturn?: boolean;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 60, description: 'at least this many years of experience' })
  @IsOptional()
  @QueryInt('minCareerYears', 0, 60)
  minCareerYears?: number;

  @ApiPropertyOptional({ enum: EDUCATION_LEVELS })
  @IsOptional()
  @IsIn(EDUCATION_LEVELS, { message: `education must be one of ${EDUCATION_LEVELS.join(', ')}` })
  education?: EducationLevel;
}

export class PooledSeekerDto implements PooledSeeker {
  @ApiProperty({ format: 'uuid' }) seekerId: string;
  @ApiProperty({ type: String, nullable: true, description: 'null unless the seeker chose to show it' }) name: string | null;
  @ApiProperty({ type: Number, nullable: true, description: "whole years, today in the fair's time zone" }) age: number | null;
  @ApiProperty({ type: [String], description: 'KECO major groups the seeker wants' }) jobCategories: string[];
  @ApiProperty({ type: String, nullable: true }) region: string | null;
  @ApiProperty({ type: Number, nullable: true }) careerYears: number | null;
  @ApiProperty({ description: 'returning to the region (U-turn)' }) uturn: boolean;
  @ApiProperty({ enum: EDUCATION_LEVELS, nullable: true }) education: EducationLevel | null;

  static from(v: PooledSeekerView): PooledSeekerDto {
    return {
      seekerId: v.seekerId,
      name: v.name,
      age: v.age,
      jobCategories: [...v.jobCategories].sort(),
      region: v.region,
      careerYears: v.careerYears,
      uturn: v.uturn,
      education: v.education,
    };
  }
}

/** The optional words a company adds to an invitation from the pool, to apply or to chat. */
class InvitationMessageDto {
  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'message must be a string' })
  @MaxLength(1000, { message: 'message must be at most 1000 characters' })
  message?: string;
}

export class PoolInvitationInputDto extends InvitationMessageDto implements PoolInvitationInput {
  @ApiProperty({ format: 'uuid', description: "one of the company's open postings in the fair" })
  @IsUUID('all', { message: 'postingId must be a UUID' })
  postingId: string;
}

export class PoolChatInvitationInputDto extends InvitationMessageDto implements PoolChatInvitationInput {
  @ApiProperty({ format: 'uuid', description: "one of the caller's company's approved booths in the fair: where the chat opens" })
  @IsUUID('all', { message: 'boothId must be a UUID' })
  boothId: string;
}

export class PoolInvitationDto implements PoolInvitation {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: POOL_INVITATION_KINDS, description: 'apply: to a posting; chat: to talk at the booth' }) kind: PoolInvitationKind;
  @ApiProperty({ format: 'uuid' }) fairId: string;
  @ApiProperty({ format: 'uuid' }) boothId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null for an invitation to chat' }) postingId: string | null;
  @ApiProperty({ format: 'uuid' }) seekerId: string;
  @ApiProperty({ enum: ['pending', 'accepted'], description: 'a declined invitation stays pending to the company' }) status: 'pending' | 'accepted';
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the booth chat an accepted invitation to chat opened' }) chatId: string | null;
  @ApiProperty() createdAt: string;

  static from(v: PoolInvitationView): PoolInvitationDto {
    const accepted = v.status === 'accepted';
    return {
      id: v.id,
      kind: v.kind,
      fairId: v.fairId,
      boothId: v.boothId,
      postingId: v.postingId,
      seekerId: v.seekerId,
      status: accepted ? 'accepted' : 'pending',
      chatId: accepted ? v.chatId : null,
      createdAt: new Date(v.createdAt).toISOString(),
    };
  }
}

export class MyPoolInvitationDto implements MyPoolInvitation {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: POOL_INVITATION_KINDS, description: 'apply: to a posting; chat: to talk at the booth' }) kind: PoolInvitationKind;
  @ApiProperty({ format: 'uuid' }) fairId: string;
  @ApiProperty({ format: 'uuid' }) boothId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null for an invitation to chat' }) postingId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'null for an invitation to chat' }) postingTitle: string | null;
  @ApiProperty() companyName: string;
  @ApiProperty({ type: String, nullable: true }) message: string | null;
  @ApiProperty({ enum: POOL_INVITATION_STATUSES }) status: PoolInvitationStatus;
  @ApiProperty({ type: String, nullable: true, description: 'the application made when accepted' }) applicationId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the booth chat opened when an invitation to chat was accepted' }) chatId: string | null;
  @ApiProperty() createdAt: string;

  static from(v: PoolInvitationView): MyPoolInvitationDto {
    return {
      id: v.id,
      kind: v.kind,
      fairId: v.fairId,
      boothId: v.boothId,
      postingId: v.postingId,
      postingTitle: v.postingTitle,
      companyName: v.companyName,
      message: v.message,
      status: v.status,
      applicationId: v.applicationId,
      chatId: v.chatId,
      createdAt: new Date(v.createdAt).toISOString(),
    };
  }
}
