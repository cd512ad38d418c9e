import { Injectable, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { ExperimentsModule } from '../modules/experiments/experiments.module.js';
import { PromptsModule } from '../modules/prompts/prompts.module.js';
import { ReferenceDataModule } from '../modules/reference-data/reference-data.module.js';
import { RulesetsModule } from '../modules/rulesets/rulesets.module.js';
import { UsersModule } from '../modules/users/users.module.js';
import { SeedMarksRepository } from './seed-marks.repository.js';
import { SeedService } from './seed.service.js';

@Module({
  imports: [UsersModule, RulesetsModule, PromptsModule, ExperimentsModule, ReferenceDataModule],
  providers: [SeedService, SeedMarksRepository],
  exports: [SeedService],
})
export class SeedModule {}

/** The service's first-start seeding (SeedService.seedFirstStart), run once the application is up. */
@Injectable()
class FirstStartSeed implements OnApplicationBootstrap {
  constructor(private readonly seed: SeedService) {}

  onApplicationBootstrap(): Promise<void> {
    return this.seed.seedFirstStart();
  }
}

/**
 * What the service imports: SeedModule with the first-start seeding. `npm run seed` imports SeedModule alone, with
 * the command-line module (cli.module.ts): started as the whole service, it had run every start-up job too, the
 * decision-record retention purge with the tool's own DECISION_RETENTION_DAYS among them, and seeded twice.
 */
@Module({ imports: [SeedModule], providers: [FirstStartSeed] })
export class SeedOnStartModule {}
