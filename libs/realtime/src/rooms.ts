/** Room names, built only here. */
export const rooms = {
  fair: (fairId: string) => `fair:${fairId}`,
  user: (userId: string) => `user:${userId}`,
  booth: (boothId: string) => `booth:${boothId}`,
  /** Organizers' sockets that joined the fair: they receive `kpi:update`. */
  fairOrganizers: (fairId: string) => `fair-organizers:${fairId}`,
} as const;

/** Redis channel names, built only here. */
export const channels = {
  signals: (prefix: string) => `${prefix}:realtime:signals`,
  adapter: (prefix: string) => `${prefix}:socket.io`,
} as const;
