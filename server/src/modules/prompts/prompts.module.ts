import { forwardRef, Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { ExperimentsModule } from '../experiments/experiments.module.js';
import { LlmModule } from '../llm/llm.module.js';
import { CompletionsRepository } from './completions.repository.js';
import { PromptFiles } from './prompt-files.js';
import { PromptsController } from './prompts.controller.js';
import { PromptsRepository } from './prompts.repository.js';
import { PromptsService } from './prompts.service.js';

@Module({ imports: [AuditModule, LlmModule, forwardRef(() => ExperimentsModule)], controllers: [PromptsController], providers: [PromptsRepository, PromptsService, CompletionsRepository, PromptFiles], exports: [PromptsService, CompletionsRepository, PromptFiles] })
export class PromptsModule {}
