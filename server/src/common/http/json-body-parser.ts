import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ValidationError } from '../errors/domain-errors.js';

/** Deeper documents are refused before any validator recurses into them (no legitimate payload nests this far). */
export const MAX_JSON_DEPTH = 64;

/**
 * True when the JSON text nests deeper than `max`, found by scanning brackets outside strings. It runs before
 * JSON.parse so hostile nesting never reaches code that recurses over the value (validators, canonical JSON, BSON).
 */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
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
      if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
        return done(
          new ValidationError(`The request body nests deeper than ${MAX_JSON_DEPTH} levels.`, [
            { path: '/', message: `nesting depth exceeds ${MAX_JSON_DEPTH}` },
          ], 'too_deep'),
        );
      }
      try {
        done(null, JSON.parse(text));
      } catch (err) {
        done(err as SyntaxError);
      }
    },
  );
}
