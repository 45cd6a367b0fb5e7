/**
 * The baseline of the feed benchmarks: a bare socket.io 4 server on plain node http — no Nest, no
 * database, no Redis, no replay. Run as a child process by bench/feed-fanout.ts and bench/feed-durable.ts.
 *
 * - namespace `/fair`, `fair:join {fairId}` puts the socket in the fair's room and acks `{ok, lastEventId}`
 *   (a `since` is ignored: nothing is kept, so a reconnecting client cannot catch up);
 * - `POST /fairs/:fairId/events` with a JSON body `{type, data}` gives the event the fair's next id and
 *   broadcasts `feed {id, fairId, type, at, data}` to the room at once, then answers 201 `{id}`.
 *
 * Only types are imported from the product, so that nothing of Bisang runs in this process.
 */
import { createServer } from 'node:http';
import { once } from 'node:events';
import { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import type { ClientToServerEvents, FeedEvent, ServerToClientEvents } from '@bisang/contracts';

async function main(): Promise<void> {
  const lastIds = new Map<string, number>();
  const http = createServer();
  // The same engine settings as Bisang's gateway (apps/realtime/src/redis-io.adapter.ts).
  const io = new Server<ClientToServerEvents, ServerToClientEvents>(http, {
    path: '/socket.io',
    serveClient: false,
    cors: { origin: true },
    pingInterval: 10_000,
    pingTimeout: 10_000,
  });
  const fair = io.of('/fair');
  fair.on('connection', (socket) => {
    socket.on('fair:join', (payload, ack) => {
      const fairId = typeof payload?.fairId === 'string' ? payload.fairId : '';
      void socket.join(`fair:${fairId}`);
      ack?.({ ok: true, lastEventId: lastIds.get(fairId) ?? 0 });
    });
  });

  http.on('request', (req, res) => {
    const match = req.method === 'POST' ? /^\/fairs\/([^/]+)\/events$/.exec(req.url ?? '') : null;
    if (!match) {
      // socket.io answers its own path; everything else is a 404
      if (!req.url?.startsWith('/socket.io')) res.writeHead(404).end();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Pick<FeedEvent, 'type' | 'data'>;
      const fairId = match[1];
      const id = (lastIds.get(fairId) ?? 0) + 1;
      lastIds.set(fairId, id);
      const event: FeedEvent = { id, fairId, type: body.type, at: new Date().toISOString(), data: body.data } as FeedEvent;
      fair.to(`fair:${fairId}`).emit('feed', event);
      const text = JSON.stringify({ id });
      res.writeHead(201, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }).end(text);
    });
  });

  http.listen(0, '127.0.0.1');
  await once(http, 'listening');
  process.send?.({ port: (http.address() as AddressInfo).port });
  process.on('SIGTERM', () => {
    void io.close();
    process.exit(0);
  });
}

void main();
