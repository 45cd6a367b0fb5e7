import { Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AuthenticatedUser, CurrentUser, Public } from '@bisang/auth';
import { CalendarFeedDto } from './calendar-feed.dto';
import { CalendarFeedService } from './calendar-feed.service';

@ApiTags('accounts')
@Controller()
export class CalendarFeedController {
  constructor(private readonly feeds: CalendarFeedService) {}

  @Get('me/calendar-feed')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The caller’s private calendar feed URL (webcal://), made on first use' })
  @ApiOkResponse({ type: CalendarFeedDto })
  url(@CurrentUser() user: AuthenticatedUser): Promise<CalendarFeedDto> {
    return this.feeds.url(user);
  }

  @Post('me/calendar-feed/rotate')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'A new feed URL: every URL handed out before stops working' })
  @ApiOkResponse({ type: CalendarFeedDto })
  rotate(@CurrentUser() user: AuthenticatedUser): Promise<CalendarFeedDto> {
    return this.feeds.rotate(user);
  }

  @Get('calendar-feed')
  @Public()
  @ApiOperation({ summary: 'The feed itself (what a calendar app fetches): the owner’s coaching sessions and interviews' })
  @ApiProduces('text/calendar')
  @ApiQuery({ name: 'token', description: 'the token of the feed URL' })
  @ApiOkResponse({ description: 'text/calendar' })
  @ApiNotFoundResponse({ description: 'a forged, damaged or revoked feed URL' })
  async feed(@Query('token') token: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    const body = await this.feeds.feed(String(token ?? ''));
    if (body === null) {
      void reply
        .status(404)
        .type('text/plain; charset=utf-8')
        .send('캘린더 구독 주소가 올바르지 않거나 새 주소로 바뀌었습니다. / This calendar feed address is invalid or was replaced.');
      return;
    }
    void reply.header('cache-control', 'private, max-age=300').type('text/calendar; charset=utf-8').send(body);
  }
}
