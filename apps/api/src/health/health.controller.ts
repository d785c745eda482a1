import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import type { Redis } from 'ioredis';
import { REDIS } from '@app/core';
import { Public } from '@app/identity';

/** Liveness and readiness: 200 when PostgreSQL and Redis answer, 503 with the failing part otherwise. */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  @Public()
  @Get()
  @ApiServiceUnavailableResponse({
    description: '/problems/unavailable: PostgreSQL or Redis did not answer; the detail names which',
  })
  @HealthCheck()
  @ApiOperation({
    operationId: 'getHealth',
    summary: 'Health of the API',
    description:
      'Whether PostgreSQL and Redis answer: 200 when both do, 503 naming the failing part otherwise.',
  })
  check() {
    return this.health.check([
      () => this.db.pingCheck('database').withTimeout(1500),
      () =>
        this.indicators
          .check('redis')
          .attempt(async () => {
            if ((await this.redis.ping()) !== 'PONG') throw new Error('Redis did not answer PONG');
          })
          .withTimeout(1500),
    ]);
  }
}
