/** Room names, built only here. */
export const rooms = {
  fair: (fairId: string) => `fair:${fairId}`,
  user: (userId: string) => `user:${userId}`,
  booth: (boothId: string) => `booth:${boothId}`,
} as const;

/** Redis channel names, built only here. */
export const channels = {
  signals: (prefix: string) => `${prefix}:realtime:signals`,
  adapter: (prefix: string) => `${prefix}:socket.io`,
} as const;
