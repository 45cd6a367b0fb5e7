import type { Provider } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { io, Socket } from 'socket.io-client';
import { join } from 'node:path';
import { createHttpApp, createLogger, serveWebApp } from '@bisang/common';
import { BisangModule } from '../../apps/bisang/src/bisang.module';
import { RedisIoAdapter } from '../../apps/realtime/src/redis-io.adapter';
import { HttpClient } from '@bisang/testing';

export interface TestApp {
  app: NestFastifyApplication;
  url: string;
  http: HttpClient;
  socket(options?: { token?: string; autoConnect?: boolean }): Socket;
  close(): Promise<void>;
}

/**
 * The all-in-one process (API + realtime + worker) on a random port, over the run's own
 * database and Redis prefix, driven through real HTTP and socket.io.
 */
export async function startTestApp(
  overrides: Record<string, string | number> = {},
  options: { web?: boolean; providers?: Provider[] } = {},
): Promise<TestApp> {
  // Limits off unless a test turns them on: most tests drive many requests from one client and one user.
  const config: Record<string, string | number> = { AUTH_RATE_LIMIT: 0, RATE_LIMITS: 'off', ...overrides };
  const app = await createHttpApp(BisangModule.forRoot(config, options.providers), {
    logger: createLogger(process.env.LOG_LEVEL ?? 'silent'),
    trustedProxies: String(config.TRUSTED_PROXIES ?? ''),
    security: { publicUrl: config.PUBLIC_URL as string | undefined, corsOrigins: String(config.CORS_ORIGINS ?? '') },
    beforeListen: async (a) => {
      a.useWebSocketAdapter(new RedisIoAdapter(a, process.env.REDIS_URL!, process.env.REDIS_PREFIX!));
      // The built web app (dist/web, made by the global setup), as the all-in-one process serves it.
      if (options.web && !(await serveWebApp(a, join(__dirname, '..', '..', 'dist', 'web')))) {
        throw new Error('dist/web/index.html is missing: run `npm run build`');
      }
    },
  });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}`;
  const sockets: Socket[] = [];
  let closing: Promise<void> | undefined;
  return {
    app,
    url,
    http: new HttpClient(url),
    socket: (options = {}) => {
      const s = io(`${url}/fair`, {
        path: '/socket.io',
        transports: ['websocket'],
        auth: options.token ? { token: options.token } : {},
        autoConnect: options.autoConnect ?? true,
        reconnection: false,
        forceNew: true,
      });
      sockets.push(s);
      return s;
    },
    // Idempotent, so an afterAll may close what a failed test left open.
    close: () =>
      (closing ??= (async () => {
        for (const s of sockets) s.disconnect();
        await app.close();
      })()),
  };
}
