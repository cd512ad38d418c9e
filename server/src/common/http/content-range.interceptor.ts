import { UseInterceptors, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { map, type Observable } from 'rxjs';
import type { ListPage } from './list-query.js';

/** Sends a ListPage as a plain array with the `Content-Range` header ra-data-simple-rest reads. */
export class ContentRangeInterceptor implements NestInterceptor {
  constructor(private readonly resource: string) {}

  intercept(context: ExecutionContext, next: CallHandler<ListPage<unknown>>): Observable<unknown[]> {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      map((page) => {
        // An empty page holds no items to name: `*/total`, as HTTP writes a range that covers nothing (a first
        // and last position here would describe items that do not exist).
        const range = page.items.length === 0 ? '*' : `${page.skip}-${page.skip + page.items.length - 1}`;
        void reply.header('content-range', `${this.resource} ${range}/${page.total}`);
        return page.items;
      }),
    );
  }
}

export const ContentRange = (resource: string) => UseInterceptors(new ContentRangeInterceptor(resource));
