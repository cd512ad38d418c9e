import { Module } from '@nestjs/common';
import { CompletionsModule } from '../completions/completions.module.js';
import { ExperimentsModule } from '../experiments/experiments.module.js';
import { LlmModule } from '../llm/llm.module.js';
import { PromptsModule } from '../prompts/prompts.module.js';
import { CompletionController } from './completion.controller.js';
import { CompletionService } from './completion.service.js';
import { PromptFiles } from './prompt-files.js';

/**
 * What needs prompts and experiments together: serving `complete` (an experiment's variant, rendered, sent to the
 * model) and loading the chatbot pilot's files (prompts, then their experiments). Neither of the two imports the other.
 */
@Module({
  imports: [PromptsModule, ExperimentsModule, LlmModule, CompletionsModule],
  controllers: [CompletionController],
  providers: [CompletionService, PromptFiles],
  exports: [PromptFiles],
})
export class ServingModule {}
