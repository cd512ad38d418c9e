import { Ajv, type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import type { ErrorDetail } from '../errors/domain-errors.js';

/** The shared ajv instance for request contracts: strict about unknown fields, no type coercion of bodies. */
export const contractAjv = new Ajv({ allErrors: true, strict: true, useDefaults: true, verbose: true });
addFormats.default(contractAjv);
// RFC 3339 allows a leap second (23:59:60Z) and ajv-formats takes it; JavaScript's Date cannot hold one, so such an
// instant was taken for "now" (asOf), for the past (effectiveFrom) or ignored (audit filters). Every instant the
// API takes is one a Date can hold.
const rfc3339 = contractAjv.formats['date-time'] as { validate: (text: string) => boolean };
contractAjv.addFormat('date-time', {
  type: 'string',
  validate: (text: string) => rfc3339.validate(text) && !Number.isNaN(Date.parse(text)),
});

/** ajv errors as §7 details: the JSON Pointer names the exact field, including a missing or unexpected one. */
export function toErrorDetails(errors: ErrorObject[] | null | undefined, basePath = ''): ErrorDetail[] {
  return (errors ?? []).map((e) => {
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
      message = `must be one of: ${(e.params['allowedValues'] as unknown[]).join(', ')}`;
    }
    return { path: path || '/', message, keyword: e.keyword, params };
  });
}
