import { Injectable } from '@nestjs/common';
import { importFiles, type ImportReport } from '../../common/json/file-import.js';
import { jsonFilesIn } from '../../common/json/json-files.js';
import { JsonSchemaPipe } from '../../common/http/json-schema.pipe.js';
import { createExperimentRequestSchema, type CreateExperimentRequest } from './experiments.contract.js';
import { ExperimentsService } from './experiments.service.js';

const experimentFile = new JsonSchemaPipe(createExperimentRequestSchema, 'experiment file');

/**
 * The pilots' experiments as files: `prompts/<pilot>/experiments/*.json`, started as reviewed files say
 * (nothing changes when one already runs as written). Load them after the prompts they test.
 */
@Injectable()
export class ExperimentFiles {
  constructor(private readonly experiments: ExperimentsService) {}

  async importDirectory(dir: string, actor = 'seed'): Promise<ImportReport> {
    const files = (await jsonFilesIn(dir)).filter((file) => file.includes('/experiments/'));
    return importFiles(dir, files, async (raw, _file, name) => {
      const request = experimentFile.transform(raw) as CreateExperimentRequest;
      return { label: request.key, changed: await this.experiments.importPublished(request, actor, `prompts/${name}`) };
    });
  }
}
