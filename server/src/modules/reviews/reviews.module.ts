import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { EvaluationModule } from '../evaluation/evaluation.module.js';
import { RulesetsModule } from '../rulesets/rulesets.module.js';
import { ReviewsController } from './reviews.controller.js';
import { ReviewsRepository } from './reviews.repository.js';
import { ReviewsService } from './reviews.service.js';
import { VersionOutcomes } from './version-outcomes.js';

/** Above evaluation: receipts read decision records, reviews follow them. */
@Module({
  imports: [EvaluationModule, RulesetsModule, AuditModule],
  controllers: [ReviewsController],
  providers: [ReviewsService, ReviewsRepository, VersionOutcomes],
})
export class ReviewsModule {}
