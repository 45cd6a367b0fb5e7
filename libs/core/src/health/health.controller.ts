import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type Redis from 'ioredis';
import { Public } from '@bisang/auth';
import { REDIS } from '@bisang/common';

const TIMEOUT_MS = 1500;

@ApiTags('health')
@Controller('health')
@Public()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOkResponse({ description: '{ status: "ok", info: { database, redis } }' })
  @ApiServiceUnavailableResponse({ description: 'PostgreSQL or Redis does not answer' })
  check() {
    return this.health.check([() => this.db.pingCheck('database', { timeout: TIMEOUT_MS }), () => this.redisCheck()]);
  }

  private async redisCheck() {
    const indicator = this.indicators.check('redis');
    try {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), TIMEOUT_MS);
      });
      await Promise.race([this.redis.ping(), timeout]).finally(() => clearTimeout(timer));
      return indicator.up();
    } catch {
      return indicator.down({ message: 'Redis does not answer' });
    }
  }
}
