import { isUuid } from '@bisang/common';

type Invalid = { ok: false; code: 'INVALID_PAYLOAD'; message: string };

/** Checks a `fair:join` / `fair:leave` payload; a malformed one gets an ack with a code, never a dropped socket. */
export function parseJoinPayload(body: unknown): { ok: true; fairId: string; since?: number } | Invalid {
  if (!body || typeof body !== 'object') return invalid('payload must be an object {fairId, since?}');
  const { fairId, since } = body as Record<string, unknown>;
  if (typeof fairId !== 'string' || !isUuid(fairId)) return invalid('fairId must be a UUID');
  if (since !== undefined && since !== null && !(typeof since === 'number' && Number.isSafeInteger(since) && since >= 0)) {
    return invalid('since must be a non-negative integer');
  }
  return { ok: true, fairId, since: typeof since === 'number' ? since : undefined };
}

/** Checks a `me:join` payload: `{since?}` (a notification id, or none for "from now"). */
export function parseMeJoinPayload(body: unknown): { ok: true; since?: number } | Invalid {
  if (body === undefined || body === null) return { ok: true };
  if (typeof body !== 'object') return invalid('payload must be an object {since?}');
  const { since } = body as Record<string, unknown>;
  if (since !== undefined && since !== null && !(typeof since === 'number' && Number.isSafeInteger(since) && since >= 0)) {
    return invalid('since must be a non-negative integer');
  }
  return { ok: true, since: typeof since === 'number' ? since : undefined };
}

export function parseBoothPayload(body: unknown): { ok: true; boothId: string } | Invalid {
  if (!body || typeof body !== 'object') return invalid('payload must be an object {boothId}');
  const { boothId } = body as Record<string, unknown>;
  if (typeof boothId !== 'string' || !isUuid(boothId)) return invalid('boothId must be a UUID');
  return { ok: true, boothId };
}

/** `booth:online {boothId, capacity?}`: capacity 1–4, 2 when not given. */
export function parseOnlinePayload(body: unknown): { ok: true; boothId: string; capacity: number } | Invalid {
  const booth = parseBoothPayload(body);
  if (!booth.ok) return booth;
  const { capacity } = body as Record<string, unknown>;
  if (capacity === undefined || capacity === null) return { ok: true, boothId: booth.boothId, capacity: 2 };
  if (typeof capacity !== 'number' || !Number.isInteger(capacity) || capacity < 1 || capacity > 4) return invalid('capacity must be a whole number from 1 to 4');
  return { ok: true, boothId: booth.boothId, capacity };
}

/** `chat:join {chatId, since?}` / `chat:leave {chatId}`. */
export function parseChatPayload(body: unknown): { ok: true; chatId: string; since?: number } | Invalid {
  if (!body || typeof body !== 'object') return invalid('payload must be an object {chatId, since?}');
  const { chatId, since } = body as Record<string, unknown>;
  if (typeof chatId !== 'string' || !isUuid(chatId)) return invalid('chatId must be a UUID');
  if (since !== undefined && since !== null && !(typeof since === 'number' && Number.isSafeInteger(since) && since >= 0)) {
    return invalid('since must be a non-negative integer');
  }
  return { ok: true, chatId, since: typeof since === 'number' ? since : undefined };
}

/** `chat:read {chatId, seq}`. */
export function parseReadPayload(body: unknown): { ok: true; chatId: string; seq: number } | Invalid {
  const chat = parseChatPayload(body);
  if (!chat.ok) return chat;
  const { seq } = body as Record<string, unknown>;
  if (typeof seq !== 'number' || !Number.isInteger(seq) || seq < 0 || seq > 2_147_483_647) return invalid('seq must be a non-negative integer');
  return { ok: true, chatId: chat.chatId, seq };
}

export function parseTokenPayload(body: unknown): { ok: true; token: string } | Invalid {
  if (!body || typeof body !== 'object') return invalid('payload must be an object {token}');
  const { token } = body as Record<string, unknown>;
  // An access token is a few hundred characters; anything far longer is not one.
  if (typeof token !== 'string' || token.length === 0 || token.length > 4096) return invalid('token must be an access token');
  return { ok: true, token };
}

const invalid = (message: string): Invalid => ({ ok: false, code: 'INVALID_PAYLOAD', message });

export function parseRoomPayload(body: unknown): { ok: true; roomId: string } | Invalid {
  if (!body || typeof body !== 'object') return invalid('payload must be an object {roomId}');
  const { roomId } = body as Record<string, unknown>;
  if (typeof roomId !== 'string' || !isUuid(roomId)) return invalid('roomId must be a UUID');
  return { ok: true, roomId };
}

/** `room:signal` `{roomId, data}`: data is any JSON; its size is checked by the caller. */
export function parseRoomSignalPayload(body: unknown): { ok: true; roomId: string; data: unknown } | Invalid {
  const room = parseRoomPayload(body);
  if (!room.ok) return room;
  const { data } = body as Record<string, unknown>;
  if (data === undefined) return invalid('data is required');
  return { ok: true, roomId: room.roomId, data };
}
