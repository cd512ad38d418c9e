import 'reflect-metadata';
import { join, resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { CliModule } from './cli.module.js';
import { projectRoot } from './common/project-root.js';
import { jsonFilesIn } from './common/json/json-files.js';
import { loadConfig } from './config/load-config.js';
import { RulesetFiles } from './modules/rulesets/ruleset-files.js';
import { RulesetsModule } from './modules/rulesets/rulesets.module.js';
import { JsonLogger, toolLog } from './common/logging/json-logger.js';
import { embeddedDatabaseMissing, endOnSignals, toolArguments } from './common/cli/tool-arguments.js';

const USAGE = "usage: npm run export:rulesets [-- <folder>]   (default: the project's rulesets/)";

/** `npm run export:rulesets [-- <dir>]`: writes the version in force of every rule set as JSON files (default rulesets/). */
async function exportRulesets(): Promise<void> {
  endOnSignals();
  const [target] = toolArguments(USAGE, process.argv.slice(2), 1);
  // An empty argument (`"$DIR"` of an unset variable) is no directory: it wrote into the working directory.
  const dir = resolve(target || join(projectRoot(), 'rulesets'));
  const missing = embeddedDatabaseMissing(process.env);
  if (missing !== undefined)
    throw new Error(`there is no Gabarit database in ${missing} (DATA_DIR): nothing to export; check DATA_DIR`);
  const config = loadConfig(process.env);
  const app = await NestFactory.createApplicationContext(CliModule.forRoot(config, [RulesetsModule]), {
    abortOnError: false,
    logger: new JsonLogger(toolLog(config)), // its own output is the answer: warnings and errors on stderr
  });
  try {
    const written = await app.get(RulesetFiles).exportActive(dir);
    process.stdout.write(`${written.length} rule set(s) written to ${dir}\n${written.map((f) => `  ${f}\n`).join('')}`);
    if (written.length === 0) process.stderr.write("No rule set is in force in this database: is it the service's?\n");
    // Files this export did not write (a rule set archived or no longer in force) stay: `seed` reads the folder and
    // would put them in force again on a fresh install (a command-line review). They are named, not deleted.
    const others = (await jsonFilesIn(dir)).filter((file) => !written.includes(file));
    if (others.length > 0)
      process.stderr.write(
        `${others.length} file(s) in ${dir} name no rule set in force here; \`npm run seed\` would load them:\n${others.map((f) => `  ${f}\n`).join('')}`,
      );
  } finally {
    await app.close();
  }
}

exportRulesets().catch((err: unknown) => {
  process.stderr.write(`Export failed: ${(err as Error).message}\n`);
  process.exit(1);
});
