import { Controller, Get, Headers, Ip, Res } from '@nestjs/common';
import { ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '@app/identity';
import { MetricsService } from './metrics.service';

@ApiTags('health')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Public()
  @Get()
  @ApiOperation({
    operationId: 'getMetrics',
    summary: 'Prometheus metrics (operators)',
    description:
      'The Prometheus text format: HTTP latency by route pattern and status, queue depth and job durations ' +
      "by queue, outbox lag, the database pool, each fund's available balance and target (minor units). " +
      'Only from an address in METRICS_ALLOW (default loopback) or with `Authorization: Bearer <METRICS_TOKEN>`.',
  })
  @ApiProduces('text/plain')
  @ApiOkResponse({
    description: 'Prometheus exposition format 0.0.4',
    content: { 'text/plain': { schema: { type: 'string' } } },
  })
  @ApiForbiddenResponse({ description: '/problems/forbidden: neither an allowed address nor the token' })
  async scrape(
    @Ip() ip: string | undefined,
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    this.metrics.assertAllowed(ip, authorization);
    const { contentType, body } = await this.metrics.text();
    reply.header('content-type', contentType);
    reply.header('cache-control', 'no-store');
    return body;
  }
}
