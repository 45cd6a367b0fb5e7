import { Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiBadRequestResponse, ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AccountMailService, Public } from '@bisang/auth';
import { ONE_CLICK_FORM_ROUTE } from '@bisang/common';

const page = (title: string, body: string, form = '') => `<!doctype html>
<html lang="ko"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title></head>
<body style="font-family:system-ui,sans-serif;max-width:560px;margin:48px auto;padding:0 16px;line-height:1.6">
<main><h1 style="font-size:1.4rem">${title}</h1>${body}${form}</main></body></html>`;

/**
 * One-click unsubscribe (RFC 8058) from informative mail, by the signed link in its `List-Unsubscribe` header: no
 * sign-in. A mail client POSTs to it; a person who opens it in a browser gets a page that asks before it changes anything.
 */
@ApiTags('accounts')
@Controller('mail/unsubscribe')
@Public()
export class MailPreferencesController {
  constructor(private readonly accountMail: AccountMailService) {}

  @Get()
  @ApiProduces('text/html')
  @ApiQuery({ name: 'token', description: 'the signed token of the link in the mail' })
  @ApiOkResponse({ description: 'a page with a button that confirms (nothing changes on GET: link scanners open links)' })
  confirmPage(@Query('token') token: string | undefined, @Res() reply: FastifyReply): void {
    const safeToken = encodeURIComponent(String(token ?? ''));
    void reply
      .type('text/html; charset=utf-8')
      .send(
        page(
          '메일 수신 거부 / Unsubscribe',
          '<p>이 종류의 알림 메일(지원 상태 알림 또는 박람회 공지)을 더 이상 받지 않으시겠어요? 계정과 예약 메일은 계속 발송됩니다.</p><p lang="en">Stop this kind of mail (application updates or fair announcements)? Account and booking mail keeps coming.</p>',
          `<form method="post" action="?token=${safeToken}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">수신 거부 / Unsubscribe</button></form>`,
        ),
      );
  }

  @Post()
  @RouteConfig(ONE_CLICK_FORM_ROUTE)
  @HttpCode(200)
  @ApiProduces('text/html')
  @ApiQuery({ name: 'token', description: 'the signed token of the link in the mail' })
  @ApiOkResponse({ description: 'the category is switched off for the user (again: still 200)' })
  @ApiBadRequestResponse({ description: 'a forged or damaged link: nothing changed' })
  async unsubscribe(@Query('token') token: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    const done = await this.accountMail.unsubscribe(String(token ?? ''));
    void reply
      .status(done ? 200 : 400)
      .type('text/html; charset=utf-8')
      .send(
        done
          ? page('수신 거부되었습니다 / Unsubscribed', '<p>이 종류의 알림 메일을 더 이상 보내지 않습니다.</p><p lang="en">You will not get this kind of mail any more.</p>')
          : page('잘못된 링크 / Invalid link', '<p>링크가 올바르지 않습니다. 아무것도 바뀌지 않았습니다.</p><p lang="en">This link is not valid; nothing was changed.</p>'),
      );
  }
}
