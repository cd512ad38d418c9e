import 'reflect-metadata';
import { join, resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { CliModule } from './cli.module.js';
import { projectRoot } from './common/project-root.js';
import { loadConfig } from './config/load-config.js';
import { RulesetFiles } from './modules/rulesets/ruleset-files.js';
import { RulesetsModule } from './modules/rulesets/rulesets.module.js';
import { JsonLogger, serviceLog } from './common/logging/json-logger.js';

/** `npm run export:rulesets [-- <dir>]`: writes the version in force of every rule set as JSON files (default rulesets/). */
async function exportRulesets(): Promise<void> {
  // An empty argument (`"$DIR"` of an unset variable) is no directory: it wrote into the working directory.
  const dir = resolve(process.argv[2] || join(projectRoot(), 'rulesets'));
  const app = await NestFactory.createApplicationContext(CliModule.forRoot(loadConfig(process.env), [RulesetsModule]), {
    abortOnError: false,
    logger: new JsonLogger(serviceLog({ logLevel: 'error' }, 'sync')), // its own output is the answer; errors as JSON
  });
  try {
    const written = await app.get(RulesetFiles).exportActive(dir);
    process.stdout.write(`${written.length} rule set(s) written to ${dir}\n${written.map((f) => `  ${f}\n`).join('')}`);
  } finally {
    await app.close();
  }
}

exportRulesets().catch((err: unknown) => {
  process.stderr.write(`Export failed: ${(err as Error).message}\n`);
  process.exit(1);
});
