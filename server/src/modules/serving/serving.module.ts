import { Module } from '@nestjs/common';
import { CompletionsModule } from '../completions/completions.module.js';
import { ExperimentsModule } from '../experiments/experiments.module.js';
import { LlmModule } from '../llm/llm.module.js';
import { PromptsModule } from '../prompts/prompts.module.js';
import { CompletionController } from './completion.controller.js';
import { CompletionService } from './completion.service.js';

/**
 * What needs prompts and experiments together: serving `complete` (an experiment's variant, rendered, sent to the
 * model). Neither of the two imports the other.
 */
@Module({
  imports: [PromptsModule, ExperimentsModule, LlmModule, CompletionsModule],
  controllers: [CompletionController],
  providers: [CompletionService],
})
export class ServingModule {}
