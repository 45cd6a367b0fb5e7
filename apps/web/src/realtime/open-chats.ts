/**
 * The booths where the signed-in user has a chat open now, as this page learned it (chat:started / chat:ended, and
 * the booth page's own load). A "you're next" for such a booth is stale: the chat began, so its toast is dropped.
 */
const boothOfChat = new Map<string, string>();

export const openChats = {
  opened(chatId: string, boothId: string | null): void {
    if (boothId) boothOfChat.set(chatId, boothId);
  },
  closed(chatId: string): void {
    boothOfChat.delete(chatId);
  },
  hasBooth(boothId: string): boolean {
    for (const b of boothOfChat.values()) if (b === boothId) return true;
    return false;
  },
};
