import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { importFiles, type ImportReport } from '../../common/json/file-import.js';
import { JsonSchemaPipe } from '../../common/http/json-schema.pipe.js';
import { versionInForce } from '../governance/publications.js';
import type { RulesetContent } from './ruleset.types.js';
import { createRulesetRequestSchema, type CreateRulesetRequest } from './rulesets.contract.js';
import { RulesetsService } from './rulesets.service.js';
import { jsonFilesIn } from '../../common/json/json-files.js';
import { makeDirectory } from '../../common/files/make-directory.js';

export type { ImportReport } from '../../common/json/file-import.js';

const fileSchema = new JsonSchemaPipe(createRulesetRequestSchema, 'rule set file');

/** The pilots' rule sets as files: `rulesets/<pilot>/<key>.json`, loaded as published versions and exported back. */
@Injectable()
export class RulesetFiles {
  constructor(private readonly rulesets: RulesetsService) {}

  /** Imports every `*.json` under `dir`; a file whose content is already in force changes nothing. */
  async importDirectory(dir: string, actor = 'seed'): Promise<ImportReport> {
    return importFiles(dir, await jsonFilesIn(dir), async (raw, _file, name) => {
      const request = fileSchema.transform(raw) as CreateRulesetRequest;
      return { label: request.key, changed: await this.rulesets.importPublished(request, actor, `rulesets/${name}`) };
    });
  }

  /** Writes the version in force of every rule set to `dir/<pilot>/<key>.json`, in a stable layout for git diffs. */
  async exportActive(dir: string): Promise<string[]> {
    const written: string[] = [];
    for (const state of await this.rulesets.allStates()) {
      const active = versionInForce(state.publications, new Date());
      if (active === null || state.archived) continue;
      const content: RulesetContent = (await this.rulesets.version(state.key, active)).body.content;
      const file = {
        key: state.key,
        name: state.meta.name,
        pilot: state.meta.pilot,
        format: state.meta.format,
        description: state.meta.description,
        ...content,
      };
      makeDirectory(join(dir, state.meta.pilot));
      const path = join(dir, state.meta.pilot, `${state.key}.json`);
      await writeFile(path, `${JSON.stringify(file, null, 2)}\n`);
      written.push(path);
    }
    return written;
  }
}
