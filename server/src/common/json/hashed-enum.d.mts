import type { CodeKeywordDefinition } from 'ajv';

/** ajv's `enum` keyword with a hash (see hashed-enum.mjs). */
export declare const hashedEnum: CodeKeywordDefinition;
