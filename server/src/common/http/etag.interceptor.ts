import { UseInterceptors, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { map, type Observable } from 'rxjs';

/** A response body with the ETag that guards its next edit. */
export interface Tagged<T> {
  body: T;
  etag: string;
}

class EtagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler<Tagged<unknown>>): Observable<unknown> {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      map((tagged) => {
        void reply.header('etag', tagged.etag);
        return tagged.body;
      }),
    );
  }
}

/** Sends a Tagged result as its body with an `ETag` header. */
export const WithEtag = () => UseInterceptors(new EtagInterceptor());
