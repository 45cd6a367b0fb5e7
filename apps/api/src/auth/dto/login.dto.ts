import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength } from 'class-validator';
import type { LoginInput } from '@bisang/contracts';
import { emailForm } from './register.dto';

export class LoginDto implements LoginInput {
  @ApiProperty()
  @Transform(emailForm)
  @IsString()
  @MinLength(3)
  @MaxLength(254)
  email: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  password: string;
}

export class RefreshDto {
  @ApiProperty()
  @IsString()
  @MaxLength(200)
  refreshToken: string;
}
