import { Module } from '@nestjs/common';
import { PromptsModule } from '../modules/prompts/prompts.module.js';
import { RulesetsModule } from '../modules/rulesets/rulesets.module.js';
import { UsersModule } from '../modules/users/users.module.js';
import { SeedService } from './seed.service.js';

@Module({ imports: [UsersModule, RulesetsModule, PromptsModule], providers: [SeedService], exports: [SeedService] })
export class SeedModule {}
