import type { Ajv, Format } from 'ajv';

/** ajv-formats' `url`: the same texts accepted, in linear time (see linear-formats.mjs). */
export declare function isUrl(text: string): boolean;
/** ajv-formats' full formats with `url` replaced. */
export declare const linearFormats: Record<string, Format>;
/** Adds ajv-formats' formats (and its keywords) to an ajv instance, `url` matched in linear time. */
export declare function addLinearFormats(ajv: Ajv): Ajv;
