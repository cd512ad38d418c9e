import { Module } from '@nestjs/common';
import { CompletionsRepository } from './completions.repository.js';
import { ExperimentLogRepository } from './experiment-log.repository.js';
import { ExperimentLog } from './experiment-log.js';

/**
 * The record of every answer served: written by serving, read by experiments' feedback; and the log of what
 * experiments served, which their results are computed from.
 */
@Module({
  providers: [CompletionsRepository, ExperimentLog, ExperimentLogRepository],
  exports: [CompletionsRepository, ExperimentLog],
})
export class CompletionsModule {}
