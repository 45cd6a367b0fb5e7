import { Body, Controller, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AccountsService, Public, rateLimited } from '@bisang/auth';
import { AuthResponseDto, TokenPairDto, UserDto } from './dto/auth-response.dto';
import { LoginDto, RefreshDto } from './dto/login.dto';
import { RegisterDto } from './dto/register.dto';
import { emailTaken } from './auth.errors';
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
      privacyConsentVersion: dto.privacyConsentVersion ?? null,
    });
    if (!user) throw emailTaken();
    return { user: UserDto.from(user), ...(await this.accounts.startSession(user)) };
  }

  @Post('login')
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  @ApiOkResponse({ type: AuthResponseDto })
  @ApiUnauthorizedResponse({ description: 'INVALID_CREDENTIALS' })
  @ApiTooManyRequestsResponse({
    description: 'RATE_LIMITED, with Retry-After: too many attempts from this address, or failures for this account (growing back-off)',
  })
  async login(@Body() dto: LoginDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<AuthResponseDto> {
    const outcome = await this.sessions.signIn(dto.email, dto.password, request.ip);
    if ('retryAfter' in outcome) {
      reply.header('Retry-After', String(outcome.retryAfter));
      throw rateLimited(outcome.retryAfter);
    }
    return { user: UserDto.from(outcome.user), ...outcome.tokens };
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
