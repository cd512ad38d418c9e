import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

/**
 * One log line per request, when its answer has gone (Fastify writes two: on arrival and on completion), with the
 * method and URL so it stands on its own. Under load, successful requests are logged up to `perSecond` lines a
 * second, the rest only counted in the next line (`unlogged`): /metrics has them all. Failures are always logged.
 */
export class RequestLogController extends LogController {
  private second = 0;
  private logged = 0;
  private skipped = 0;

  constructor(private readonly perSecond: number) {
    super();
  }

  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (error) return super.requestCompleted(error, request, reply);
    if (reply.statusCode < 400 && !this.withinBudget()) return;
    const unlogged = this.skipped;
    this.skipped = 0;
    request.log.info(
      {
        req: { method: request.method, url: request.url },
        res: { statusCode: reply.statusCode },
        responseTime: reply.elapsedTime,
        ...(unlogged > 0 && { unlogged }),
      },
      'request completed',
    );
  }

  private withinBudget(): boolean {
    const second = Math.floor(Date.now() / 1000);
    if (second !== this.second) {
      this.second = second;
      this.logged = 0;
    }
    if (this.logged < this.perSecond) {
      this.logged++;
      return true;
    }
    this.skipped++;
    return false;
  }
}
