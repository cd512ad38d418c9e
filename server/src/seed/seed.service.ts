import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { projectRoot } from '../common/project-root.js';
import { hashPassword } from '../modules/users/password.js';
import type { Role } from '../common/access/roles.js';
import type { ImportReport } from '../common/json/file-import.js';
import { ExperimentFiles } from '../modules/experiments/experiment-files.js';
import { PromptFiles } from '../modules/prompts/prompt-files.js';
import { RulesetFiles } from '../modules/rulesets/ruleset-files.js';
import { RulesetsService } from '../modules/rulesets/rulesets.service.js';
import { UsersRepository } from '../modules/users/users.repository.js';
import { SeedMarksRepository } from './seed-marks.repository.js';

const PILOTS = 'pilots';

interface DemoUser {
  username: string;
  displayName: string;
  roles: Role[];
}

/** Loads seed content into an empty database at start-up; running it again changes nothing. */
@Injectable()
export class SeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Seed');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersRepository,
    private readonly rulesetFiles: RulesetFiles,
    private readonly promptFiles: PromptFiles,
    private readonly experimentFiles: ExperimentFiles,
    private readonly rulesets: RulesetsService,
    private readonly marks: SeedMarksRepository,
  ) {}

  /**
   * First start of a database: demo accounts when there are no users, the pilots when they were never loaded.
   * The pilots have their own mark, so a first admin made from the command line does not keep them out; a
   * database that holds rule sets from before the mark existed is marked as it is, never loaded again.
   */
  async onApplicationBootstrap(): Promise<void> {
    if ((await this.users.count()) === 0) await this.seedDemoAccounts();
    if (await this.marks.has(PILOTS)) return;
    if (!(await this.rulesets.anyStored())) await this.seedPilots();
    await this.marks.set(PILOTS);
  }

  async seedAll(): Promise<void> {
    await this.seedDemoAccounts();
    await this.seedPilots();
    await this.marks.set(PILOTS);
  }

  private async seedPilots(): Promise<void> {
    await this.seedRulesets();
    await this.seedPrompts();
  }

  /** The chatbot pilot's prompts, then the experiment that tests them, from `prompts/`. */
  private async seedPrompts(): Promise<void> {
    const dir = join(projectRoot(), 'prompts');
    this.report('prompts', 'prompt', await this.promptFiles.importDirectory(dir));
    this.report('prompts', 'experiment', await this.experimentFiles.importDirectory(dir));
  }

  /** The pilots' reviewed rule sets from `rulesets/`, published as files say; unchanged files add nothing. */
  private async seedRulesets(): Promise<void> {
    this.report('rulesets', 'rule set', await this.rulesetFiles.importDirectory(join(projectRoot(), 'rulesets')));
  }

  /** Logs what a folder of files did; any file refused stops the start, with each problem in the log. */
  private report(folder: string, what: string, report: ImportReport): void {
    this.logger.log(`${what} files: ${report.imported.length} imported, ${report.unchanged.length} unchanged`);
    for (const failure of report.failed)
      this.logger.error(
        `${folder}/${failure.file}: ${failure.message} ${failure.details.map((d) => `${d.path} ${d.message}`).join('; ')}`,
      );
    if (report.failed.length > 0)
      throw new Error(`${report.failed.length} ${what} file(s) could not be loaded; see the log above.`);
  }

  /** Demo accounts (password DEMO_PASSWORD) exist only outside production. */
  private async seedDemoAccounts(): Promise<void> {
    if (this.config.nodeEnv === 'production') {
      this.logger.log('NODE_ENV=production: demo accounts are not seeded');
      return;
    }
    const demoUsers = JSON.parse(readFileSync(join(projectRoot(), 'seeds', 'demo-users.json'), 'utf8')) as DemoUser[];
    const passwordHash = await hashPassword(this.config.demoPassword);
    let created = 0;
    for (const user of demoUsers) {
      if (await this.users.createIfAbsent({ ...user, passwordHash, demo: true })) created++;
    }
    this.logger.log(`demo accounts: ${created} created, ${demoUsers.length - created} already present`);
  }
}
