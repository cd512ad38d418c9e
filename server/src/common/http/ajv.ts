import { Ajv, type ErrorObject } from 'ajv';
import type { ErrorDetail } from '../errors/domain-errors.js';
import { MAX_ERROR_DETAILS } from '../errors/error-body.js';
import '../json/ajv-equality.js';
import { addLinearFormats } from '../json/linear-formats.mjs';

/** The shared ajv instance for request contracts: strict about unknown fields, no type coercion of bodies. */
export const contractAjv = new Ajv({ allErrors: true, strict: true, useDefaults: true, verbose: true });
addLinearFormats(contractAjv);
// RFC 3339 allows a leap second (23:59:60Z) and ajv-formats takes it; JavaScript's Date cannot hold one, so such an
// instant was taken for "now" (asOf), for the past (effectiveFrom) or ignored (audit filters). Every instant the
// API takes is one a Date can hold.
const rfc3339 = contractAjv.formats['date-time'] as { validate: (text: string) => boolean };
contractAjv.addFormat('date-time', {
  type: 'string',
  validate: (text: string) => rfc3339.validate(text) && !Number.isNaN(Date.parse(text)),
});

/** Allowed values an enum's error names; the rest are counted. */
const ENUM_SHOWN = 20;

/**
 * ajv errors as §7 details: the JSON Pointer names the exact field, including a missing or unexpected one. The
 * first MAX_ERROR_DETAILS only: with `allErrors`, 150 000 wrong items of an array made as many errors, and
 * spreading them into a list overflowed the stack (a 500 any caller could cause); the error body lists no more.
 */
export function toErrorDetails(errors: ErrorObject[] | null | undefined, basePath = ''): ErrorDetail[] {
  return (errors ?? []).slice(0, MAX_ERROR_DETAILS).map((e) => {
    let path = basePath + e.instancePath;
    let message = e.message ?? 'is invalid';
    let params: Record<string, unknown> = e.params;
    if (e.keyword === 'required') {
      path += `/${String(e.params['missingProperty'])}`;
      message = 'is required';
    } else if (e.keyword === 'additionalProperties') {
      path += `/${String(e.params['additionalProperty'])}`;
      message = 'is not an allowed field';
    } else if (e.keyword === 'pattern' && typeof e.parentSchema?.['description'] === 'string') {
      // A regex means nothing to an analyst: say what is expected instead.
      message = `has the wrong format (expected ${e.parentSchema['description']})`;
      params = { ...params, expected: e.parentSchema['description'] };
    } else if (e.keyword === 'enum') {
      // Named in words, a few at most: a detail per wrong item had carried the whole list, « [object Object] »
      // for objects, 5.5 MB for a thousand items against an enum of two thousand.
      const allowed = e.params['allowedValues'] as unknown[];
      const shown = allowed.slice(0, ENUM_SHOWN);
      const words = shown.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ');
      message = `must be one of: ${words}${allowed.length > shown.length ? `, … (${allowed.length} in all)` : ''}`;
      params = { allowedValues: shown, ...(allowed.length > shown.length && { allowedCount: allowed.length }) };
    }
    return { path: path || '/', message, keyword: e.keyword, params };
  });
}
