import { Body, Controller, Get, HttpCode, Post, Put, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthenticatedUser, CurrentUser, rateLimited } from '@bisang/auth';
import { clock } from '@bisang/common';
import { AgreePrivacyConsentDto, DeleteAccountDto, PrivacyConsentStatusDto } from './dto/privacy.dto';
import { PrivacyService } from './privacy.service';

@ApiTags('accounts')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED or INVALID_TOKEN' })
@Controller('me')
export class PrivacyController {
  constructor(private readonly privacy: PrivacyService) {}

  @Get('privacy-consents')
  @ApiOperation({ summary: 'The privacy consent versions the caller agreed to, and whether the current one is among them' })
  @ApiOkResponse({ type: PrivacyConsentStatusDto })
  consents(@CurrentUser() caller: AuthenticatedUser): Promise<PrivacyConsentStatusDto> {
    return this.privacy.consentStatus(caller.id);
  }

  @Put('privacy-consents')
  @ApiOperation({ summary: 'Agrees to the current privacy consent text (the first agreement to a version keeps its time)' })
  @ApiOkResponse({ type: PrivacyConsentStatusDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: not the current version' })
  agree(@CurrentUser() caller: AuthenticatedUser, @Body() dto: AgreePrivacyConsentDto): Promise<PrivacyConsentStatusDto> {
    return this.privacy.agree(caller.id, dto.version);
  }

  @Get('data-export')
  @ApiOperation({
    summary:
      'A copy of the caller’s data as a JSON file: account, consents, profile, resume metadata, applications, bookings, queues, chats and the messages they sent, talent pool, invitations, notifications',
  })
  @ApiOkResponse({ description: 'application/json, as an attachment (bisang-my-data-YYYY-MM-DD.json)' })
  async exportData(@CurrentUser() caller: AuthenticatedUser, @Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    const data = await this.privacy.exportData(caller.id);
    reply.header('Content-Disposition', `attachment; filename="bisang-my-data-${clock.now().toISOString().slice(0, 10)}.json"`);
    reply.header('Cache-Control', 'no-store');
    return data;
  }

  @Post('delete')
  @HttpCode(204)
  @UseGuards(ThrottlerGuard)
  @ApiOperation({
    summary:
      'Deletes the caller’s (seeker) account: personal data erased, sessions ended, applications withdrawn, upcoming bookings cancelled; anonymous counts stay so the KPIs stay true',
  })
  @ApiNoContentResponse({ description: 'deleted; every session of the account has ended' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED' })
  @ApiForbiddenResponse({ description: 'INVALID_CURRENT_PASSWORD, or FORBIDDEN for accounts other than seekers' })
  @ApiTooManyRequestsResponse({ description: 'RATE_LIMITED, with Retry-After (the sign-in back-off)' })
  async deleteAccount(
    @CurrentUser() caller: AuthenticatedUser,
    @Body() dto: DeleteAccountDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    const refused = await this.privacy.deleteAccount(caller, dto.password, request.ip);
    if (refused) {
      reply.header('Retry-After', String(refused.retryAfter));
      throw rateLimited(refused.retryAfter);
    }
  }
}
