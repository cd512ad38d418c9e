import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { LlmModule } from '../llm/llm.module.js';
import { PromptsController } from './prompts.controller.js';
import { PromptsRepository } from './prompts.repository.js';
import { PromptFiles } from './prompt-files.js';
import { PromptsService } from './prompts.service.js';

@Module({
  imports: [AuditModule, LlmModule],
  controllers: [PromptsController],
  providers: [PromptsRepository, PromptsService, PromptFiles],
  exports: [PromptsService, PromptFiles],
})
export class PromptsModule {}
