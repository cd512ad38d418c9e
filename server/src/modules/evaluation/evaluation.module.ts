import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { ReferenceDataModule } from '../reference-data/reference-data.module.js';
import { RulesetsModule } from '../rulesets/rulesets.module.js';
import { DecisionRetention } from './decision-retention.js';
import { DecisionSamplesRepository } from './decision-samples.repository.js';
import { DecisionsRepository } from './decisions.repository.js';
import { DecisionWriter } from './decision-writer.js';
import { EvaluationController } from './evaluation.controller.js';
import { EvaluationMetrics } from './evaluation-metrics.js';
import { EvaluationService } from './evaluation.service.js';
import { LatestDecisions } from './latest-decisions.js';
import { PreparedVersions } from './prepared-versions.js';
import { RulesetSnapshots } from './ruleset-snapshots.js';
import { ShadowController } from './shadow.controller.js';
import { ShadowRunner } from './shadow-runner.js';
import { ShadowTalliesRepository } from './shadow-tallies.repository.js';
import { TableReaders } from './table-readers.js';

@Module({
  imports: [RulesetsModule, ReferenceDataModule, AuditModule],
  controllers: [EvaluationController, ShadowController],
  providers: [
    EvaluationService,
    RulesetSnapshots,
    PreparedVersions,
    DecisionsRepository,
    DecisionSamplesRepository,
    LatestDecisions,
    DecisionWriter,
    DecisionRetention,
    TableReaders,
    EvaluationMetrics,
    ShadowRunner,
    ShadowTalliesRepository,
  ],
  exports: [DecisionRetention, EvaluationService],
})
export class EvaluationModule {}
