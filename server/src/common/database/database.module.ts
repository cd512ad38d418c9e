import { Global, Inject, Injectable, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.schema.js';
import { EmbeddedFerretDb } from './embedded-ferretdb.js';
import { connectWithRetry } from './mongo-connection.js';

export const DB_CONNECTION = Symbol('DB_CONNECTION');
export const EMBEDDED_DB = Symbol('EMBEDDED_DB');

const logger = new Logger('Database');

/** Closes the connection, then the embedded server, after the HTTP server has stopped taking requests. */
@Injectable()
class DatabaseLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(DB_CONNECTION) private readonly connection: Connection,
    @Inject(EMBEDDED_DB) private readonly embedded: EmbeddedFerretDb | null,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    this.connection.removeAllListeners('disconnected'); // closing on purpose is not a lost connection
    await this.connection.close();
    await this.embedded?.stop();
  }
}

/** The one mongoose connection: to MONGODB_URI when set, otherwise to an embedded FerretDB it starts. */
@Global()
@Module({
  providers: [
    {
      provide: EMBEDDED_DB,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig): Promise<EmbeddedFerretDb | null> => {
        if (config.mongodbUri) return null;
        const embedded = new EmbeddedFerretDb({
          binary: config.ferretdbBin,
          dataDir: config.dataDir,
          port: config.ferretdbPort,
          log: (message) => logger.log(message),
        });
        await embedded.start();
        return embedded;
      },
    },
    {
      provide: DB_CONNECTION,
      inject: [APP_CONFIG, EMBEDDED_DB],
      useFactory: (config: AppConfig, embedded: EmbeddedFerretDb | null): Promise<Connection> =>
        connectWithRetry(config.mongodbUri ?? embedded!.uri, {
          info: (m) => logger.log(m),
          warn: (m) => logger.warn(m),
        }),
    },
    DatabaseLifecycle,
  ],
  exports: [DB_CONNECTION, EMBEDDED_DB],
})
export class DatabaseModule {}
