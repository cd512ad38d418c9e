import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { projectRoot } from '../common/project-root.js';
import { hashPassword } from '../modules/users/password.js';
import type { Role } from '../common/access/roles.js';
import { ConflictError, ValidationError } from '../common/errors/domain-errors.js';
import { contractAjv, toErrorDetails } from '../common/http/ajv.js';
import { importFiles, type ImportReport } from '../common/json/file-import.js';
import { jsonFilesIn } from '../common/json/json-files.js';
import { ExperimentFiles } from '../modules/experiments/experiment-files.js';
import { PromptFiles } from '../modules/prompts/prompt-files.js';
import {
  createTableRequestSchema,
  type CreateTableRequest,
} from '../modules/reference-data/reference-tables.contract.js';
import { ReferenceTablesService } from '../modules/reference-data/reference-tables.service.js';
import { RulesetFiles } from '../modules/rulesets/ruleset-files.js';
import { RulesetsService } from '../modules/rulesets/rulesets.service.js';
import { UsersRepository } from '../modules/users/users.repository.js';
import { SeedMarksRepository } from './seed-marks.repository.js';

const PILOTS = 'pilots';
/** Set before the pilots' first load, so a start killed during it is told from a database older than the marks. */
const PILOTS_STARTED = 'pilots-started';
const SEED_ACTOR = 'seed';
const validTableFile = contractAjv.compile(createTableRequestSchema);
/** Tables whose seeded rows are invented for the demonstration (suppliers, purchase orders): see docs/adr/0032. */
const DEMO_ROWS = 'demo-rows.json';

interface DemoUser {
  username: string;
  displayName: string;
  roles: Role[];
}

function demoRowTables(): Set<string> {
  return new Set(JSON.parse(readFileSync(join(projectRoot(), 'seeds', DEMO_ROWS), 'utf8')) as string[]);
}

/**
 * Loads seed content: into an empty database at the service's start (SeedOnStartModule), or when `npm run seed`
 * asks; running it again changes nothing.
 */
@Injectable()
export class SeedService {
  private readonly logger = new Logger('Seed');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersRepository,
    private readonly rulesetFiles: RulesetFiles,
    private readonly promptFiles: PromptFiles,
    private readonly experimentFiles: ExperimentFiles,
    private readonly rulesets: RulesetsService,
    private readonly tables: ReferenceTablesService,
    private readonly marks: SeedMarksRepository,
  ) {}

  /**
   * First start of a database: demo accounts when there are no users, the pilots when they were never loaded.
   * The pilots have their own mark, so a first admin made from the command line does not keep them out; a
   * database that holds rule sets from before the mark existed is marked as it is, never loaded again. A first
   * load that was cut short (the process killed during it) is finished at the next start: before, it was taken
   * for such an old database, and the invoice pilot, the prompts and the experiment stayed missing.
   */
  async seedFirstStart(): Promise<void> {
    await this.seedDemoAccountsIntoNoUsers();
    if (await this.marks.has(PILOTS)) return;
    const interrupted = await this.marks.has(PILOTS_STARTED);
    if (interrupted || !(await this.rulesets.anyStored())) {
      if (interrupted) this.logger.warn('the first load of the pilots was cut short: loading what is missing');
      await this.marks.set(PILOTS_STARTED);
      await this.seedPilots();
    }
    await this.marks.set(PILOTS);
  }

  /**
   * `npm run seed`: the pilots' files loaded again, and demo accounts as at a first start, into a database with no
   * user only. It had created them in any database outside production: a staging install whose first admin was made
   * with `user:create` got `admin`/`demo` by reloading the pilot files (a command-line review).
   */
  async seedAll(): Promise<void> {
    await this.seedDemoAccountsIntoNoUsers();
    await this.seedPilots();
    await this.marks.set(PILOTS);
  }

  /** Demo accounts into a database with no user at all; a production database with some is warned of them. */
  private async seedDemoAccountsIntoNoUsers(): Promise<void> {
    if ((await this.users.count()) === 0) await this.seedDemoAccounts();
    else await this.warnOfDemoAccounts();
  }

  /** Tables first: the pilots' rule sets read them, and once published, a change to a table they read waits for review. */
  private async seedPilots(): Promise<void> {
    await this.seedReferenceTables();
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

  /**
   * The reference tables the pilots' lookups read, from `seeds/reference-tables/*.json` (the body of
   * `POST /reference-tables`), created by `seed` with their audit event. A table whose key exists (or existed)
   * is left as it is: analysts may have changed it since, under review (docs/adr/0019). In production, the
   * tables listed in `seeds/demo-rows.json` hold invented suppliers and purchase orders: they are created with
   * their columns and no rows, for the organisation to fill from its own records (docs/adr/0032).
   */
  private async seedReferenceTables(): Promise<void> {
    const dir = join(projectRoot(), 'seeds', 'reference-tables');
    const withoutRows = this.config.nodeEnv === 'production' ? demoRowTables() : new Set<string>();
    const report = await importFiles(dir, await jsonFilesIn(dir), async (raw, _path, name) => {
      if (!validTableFile(raw))
        throw new ValidationError('The table file is invalid.', toErrorDetails(validTableFile.errors));
      const file = raw as CreateTableRequest;
      const request = withoutRows.has(file.key) ? { ...file, rows: [] } : file;
      try {
        await this.tables.create(request, SEED_ACTOR);
        if (request !== file)
          this.logger.log(`NODE_ENV=production: ${file.key} created empty, without its invented demo rows`);
        return { label: `${name} (${request.key})`, changed: true };
      } catch (err) {
        if (err instanceof ConflictError) return { label: `${name} (${request.key})`, changed: false };
        throw err;
      }
    });
    this.report('seeds/reference-tables', 'reference table', report);
  }

  /** Logs what a folder of files did; any file refused stops the start, with each problem in the log. */
  private report(folder: string, what: string, report: ImportReport): void {
    this.logger.log(`${what} files: ${report.imported.length} imported, ${report.unchanged.length} unchanged`);
    for (const failure of report.failed)
      // The code as the API answers it (`stale_base`): what the README and an operator grep for.
      this.logger.error(
        `${folder}/${failure.file}: ${failure.code ? `${failure.code}: ` : ''}${failure.message} ${failure.details.map((d) => `${d.path} ${d.message}`).join('; ')}`,
      );
    if (report.failed.length > 0)
      throw new Error(`${report.failed.length} ${what} file(s) could not be loaded; see the log above.`);
  }

  /**
   * A database first started outside production keeps its demo accounts: refused at sign-in, their sessions ended,
   * but an operator should remove them (an API review found no word of them at a production start).
   */
  private async warnOfDemoAccounts(): Promise<void> {
    if (this.config.nodeEnv !== 'production') return;
    const demo = await this.users.demoUsernames();
    if (demo.length > 0)
      this.logger.warn(
        `NODE_ENV=production: ${demo.length} demo account(s) remain in the database (${demo.join(', ')}); they are refused; disable them`,
      );
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
