import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthenticatedUser, CurrentUser, Roles, TokenService } from '@bisang/auth';
import { QUEUE_DASHBOARD_COOKIE, QUEUE_DASHBOARD_PATH, QUEUE_DASHBOARD_SESSION_SECONDS } from './queue-dashboard.session';

class DashboardSessionDto {
  @ApiProperty({ example: '/admin/queues' }) dashboard: string;
  @ApiProperty() expiresAt: string;
}

@ApiTags('operations')
@ApiBearerAuth()
@Controller('admin/queues')
export class QueueDashboardController {
  constructor(private readonly tokens: TokenService) {}

  @Post('session')
  @HttpCode(200)
  @Roles('organizer')
  @ApiOperation({
    summary: 'Open the queue dashboard in a browser',
    description:
      'A browser cannot send a Bearer header when it opens /admin/queues, so an organizer trades the token for a ' +
      `short-lived (${QUEUE_DASHBOARD_SESSION_SECONDS / 60} min) cookie: HttpOnly, SameSite=Strict, Path=${QUEUE_DASHBOARD_PATH}, ` +
      'signed with the JWT secret. Scripts may call the dashboard with an organizer Bearer token instead.',
  })
  @ApiOkResponse({ type: DashboardSessionDto })
  async openSession(
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DashboardSessionDto> {
    const session = await this.tokens.signDashboardSession(user, QUEUE_DASHBOARD_SESSION_SECONDS);
    const secure = request.protocol === 'https' ? '; Secure' : '';
    reply.header(
      'set-cookie',
      `${QUEUE_DASHBOARD_COOKIE}=${session}; Path=${QUEUE_DASHBOARD_PATH}; Max-Age=${QUEUE_DASHBOARD_SESSION_SECONDS}; HttpOnly; SameSite=Strict${secure}`,
    );
    return { dashboard: QUEUE_DASHBOARD_PATH, expiresAt: new Date(Date.now() + QUEUE_DASHBOARD_SESSION_SECONDS * 1000).toISOString() };
  }
}
