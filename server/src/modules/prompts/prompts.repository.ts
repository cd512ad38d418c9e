import { Inject, Injectable } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { DB_CONNECTION } from '../../common/database/database.module.js';
import { VersionedResourceRepository } from '../governance/versioned-resource.repository.js';
import type { PromptContent, PromptMeta } from './prompt.types.js';

/** Prompts in `prompts`, frozen version contents in `prompt_contents`, revision claims in `prompt_revisions`. */
@Injectable()
export class PromptsRepository extends VersionedResourceRepository<PromptMeta, PromptContent> {
  constructor(@Inject(DB_CONNECTION) connection: Connection) {
    super(connection, 'prompt');
  }
}
