import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { TokenService } from '@bisang/auth';
import { ALL_QUEUES, JobProducer } from '@bisang/queues';
import { QUEUE_DASHBOARD_COOKIE, QUEUE_DASHBOARD_PATH, QUEUE_DASHBOARD_SIGN_IN, readCookie } from './queue-dashboard.session';

type Denial = { statusCode: 401 | 403; code: string; message: string };

const UNAUTHORIZED: Denial = {
  statusCode: 401,
  code: 'UNAUTHORIZED',
  message: `로그인이 필요합니다 / Sign in: POST /api/v1/admin/queues/session as an organizer, then open ${QUEUE_DASHBOARD_PATH}`,
};
const FORBIDDEN: Denial = { statusCode: 403, code: 'FORBIDDEN', message: '운영자만 볼 수 있습니다 / Organizers only' };

/** Mounts Bull Board over every queue of libs/queues at /admin/queues, for organizers only. */
@Injectable()
export class QueueDashboardMount implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly jobs: JobProducer,
    private readonly tokens: TokenService,
  ) {}

  onModuleInit(): void {
    const board = new FastifyAdapter();
    board.setBasePath(QUEUE_DASHBOARD_PATH);
    createBullBoard({ queues: ALL_QUEUES.map((name) => new BullMQAdapter(this.jobs.queue(name))), serverAdapter: board });
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    void fastify.register(async (scope) => {
      // Every dashboard route, its assets and its API included: the cookie session, or an organizer's Bearer token.
      scope.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
        const denial = await this.deny(request);
        if (!denial) return;
        // A person opening the page (not a script, not the board's own API calls) signs in through the web app,
        // which sets the cookie and sends them back, instead of reading raw JSON.
        if (denial.statusCode === 401 && request.method === 'GET' && /\btext\/html\b/.test(request.headers.accept ?? '')) {
          await reply.code(302).header('location', QUEUE_DASHBOARD_SIGN_IN).header('cache-control', 'no-store').send();
          return;
        }
        await reply.code(denial.statusCode).send(denial);
      });
      await scope.register(board.registerPlugin(), { prefix: QUEUE_DASHBOARD_PATH });
    });
  }

  private async deny(request: FastifyRequest): Promise<Denial | null> {
    const session = readCookie(request.headers.cookie, QUEUE_DASHBOARD_COOKIE);
    const bearer = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const user = session
      ? await this.tokens.verifyDashboardSession(session)
      : bearer
        ? await this.tokens.verifyAccess(bearer)
        : null;
    if (!user) return UNAUTHORIZED;
    return user.role === 'organizer' ? null : FORBIDDEN;
  }
}
