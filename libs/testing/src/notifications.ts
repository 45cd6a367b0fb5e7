import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { NotificationsRepository } from '@bisang/database';
import { RealtimePublisher } from '@bisang/realtime';

let fakeEvent = 0;

/**
 * Stores a notification for the user and pushes it, as the notifications subscriber does for a domain event,
 * without a whole flow behind it (for tests of the socket's delivery rules). Its made-up event id is negative,
 * so it never meets a real one.
 */
export async function notify(app: NestFastifyApplication, userId: string, type: string, data: object): Promise<{ id: number }> {
  const eventId = -(Date.now() * 1000 + (fakeEvent++ % 1000));
  const [row] = await app.get(NotificationsRepository, { strict: false }).recordForEvents([{ eventId, userId, type, data }]);
  await app.get(RealtimePublisher, { strict: false }).notificationsStored([row]);
  return row;
}
