import { Body, Controller, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthenticatedUser, CurrentUser, rateLimited } from '@bisang/auth';
import { RefreshDto } from './dto/login.dto';
import { ChangePasswordDto } from './dto/password.dto';
import { SessionsService } from './sessions.service';

/** Signed-in calls that end sessions. */
@ApiTags('accounts')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED or INVALID_TOKEN' })
@Controller()
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Post('auth/logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: the refresh token’s session ends, its access tokens stop working and its sockets are dropped' })
  @ApiNoContentResponse({ description: 'signed out (also when the refresh token was already spent or revoked)' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED' })
  async logout(@Body() dto: RefreshDto, @CurrentUser() user: AuthenticatedUser): Promise<void> {
    await this.sessions.logout(user, dto.refreshToken);
  }

  @Post('auth/logout-all')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out everywhere: every session of the caller ends, this one included' })
  @ApiNoContentResponse({ description: 'every session ended' })
  async logoutAll(@CurrentUser() user: AuthenticatedUser): Promise<void> {
    await this.sessions.logoutEverywhere(user);
  }

  @Post('me/password')
  @HttpCode(204)
  @UseGuards(ThrottlerGuard)
  @ApiOperation({ summary: 'Change the password; every other session of the caller ends' })
  @ApiNoContentResponse({ description: 'changed; this session stays signed in' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: the new password is shorter than 10 characters or too common' })
  @ApiForbiddenResponse({ description: 'INVALID_CURRENT_PASSWORD' })
  @ApiTooManyRequestsResponse({ description: 'RATE_LIMITED, with Retry-After: too many attempts from this address, or wrong current passwords (the sign-in back-off)' })
  async changePassword(
    @Body() dto: ChangePasswordDto,
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    const refused = await this.sessions.changePassword(user, dto.currentPassword, dto.newPassword, request.ip);
    if (refused) {
      reply.header('Retry-After', String(refused.retryAfter));
      throw rateLimited(refused.retryAfter);
    }
  }
}
