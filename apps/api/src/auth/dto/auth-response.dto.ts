import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { UserEntity, UserRole } from '@bisang/database';
import type { AuthResponse, TokenPair, User } from '@bisang/contracts';

export class UserDto implements User {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['seeker', 'recruiter', 'coach', 'organizer'] }) role: UserRole;
  @ApiPropertyOptional({ nullable: true, example: '1999-03-15' }) birthDate: string | null;

  static from(user: UserEntity): UserDto {
    return { id: user.id, email: user.email, name: user.name, role: user.role, birthDate: user.birthDate };
  }
}

export class TokenPairDto implements TokenPair {
  @ApiProperty() accessToken: string;
  @ApiProperty() refreshToken: string;
}

export class AuthResponseDto extends TokenPairDto implements AuthResponse {
  @ApiProperty({ type: UserDto }) user: UserDto;
}
