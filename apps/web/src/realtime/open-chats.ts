/**
 * The chats the signed-in user has open now and their booths, as this page learned it (chat:started / chat:ended,
 * and the booth page's own load). A "you're next" for such a booth is stale (the chat began), and an invitation or
 * interview time sent in an open chat shows in the chat itself: their toasts are dropped, not laid over the chat.
 */
const boothOfChat = new Map<string, string>();

export const openChats = {
  opened(chatId: string, boothId: string | null): void {
    if (boothId) boothOfChat.set(chatId, boothId);
  },
  closed(chatId: string): void {
    boothOfChat.delete(chatId);
  },
  hasChat(chatId: string): boolean {
    return boothOfChat.has(chatId);
  },
  hasBooth(boothId: string): boolean {
    for (const b of boothOfChat.values()) if (b === boothId) return true;
    return false;
  },
};
