import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { DatabaseModule } from './common/database/database.module.js';
import { SerialLocksModule } from './common/database/serial-locks.js';
import { MetricsModule } from './common/metrics/metrics.module.js';
import { ConfigModule } from './config/config.module.js';
import type { AppConfig } from './config/config.schema.js';

/**
 * What a command-line task starts: configuration, the database and the modules it names. No HTTP, no seeding,
 * no pollers or retention jobs: a one-off command must not load the pilots or decide anything on the way.
 */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig, modules: Type[]): DynamicModule {
    return {
      module: CliModule,
      imports: [ConfigModule.forRoot(config), MetricsModule, DatabaseModule, SerialLocksModule, ...modules],
    };
  }
}
