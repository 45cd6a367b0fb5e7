import { createHmac } from 'node:crypto';

/**
 * A TURN credential by the TURN REST API's shared-secret scheme (draft-uberti-behave-turn-rest), as coturn checks
 * it with `use-auth-secret` / `static-auth-secret`: the username is `<expiry unix seconds>:<user id>`, the
 * password base64(HMAC-SHA1(secret, username)). coturn refuses it after the expiry; the secret stays on the server.
 */
export function turnCredential(secret: string, userId: string, ttlSeconds: number, now: Date): { username: string; credential: string; expiresAt: Date } {
  const expiry = Math.floor(now.getTime() / 1000) + ttlSeconds;
  const username = `${expiry}:${userId}`;
  const credential = createHmac('sha1', secret).update(username).digest('base64');
  return { username, credential, expiresAt: new Date(expiry * 1000) };
}
