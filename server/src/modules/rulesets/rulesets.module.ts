import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { RuleVocabularyController } from './rule-vocabulary.controller.js';
import { RulesetFiles } from './ruleset-files.js';
import { RulesetsController } from './rulesets.controller.js';
import { RulesetsRepository } from './rulesets.repository.js';
import { RulesetsService } from './rulesets.service.js';

@Module({
  imports: [AuditModule],
  controllers: [RulesetsController, RuleVocabularyController],
  providers: [RulesetsRepository, RulesetsService, RulesetFiles],
  exports: [RulesetsService, RulesetFiles],
})
export class RulesetsModule {}
