import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ValidationError } from '../errors/domain-errors.js';

/** Deeper documents are refused before any validator recurses into them (no legitimate payload nests this far). */
export const MAX_JSON_DEPTH = 64;

/** Depth of a parsed JSON value, walked iteratively so hostile nesting cannot overflow the stack. */
export function jsonDepth(value: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth > max) max = depth;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return max;
}

/** JSON is the only body the API takes (others get 415); malformed or over-nested bodies get a clear 400. */
export function registerJsonBodyParser(fastify: FastifyInstance): void {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(
    'application/json',
    { parseAs: 'string' },
    (_request: FastifyRequest, body: string | Buffer, done: (err: Error | null, body?: unknown) => void) => {
      const text = body.toString();
      if (text.trim() === '') return done(null, undefined);
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (err) {
        return done(err as SyntaxError);
      }
      if (jsonDepth(parsed) > MAX_JSON_DEPTH) {
        return done(
          new ValidationError(`The request body nests deeper than ${MAX_JSON_DEPTH} levels.`, [
            { path: '/', message: `nesting depth exceeds ${MAX_JSON_DEPTH}` },
          ], 'too_deep'),
        );
      }
      done(null, parsed);
    },
  );
}
