import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { LlmModule } from '../llm/llm.module.js';
import { PromptEvaluationController } from './evaluation/evaluation.controller.js';
import { EvaluationRepository } from './evaluation/evaluation.repository.js';
import { EvaluationService } from './evaluation/evaluation.service.js';
import { PromptsController } from './prompts.controller.js';
import { PromptsRepository } from './prompts.repository.js';
import { PromptFiles } from './prompt-files.js';
import { PromptsService } from './prompts.service.js';

@Module({
  imports: [AuditModule, LlmModule],
  controllers: [PromptsController, PromptEvaluationController],
  providers: [PromptsRepository, PromptsService, PromptFiles, EvaluationRepository, EvaluationService],
  exports: [PromptsService, PromptFiles],
})
export class PromptsModule {}
