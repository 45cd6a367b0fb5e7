import { IsEmail, IsIn, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { IsAcceptablePassword, passwordProblem } from '@bisang/auth';
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
  @IsAcceptablePassword({ message: (args) => `--password: ${typeof args.value === 'string' ? passwordProblem(args.value) : 'required'}` })
  password: string;

  @IsString({ message: '--name is required' })
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @ValidateIf((o: CreateUserInput) => o.role === 'seeker' || o.birthDate !== undefined)
  @IsPastCalendarDate({ message: '--birth-date must be a real date in the past (YYYY-MM-DD); seekers need one' })
  birthDate?: string;
}
