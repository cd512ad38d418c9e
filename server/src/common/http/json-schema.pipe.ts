import { Body, Query, type PipeTransform } from '@nestjs/common';
import type { ValidateFunction } from 'ajv';
import { ValidationError } from '../errors/domain-errors.js';
import { contractAjv, toErrorDetails } from './ajv.js';
import {
  parametersOfSchema,
  repeatedParameters,
  type DescribesQuery,
  type QueryParameter,
} from './query-parameters.js';

/**
 * Validates a request part against a contract JSON Schema; a failure is a 400 naming every bad path. `schema`
 * is the one validated and documented: the contract's, with every integer held to what a JSON number carries
 * exactly (see safeIntegers).
 */
export class JsonSchemaPipe implements PipeTransform, DescribesQuery {
  private readonly validate: ValidateFunction;
  readonly schema: object;

  constructor(
    schema: object,
    private readonly what = 'request body',
  ) {
    this.schema = safeIntegers(structuredClone(schema));
    this.validate = contractAjv.compile(this.schema);
  }

  transform(value: unknown): unknown {
    // No body at all reads as {}; a body of `null` is a body, and the schema judges it.
    const input = value === undefined ? {} : value;
    const properties = (this.schema as { properties?: Record<string, { type?: unknown }> }).properties ?? {};
    const repeated =
      this.what === 'query string'
        ? repeatedParameters(input, (name) => Object.hasOwn(properties, name) && properties[name]!.type !== 'array')
        : [];
    if (repeated.length > 0) throw new ValidationError(`The ${this.what} is invalid.`, repeated);
    if (!this.validate(input)) {
      throw new ValidationError(`The ${this.what} is invalid.`, toErrorDetails(this.validate.errors));
    }
    return input;
  }

  queryParameters(): QueryParameter[] {
    return parametersOfSchema(this.schema);
  }
}

/**
 * Bounds every integer without bounds of its own to ±(2^53 − 1): past that a JSON number is not read as written
 * (the body parser refuses such an integer), so the contract says so rather than promise what cannot be kept.
 */
export function safeIntegers<T>(schema: T): T {
  if (typeof schema !== 'object' || schema === null) return schema;
  const node = schema as Record<string, unknown>;
  const type = node['type'];
  if (type === 'integer' || (Array.isArray(type) && type.includes('integer'))) {
    if (node['maximum'] === undefined && node['exclusiveMaximum'] === undefined)
      node['maximum'] = Number.MAX_SAFE_INTEGER;
    if (node['minimum'] === undefined && node['exclusiveMinimum'] === undefined)
      node['minimum'] = -Number.MAX_SAFE_INTEGER;
  }
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) value.forEach(safeIntegers);
    else safeIntegers(value);
  }
  return schema;
}

/** `@ValidBody(schema)`: the body, validated against the schema. */
export const ValidBody = (schema: object) => Body(new JsonSchemaPipe(schema));

/** `@ValidQuery(schema)`: the query string object, validated against the schema. */
export const ValidQuery = (schema: object) => Query(new JsonSchemaPipe(schema, 'query string'));
