import rateLimit from '@fastify/rate-limit';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module.js';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter.js';
import { registerConsole } from './common/http/console-static.js';
import { registerStatusOverrides } from './common/http/etag.interceptor.js';
import { registerJsonBodyParser } from './common/http/json-body-parser.js';
import { clientErrorHandler, frameworkErrors } from './common/http/framework-errors.js';
import { registerXmlBodyParser } from './common/http/xml-body-parser.js';
import { watchRoutesForMethodNotAllowed } from './common/http/method-not-allowed.js';
import { registerSecurityHeaders } from './common/http/security-headers.js';
import { setupOpenApi } from './common/http/openapi.js';
import { requestIdFor } from './common/http/request-id.js';
import { JsonLogger, serviceLog } from './common/logging/json-logger.js';
import { logAbortedRequests, RequestLogController } from './common/logging/request-log-controller.js';
import { HttpMetrics } from './common/metrics/http-metrics.js';
import { raiseBodyLimits } from './common/http/route-body-limits.js';
import { WHOLE_TABLE_ROUTES } from './modules/reference-data/reference-table.js';
import type { AppConfig } from './config/config.schema.js';

/** Builds the whole service, exactly as production runs it; tests use this too. Does not listen. */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const logger = serviceLog(config, 'async');
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    bodyLimit: config.bodyLimitBytes,
    // Fastify answers a path parameter over 100 characters itself, with a 414 outside the error contract; let it
    // through (a URL is bounded by the header limit anyway) so that the key is refused as every unknown key is.
    routerOptions: { maxParamLength: 4096 },
    // Behind a proxy, request.ip is the client's only if the proxy is trusted; otherwise every client would
    // share the proxy's address, and one budget of sign-in attempts and rate limit.
    trustProxy: config.trustProxy as boolean | string[], // a hop count too: Fastify takes numbers, its adapter type does not say so
    genReqId: requestIdFor,
    // What Fastify and Node's parser answer before any route runs, in the service's error body too.
    frameworkErrors,
    clientErrorHandler,
    logController: new RequestLogController(config.logRequestsPerSecond),
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: new JsonLogger(logger),
    abortOnError: false,
    // Our parser (json-body-parser.ts) replaces Nest's so malformed and over-nested bodies get §7 errors.
    bodyParser: false,
  });
  app.useGlobalFilters(new AllExceptionsFilter(config.bodyLimitBytes));
  const fastify = app.getHttpAdapter().getInstance();
  registerJsonBodyParser(fastify);
  registerXmlBodyParser(fastify);
  registerStatusOverrides(fastify);
  const registerMethodNotAllowed = watchRoutesForMethodNotAllowed(fastify);
  raiseBodyLimits(fastify, WHOLE_TABLE_ROUTES, config.bodyLimitBytes);
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    done();
  });
  logAbortedRequests(fastify);
  registerSecurityHeaders(fastify, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // MUI and Swagger UI inject style elements at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        // Deployments may serve plain HTTP behind an intranet proxy; upgrading would break them.
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(rateLimit, {
    global: false,
    max: config.loginRateLimitPerMinute,
    timeWindow: 60_000,
    errorResponseBuilder: (_request, context) =>
      Object.assign(new Error(`Too many requests: try again in ${Math.ceil(context.ttl / 1000)} s.`), {
        statusCode: 429,
      }),
  });
  app.get(HttpMetrics).attach(fastify);
  await registerConsole(fastify);
  setupOpenApi(app);
  try {
    await app.init();
  } catch (err) {
    // A start refused during initialisation (an audit key that is not the trail's) closes what it opened: the
    // database connection and timers would otherwise keep the process, or a test run, from ending.
    await app.close().catch(() => undefined);
    throw err;
  }
  registerMethodNotAllowed();
  await fastify.ready();
  return app;
}
