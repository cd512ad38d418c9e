import { Module } from '@nestjs/common';
import { CompletionsRepository } from './completions.repository.js';

/** The record of every answer served: written by serving, read by experiments' results and feedback. */
@Module({ providers: [CompletionsRepository], exports: [CompletionsRepository] })
export class CompletionsModule {}
