import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, ValidateIf } from 'class-validator';
import { EMPLOYMENT_TYPE_LABELS, FOLLOW_UP_DAYS, IsCalendarDate, KECO_CODES, KECO_MAJOR_GROUPS } from '@bisang/common';
import { EMPLOYMENT_TYPES, EmploymentType, FollowUpView, HireView } from '@bisang/database';
import type { FollowUp, FollowUpDays, Hire, HireTerms } from '@bisang/contracts';

/** Left out is the default; null is validated (and refused) like any other value, the terms cannot be empty. */
const isSent = (_: object, value: unknown) => value !== undefined;

/** The terms of a hire; each defaults to the posting's (startDate: today in the fair's time zone). */
export class HireTermsDto implements HireTerms {
  @ApiPropertyOptional({ example: '2026-12-01', description: 'YYYY-MM-DD, within a year of today; default today (fair time zone)' })
  @ValidateIf(isSent)
  @IsCalendarDate()
  startDate?: string;

  @ApiPropertyOptional({ enum: EMPLOYMENT_TYPES, description: "default: the posting's" })
  @ValidateIf(isSent)
  @IsIn(EMPLOYMENT_TYPES, { message: `employmentType must be one of ${EMPLOYMENT_TYPES.join(', ')}` })
  employmentType?: EmploymentType;

  @ApiPropertyOptional({ enum: KECO_CODES, description: "KECO major group; default: the posting's" })
  @ValidateIf(isSent)
  @IsIn(KECO_CODES, { message: 'jobCategory must be a KECO major group code "0".."9"' })
  jobCategory?: string;
}

export class UpdateHireDto extends HireTermsDto {}

export class FollowUpAnswerDto {
  @ApiProperty({ description: 'whether the seeker still works in the job' })
  @IsBoolean({ message: 'stillEmployed must be true or false' })
  stillEmployed: boolean;
}

export class FollowUpDto implements FollowUp {
  @ApiProperty({ enum: FOLLOW_UP_DAYS }) daysAfterStart: FollowUpDays;
  @ApiProperty({ nullable: true, type: String }) askedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) answeredAt: string | null;
  @ApiProperty({ nullable: true, type: Boolean }) stillEmployed: boolean | null;

  static from(f: FollowUpView): FollowUpDto {
    return {
      daysAfterStart: f.daysAfterStart,
      askedAt: f.askedAt ? new Date(f.askedAt).toISOString() : null,
      answeredAt: f.answeredAt ? new Date(f.answeredAt).toISOString() : null,
      stillEmployed: f.stillEmployed,
    };
  }
}

const LABEL = Object.fromEntries(KECO_MAJOR_GROUPS.map((g) => [g.code, { ko: g.ko, en: g.en }]));

export class HireDto implements Hire {
  @ApiProperty({ enum: EMPLOYMENT_TYPES }) employmentType: EmploymentType;
  @ApiProperty() employmentTypeLabel: { ko: string; en: string };
  @ApiProperty({ description: 'KECO major group code' }) jobCategory: string;
  @ApiProperty() jobCategoryLabel: { ko: string; en: string };
  @ApiProperty({ example: '2026-12-01' }) startDate: string;
  @ApiProperty() hiredAt: string;
  @ApiProperty({ type: [FollowUpDto] }) followUps: FollowUpDto[];

  static from(h: HireView): HireDto {
    return {
      employmentType: h.employmentType,
      employmentTypeLabel: EMPLOYMENT_TYPE_LABELS[h.employmentType],
      jobCategory: h.jobCategory,
      jobCategoryLabel: LABEL[h.jobCategory],
      startDate: h.startDate,
      hiredAt: new Date(h.hiredAt).toISOString(),
      followUps: h.followUps.map(FollowUpDto.from),
    };
  }
}
