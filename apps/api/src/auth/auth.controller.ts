import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { AccountsService, Public } from '@bisang/auth';
import { AuthResponseDto, TokenPairDto, UserDto } from './dto/auth-response.dto';
import { LoginDto, RefreshDto } from './dto/login.dto';
import { RegisterDto } from './dto/register.dto';
import { emailTaken, invalidCredentials } from './auth.errors';
import { SessionsService } from './sessions.service';

@ApiTags('accounts')
@Controller('auth')
@Public()
export class AuthController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly sessions: SessionsService,
  ) {}

  @Post('register')
  @UseGuards(ThrottlerGuard)
  @ApiCreatedResponse({ type: AuthResponseDto })
  @ApiConflictResponse({ description: 'EMAIL_TAKEN' })
  @ApiTooManyRequestsResponse({ description: 'RATE_LIMITED, with Retry-After' })
  async register(@Body() dto: RegisterDto): Promise<AuthResponseDto> {
    const user = await this.accounts.createAccount({
      email: dto.email,
      password: dto.password,
      name: dto.name,
      role: dto.role,
      birthDate: dto.birthDate ?? null,
    });
    if (!user) throw emailTaken();
    return { user: UserDto.from(user), ...(await this.accounts.startSession(user)) };
  }

  @Post('login')
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  @ApiOkResponse({ type: AuthResponseDto })
  @ApiUnauthorizedResponse({ description: 'INVALID_CREDENTIALS' })
  async login(@Body() dto: LoginDto): Promise<AuthResponseDto> {
    const user = await this.accounts.authenticate(dto.email, dto.password);
    if (!user) throw invalidCredentials();
    return { user: UserDto.from(user), ...(await this.accounts.startSession(user)) };
  }

  @Post('refresh')
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  @ApiOkResponse({ type: TokenPairDto })
  @ApiUnauthorizedResponse({ description: 'INVALID_REFRESH_TOKEN or REFRESH_TOKEN_REUSED (the family is revoked)' })
  refresh(@Body() dto: RefreshDto): Promise<TokenPairDto> {
    return this.sessions.refresh(dto.refreshToken);
  }
}
