import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import { ListQueryDto } from '@bisang/common';
import { APPLICATION_STATUSES, ApplicationStatus, ApplicationView, HireView, TransitionView } from '@bisang/database';
import { MOVE_TARGETS } from '@bisang/contracts';
import { HireDto, HireTermsDto } from './hire.dto';
import type { Applicant, Application, ChangeStatusInput, ChatReview, ReviewInput, StaffApplication, StaffApplicationDetail, Transition } from '@bisang/contracts';

export class CreateApplicationDto {
  @ApiPropertyOptional({ maxLength: 5000, example: '대구에서 오래 일하고 싶습니다. 자동차 부품 설계 인턴 경험이 있습니다.' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  coverLetter?: string;
}

export class ChangeStatusDto implements ChangeStatusInput {
  @ApiProperty({ enum: MOVE_TARGETS })
  @IsIn(MOVE_TARGETS, { message: `status must be one of ${MOVE_TARGETS.join(', ')}` })
  status: Exclude<ApplicationStatus, 'applied'>;

  @ApiPropertyOptional({ type: HireTermsDto, description: 'only with status "hired"' })
  @IsOptional()
  @IsObject({ message: 'hire must be an object' })
  @ValidateNested()
  @Type(() => HireTermsDto)
  hire?: HireTermsDto;
}

export class ReviewDto implements ReviewInput {
  @ApiPropertyOptional({ type: String, maxLength: 5000, nullable: true, description: 'private to the booth staff; null clears it' })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsString()
  @MaxLength(5000)
  note?: string | null;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 5, nullable: true, description: 'private to the booth staff; null clears it' })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsInt({ message: 'rating must be a whole number from 1 to 5' })
  @Min(1, { message: 'rating must be a whole number from 1 to 5' })
  @Max(5, { message: 'rating must be a whole number from 1 to 5' })
  rating?: number | null;
}

export class MyApplicationsQueryDto extends ListQueryDto {}

export class BoothApplicationsQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: APPLICATION_STATUSES })
  @IsOptional()
  @IsIn(APPLICATION_STATUSES, { message: `status must be one of ${APPLICATION_STATUSES.join(', ')}` })
  status?: ApplicationStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'postingId must be a UUID' })
  postingId?: string;
}

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/** An application as its seeker sees it: never the staff's note or rating. */
export class ApplicationDto implements Application {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) postingId: string;
  @ApiProperty() postingTitle: string;
  @ApiProperty({ format: 'uuid' }) boothId: string;
  @ApiProperty({ format: 'uuid' }) companyId: string;
  @ApiProperty() companyName: string;
  @ApiProperty({ format: 'uuid' }) fairId: string;
  @ApiProperty({ format: 'uuid' }) seekerId: string;
  @ApiProperty({ enum: APPLICATION_STATUSES }) status: ApplicationStatus;
  @ApiProperty({ nullable: true, type: String }) coverLetter: string | null;
  @ApiProperty() appliedAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty({ nullable: true, type: String, description: 'first time it reached interview' }) reachedInterviewAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'first time it reached offered' }) reachedOfferAt: string | null;
  @ApiProperty({ description: "made from the employment centre's introduction (센터 소개)" }) introducedByCentre: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'when the seeker accepted the offer in the app' }) offerAcceptedAt: string | null;

  static from(a: ApplicationView): ApplicationDto {
    return {
      id: a.id,
      postingId: a.postingId,
      postingTitle: a.postingTitle,
      boothId: a.boothId,
      companyId: a.companyId,
      companyName: a.companyName,
      fairId: a.fairId,
      seekerId: a.seekerId,
      status: a.status,
      coverLetter: a.coverLetter,
      appliedAt: iso(a.appliedAt)!,
      updatedAt: iso(a.updatedAt)!,
      reachedInterviewAt: iso(a.reachedInterviewAt),
      reachedOfferAt: iso(a.reachedOfferAt),
      introducedByCentre: a.introducedByCentre,
      offerAcceptedAt: iso(a.offerAcceptedAt),
    };
  }
}

export class ApplicantDto implements Applicant {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: Number, description: "whole years, today in the fair's time zone" }) age: number | null;
}

/** An application as the booth's staff see it: the applicant, and their private note and rating. */
export class StaffApplicationDto extends ApplicationDto implements StaffApplication {
  @ApiProperty({ type: ApplicantDto }) seeker: ApplicantDto;
  @ApiProperty({ nullable: true, type: String }) recruiterNote: string | null;
  @ApiProperty({ nullable: true, type: Number, minimum: 1, maximum: 5 }) rating: number | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: "the applicant's current resume (GET /resumes/:resumeId/file); null without one or once withdrawn",
  })
  resumeId: string | null;
  @ApiProperty({
    nullable: true,
    type: Object,
    description: "the company's latest private note and rating from a booth chat with the applicant: {chatId, seekerId, note, rating, reviewedAt}",
  })
  chatReview: ChatReview | null;

  static fromView(a: ApplicationView): StaffApplicationDto {
    return {
      ...ApplicationDto.from(a),
      seeker: { id: a.seekerId, name: a.seekerName, age: a.seekerAge },
      recruiterNote: a.recruiterNote,
      rating: a.rating,
      resumeId: a.resumeId,
      chatReview: a.chatReview,
    };
  }
}

export class TransitionDto implements Transition {
  @ApiProperty({ nullable: true, enum: APPLICATION_STATUSES }) from: ApplicationStatus | null;
  @ApiProperty({ enum: APPLICATION_STATUSES }) to: ApplicationStatus;
  @ApiProperty({ nullable: true, enum: ['seeker', 'booth_staff'] }) by: 'seeker' | 'booth_staff' | null;
  @ApiProperty() at: string;

  static from(t: TransitionView): TransitionDto {
    return { from: t.fromStatus, to: t.toStatus, by: t.bySeeker === null ? null : t.bySeeker ? 'seeker' : 'booth_staff', at: iso(t.at)! };
  }
}

/** One application in full: for its seeker (ApplicationDto fields) or its booth staff (StaffApplicationDto fields). */
export class ApplicationDetailDto extends StaffApplicationDto implements StaffApplicationDetail {
  @ApiProperty({ type: [TransitionDto] }) transitions: TransitionDto[];
  @ApiProperty({ type: HireDto, nullable: true }) hire: HireDto | null;
}

export function applicationFor(viewer: 'seeker' | 'booth_staff', a: ApplicationView): ApplicationDto | StaffApplicationDto {
  return viewer === 'seeker' ? ApplicationDto.from(a) : StaffApplicationDto.fromView(a);
}

export function detailFor(
  viewer: 'seeker' | 'booth_staff',
  a: ApplicationView,
  transitions: TransitionView[],
  hire: HireView | null,
): (ApplicationDto | StaffApplicationDto) & { transitions: TransitionDto[]; hire: HireDto | null } {
  return { ...applicationFor(viewer, a), transitions: transitions.map(TransitionDto.from), hire: hire ? HireDto.from(hire) : null };
}
