import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { importFiles, type ImportReport } from '../../common/json/file-import.js';
import { jsonFilesIn } from '../../common/json/json-files.js';
import { JsonSchemaPipe } from '../../common/http/json-schema.pipe.js';
import { createPromptRequestSchema, type CreatePromptRequest } from './prompts.contract.js';
import { PromptsService } from './prompts.service.js';

const promptFile = new JsonSchemaPipe(createPromptRequestSchema, 'prompt file');

/**
 * The chatbot pilot's prompts as files: `prompts/<pilot>/*.json` (a `templateFile`/`systemFile` points at a
 * `.hbs` beside it), loaded in name order as published versions, one file per version. A published version's
 * files are frozen (its checksum is recorded): a change is a new file, so a new version. Loading again adds only
 * the files never published. Their experiments (`experiments/` below) are the experiments module's to load.
 */
@Injectable()
export class PromptFiles {
  constructor(private readonly prompts: PromptsService) {}

  async importDirectory(dir: string, actor = 'seed'): Promise<ImportReport> {
    const files = (await jsonFilesIn(dir)).filter((file) => !file.includes('/experiments/'));
    return importFiles(dir, files, async (raw, file, name) => {
      const { templateFile, systemFile, ...rest } = raw;
      if (typeof templateFile === 'string')
        rest['template'] = await readFile(join(dirname(file), templateFile), 'utf8');
      if (typeof systemFile === 'string') rest['system'] = await readFile(join(dirname(file), systemFile), 'utf8');
      const request = promptFile.transform(rest) as CreatePromptRequest;
      // One file per published version: a file already published (as any version) adds nothing.
      const changed = await this.prompts.importPublished(request, actor, `prompts/${name}`, true);
      return { label: `${request.key} (${name})`, changed };
    });
  }
}
