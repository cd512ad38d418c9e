import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { ReferenceLookups } from './reference-lookups.js';
import { ReferenceTablesController } from './reference-tables.controller.js';
import { ReferenceTablesRepository } from './reference-tables.repository.js';
import { ReferenceTablesService } from './reference-tables.service.js';

@Module({
  imports: [AuditModule],
  controllers: [ReferenceTablesController],
  providers: [ReferenceTablesRepository, ReferenceTablesService, ReferenceLookups],
  exports: [ReferenceLookups, ReferenceTablesService],
})
export class ReferenceDataModule {}
