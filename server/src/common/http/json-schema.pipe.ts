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

/** Validates a request part against a contract JSON Schema; a failure is a 400 naming every bad path. */
export class JsonSchemaPipe implements PipeTransform, DescribesQuery {
  private readonly validate: ValidateFunction;

  constructor(
    readonly schema: object,
    private readonly what = 'request body',
  ) {
    this.validate = contractAjv.compile(schema);
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

/** `@ValidBody(schema)`: the body, validated against the schema. */
export const ValidBody = (schema: object) => Body(new JsonSchemaPipe(schema));

/** `@ValidQuery(schema)`: the query string object, validated against the schema. */
export const ValidQuery = (schema: object) => Query(new JsonSchemaPipe(schema, 'query string'));
