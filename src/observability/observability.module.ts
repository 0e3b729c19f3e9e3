import { Global, Module } from '@nestjs/common';
import { MetricsController } from './metrics/metrics.controller';
import { MetricsRegistry } from './metrics/metrics-registry';
import { ServiceStateMetrics } from './metrics/service-state.metrics';
import { ServiceStateRepository } from './metrics/service-state.repository';

/** Metrics of the running instance for Prometheus; see README.md (Observability). */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [MetricsRegistry, ServiceStateRepository, ServiceStateMetrics],
  exports: [MetricsRegistry],
})
export class ObservabilityModule {}
