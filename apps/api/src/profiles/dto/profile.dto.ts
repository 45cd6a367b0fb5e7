import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { KECO_CODES } from '@bisang/common';
import { EDUCATION_LEVELS, EMPLOYMENT_TYPES, EducationLevel, EmploymentType, ResumeEntity, SeekerProfileView } from '@bisang/database';
import { ResumeDto } from '../../resumes/dto/resume.dto';
import type { ProfileInput, SeekerProfile } from '@bisang/contracts';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const present = (_: object, value: unknown) => value !== undefined;

/** The whole profile: a field left out is cleared (PUT replaces). The birth date stays on the account. */
export class UpdateProfileDto implements ProfileInput {
  @ApiPropertyOptional({ enum: EDUCATION_LEVELS, nullable: true })
  @IsOptional()
  @IsIn(EDUCATION_LEVELS, { message: `education must be one of ${EDUCATION_LEVELS.join(', ')}` })
  education?: EducationLevel | null;

  @ApiPropertyOptional({ type: [String], enum: KECO_CODES, description: 'KECO major group codes "0".."9", each at most once' })
  @ValidateIf(present)
  @IsArray({ message: 'desiredJobCategories must be an array of KECO major group codes' })
  @ArrayMaxSize(KECO_CODES.length, { message: `desiredJobCategories must have at most ${KECO_CODES.length} codes` })
  @ArrayUnique({ message: 'desiredJobCategories must not repeat a code' })
  @IsIn(KECO_CODES, { each: true, message: 'desiredJobCategories must contain only KECO major group codes "0".."9"' })
  desiredJobCategories?: string[];

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 100, example: '대구 수성구' })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'region must be a string' })
  @MinLength(1, { message: 'region must not be empty (send null to clear it)' })
  @MaxLength(100, { message: 'region must be at most 100 characters' })
  region?: string | null;

  @ApiPropertyOptional({ description: 'returning to the region from elsewhere ("U-turn")', default: false })
  @ValidateIf(present)
  @IsBoolean({ message: 'uTurn must be true or false' })
  uTurn?: boolean;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 5000 })
  @IsOptional()
  @IsString({ message: 'careerSummary must be a string' })
  @MaxLength(5000, { message: 'careerSummary must be at most 5000 characters' })
  careerSummary?: string | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 0, maximum: 60, description: 'whole years of work experience (0: newcomer)' })
  @IsOptional()
  @IsInt({ message: 'careerYears must be a whole number' })
  @Min(0, { message: 'careerYears must be at least 0' })
  @Max(60, { message: 'careerYears must be at most 60' })
  careerYears?: number | null;

  @ApiPropertyOptional({ type: [String], enum: EMPLOYMENT_TYPES, description: 'employment types the seeker looks for' })
  @ValidateIf(present)
  @IsArray({ message: 'desiredEmploymentTypes must be an array' })
  @ArrayUnique({ message: 'desiredEmploymentTypes must not repeat a type' })
  @IsIn(EMPLOYMENT_TYPES, { each: true, message: `desiredEmploymentTypes must contain only ${EMPLOYMENT_TYPES.join(', ')}` })
  desiredEmploymentTypes?: EmploymentType[];

  @ApiPropertyOptional({ description: 'self-declared career break (경력단절): counted in the centre\'s statistics only, never shown to companies', default: false })
  @ValidateIf(present)
  @IsBoolean({ message: 'careerBreak must be true or false' })
  careerBreak?: boolean;
}

export class ProfileDto implements SeekerProfile {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() name: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'YYYY-MM-DD, from the account (read-only here); shown to the seeker only — booth staff get `age`',
  })
  birthDate: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'whole years today (UTC date)' }) age: number | null;
  @ApiProperty({ enum: EDUCATION_LEVELS, nullable: true }) education: EducationLevel | null;
  @ApiProperty({ type: [String] }) desiredJobCategories: string[];
  @ApiProperty({ nullable: true, type: String }) region: string | null;
  @ApiProperty() uTurn: boolean;
  @ApiProperty({ nullable: true, type: String }) careerSummary: string | null;
  @ApiProperty({ nullable: true, type: Number }) careerYears: number | null;
  @ApiProperty({ type: [String], enum: EMPLOYMENT_TYPES }) desiredEmploymentTypes: EmploymentType[];
  @ApiPropertyOptional({ description: 'only in the seeker\'s own profile' }) careerBreak?: boolean;
  @ApiPropertyOptional({ description: 'only in the seeker\'s own profile: how many counselling notes the centre keeps' }) counsellingNotes?: number;
  @ApiProperty({ nullable: true, type: String, description: 'null until the profile is first saved' }) updatedAt: string | null;
  @ApiProperty({ type: ResumeDto, nullable: true }) resume: ResumeDto | null;

  /** `forOwner`: the seeker themself sees their birth date; anyone else (booth staff) only the age it gives. */
  static from(p: SeekerProfileView, resume: ResumeEntity | null, forOwner: boolean): ProfileDto {
    return {
      userId: p.userId,
      name: p.name,
      birthDate: forOwner ? p.birthDate : null,
      age: p.age,
      education: p.education,
      desiredJobCategories: [...p.desiredJobCategories].sort(),
      region: p.region,
      uTurn: p.uTurn,
      careerSummary: p.careerSummary,
      careerYears: p.careerYears,
      desiredEmploymentTypes: [...p.desiredEmploymentTypes].sort(),
      // Segment flags and the centre's notes stay with the seeker: staff never see them.
      ...(forOwner ? { careerBreak: p.careerBreak, counsellingNotes: p.counsellingNotes } : {}),
      updatedAt: p.updatedAt ? p.updatedAt.toISOString() : null,
      resume: resume ? ResumeDto.from(resume) : null,
    };
  }
}
