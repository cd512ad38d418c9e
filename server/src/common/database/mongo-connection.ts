import { setTimeout as sleep } from 'node:timers/promises';
import { ConnectionString } from 'mongodb-connection-string-url';
import mongoose, { type Connection } from 'mongoose';
import { within } from '../async/within.js';

export interface ConnectLog {
  info: (message: string) => void;
  warn: (message: string) => void;
}

const ATTEMPTS = 10;

/** Where the data goes when the URI names no database: the driver's own default, `test`, is where nobody looks. */
export const DEFAULT_DATABASE = 'gabarit';

/** The database a connection string names (`mongodb://host/name`), or undefined. */
function namedDatabase(uri: string): string | undefined {
  const name = new ConnectionString(uri).pathname.replace(/^\//, '');
  return name ? decodeURIComponent(name) : undefined;
}

/** The database a connection string names, or {@link DEFAULT_DATABASE}. */
export function databaseNameOf(uri: string): string {
  return namedDatabase(uri) ?? DEFAULT_DATABASE;
}

/** Opens a mongoose connection, retrying with backoff at start-up, and logs every later state change. */
export async function connectWithRetry(uri: string, log: ConnectLog): Promise<Connection> {
  const safeUri = uri.replace(/\/\/[^@/]*@/, '//***@');
  const named = namedDatabase(uri);
  const dbName = named ?? DEFAULT_DATABASE;
  const where = named ? safeUri : `${safeUri}, database ${dbName}`;
  for (let attempt = 1; ; attempt++) {
    const connection = mongoose.createConnection(uri, {
      dbName,
      serverSelectionTimeoutMS: 5_000,
      // A database that stops answering (frozen, or the network gone) without closing its sockets: the monitor
      // notices within a few seconds, marks it unknown and interrupts the operations waiting on it, so callers
      // get a 503 instead of hanging until it comes back (measured by bench/outage.js).
      heartbeatFrequencyMS: 2_000,
      connectTimeoutMS: 3_000,
      socketTimeoutMS: 20_000,
      // Fail fast instead of queueing writes while the database is away: callers get a 503 at once.
      bufferCommands: false,
      autoIndex: true,
    });
    try {
      await connection.asPromise();
      reportStateChanges(connection, safeUri, log);
      log.info(`connected to ${where}`);
      return connection;
    } catch (err) {
      await connection.close().catch(() => undefined);
      if (attempt >= ATTEMPTS) {
        throw new Error(
          `Could not connect to the database at ${safeUri} after ${ATTEMPTS} attempts: ${(err as Error).message}`,
          { cause: err },
        );
      }
      const delay = Math.min(500 * 2 ** (attempt - 1), 5_000);
      log.warn(
        `database not reachable at ${safeUri} (attempt ${attempt}/${ATTEMPTS}): ${(err as Error).message}; retrying in ${delay} ms`,
      );
      await sleep(delay);
    }
  }
}

function reportStateChanges(connection: Connection, safeUri: string, log: ConnectLog): void {
  connection.on('disconnected', () => log.warn(`database connection lost (${safeUri}); the driver keeps retrying`));
  connection.on('reconnected', () => log.info(`database connection restored (${safeUri})`));
  connection.on('error', (err: Error) => log.warn(`database error: ${err.message}`));
}

/** True when the database answers a ping within the timeout. */
export async function databaseAnswers(connection: Connection, timeoutMs = 1_500): Promise<boolean> {
  if (connection.readyState !== mongoose.ConnectionStates.connected || !connection.db) return false;
  const ping = connection.db
    .admin()
    .ping()
    .then(() => true)
    .catch(() => false);
  return within(ping, timeoutMs, () => false);
}
