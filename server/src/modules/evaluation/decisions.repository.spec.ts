import { createRequire } from 'node:module';
import { describe, expect, it } from '@jest/globals';
import { MongoBulkWriteError, MongoNetworkTimeoutError } from 'mongodb';
import { onlyDuplicateKeys } from './decisions.repository.js';

// The driver's own result type, as it builds the error it throws (not part of its public entry point).
const { BulkWriteResult } = createRequire(import.meta.url)('mongodb/lib/bulk/common.js') as {
  BulkWriteResult: new (
    result: Record<string, unknown>,
    isOrdered: boolean,
  ) => ConstructorParameters<typeof MongoBulkWriteError>[1];
};

const result = () =>
  new BulkWriteResult(
    {
      ok: 1,
      writeErrors: [],
      writeConcernErrors: [],
      insertedIds: [],
      nInserted: 0,
      nUpserted: 0,
      nMatched: 0,
      nModified: 0,
      nRemoved: 0,
      upserted: [],
    },
    false,
  );

/** As the driver throws it when the server refused documents (bulk/common.js, handleWriteError). */
const refused = (writeErrors: { index: number; code: number; errmsg: string }[]) =>
  new MongoBulkWriteError(
    { message: writeErrors[0]!.errmsg, code: writeErrors[0]!.code, writeErrors } as never,
    result(),
  );
/** As the driver throws it when the insert itself failed (a timeout, a reset, a failover): no write error. */
const failed = (cause: Error) => new MongoBulkWriteError(cause as never, result());

describe('storing a trace table that may be there already', () => {
  it('takes duplicate keys, and only them, for a table stored already', () => {
    const duplicate = { index: 0, code: 11000, errmsg: 'E11000 duplicate key error' };
    expect(onlyDuplicateKeys(refused([duplicate]))).toBe(true);
    expect(onlyDuplicateKeys(refused([duplicate, { index: 1, code: 2, errmsg: 'bad value' }]))).toBe(false);
  });

  it('takes a timeout during the insert, which the driver reports with no write error, for a failure', () => {
    expect(onlyDuplicateKeys(failed(new MongoNetworkTimeoutError('socket timeout')))).toBe(false);
    expect(onlyDuplicateKeys(new MongoNetworkTimeoutError('socket timeout'))).toBe(false);
    expect(onlyDuplicateKeys(new Error('connection refused'))).toBe(false);
  });
});
