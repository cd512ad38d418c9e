import { UseInterceptors, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { map, type Observable } from 'rxjs';

/** A response body with the ETag that guards its next edit. */
export interface Tagged<T> {
  body: T;
  etag: string;
  /** A status other than the route's own, e.g. 202 when a change is held for approval instead of applied. */
  status?: number;
}

// Nest sets the route's status after the interceptors run, so a different one is applied just before sending.
const statusOverrides = new WeakMap<FastifyReply, number>();

/**
 * Registers the hook that applies a Tagged result's own status. It runs on every response, /evaluate included, so
 * it takes Fastify's callback form: an async hook cost each response a promise and a microtask hop.
 */
export function registerStatusOverrides(fastify: FastifyInstance): void {
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    const status = statusOverrides.get(reply);
    if (status !== undefined && reply.statusCode < 300) void reply.code(status);
    done(null, payload);
  });
}

export class EtagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler<Tagged<unknown>>): Observable<unknown> {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      map((tagged) => {
        void reply.header('etag', tagged.etag);
        if (tagged.status !== undefined) statusOverrides.set(reply, tagged.status);
        return tagged.body;
      }),
    );
  }
}

/** Sends a Tagged result as its body with an `ETag` header. */
export const WithEtag = () => UseInterceptors(new EtagInterceptor());
