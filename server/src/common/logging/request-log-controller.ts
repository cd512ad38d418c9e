import { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';

/**
 * One log line per request, when its answer has gone (Fastify writes two: on arrival and on completion), with the
 * method and path so it stands on its own. Under load, successful requests are logged up to `perSecond` lines a
 * second, the rest only counted in the next line (`unlogged`): /metrics has them all. Failures are always logged,
 * a 5xx at level error so an alert on errors sees an outage.
 *
 * Query strings are not written, only their parameter names: a citizen's question to the catalogue search
 * (`?q=mon NAS est …`) is personal information, and logs are kept and read more widely than the database.
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
    // The connection closed before the answer was written out: its status is what the service chose, which the
    // caller never read. Said as such, and always: a line reading 200 for it misled whoever read the log.
    if (reply.raw?.writableFinished === false) {
      request.log.info(
        {
          req: { method: request.method, url: withoutQueryValues(request.url) },
          res: { statusCode: reply.statusCode, delivered: false },
          responseTime: reply.elapsedTime,
        },
        'request closed by the caller before its answer was delivered',
      );
      return;
    }
    if (reply.statusCode < 400 && !this.withinBudget()) return;
    const unlogged = this.skipped;
    this.skipped = 0;
    const level = reply.statusCode >= 500 ? 'error' : 'info';
    request.log[level](
      {
        req: { method: request.method, url: withoutQueryValues(request.url) },
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

/**
 * A line for a request whose caller closed the connection before its answer: no answer is completed for it, so
 * `requestCompleted` never runs, and a caller giving up on a slow completion left no trace in the logs at all.
 */
export function logAbortedRequests(fastify: FastifyInstance): void {
  fastify.addHook('onRequestAbort', (request, done) => {
    request.log.info(
      { req: { method: request.method, url: withoutQueryValues(request.url) } },
      'request closed by the caller before its answer',
    );
    done();
  });
}

/** The URL with each query parameter's value left out: `/search?q=…&limit=…`. */
export function withoutQueryValues(url: string): string {
  const at = url.indexOf('?');
  if (at === -1) return url;
  const names = url
    .slice(at + 1)
    .split('&')
    .filter(Boolean)
    .map((pair) => `${pair.split('=')[0]}=…`);
  return `${url.slice(0, at)}?${names.join('&')}`;
}
