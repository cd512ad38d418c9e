import { Controller, Delete, Get, Headers, HttpCode, Param, Post, Put, Req, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ContentRange } from '../../common/http/content-range.interceptor.js';
import { errorResponse } from '../../common/http/openapi-contract.js';
import { WithEtag, type Tagged } from '../../common/http/etag.interceptor.js';
import { ValidBody } from '../../common/http/json-schema.pipe.js';
import { ListParams, TEXT_SEARCH, type ListPage, type ListQuery } from '../../common/http/list-query.js';
import { RequireRoles } from '../../common/access/permission.decorator.js';
import { actorName, hasRole } from '../../common/access/principal.js';
import {
  changeDefinitionRequestSchema,
  createTableRequestSchema,
  importCsvRequestSchema,
  rejectRequestSchema,
  replaceRowsRequestSchema,
  reviewRequestSchema,
  tableViewSchema,
  type ChangeDefinitionRequest,
  type CreateTableRequest,
  type ImportCsvRequest,
  type RejectRequest,
  type ReplaceRowsRequest,
  type ReviewRequest,
} from './reference-tables.contract.js';
import { ReferenceTablesService, type TableView } from './reference-tables.service.js';

@ApiTags('reference-tables')
@Controller('api/v1/reference-tables')
export class ReferenceTablesController {
  constructor(private readonly tables: ReferenceTablesService) {}

  @Post()
  @RequireRoles('analyst', 'admin')
  @WithEtag()
  @ApiCreatedResponse({ schema: tableViewSchema as object })
  @ApiResponse({
    status: 202,
    description: 'A published rule set already names this table: it is created empty, and its rows await an approver.',
    schema: tableViewSchema as object,
  })
  create(
    @ValidBody(createTableRequestSchema) body: CreateTableRequest,
    @Req() request: FastifyRequest,
  ): Promise<Tagged<TableView>> {
    return this.tables.create(body, actorName(request.principal!));
  }

  @Get()
  @RequireRoles('analyst', 'approver', 'risk', 'admin')
  @ContentRange('reference-tables')
  @ApiOkResponse({ schema: { type: 'array', items: tableViewSchema } as object })
  list(
    @ListParams(['key', 'name', 'updatedAt'], ['key', 'ASC'], TEXT_SEARCH) query: ListQuery,
  ): Promise<ListPage<TableView>> {
    return this.tables.list(query);
  }

  @Get(':key')
  @RequireRoles('analyst', 'approver', 'risk', 'admin')
  @WithEtag()
  @ApiOkResponse({ schema: tableViewSchema as object })
  get(@Param('key') key: string): Promise<Tagged<TableView>> {
    return this.tables.get(key);
  }

  @Get(':key/csv')
  @RequireRoles('analyst', 'approver', 'risk', 'admin')
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description:
      'The rows as CSV the import reads back: separated by semicolons, decimal comma, booleans oui/non, dates YYYY-MM-DD, a byte-order mark; a text a spreadsheet would run as a formula starts with a quote.',
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  async csv(@Param('key') key: string): Promise<StreamableFile> {
    const text = await this.tables.csv(key);
    return new StreamableFile(Buffer.from(text), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="${key}.csv"`,
    });
  }

  @Put(':key/rows')
  @RequireRoles('analyst', 'admin')
  @WithEtag()
  @ApiOkResponse({ schema: tableViewSchema as object })
  @ApiResponse({
    status: 202,
    description: 'A published rule set reads the table: the change awaits an approver.',
    schema: tableViewSchema as object,
  })
  replaceRows(
    @Param('key') key: string,
    @ValidBody(replaceRowsRequestSchema) body: ReplaceRowsRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() request: FastifyRequest,
  ): Promise<Tagged<TableView>> {
    return this.tables.replaceRows(key, body, ifMatch, actorName(request.principal!));
  }

  @Put(':key/definition')
  @RequireRoles('analyst', 'admin')
  @WithEtag()
  @ApiOkResponse({ schema: tableViewSchema as object })
  @ApiResponse({
    status: 409,
    ...errorResponse(
      409,
      'A change awaits approval (`change_pending`), or the columns change while a rule set that reads the table is published or on its way (`table_in_use`).',
    ),
  })
  changeDefinition(
    @Param('key') key: string,
    @ValidBody(changeDefinitionRequestSchema) body: ChangeDefinitionRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() request: FastifyRequest,
  ): Promise<Tagged<TableView>> {
    return this.tables.changeDefinition(key, body, ifMatch, actorName(request.principal!));
  }

  @Delete(':key')
  @HttpCode(204)
  @RequireRoles('analyst', 'admin')
  @WithEtag()
  @ApiResponse({
    status: 202,
    description: 'A published rule set reads the table: the deletion awaits an approver.',
    schema: tableViewSchema as object,
  })
  remove(
    @Param('key') key: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() request: FastifyRequest,
  ): Promise<Tagged<TableView>> {
    return this.tables.remove(key, ifMatch, actorName(request.principal!));
  }

  @Post(':key/pending/approve')
  @HttpCode(200)
  @RequireRoles('approver')
  @WithEtag()
  @ApiOkResponse({ schema: tableViewSchema as object })
  approvePending(
    @Param('key') key: string,
    @ValidBody(reviewRequestSchema) body: ReviewRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() request: FastifyRequest,
  ): Promise<Tagged<TableView>> {
    return this.tables.approvePending(key, ifMatch, actorName(request.principal!), body.comment);
  }

  @Post(':key/pending/reject')
  @HttpCode(200)
  @RequireRoles('approver', 'analyst', 'admin')
  @WithEtag()
  @ApiOkResponse({ schema: tableViewSchema as object })
  rejectPending(
    @Param('key') key: string,
    @ValidBody(rejectRequestSchema) body: RejectRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() request: FastifyRequest,
  ): Promise<Tagged<TableView>> {
    return this.tables.rejectPending(
      key,
      ifMatch,
      actorName(request.principal!),
      hasRole(request.principal!, 'approver'),
      body.comment,
    );
  }

  @Post(':key/import')
  @HttpCode(200)
  @RequireRoles('analyst', 'admin')
  @WithEtag()
  @ApiOkResponse({ schema: tableViewSchema as object })
  @ApiResponse({
    status: 202,
    description: 'A published rule set reads the table: the import awaits an approver.',
    schema: tableViewSchema as object,
  })
  importCsv(
    @Param('key') key: string,
    @ValidBody(importCsvRequestSchema) body: ImportCsvRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() request: FastifyRequest,
  ): Promise<Tagged<TableView>> {
    return this.tables.importCsv(key, body, ifMatch, actorName(request.principal!));
  }
}
