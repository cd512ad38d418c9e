import { Module } from '@nestjs/common';
import { HttpMetrics } from '../../common/metrics/http-metrics.js';
import { HealthController } from './health.controller.js';

@Module({ controllers: [HealthController], providers: [HttpMetrics], exports: [HttpMetrics] })
export class HealthModule {}
