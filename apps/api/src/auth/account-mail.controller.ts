import { Body, Controller, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { AccountMailService, AuthenticatedUser, CurrentUser, Public } from '@bisang/auth';
import { conflict } from '@bisang/common';
import { MailTokenDto, PasswordResetConfirmDto, PasswordResetRequestDto } from './dto/account-mail.dto';
import { invalidToken } from './auth.errors';

/** The account links mailed to users: address verification and password reset. */
@ApiTags('accounts')
@Controller('auth')
export class AccountMailController {
  constructor(private readonly accountMail: AccountMailService) {}

  @Post('verify-email')
  @Public()
  @HttpCode(HttpStatus.NO_CONTENT)
  @UseGuards(ThrottlerGuard)
  @ApiNoContentResponse({ description: 'the address is verified (again: still 204)' })
  @ApiBadRequestResponse({ description: 'INVALID_TOKEN: forged, expired, or made for an address the account no longer has' })
  async verifyEmail(@Body() dto: MailTokenDto): Promise<void> {
    if (!(await this.accountMail.verifyEmail(dto.token))) throw invalidToken();
  }

  @Post('verify-email/resend')
  @ApiBearerAuth()
  @HttpCode(HttpStatus.ACCEPTED)
  @UseGuards(ThrottlerGuard)
  @ApiAcceptedResponse({ description: 'a new verification link is on its way (when SMTP_URL is set)' })
  @ApiConflictResponse({ description: 'EMAIL_ALREADY_VERIFIED' })
  @ApiTooManyRequestsResponse({ description: 'RATE_LIMITED' })
  async resendVerification(@CurrentUser() caller: AuthenticatedUser): Promise<void> {
    if (!(await this.accountMail.resendVerification(caller.id))) {
      throw conflict('EMAIL_ALREADY_VERIFIED', '이미 인증된 이메일입니다 / This e-mail address is already verified');
    }
  }

  @Post('password-reset/request')
  @Public()
  @HttpCode(HttpStatus.ACCEPTED)
  @UseGuards(ThrottlerGuard)
  @ApiAcceptedResponse({ description: 'whatever the address (no enumeration); an existing account gets a link valid 30 minutes' })
  @ApiTooManyRequestsResponse({ description: 'RATE_LIMITED' })
  async requestPasswordReset(@Body() dto: PasswordResetRequestDto): Promise<void> {
    await this.accountMail.requestPasswordReset(dto.email);
  }

  @Post('password-reset/confirm')
  @Public()
  @HttpCode(HttpStatus.NO_CONTENT)
  @UseGuards(ThrottlerGuard)
  @ApiNoContentResponse({ description: 'the password is changed and every session of the account is revoked' })
  @ApiBadRequestResponse({ description: 'INVALID_TOKEN: used, expired or forged; or a weak password' })
  async confirmPasswordReset(@Body() dto: PasswordResetConfirmDto): Promise<void> {
    if (!(await this.accountMail.confirmPasswordReset(dto.token, dto.password))) throw invalidToken();
  }
}
