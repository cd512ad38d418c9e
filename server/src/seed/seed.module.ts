import { Module } from '@nestjs/common';
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
