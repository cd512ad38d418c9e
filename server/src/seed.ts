import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module.js';
import { loadConfig } from './config/load-config.js';
import { SeedService } from './seed/seed.service.js';

/** `npm run seed`: loads the seed content into the configured database (idempotent) and exits. */
async function seed(): Promise<void> {
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(loadConfig(process.env)), {
    abortOnError: false,
  });
  await app.get(SeedService).seedAll();
  await app.close();
}

seed().catch((err: unknown) => {
  process.stderr.write(`Seeding failed: ${(err as Error).message}\n`);
  process.exit(1);
});
