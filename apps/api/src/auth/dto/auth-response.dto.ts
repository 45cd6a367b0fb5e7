import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LANGUAGES } from '@bisang/contracts';
import type { Language } from '@bisang/contracts';
import type { UserEntity, UserRole } from '@bisang/database';
import type { AuthResponse, TokenPair, User } from '@bisang/contracts';

export class UserDto implements User {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['seeker', 'recruiter', 'coach', 'organizer'] }) role: UserRole;
  @ApiPropertyOptional({ nullable: true, example: '1999-03-15' }) birthDate: string | null;
  @ApiProperty({ enum: LANGUAGES, description: 'the language of mail sent to the user' }) language: Language;
  @ApiProperty({ description: 'whether the address was verified by its link' }) emailVerified: boolean;

  static from(user: UserEntity): UserDto {
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      birthDate: user.birthDate,
      language: user.language ?? 'ko',
      emailVerified: !!user.emailVerifiedAt,
    };
  }
}

/** The signed-in user as `GET /me` answers: the user and what this server asks of them. */
export class MeDto extends UserDto {
  @ApiProperty({ description: 'whether applying and booking wait for a verified address (EMAIL_VERIFICATION)' })
  emailVerificationRequired: boolean;
}

export class TokenPairDto implements TokenPair {
  @ApiProperty() accessToken: string;
  @ApiProperty() refreshToken: string;
}

export class AuthResponseDto extends TokenPairDto implements AuthResponse {
  @ApiProperty({ type: UserDto }) user: UserDto;
}
