import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Gauge } from 'prom-client';
import type { Connection } from 'mongoose';
import { DB_CONNECTION } from '../../common/database/database.module.js';
import { databaseAnswers } from '../../common/database/mongo-connection.js';
import { isDraining } from '../../common/http/shutdown.js';
import { HttpMetrics } from '../../common/metrics/http-metrics.js';
import { Public, RequireMetricsAccess } from '../../common/access/permission.decorator.js';

const healthSchema = {
  type: 'object',
  required: ['status', 'db'],
  properties: {
    status: { type: 'string', enum: ['ok', 'degraded', 'draining'] },
    db: { type: 'string', enum: ['up', 'down'] },
  },
} as const;

const liveSchema = {
  type: 'object',
  required: ['status'],
  properties: { status: { type: 'string', enum: ['ok'] } },
} as const;

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(
    @Inject(DB_CONNECTION) private readonly connection: Connection,
    private readonly metrics: HttpMetrics,
  ) {
    // What /health says, for a Prometheus alert: the same ping, bounded the same way.
    new Gauge({
      name: 'gabarit_database_up',
      help: '1 when the database answers a ping (within 1.5 s), 0 otherwise',
      registers: [metrics.registry],
      async collect() {
        this.set((await databaseAnswers(connection)) ? 1 : 0);
      },
    });
  }

  /**
   * Readiness: 200 when the database answers a ping, 503 otherwise (published rules may still evaluate from memory),
   * and 503 `draining` once the process has been told to stop: a load balancer then sends its requests elsewhere.
   */
  @Get('health')
  @Public()
  @ApiOkResponse({ schema: healthSchema as object })
  async health(
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ status: 'ok' | 'degraded' | 'draining'; db: 'up' | 'down' }> {
    const up = await databaseAnswers(this.connection);
    if (!up || isDraining()) void reply.status(503);
    return { status: isDraining() ? 'draining' : up ? 'ok' : 'degraded', db: up ? 'up' : 'down' };
  }

  /**
   * Liveness: 200 while the process answers at all. It does not ask the database: a process whose database is away
   * still decides from memory, and restarting it would not bring the database back (/health is for readiness).
   */
  @Get('health/live')
  @Public()
  @ApiOkResponse({ schema: liveSchema as object })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('metrics')
  @RequireMetricsAccess()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiOkResponse({
    description: 'Prometheus text exposition format 0.0.4.',
    content: { 'text/plain': { schema: { type: 'string' } } },
  })
  metricsText(): Promise<string> {
    return this.metrics.text();
  }
}
