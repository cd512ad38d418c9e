import type { FromSchema } from 'json-schema-to-ts';
import { createRulesetRequestSchema } from './rulesets.contract.js';

// DMN exchange (docs/adr/0027-dmn-exchange.md): where an imported table goes.
export const dmnImportQuerySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['key', 'pilot'],
  properties: {
    key: createRulesetRequestSchema.properties.key,
    pilot: createRulesetRequestSchema.properties.pilot,
  },
} as const;
export type DmnImportQuery = FromSchema<typeof dmnImportQuerySchema>;

/** The body of the import: a DMN file; its XML is what the route reads. */
export const dmnDocumentSchema = {
  type: 'string',
  description:
    'a DMN 1.3 (or 1.1–1.5) file with one decision whose logic is a decision table; no DOCTYPE or entity declarations',
} as const;

/** What DMN media types mean here: the service writes application/xml (DMN has no registered media type). */
export const DMN_MEDIA_TYPE = 'application/xml';
