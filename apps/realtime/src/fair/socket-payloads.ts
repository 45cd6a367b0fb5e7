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
