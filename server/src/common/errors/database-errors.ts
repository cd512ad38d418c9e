// Errors the MongoDB driver raises when it cannot reach the server: the database is down, not our bug.
const DATABASE_DOWN_ERRORS = new Set([
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  // In-flight operations interrupted when the driver's monitor finds the database gone.
  'PoolClearedOnNetworkError',
  'PoolClearedError',
  'MongoServerClosedError',
]);

/**
 * The database did not answer. A write that failed so may still have landed: its request may have reached the server
 * before the answer was lost (a frozen database applies it when it resumes), and a retried write's second try may
 * fail at server selection after its first went through.
 */
export function isDatabaseDown(err: unknown): boolean {
  const name = (err as { name?: unknown } | undefined)?.name;
  return typeof name === 'string' && DATABASE_DOWN_ERRORS.has(name);
}
