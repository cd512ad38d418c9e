import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { projectRoot } from '../common/project-root.js';
import { hashPassword } from '../modules/auth/password.js';
import type { Role } from '../modules/auth/roles.js';
import { UsersRepository } from '../modules/users/users.repository.js';

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
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if ((await this.users.count()) === 0) await this.seedAll();
  }

  async seedAll(): Promise<void> {
    await this.seedDemoAccounts();
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
