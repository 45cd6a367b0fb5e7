import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { IsPastCalendarDate, cleanName } from '@bisang/common';
import { PRIVACY_CONSENT_VERSION } from '@bisang/contracts';
import type { RegisterInput } from '@bisang/contracts';
import { normalizeEmail } from '@bisang/database';
import { IsAcceptablePassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@bisang/auth';

export const SELF_REGISTER_ROLES = ['seeker', 'recruiter', 'coach'] as const;
export type SelfRegisterRole = (typeof SELF_REGISTER_ROLES)[number];

/** E-mails are compared in one form: NFKC, lower case (so a full-width or upper-case copy is the same address). */
export const emailForm = ({ value }: { value: unknown }) => (typeof value === 'string' ? normalizeEmail(value.trim()) : value);

export class RegisterDto implements RegisterInput {
  @ApiProperty({ example: 'minji@example.kr' })
  @Transform(emailForm)
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be a valid email address' })
  email: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH, description: 'at least 10 characters, not on the shipped common-password list' })
  @IsString()
  @IsAcceptablePassword()
  password: string;

  @ApiProperty({ example: '김민지' })
  @Transform(cleanName)
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(100)
  name: string;

  @ApiProperty({ enum: SELF_REGISTER_ROLES, description: 'organizers are created with the CLI only' })
  @IsIn(SELF_REGISTER_ROLES, { message: 'role must be one of seeker, recruiter, coach (organizers are created by an operator)' })
  role: SelfRegisterRole;

  @ApiPropertyOptional({ example: '1999-03-15', description: 'YYYY-MM-DD; required for seekers' })
  @ValidateIf((o: RegisterDto) => o.role === 'seeker' || o.birthDate !== undefined)
  @IsPastCalendarDate()
  birthDate?: string;

  @ApiPropertyOptional({
    example: PRIVACY_CONSENT_VERSION,
    description:
      'the version of the privacy consent text (개인정보 수집·이용 동의) the person agreed to on the form; recorded with its time. ' +
      'Without it the account is created all the same and the web app asks for the consent at the first sign-in.',
  })
  @IsOptional()
  @IsIn([PRIVACY_CONSENT_VERSION], { message: `privacyConsentVersion must be the current version, ${PRIVACY_CONSENT_VERSION}` })
  privacyConsentVersion?: string;
}
