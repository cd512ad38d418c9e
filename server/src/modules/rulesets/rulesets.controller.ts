import { Controller, Get, Headers, HttpCode, Param, ParseIntPipe, Post, Put, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ContentRange } from '../../common/http/content-range.interceptor.js';
import { WithEtag, type Tagged } from '../../common/http/etag.interceptor.js';
import { ValidBody, ValidQuery } from '../../common/http/json-schema.pipe.js';
import { ListParams, type ListPage, type ListQuery } from '../../common/http/list-query.js';
import { RequireRoles } from '../../common/access/permission.decorator.js';
import { actorName } from '../../common/access/principal.js';
import type { RulesetDiff } from './ruleset-diff.js';
import type { RulesetView } from './ruleset-views.js';
import {
  createRulesetRequestSchema,
  diffQuerySchema,
  publishRequestSchema,
  rollbackRequestSchema,
  rulesetViewSchema,
  transitionRequestSchema,
  updateDraftRequestSchema,
  versionViewSchema,
  type CreateRulesetRequest,
  type DiffQuery,
  type PublishRequest,
  type RollbackRequest,
  type TransitionRequest,
  type UpdateDraftRequest,
} from './rulesets.contract.js';
import { RulesetsService } from './rulesets.service.js';

const actor = (request: FastifyRequest) => actorName(request.principal!);
const VersionNumber = () => Param('n', new ParseIntPipe({ errorHttpStatusCode: 404 }));

@ApiTags('rulesets')
@Controller('api/v1/rulesets')
export class RulesetsController {
  constructor(private readonly rulesets: RulesetsService) {}

  @Post()
  @RequireRoles('analyst')
  @WithEtag()
  create(
    @ValidBody(createRulesetRequestSchema) body: CreateRulesetRequest,
    @Req() request: FastifyRequest,
  ): Promise<Tagged<RulesetView>> {
    return this.rulesets.create(body, actor(request));
  }

  @Get()
  @RequireRoles('analyst', 'approver', 'risk', 'admin')
  @ContentRange('rulesets')
  @ApiOkResponse({ schema: { type: 'array', items: rulesetViewSchema } as object })
  list(
    @ListParams(['key', 'name', 'pilot', 'updatedAt', 'createdAt'], ['key', 'ASC']) query: ListQuery,
  ): Promise<ListPage<RulesetView>> {
    return this.rulesets.list(query);
  }

  @Get(':key')
  @RequireRoles('analyst', 'approver', 'risk', 'admin')
  @WithEtag()
  @ApiOkResponse({ schema: rulesetViewSchema as object })
  get(@Param('key') key: string): Promise<Tagged<RulesetView>> {
    return this.rulesets.get(key);
  }

  @Put(':key/draft')
  @RequireRoles('analyst')
  @WithEtag()
  updateDraft(
    @Param('key') key: string,
    @ValidBody(updateDraftRequestSchema) body: UpdateDraftRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() request: FastifyRequest,
  ): Promise<Tagged<RulesetView>> {
    return this.rulesets.updateDraft(key, body, ifMatch, actor(request));
  }

  @Get(':key/versions')
  @RequireRoles('analyst', 'approver', 'risk', 'admin')
  @ContentRange('versions')
  @ApiOkResponse({ schema: { type: 'array', items: versionViewSchema } as object })
  versions(@Param('key') key: string): Promise<ListPage<RulesetView['versions'][number]>> {
    return this.rulesets.versions(key);
  }

  @Get(':key/versions/:n')
  @RequireRoles('analyst', 'approver', 'risk', 'admin')
  @WithEtag()
  version(@Param('key') key: string, @VersionNumber() n: number) {
    return this.rulesets.version(key, n);
  }

  @Post(':key/versions/:n/submit')
  @HttpCode(200)
  @RequireRoles('analyst')
  submit(
    @Param('key') key: string,
    @VersionNumber() n: number,
    @ValidBody(transitionRequestSchema) body: TransitionRequest,
    @Req() request: FastifyRequest,
  ): Promise<RulesetView> {
    return this.rulesets.submit(key, n, actor(request), body.comment);
  }

  @Post(':key/versions/:n/approve')
  @HttpCode(200)
  @RequireRoles('approver')
  approve(
    @Param('key') key: string,
    @VersionNumber() n: number,
    @ValidBody(transitionRequestSchema) body: TransitionRequest,
    @Req() request: FastifyRequest,
  ): Promise<RulesetView> {
    return this.rulesets.approve(key, n, actor(request), body.comment);
  }

  @Post(':key/versions/:n/reject')
  @HttpCode(200)
  @RequireRoles('approver')
  reject(
    @Param('key') key: string,
    @VersionNumber() n: number,
    @ValidBody(transitionRequestSchema) body: TransitionRequest,
    @Req() request: FastifyRequest,
  ): Promise<RulesetView> {
    return this.rulesets.reject(key, n, actor(request), body.comment);
  }

  @Post(':key/versions/:n/publish')
  @HttpCode(200)
  @RequireRoles('approver')
  publish(
    @Param('key') key: string,
    @VersionNumber() n: number,
    @ValidBody(publishRequestSchema) body: PublishRequest,
    @Req() request: FastifyRequest,
  ): Promise<RulesetView> {
    return this.rulesets.publish(key, n, actor(request), body);
  }

  @Post(':key/rollback')
  @HttpCode(200)
  @RequireRoles('approver')
  rollback(
    @Param('key') key: string,
    @ValidBody(rollbackRequestSchema) body: RollbackRequest,
    @Req() request: FastifyRequest,
  ): Promise<RulesetView> {
    return this.rulesets.rollback(key, body.version, actor(request), body.comment);
  }

  @Post(':key/archive')
  @HttpCode(200)
  @RequireRoles('approver', 'admin')
  archive(
    @Param('key') key: string,
    @ValidBody(transitionRequestSchema) body: TransitionRequest,
    @Req() request: FastifyRequest,
  ): Promise<RulesetView> {
    return this.rulesets.archive(key, actor(request), body.comment);
  }

  @Get(':key/diff')
  @RequireRoles('analyst', 'approver', 'risk', 'admin')
  diff(@Param('key') key: string, @ValidQuery(diffQuerySchema) query: DiffQuery): Promise<RulesetDiff> {
    return this.rulesets.diff(key, query.from, query.to);
  }
}
