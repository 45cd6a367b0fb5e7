import { AppConfig, validateEnv } from '@bisang/config';
import { IceServers } from './ice-servers';
import { turnCredential } from './turn-credentials';

describe('TURN credentials (TURN REST shared secret, as coturn use-auth-secret checks them)', () => {
  const secret = 'north-korea-no-south-turn-secret';
  const userId = '7d3c0f5e-1111-4222-8333-944445555666';

  it('is username "<expiry unix>:<user id>" and base64(HMAC-SHA1(secret, username)), as coturn computes it', () => {
    // Vector computed apart from this code: printf %s "$username" | openssl dgst -sha1 -hmac "$secret" -binary | base64
    const { username, credential } = turnCredential(secret, userId, 3600, new Date(1_700_000_000_000));
    expect(username).toBe(`1700003600:${userId}`);
    expect(credential).toBe('59aioxgaBFSf+W9BOs5fsqkswzQ=');
  });

  it('expires TTL seconds from now, in whole seconds, and differs per user and per expiry', () => {
    const now = new Date('2026-12-02T10:00:00.750Z');
    const a = turnCredential(secret, userId, 600, now);
    expect(a.expiresAt.toISOString()).toBe('2026-12-02T10:10:00.000Z');
    expect(Number(a.username.split(':')[0])).toBe(Math.floor(now.getTime() / 1000) + 600);
    expect(turnCredential(secret, 'someone-else', 600, now).credential).not.toBe(a.credential);
    expect(turnCredential(secret, userId, 601, now).credential).not.toBe(a.credential);
  });

  it('hands out STUN and TURN from configuration, never the secret; none at all by default (local runs)', () => {
    expect(new IceServers(new AppConfig(validateEnv({}))).for(userId)).toEqual([]);
    const config = new AppConfig(
      validateEnv({ STUN_URLS: 'stun:stun.example.org:3478', TURN_URLS: 'turn:turn.example.org:3478?transport=udp,turns:turn.example.org:5349', TURN_SECRET: secret, TURN_TTL_SECONDS: '900' }),
    );
    const now = new Date(1_800_000_000_000);
    const servers = new IceServers(config).for(userId, now);
    expect(servers).toEqual([
      { urls: ['stun:stun.example.org:3478'] },
      { urls: ['turn:turn.example.org:3478?transport=udp', 'turns:turn.example.org:5349'], username: `1800000900:${userId}`, credential: expect.any(String) },
    ]);
    expect(JSON.stringify(servers)).not.toContain(secret);
  });

  it('refuses TURN_URLS without a secret', () => {
    expect(() => validateEnv({ TURN_URLS: 'turn:turn.example.org:3478' })).toThrow(/TURN_SECRET/);
  });
});
