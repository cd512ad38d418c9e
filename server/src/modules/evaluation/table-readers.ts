import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ReferenceTablesService } from '../reference-data/reference-tables.service.js';
import { RulesetsService } from '../rulesets/rulesets.service.js';

/**
 * Tells reference tables which rule sets read them in a version published (now or before), in review or approved, so changes to those tables wait for an approver.
 * Here because this module already composes rule sets and reference data; neither imports the other.
 */
@Injectable()
export class TableReaders implements OnModuleInit {
  constructor(
    private readonly rulesets: RulesetsService,
    private readonly tables: ReferenceTablesService,
  ) {}

  onModuleInit(): void {
    this.tables.useReadersProbe((table) => this.rulesets.reviewedReadersOf(table));
  }
}
