import type { FairSocket } from './fair-socket';

/**
 * Packets engine.io holds for a socket because its transport is not writable: the client stopped reading
 * (or reads slower than it is sent to), the kernel's buffers are full and the rest waits in memory here.
 * `writeBuffer` is engine.io's own queue (typed private, stable across engine.io 6).
 */
export function unsentPackets(socket: FairSocket): number {
  return (socket.conn as unknown as { writeBuffer?: unknown[] }).writeBuffer?.length ?? 0;
}

/**
 * Drops a socket at once, discarding what it has not read (a graceful close would wait for it to drain).
 * Its client reconnects and catches up with `fair:join` `since`: nothing is lost, only memory is freed.
 */
export function dropSlowConsumer(socket: FairSocket): void {
  socket.conn.close(true);
}
