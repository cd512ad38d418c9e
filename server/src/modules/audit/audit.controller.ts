import { Controller, Get, Header, StreamableFile } from '@nestjs/common';
import { Readable } from 'node:stream';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ContentRange } from '../../common/http/content-range.interceptor.js';
import type { ListPage } from '../../common/http/list-query.js';
import { RequireRoles } from '../../common/access/permission.decorator.js';
import type { ChainedEvent } from './audit-chain.js';
import { AuditExport } from './audit-export.js';
import { AuditExportParams, AuditQueryParams, type AuditQuery } from './audit-query.pipe.js';
import { auditEventViewSchema, verifyResponseSchema } from './audit.contract.js';
import { AuditService, type VerifyResult } from './audit.service.js';

@ApiTags('audit')
@Controller('api/v1/audit')
@RequireRoles('risk', 'admin')
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly exporter: AuditExport,
  ) {}

  @Get()
  @ContentRange('audit')
  @ApiOkResponse({ schema: { type: 'array', items: auditEventViewSchema } as object })
  list(@AuditQueryParams() query: AuditQuery): Promise<ListPage<ChainedEvent>> {
    return this.audit.list(query.filter, query.list.sortOrder, query.list.skip, query.list.limit);
  }

  @Get('verify')
  @ApiOkResponse({ schema: verifyResponseSchema as object })
  verify(): Promise<VerifyResult> {
    return this.audit.verify();
  }

  @Get('export')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="gabarit-audit.csv"')
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'The matching events as CSV (formulas escaped).',
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  export(@AuditExportParams() query: AuditQuery): StreamableFile {
    // Streamed as it is written: a trail of megabytes is never held, joined or sent in one piece.
    return new StreamableFile(Readable.from(this.exporter.pieces(query.filter)), {
      type: 'text/csv; charset=utf-8',
      disposition: 'attachment; filename="gabarit-audit.csv"',
    });
  }
}
