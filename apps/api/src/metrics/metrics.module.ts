import { Module } from '@nestjs/common';
import { FundsModule } from '@app/funds';
import { MetricsController } from './metrics.controller';
import { ApiMetrics } from './metrics.registry';
import { MetricsService } from './metrics.service';

/** GET /api/metrics for Prometheus (README, "Metrics"); the registry is this application instance's own. */
@Module({
  imports: [FundsModule],
  controllers: [MetricsController],
  providers: [{ provide: ApiMetrics, useFactory: () => new ApiMetrics() }, MetricsService],
  exports: [ApiMetrics],
})
export class MetricsModule {}
