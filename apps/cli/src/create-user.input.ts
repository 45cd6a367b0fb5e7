import { IsEmail, IsIn, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { USER_ROLES, UserRole } from '@bisang/database';
import { IsPastCalendarDate } from '@bisang/common';

/** What `user:create` accepts: the same rules as registration, and any role. */
export class CreateUserInput {
  @IsIn(USER_ROLES, { message: `--role must be one of ${USER_ROLES.join(', ')}` })
  role: UserRole;

  @IsString({ message: '--email is required' })
  @IsEmail({}, { message: '--email must be a valid email address' })
  @MaxLength(254)
  email: string;

  @IsString({ message: '--password is required' })
  @MinLength(8, { message: '--password is too weak: use at least 8 characters' })
  @MaxLength(128)
  @Matches(/(?=.*\p{L})(?=.*\p{N})/u, { message: '--password is too weak: use letters and digits' })
  password: string;

  @IsString({ message: '--name is required' })
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @ValidateIf((o: CreateUserInput) => o.role === 'seeker' || o.birthDate !== undefined)
  @IsPastCalendarDate({ message: '--birth-date must be a real date in the past (YYYY-MM-DD); seekers need one' })
  birthDate?: string;
}
