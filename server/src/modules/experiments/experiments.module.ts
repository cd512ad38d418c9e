import { Module } from '@nestjs/common';
import { CompletionsModule } from '../completions/completions.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { PromptsModule } from '../prompts/prompts.module.js';
import { ExperimentsController } from './experiments.controller.js';
import { PromptServingController } from './prompt-serving.controller.js';
import { PromptSlotsRepository } from './prompt-slots.repository.js';
import { ExperimentsRepository } from './experiments.repository.js';
import { ExperimentFiles } from './experiment-files.js';
import { ExperimentsService } from './experiments.service.js';
import { FeedbackRepository } from './feedback.repository.js';

@Module({
  imports: [AuditModule, PromptsModule, CompletionsModule],
  controllers: [ExperimentsController, PromptServingController],
  providers: [ExperimentsRepository, ExperimentsService, FeedbackRepository, PromptSlotsRepository, ExperimentFiles],
  exports: [ExperimentsService, ExperimentFiles],
})
export class ExperimentsModule {}
