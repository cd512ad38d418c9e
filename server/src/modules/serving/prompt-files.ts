import { readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { Injectable } from '@nestjs/common';
import { DomainError, type ErrorDetail } from '../../common/errors/domain-errors.js';
import { JsonSchemaPipe } from '../../common/http/json-schema.pipe.js';
import { createExperimentRequestSchema, type CreateExperimentRequest } from '../experiments/experiments.contract.js';
import { ExperimentsService } from '../experiments/experiments.service.js';
import { createPromptRequestSchema, type CreatePromptRequest } from '../prompts/prompts.contract.js';
import { PromptsService } from '../prompts/prompts.service.js';
import { jsonFilesIn } from '../../common/json/json-files.js';

export interface PromptImportReport {
  imported: string[];
  unchanged: string[];
  failed: { file: string; message: string; details: ErrorDetail[] }[];
}

const promptFile = new JsonSchemaPipe(createPromptRequestSchema, 'prompt file');
const experimentFile = new JsonSchemaPipe(createExperimentRequestSchema, 'experiment file');

/**
 * The chatbot pilot as files: `prompts/<pilot>/*.json` (a `templateFile`/`systemFile` points at a `.hbs`
 * beside it), loaded in name order as published versions; then `prompts/<pilot>/experiments/*.json`.
 */
@Injectable()
export class PromptFiles {
  constructor(
    private readonly prompts: PromptsService,
    private readonly experiments: ExperimentsService,
  ) {}

  async importDirectory(dir: string, actor = 'seed'): Promise<PromptImportReport> {
    const report: PromptImportReport = { imported: [], unchanged: [], failed: [] };
    const files = await jsonFilesIn(dir);
    const ordered = [
      ...files.filter((f) => !f.includes('/experiments/')),
      ...files.filter((f) => f.includes('/experiments/')),
    ];
    for (const file of ordered) {
      const name = relative(dir, file);
      try {
        const raw = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
        let changed: boolean;
        if (file.includes('/experiments/')) {
          const request = experimentFile.transform(raw) as CreateExperimentRequest;
          changed = await this.experiments.importPublished(request, actor, `prompts/${name}`);
          (changed ? report.imported : report.unchanged).push(request.key);
        } else {
          const { templateFile, systemFile, ...rest } = raw;
          if (typeof templateFile === 'string')
            rest['template'] = await readFile(join(dirname(file), templateFile), 'utf8');
          if (typeof systemFile === 'string') rest['system'] = await readFile(join(dirname(file), systemFile), 'utf8');
          const request = promptFile.transform(rest) as CreatePromptRequest;
          changed = await this.prompts.importPublished(request, actor, `prompts/${name}`);
          (changed ? report.imported : report.unchanged).push(`${request.key} (${name})`);
        }
      } catch (err) {
        report.failed.push({
          file: name,
          message: (err as Error).message,
          details: err instanceof DomainError ? err.details : [],
        });
      }
    }
    return report;
  }
}
