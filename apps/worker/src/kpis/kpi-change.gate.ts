import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { AppConfig } from '@bisang/config';
import { type FairKpis, REDIS } from '@bisang/common';

const REMEMBER_MS = 7 * 24 * 3600 * 1000;

/**
 * Compare-and-set of a fair's last published KPI snapshot, atomically in Redis: refuses a snapshot older
 * than the one already published (two refreshes that overlap must not end on the stale one), records a
 * newer one, and says whether its numbers differ from the last.
 */
const GATE = `
local at = redis.call('HGET', KEYS[1], 'at')
if at and tonumber(at) > tonumber(ARGV[1]) then return 0 end
local fp = redis.call('HGET', KEYS[1], 'fp')
redis.call('HSET', KEYS[1], 'at', ARGV[1], 'fp', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
if fp == ARGV[2] then return 0 end
return 1`;

/** Decides whether a freshly computed snapshot is news for the fair's organizers. */
@Injectable()
export class KpiChangeGate {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  async isNews(kpis: FairKpis): Promise<boolean> {
    const { asOf, ...numbers } = kpis;
    const fingerprint = createHash('sha256').update(JSON.stringify(numbers)).digest('base64');
    const key = `${this.config.redisPrefix}:kpis:published:${kpis.fairId}`;
    const result = await this.redis.eval(GATE, 1, key, String(Date.parse(asOf)), fingerprint, String(REMEMBER_MS));
    return result === 1;
  }
}
