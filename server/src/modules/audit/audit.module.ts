import { Module } from '@nestjs/common';
import { AuditAnchors } from './audit-anchors.js';
import { AuditExport } from './audit-export.js';
import { AuditController } from './audit.controller.js';
import { AuditRepository } from './audit.repository.js';
import { AuditService } from './audit.service.js';

@Module({
  controllers: [AuditController],
  providers: [AuditRepository, AuditService, AuditExport, AuditAnchors],
  exports: [AuditService],
})
export class AuditModule {}
