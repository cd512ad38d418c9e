import { Controller, Get, Headers, HttpCode, Param, ParseIntPipe, Post, Put, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ContentRange } from '../../common/http/content-range.interceptor.js';
import { WithEtag } from '../../common/http/etag.interceptor.js';
import { ValidBody, ValidQuery } from '../../common/http/json-schema.pipe.js';
import { ListParams, type ListQuery } from '../../common/http/list-query.js';
import { RequireRoles, RequireScope } from '../../common/access/permission.decorator.js';
import { actorName } from '../../common/access/principal.js';
import {
  publishRequestSchema,
  rollbackRequestSchema,
  transitionRequestSchema,
  type PublishRequest,
  type RollbackRequest,
  type TransitionRequest,
} from '../rulesets/rulesets.contract.js';
import {
  createPromptRequestSchema,
  previewRequestSchema,
  renderRequestSchema,
  updatePromptDraftSchema,
  type CreatePromptRequest,
  type PreviewRequest,
  type RenderRequest,
  type UpdatePromptDraftRequest,
} from './prompts.contract.js';
import { PromptsService } from './prompts.service.js';

const VersionNumber = () => Param('n', new ParseIntPipe({ errorHttpStatusCode: 404 }));
const versionsQuerySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['from', 'to'],
  properties: {
    from: { type: 'string', pattern: '^[1-9][0-9]{0,5}$' },
    to: { type: 'string', pattern: '^[1-9][0-9]{0,5}$' },
  },
} as const;
const actor = (request: FastifyRequest) => actorName(request.principal!);
const ALL_ROLES = ['analyst', 'approver', 'risk', 'admin'] as const;

@ApiTags('prompts')
@Controller('api/v1/prompts')
export class PromptsController {
  constructor(private readonly prompts: PromptsService) {}

  @Post()
  @RequireRoles('analyst')
  @WithEtag()
  create(@ValidBody(createPromptRequestSchema) body: CreatePromptRequest, @Req() request: FastifyRequest) {
    return this.prompts.create(body, actor(request));
  }

  @Get()
  @RequireRoles(...ALL_ROLES)
  @ContentRange('prompts')
  list(@ListParams(['key', 'name', 'pilot', 'updatedAt'], ['key', 'ASC']) query: ListQuery) {
    return this.prompts.list(query);
  }

  @Get(':key')
  @RequireRoles(...ALL_ROLES)
  @WithEtag()
  get(@Param('key') key: string) {
    return this.prompts.get(key);
  }

  @Put(':key/draft')
  @RequireRoles('analyst')
  @WithEtag()
  updateDraft(
    @Param('key') key: string,
    @ValidBody(updatePromptDraftSchema) body: UpdatePromptDraftRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() request: FastifyRequest,
  ) {
    return this.prompts.updateDraft(key, body, ifMatch, actor(request));
  }

  @Get(':key/versions/:n')
  @RequireRoles(...ALL_ROLES)
  @WithEtag()
  version(@Param('key') key: string, @VersionNumber() n: number) {
    return this.prompts.version(key, n);
  }

  @Post(':key/versions/:n/submit')
  @HttpCode(200)
  @RequireRoles('analyst')
  submit(
    @Param('key') key: string,
    @VersionNumber() n: number,
    @ValidBody(transitionRequestSchema) body: TransitionRequest,
    @Req() request: FastifyRequest,
  ) {
    return this.prompts.transition(key, n, 'submit', actor(request), body.comment);
  }

  @Post(':key/versions/:n/approve')
  @HttpCode(200)
  @RequireRoles('approver')
  approve(
    @Param('key') key: string,
    @VersionNumber() n: number,
    @ValidBody(transitionRequestSchema) body: TransitionRequest,
    @Req() request: FastifyRequest,
  ) {
    return this.prompts.transition(key, n, 'approve', actor(request), body.comment);
  }

  @Post(':key/versions/:n/reject')
  @HttpCode(200)
  @RequireRoles('approver')
  reject(
    @Param('key') key: string,
    @VersionNumber() n: number,
    @ValidBody(transitionRequestSchema) body: TransitionRequest,
    @Req() request: FastifyRequest,
  ) {
    return this.prompts.transition(key, n, 'reject', actor(request), body.comment);
  }

  @Post(':key/versions/:n/publish')
  @HttpCode(200)
  @RequireRoles('approver')
  publish(
    @Param('key') key: string,
    @VersionNumber() n: number,
    @ValidBody(publishRequestSchema) body: PublishRequest,
    @Req() request: FastifyRequest,
  ) {
    return this.prompts.publish(key, n, actor(request), body);
  }

  @Post(':key/rollback')
  @HttpCode(200)
  @RequireRoles('approver')
  rollback(
    @Param('key') key: string,
    @ValidBody(rollbackRequestSchema) body: RollbackRequest,
    @Req() request: FastifyRequest,
  ) {
    return this.prompts.rollback(key, body.version, actor(request), body.comment);
  }

  @Post(':key/versions/:n/test')
  @HttpCode(200)
  @RequireRoles('analyst', 'approver')
  test(@Param('key') key: string, @VersionNumber() n: number, @Req() request: FastifyRequest) {
    return this.prompts.test(key, n, actor(request));
  }

  @Get(':key/diff')
  @RequireRoles(...ALL_ROLES)
  diff(@Param('key') key: string, @ValidQuery(versionsQuerySchema) query: { from: string; to: string }) {
    return this.prompts.diff(key, Number(query.from), Number(query.to));
  }

  @Post(':key/render')
  @HttpCode(200)
  @RequireScope('prompts:render', 'key', ...ALL_ROLES)
  render(
    @Param('key') key: string,
    @ValidBody(renderRequestSchema) body: RenderRequest,
    @Req() request: FastifyRequest,
  ) {
    return this.prompts.render(key, body.variables as Record<string, unknown>, body.version, request.principal!);
  }

  @Post(':key/preview')
  @HttpCode(200)
  @RequireRoles('analyst')
  preview(@Param('key') key: string, @ValidBody(previewRequestSchema) body: PreviewRequest) {
    return this.prompts.preview(key, body);
  }
}
