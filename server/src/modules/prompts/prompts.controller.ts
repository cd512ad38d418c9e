import { Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { VersionNumber } from '../../common/http/version-number.js';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ValidBody } from '../../common/http/json-schema.pipe.js';
import { RequireRoles, RequireScope } from '../../common/access/permission.decorator.js';
import { actorName } from '../../common/access/principal.js';
import { GovernedController, READERS } from '../governance/governed.controller.js';
import { governedViewSchema } from '../governance/governed.contract.js';
import {
  createPromptRequestSchema,
  previewRequestSchema,
  renderRequestSchema,
  updatePromptDraftSchema,
  type PreviewRequest,
  type RenderRequest,
} from './prompts.contract.js';
import { PromptsService } from './prompts.service.js';

const actor = (request: FastifyRequest) => actorName(request.principal!);

/** Prompts: the lifecycle routes (GovernedController), their offline tests, rendering and the editor's preview. */
@ApiTags('prompts')
@Controller('api/v1/prompts')
export class PromptsController extends GovernedController({
  resource: 'prompts',
  createSchema: createPromptRequestSchema,
  draftSchema: updatePromptDraftSchema,
  viewSchema: governedViewSchema('PromptView', { name: { type: 'string' }, pilot: { type: 'string' } }),
}) {
  constructor(protected readonly service: PromptsService) {
    super();
  }

  @Post(':key/versions/:n/test')
  @HttpCode(200)
  @RequireRoles('analyst', 'approver')
  test(@Param('key') key: string, @VersionNumber() n: number, @Req() request: FastifyRequest) {
    return this.service.test(key, n, actor(request));
  }

  @Post(':key/render')
  @HttpCode(200)
  @RequireScope('prompts:render', 'key', ...READERS)
  render(
    @Param('key') key: string,
    @ValidBody(renderRequestSchema) body: RenderRequest,
    @Req() request: FastifyRequest,
  ) {
    return this.service.render(key, body.variables as Record<string, unknown>, body.version, request.principal!);
  }

  @Post(':key/preview')
  @HttpCode(200)
  @RequireRoles('analyst')
  preview(@Param('key') key: string, @ValidBody(previewRequestSchema) body: PreviewRequest) {
    return this.service.preview(key, body);
  }
}
