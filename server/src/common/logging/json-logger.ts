import type { LoggerService } from '@nestjs/common';
import { pino, type Logger as PinoLogger } from 'pino';
import type { AppConfig } from '../../config/config.schema.js';

/**
 * The service's one JSON log stream (stdout), for the service and its command-line tools alike. The service
 * writes off the event loop (under load lines are coalesced into fewer writes; pino flushes at exit); a tool
 * writes each line at once, since it exits right after.
 */
export function serviceLog(config: Pick<AppConfig, 'logLevel'>, write: 'async' | 'sync'): PinoLogger {
  return pino(
    {
      level: config.logLevel,
      base: { service: 'gabarit' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: ['req.headers.authorization', 'req.headers["x-api-key"]'],
    },
    config.logLevel === 'silent' ? undefined : pino.destination({ dest: 1, sync: write === 'sync' }),
  );
}

/**
 * The log of a command-line tool whose standard output is its answer (`user:create`, `export:rulesets`): warnings
 * and errors, as JSON lines on standard error, fewer when LOG_LEVEL asks. Errors alone had left an operator
 * 85 s without a word while the tool waited for a database that was not there (a command-line review).
 */
export function toolLog(config: Pick<AppConfig, 'logLevel'>): PinoLogger {
  // pino knows no number for 'silent': it is quieter than any level.
  const quieterThanWarn =
    config.logLevel === 'silent' || pino.levels.values[config.logLevel]! >= pino.levels.values['warn']!;
  const level = quieterThanWarn ? config.logLevel : 'warn';
  return pino(
    { level, base: { service: 'gabarit' }, timestamp: pino.stdTimeFunctions.isoTime },
    level === 'silent' ? undefined : pino.destination({ dest: 2, sync: true }),
  );
}

/** Routes Nest's own log lines into the same pino JSON stream as Fastify's request logs. */
export class JsonLogger implements LoggerService {
  constructor(private readonly pino: PinoLogger) {}

  log(message: unknown, context?: string): void {
    this.pino.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.pino.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string): void {
    this.pino.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string): void {
    this.pino.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string): void {
    this.pino.trace({ context }, String(message));
  }
}
