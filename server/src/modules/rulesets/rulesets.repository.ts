import { Inject, Injectable } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { DB_CONNECTION } from '../../common/database/database.module.js';
import { VersionedResourceRepository } from '../governance/versioned-resource.repository.js';
import type { RulesetContent, RulesetMeta } from './ruleset.types.js';

/** Rule sets in `rulesets`, frozen version contents in `ruleset_contents`. */
@Injectable()
export class RulesetsRepository extends VersionedResourceRepository<RulesetMeta, RulesetContent> {
  constructor(@Inject(DB_CONNECTION) connection: Connection) {
    super(connection, 'ruleset');
  }
}
