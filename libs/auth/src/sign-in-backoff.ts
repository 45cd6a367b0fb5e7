import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { REDIS } from '@bisang/common';
import { AppConfig } from '@bisang/config';

/**
 * Failed sign-ins, per account and address pair and per account, with a growing wait before the next attempt.
 * - account + address: from the 5th failure in a row, 2^(n-5) s, up to 15 min. This is what stops guessing.
 * - account, from any address: from the 20th failure within 15 min, 2^(n-20) s, never more than 30 s. It slows a
 *   spread-out attack; an attacker can make the victim wait at most 30 s, never lock them out.
 * A success clears the pair's count. Keys hold a hash of the e-mail, never the address itself, and expire on their own.
 */
export const SIGN_IN_BACKOFF = {
  pairFreeFailures: 5,
  pairMaxDelaySeconds: 15 * 60,
  accountFreeFailures: 20,
  accountMaxDelaySeconds: 30,
  accountWindowSeconds: 15 * 60,
} as const;

// KEYS: pair, account. ARGV: now ms. Answers the ms to wait (0 = go ahead).
const CHECK = `
local now = tonumber(ARGV[1])
local wait = 0
for i = 1, 2 do
  local nextAt = tonumber(redis.call('HGET', KEYS[i], 'nextAt') or '0')
  if nextAt - now > wait then wait = nextAt - now end
end
return wait
`;

// KEYS: pair, account. ARGV: now ms, pair free, pair max s, account free, account max s, account window s.
const FAIL = `
local now = tonumber(ARGV[1])
local pair = redis.call('HINCRBY', KEYS[1], 'fails', 1)
local pairDelay = 0
if pair >= tonumber(ARGV[2]) then pairDelay = math.min(2 ^ (pair - tonumber(ARGV[2])), tonumber(ARGV[3])) end
redis.call('HSET', KEYS[1], 'nextAt', now + pairDelay * 1000)
redis.call('EXPIRE', KEYS[1], math.max(tonumber(ARGV[6]), pairDelay * 2))
local account = redis.call('HINCRBY', KEYS[2], 'fails', 1)
if account == 1 then redis.call('EXPIRE', KEYS[2], tonumber(ARGV[6])) end
local accountDelay = 0
if account >= tonumber(ARGV[4]) then accountDelay = math.min(2 ^ (account - tonumber(ARGV[4])), tonumber(ARGV[5])) end
redis.call('HSET', KEYS[2], 'nextAt', now + accountDelay * 1000)
return 1
`;

@Injectable()
export class SignInBackoff {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  private get enabled() {
    return this.config.rateLimitsEnabled && this.config.authRateLimit !== 0;
  }

  private keys(email: string, address: string): [string, string] {
    const account = createHash('sha256').update(email).digest('hex').slice(0, 32);
    const base = `${this.config.redisPrefix}:sign-in`;
    return [`${base}:pair:${account}:${address}`, `${base}:account:${account}`];
  }

  /** Seconds to wait before this account may be tried from this address again; 0 when it may now. */
  async retryAfter(email: string, address: string): Promise<number> {
    if (!this.enabled) return 0;
    const waitMs = Number(await this.redis.eval(CHECK, 2, ...this.keys(email, address), Date.now()));
    return waitMs > 0 ? Math.ceil(waitMs / 1000) : 0;
  }

  async failed(email: string, address: string): Promise<void> {
    if (!this.enabled) return;
    const b = SIGN_IN_BACKOFF;
    await this.redis.eval(
      FAIL,
      2,
      ...this.keys(email, address),
      Date.now(),
      b.pairFreeFailures,
      b.pairMaxDelaySeconds,
      b.accountFreeFailures,
      b.accountMaxDelaySeconds,
      b.accountWindowSeconds,
    );
  }

  async succeeded(email: string, address: string): Promise<void> {
    if (!this.enabled) return;
    await this.redis.del(this.keys(email, address)[0]);
  }
}
