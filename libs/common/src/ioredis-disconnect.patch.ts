import Redis from 'ioredis';

/**
 * ioredis (5.x) never emits 'end' when disconnect() is called while it waits to reconnect
 * (redis/ioredis#1830, fix proposed in #2169). BullMQ's Worker.close() and QueueEvents.close()
 * wait for that 'end', so a process whose Redis is gone could never shut down. Until the fix
 * ships, finish the disconnect the way ioredis does when the socket closes.
 */
interface RedisInternals {
  status: string;
  reconnectTimeout: NodeJS.Timeout | null;
  setStatus(status: string): void;
  flushQueue(error: Error): void;
}

const PATCHED = Symbol.for('bisang.ioredis.disconnect-while-reconnecting');
const proto = Redis.prototype as unknown as Record<PropertyKey, unknown> & { disconnect(reconnect?: boolean): void };

if (!proto[PATCHED]) {
  const original = proto.disconnect;
  proto.disconnect = function disconnect(this: Redis, reconnect = false) {
    const self = this as unknown as RedisInternals;
    if (reconnect || self.status !== 'reconnecting') return original.call(this, reconnect);
    // The socket is already closed (ending it again would only leave a 2 s timer behind): cancel the retry and end.
    if (self.reconnectTimeout) clearTimeout(self.reconnectTimeout);
    self.reconnectTimeout = null;
    self.setStatus('close');
    self.setStatus('end');
    self.flushQueue(new Error('Connection is closed.'));
  };
  proto[PATCHED] = true;
}
