import { Module } from '@nestjs/common';
import { ServingModule } from '../modules/serving/serving.module.js';
import { RulesetsModule } from '../modules/rulesets/rulesets.module.js';
import { UsersModule } from '../modules/users/users.module.js';
import { SeedMarksRepository } from './seed-marks.repository.js';
import { SeedService } from './seed.service.js';

@Module({
  imports: [UsersModule, RulesetsModule, ServingModule],
  providers: [SeedService, SeedMarksRepository],
  exports: [SeedService],
})
export class SeedModule {}
