import { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import type Redis from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';
import { closeRedis, createRedisConnection } from '@bisang/common';
import { channels } from '@bisang/realtime';

/** socket.io over Redis pub/sub, so that several gateway nodes serve the same rooms. */
export class RedisIoAdapter extends IoAdapter {
  private pub?: Redis;
  private sub?: Redis;

  constructor(
    app: INestApplicationContext,
    private readonly redisUrl: string,
    private readonly prefix: string,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: Partial<ServerOptions>): Server {
    const server: Server = super.createIOServer(port, {
      ...(options as ServerOptions),
      serveClient: false,
      path: '/socket.io',
      cors: { origin: true },
      pingInterval: 10_000,
      pingTimeout: 10_000,
    });
    this.pub = quiet(createRedisConnection(this.redisUrl), ['publish']);
    this.sub = quiet(this.pub.duplicate(), ['unsubscribe', 'punsubscribe']);
    this.pub.on('error', () => undefined);
    this.sub.on('error', () => undefined);
    server.adapter(createAdapter(this.pub, this.sub, { key: channels.adapter(this.prefix) }));
    return server;
  }

  /** Called once after every server is closed (close() runs per namespace, and the adapters unsubscribe then). */
  override async dispose(): Promise<void> {
    await super.dispose();
    await Promise.allSettled([this.pub, this.sub].map((client) => client && closeRedis(client)));
  }
}

/**
 * The adapter unsubscribes on close, and publishes its replies to other nodes' requests (fetchSockets of a
 * disconnecting seeker's other sockets, say), without awaiting them: one that the closing connection rejects is not
 * an error, and must not end the process as an unhandled rejection while it shuts down. A caller that awaits the
 * command still sees the rejection.
 */
function quiet(client: Redis, methods: readonly ('publish' | 'unsubscribe' | 'punsubscribe')[]): Redis {
  for (const method of methods) {
    const original = client[method].bind(client) as (...args: unknown[]) => Promise<unknown>;
    Object.assign(client, {
      [method]: (...args: unknown[]) => {
        const reply = original(...args);
        reply.catch(() => undefined);
        return reply;
      },
    });
  }
  return client;
}
