import { Module, type DynamicModule } from '@nestjs/common';
import { DatabaseModule } from './common/database/database.module.js';
import { SerialLocksModule } from './common/database/serial-locks.js';
import { MetricsModule } from './common/metrics/metrics.module.js';
import { ConfigModule } from './config/config.module.js';
import type { AppConfig } from './config/config.schema.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { EvaluationModule } from './modules/evaluation/evaluation.module.js';
import { CatalogueModule } from './modules/catalogue/catalogue.module.js';
import { ExperimentsModule } from './modules/experiments/experiments.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { PromptsModule } from './modules/prompts/prompts.module.js';
import { ServingModule } from './modules/serving/serving.module.js';
import { ReferenceDataModule } from './modules/reference-data/reference-data.module.js';
import { ReviewsModule } from './modules/reviews/reviews.module.js';
import { RulesetsModule } from './modules/rulesets/rulesets.module.js';
import { UsersModule } from './modules/users/users.module.js';
import { SeedOnStartModule } from './seed/seed.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        MetricsModule,
        DatabaseModule,
        SerialLocksModule,
        AuditModule,
        AuthModule,
        UsersModule,
        RulesetsModule,
        ReferenceDataModule,
        EvaluationModule,
        ReviewsModule,
        PromptsModule,
        ExperimentsModule,
        ServingModule,
        CatalogueModule,
        HealthModule,
        SeedOnStartModule,
      ],
    };
  }
}
