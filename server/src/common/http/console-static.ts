import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { projectRoot } from '../project-root.js';

/** Serves the built console at /admin/, with index.html for client-side routes. Its data still needs a sign-in. */
export async function registerConsole(app: NestFastifyApplication): Promise<void> {
  const root = join(projectRoot(), 'admin-ui', 'dist');
  const fastify = app.getHttpAdapter().getInstance();
  const indexFile = join(root, 'index.html');
  if (!existsSync(indexFile)) {
    fastify.get('/admin/*', (_request, reply) =>
      reply.status(503).send({ error: 'console_not_built', message: 'The console is not built: run `npm run build`.', details: [] }),
    );
    return;
  }
  const indexHtml = readFileSync(indexFile, 'utf8');
  await app.register(fastifyStatic, { root, prefix: '/admin/', wildcard: false, index: false, maxAge: '1h' });
  fastify.get('/admin', (_request, reply) => reply.redirect('/admin/'));
  fastify.get('/admin/', (_request, reply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml));
  fastify.get('/admin/*', (_request, reply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml));
}
