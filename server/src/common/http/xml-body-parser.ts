import { isUtf8 } from 'node:buffer';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ValidationError } from '../errors/domain-errors.js';
import { XML_CONTENT_TYPES, mediaError, takesXml, wrongMediaType } from './body-media.js';
import { unreadableEncoding } from './json-body-parser.js';

/** The encoding an XML declaration names (`<?xml version="1.0" encoding="ISO-8859-1"?>`), lower case, if any. */
export function declaredEncoding(text: string): string | undefined {
  return /^\uFEFF?<\?xml\s[^>]*?\bencoding\s*=\s*["']([^"']+)["']/.exec(text)?.[1]?.toLowerCase();
}

/**
 * XML bodies are read as text, within the app's body limit (Fastify's bodyLimit), and only on the routes that
 * take them: the handler parses them safely (modules/rulesets/dmn/dmn-xml.ts refuses DOCTYPE and entities).
 * They are read as UTF-8, as JSON bodies are: bytes that are not UTF-8 (« café » from an older tool in Latin-1)
 * are refused rather than stored as U+FFFD, and so is a file that declares, or is labelled with, another encoding.
 */
export function registerXmlBodyParser(fastify: FastifyInstance): void {
  fastify.addContentTypeParser(
    XML_CONTENT_TYPES,
    { parseAs: 'buffer' },
    (request: FastifyRequest, body: string | Buffer, done: (err: Error | null, body?: unknown) => void) => {
      if (!takesXml(request)) return done(wrongMediaType(request));
      const unreadable = unreadableEncoding(request.headers);
      if (unreadable) return done(mediaError(unreadable));
      if (typeof body !== 'string' && !isUtf8(body)) {
        // A byte-order mark says which encoding it is; otherwise an older tool's single-byte one is most likely.
        const utf16 =
          body.length >= 2 && ((body[0] === 0xff && body[1] === 0xfe) || (body[0] === 0xfe && body[1] === 0xff));
        return done(
          new ValidationError(
            `The XML is not valid UTF-8 (${utf16 ? 'it is saved in UTF-16' : 'it may have been saved in Latin-1 or Windows-1252'}): save it as UTF-8 and send it again.`,
            [
              {
                path: '/',
                message: utf16 ? 'is UTF-16, not UTF-8' : 'is not valid UTF-8',
                keyword: 'encoding',
                params: { reason: utf16 ? 'utf16' : 'not_utf8' },
              },
            ],
            'invalid_encoding',
          ),
        );
      }
      const text = body.toString();
      const declared = declaredEncoding(text);
      if (declared !== undefined && !['utf-8', 'utf8', 'us-ascii', 'ascii'].includes(declared))
        return done(
          new ValidationError(
            `The XML declares the encoding ${declared}; the import reads UTF-8 only: save the file as UTF-8.`,
            [
              {
                path: '/',
                message: `declares the encoding ${declared}`,
                keyword: 'encoding',
                params: { reason: 'declared', encoding: declared },
              },
            ],
            'invalid_encoding',
          ),
        );
      done(null, text);
    },
  );
}
