import { Param, type PipeTransform } from '@nestjs/common';
import { NotFoundError } from '../errors/domain-errors.js';

/** Versions are numbered 1, 2, 3…; nine digits is more than any resource will have. */
const VERSION = /^[1-9][0-9]{0,8}$/;

/** The same bound for a version number in a body (`{"version": 1e20}` is an integer to JSON Schema). */
export const versionNumberSchema = { type: 'integer', minimum: 1, maximum: 999_999_999 } as const;

/**
 * The `:n` of a version's URL. Anything but a version number names no version: 404, worded for the caller (Nest's
 * pipe said "Validation failed (numeric string is expected)", and read 99999999999999999999 as 1e20). The OpenAPI
 * document declares the parameter from this pipe (openapi-contract.ts).
 */
export class VersionNumberPipe implements PipeTransform<string, number> {
  transform(raw: string): number {
    if (!VERSION.test(raw))
      throw new NotFoundError(`There is no version "${raw.slice(0, 40)}": versions are numbered 1, 2, 3 and so on.`, [
        { path: '/version', message: 'is not a version number' },
      ]);
    return Number(raw);
  }
}

export const VersionNumber = () => Param('n', new VersionNumberPipe());
