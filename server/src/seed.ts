import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { CliModule } from './cli.module.js';
import { JsonLogger, serviceLog } from './common/logging/json-logger.js';
import { loadConfig } from './config/load-config.js';
import { endOnSignals, toolArguments } from './common/cli/tool-arguments.js';
import { SeedModule } from './seed/seed.module.js';
import { SeedService } from './seed/seed.service.js';

/** `npm run seed`: loads the seed content into the configured database (idempotent) and exits. */
async function seed(): Promise<void> {
  endOnSignals();
  toolArguments(
    'usage: npm run seed   (loads rulesets/, prompts/ and seeds/ into the database of DATA_DIR or MONGODB_URI)',
    process.argv.slice(2),
    0,
  );
  const config = loadConfig(process.env);
  // The same JSON lines as the service's, so one log pipeline reads both.
  // The command-line module: no HTTP, pollers or retention jobs (the whole service here had purged decision records).
  const app = await NestFactory.createApplicationContext(CliModule.forRoot(config, [SeedModule]), {
    abortOnError: false,
    logger: new JsonLogger(serviceLog(config, 'sync')),
  });
  await app.get(SeedService).seedAll();
  await app.close();
}

seed().catch((err: unknown) => {
  process.stderr.write(`Seeding failed: ${(err as Error).message}\n`);
  process.exit(1);
});
