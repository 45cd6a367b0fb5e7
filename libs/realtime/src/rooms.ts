/** Room names, built only here. */
export const rooms = {
  fair: (fairId: string) => `fair:${fairId}`,
  user: (userId: string) => `user:${userId}`,
  booth: (boothId: string) => `booth:${boothId}`,
  /** Sockets of a chat's participants that sent `chat:join`. */
  chat: (chatId: string) => `chat:${chatId}`,
  /** Organizers' sockets that joined the fair: they receive `kpi:update`. */
  fairOrganizers: (fairId: string) => `fair-organizers:${fairId}`,
  /**
   * One participant's sockets in a session room: signalling for them is sent here, so it reaches that user only,
   * on whichever gateway node. Entry was authorized at `room:join`; the room stays joined until leave or disconnect.
   */
  sessionRoomMember: (roomId: string, userId: string) => `session-room:${roomId}:${userId}`,
  /** The fair a `fair` room is of (undefined for any other room). */
  fairOf: (room: string): string | undefined => (room.startsWith('fair:') ? room.slice('fair:'.length) : undefined),
  /** Rooms whose events only a signed-in socket may receive: its user's, and organizers' KPI rooms. */
  isPrivate: (room: string): boolean => room.startsWith('user:') || room.startsWith('fair-organizers:') || room.startsWith('chat:'),
} as const;

/** Redis channel names, built only here. */
export const channels = {
  signals: (prefix: string) => `${prefix}:realtime:signals`,
  adapter: (prefix: string) => `${prefix}:socket.io`,
  /** "Domain events of these types were committed": the relay's wake-up hint. */
  outbox: (prefix: string) => `${prefix}:outbox:committed`,
} as const;
