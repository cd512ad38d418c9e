import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * JSON API responses get the headers OWASP's REST Security Cheat Sheet lists for APIs: nothing in them is a
 * document a browser renders, so the document policies (cross-origin isolation, DNS prefetch, download and
 * XSS-auditor switches) only cost bytes and time on every decision.
 */
export const API_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
});

/**
 * Security headers computed once at start and set on every reply: helmet's for pages (the console, the API
 * documentation), the API set for `/api/` responses. (@fastify/helmet rebuilt the whole helmet middleware, CSP
 * parsing included, on every request: 4 % of the CPU of /evaluate.)
 */
export function registerSecurityHeaders(fastify: FastifyInstance, options: HelmetOptions): void {
  const pageHeaders = helmetHeaders(options);
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.headers(request.url.startsWith('/api/v') ? API_HEADERS : pageHeaders);
    done();
  });
}

/** Runs helmet once on a stand-in response and keeps what it set. */
export function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: unknown) => void (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  };
  let failure: unknown;
  helmet(options)(
    {} as IncomingMessage,
    response as unknown as ServerResponse,
    (err?: unknown) => void (failure = err),
  );
  if (failure) throw failure;
  return headers;
}
