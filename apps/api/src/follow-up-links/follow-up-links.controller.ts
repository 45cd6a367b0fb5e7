import { Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiBadRequestResponse, ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '@bisang/auth';
import { ONE_CLICK_FORM_ROUTE } from '@bisang/common';
import { FollowUpLinksService } from './follow-up-links.service';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const page = (title: string, body: string) => `<!doctype html>
<html lang="ko"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title></head>
<body style="font-family:system-ui,sans-serif;max-width:560px;margin:48px auto;padding:0 16px;line-height:1.6">
<main><h1 style="font-size:1.4rem">${title}</h1>${body}</main></body></html>`;

const INVALID = page(
  '링크를 사용할 수 없습니다 / Link not usable',
  '<p>이 답변 링크는 만료되었거나 올바르지 않습니다. 아무것도 바뀌지 않았습니다. 비상에 로그인해 내 지원 현황에서 답변할 수 있습니다.</p><p lang="en">This answer link is expired or invalid; nothing was changed. Sign in to Bisang to answer from your applications.</p>',
);

const answerWords = (yes: boolean) => (yes ? '네, 계속 근무하고 있습니다 / Yes, I still work there' : '아니요, 지금은 근무하지 않습니다 / No, not any more');

/**
 * The answer links of the 30/60/90-day follow-up mail: signed for the seeker, the application, the question and the
 * answer, valid 30 days, no sign-in. A POST records the answer (the page's button, or a client's one-click); the link
 * opened in a browser shows that one button, because mail scanners open links and must not answer for anyone.
 * A forged, damaged or expired link is a clear page (400), and nothing changes.
 */
@ApiTags('applications')
@Controller('follow-ups/answer')
@Public()
export class FollowUpLinksController {
  constructor(private readonly followUps: FollowUpLinksService) {}

  @Get()
  @ApiProduces('text/html')
  @ApiQuery({ name: 'token', description: 'the signed token of the answer link in the mail' })
  @ApiOkResponse({ description: 'a page with one button that records the answer (nothing changes on GET)' })
  @ApiBadRequestResponse({ description: 'a forged, damaged or expired link: a page saying so' })
  confirmPage(@Query('token') token: string | undefined, @Res() reply: FastifyReply): void {
    const claims = this.followUps.read(String(token ?? ''));
    if (!claims) {
      void reply.status(400).type('text/html; charset=utf-8').send(INVALID);
      return;
    }
    void reply
      .type('text/html; charset=utf-8')
      .send(
        page(
          '입사 후 근무 확인 / Follow-up',
          `<p>입사 ${claims.days}일 질문에 이렇게 답합니다 / Your answer to the ${claims.days}-day question:</p><p><strong>${escapeHtml(answerWords(claims.stillEmployed))}</strong></p>` +
            `<form method="post" action="?token=${encodeURIComponent(String(token))}"><button type="submit">답변 보내기 / Send the answer</button></form>`,
        ),
      );
  }

  @Post()
  @RouteConfig(ONE_CLICK_FORM_ROUTE)
  @HttpCode(200)
  @ApiProduces('text/html')
  @ApiQuery({ name: 'token', description: 'the signed token of the answer link in the mail' })
  @ApiOkResponse({ description: 'the answer is recorded (a later answer replaces an earlier one)' })
  @ApiBadRequestResponse({ description: 'a forged, damaged or expired link, or a question not asked (any more): nothing changed' })
  async answer(@Query('token') token: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    const claims = await this.followUps.answer(String(token ?? ''));
    if (!claims) {
      void reply.status(400).type('text/html; charset=utf-8').send(INVALID);
      return;
    }
    void reply
      .type('text/html; charset=utf-8')
      .send(page('답변해 주셔서 감사합니다 / Thank you', `<p>기록된 답변 / Recorded: <strong>${escapeHtml(answerWords(claims.stillEmployed))}</strong></p>`));
  }
}
