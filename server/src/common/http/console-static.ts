import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
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

// A file name the console's build writes (index-CXlYy0n2.js, favicon.svg), at the top or under assets/: no other
// directory and no `..`, so a request can only ever name a file of the build.
const BUILT_FILE = /^(assets\/)?[\w-]+(\.[\w-]+)+$/;

/**
 * Serves the built console at /admin/, with index.html for client-side routes. Its data still needs a sign-in.
 * The console may be built, or built again, while the service runs (`npm run build:console` in development): the
 * page is read again when its file changes, and an asset written since start, which @fastify/static did not list
 * when it was registered, is served by the client-route handler. A console built after start used to show a blank
 * page until the service was restarted.
 */
export async function registerConsole(
  fastify: FastifyInstance,
  root = join(projectRoot(), 'admin-ui', 'dist'),
): Promise<void> {
  const indexFile = join(root, 'index.html');
  let index: { mtimeMs: number; html: string } | undefined;
  const currentIndex = (): string | undefined => {
    // One stat per page load (not per asset): the page is loaded once per visit.
    const mtimeMs = statSync(indexFile, { throwIfNoEntry: false })?.mtimeMs;
    if (mtimeMs === undefined) return undefined;
    if (index?.mtimeMs !== mtimeMs) index = { mtimeMs, html: readFileSync(indexFile, 'utf8') };
    return index.html;
  };
  // Lists the files built by now (a missing build logs a warning) and gives replies `sendFile` for later ones.
  await fastify.register(fastifyStatic, { root, prefix: '/admin/', wildcard: false, index: false, maxAge: '1h' });
  fastify.get('/admin', (_request, reply) => reply.redirect('/admin/'));
  const sendIndex = (reply: FastifyReply) => {
    const html = currentIndex();
    if (html === undefined)
      return reply
        .status(503)
        .send({ error: 'console_not_built', message: 'The console is not built: run `npm run build`.', details: [] });
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('content-security-policy', CONSOLE_CSP)
      .send(html);
  };
  fastify.get('/admin/', (_request, reply) => sendIndex(reply));
  fastify.get('/admin/*', (request, reply) => {
    const file = (request.params as { '*': string })['*'];
    if (BUILT_FILE.test(file) && existsSync(join(root, file))) return reply.sendFile(file, root, { maxAge: '1h' });
    return sendIndex(reply);
  });
}
