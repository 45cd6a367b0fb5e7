import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { LANGUAGES } from '@bisang/contracts';
import type { Language } from '@bisang/contracts';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** A token from a link in a mail (its `token` query parameter). */
export class MailTokenDto {
  @ApiProperty({ description: 'the `token` query parameter of the link in the mail' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  token: string;
}

export class PasswordResetRequestDto {
  @ApiProperty({ example: 'minji@example.kr' })
  @Transform(trim)
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be a valid email address' })
  email: string;
}

export class PasswordResetConfirmDto extends MailTokenDto {
  @ApiProperty({ minLength: 8, maxLength: 128, description: 'the new password: at least 8 characters with a letter and a digit' })
  @IsString()
  @MinLength(8, { message: 'password is too weak: use at least 8 characters' })
  @MaxLength(128)
  @Matches(/(?=.*\p{L})(?=.*\p{N})/u, { message: 'password is too weak: use letters and digits' })
  password: string;
}

export class UpdateMeDto {
  @ApiProperty({ enum: LANGUAGES, description: 'the language of mail sent to the user' })
  @IsIn(LANGUAGES, { message: 'language must be ko or en' })
  language: Language;
}
