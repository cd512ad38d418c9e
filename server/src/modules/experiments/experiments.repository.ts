import { Inject, Injectable } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { DB_CONNECTION } from '../../common/database/database.module.js';
import { VersionedResourceRepository } from '../governance/versioned-resource.repository.js';
import type { ExperimentContent, ExperimentMeta } from './experiment.types.js';

/** Experiments in `experiments`, frozen contents in `experiment_contents`, revision claims in `experiment_revisions`. */
@Injectable()
export class ExperimentsRepository extends VersionedResourceRepository<ExperimentMeta, ExperimentContent> {
  constructor(@Inject(DB_CONNECTION) connection: Connection) {
    super(connection, 'experiment');
  }
}
