import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';
import { projectRoot } from '../project-root.js';

/**
 * The console page's policy: the API's, plus 'unsafe-eval' because ajv compiles the facts form's JSON Schema with
 * new Function in the browser (ADR 0008). Inline scripts and other origins stay refused.
 */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'self'",
  "form-action 'self'",
].join(';');

/** Serves the built console at /admin/, with index.html for client-side routes. Its data still needs a sign-in. */
export async function registerConsole(app: NestFastifyApplication): Promise<void> {
  const root = join(projectRoot(), 'admin-ui', 'dist');
  const fastify = app.getHttpAdapter().getInstance();
  const indexFile = join(root, 'index.html');
  if (!existsSync(indexFile)) {
    fastify.get('/admin/*', (_request, reply) =>
      reply
        .status(503)
        .send({ error: 'console_not_built', message: 'The console is not built: run `npm run build`.', details: [] }),
    );
    return;
  }
  const indexHtml = readFileSync(indexFile, 'utf8');
  await app.register(fastifyStatic, { root, prefix: '/admin/', wildcard: false, index: false, maxAge: '1h' });
  fastify.get('/admin', (_request, reply) => reply.redirect('/admin/'));
  const sendIndex = (reply: FastifyReply) =>
    reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('content-security-policy', CONSOLE_CSP)
      .send(indexHtml);
  fastify.get('/admin/', (_request, reply) => sendIndex(reply));
  fastify.get('/admin/*', (_request, reply) => sendIndex(reply));
}
