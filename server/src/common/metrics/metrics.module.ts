import { Global, Module } from '@nestjs/common';
import { HttpMetrics } from './http-metrics.js';

/** One metrics registry per app, injectable everywhere so domain modules add their own series to /metrics. */
@Global()
@Module({ providers: [HttpMetrics], exports: [HttpMetrics] })
export class MetricsModule {}
