import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { IsPastCalendarDate } from '@bisang/common';
import type { RegisterInput } from '@bisang/contracts';

export const SELF_REGISTER_ROLES = ['seeker', 'recruiter', 'coach'] as const;
export type SelfRegisterRole = (typeof SELF_REGISTER_ROLES)[number];

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class RegisterDto implements RegisterInput {
  @ApiProperty({ example: 'minji@example.kr' })
  @Transform(trim)
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be a valid email address' })
  email: string;

  @ApiProperty({ minLength: 8, maxLength: 128, description: 'at least 8 characters with a letter and a digit' })
  @IsString()
  @MinLength(8, { message: 'password is too weak: use at least 8 characters' })
  @MaxLength(128)
  @Matches(/(?=.*\p{L})(?=.*\p{N})/u, { message: 'password is too weak: use letters and digits' })
  password: string;

  @ApiProperty({ example: '김민지' })
  @Transform(trim)
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
}
