import { Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { VersionNumber } from '../../common/http/version-number.js';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ValidBody } from '../../common/http/json-schema.pipe.js';
import { RequireRoles, RequireScope } from '../../common/access/permission.decorator.js';
import { actorName } from '../../common/access/principal.js';
import { GovernedController, READERS } from '../governance/governed.controller.js';
import {
  createPromptRequestSchema,
  previewRequestSchema,
  promptContentSchema,
  promptDiffSchema,
  promptTestRunSchema,
  promptViewSchema,
  renderedSchema,
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
  pilot: true,
  resource: 'prompts',
  createSchema: createPromptRequestSchema,
  draftSchema: updatePromptDraftSchema,
  contentSchema: promptContentSchema,
  viewSchema: promptViewSchema,
  diffSchema: promptDiffSchema,
}) {
  constructor(protected readonly service: PromptsService) {
    super();
  }

  @Post(':key/versions/:n/test')
  @HttpCode(200)
  @RequireRoles('analyst', 'approver')
  @ApiOkResponse({ schema: promptTestRunSchema as object })
  test(@Param('key') key: string, @VersionNumber() n: number, @Req() request: FastifyRequest) {
    return this.service.test(key, n, actor(request));
  }

  @Post(':key/render')
  @HttpCode(200)
  @RequireScope('prompts:render', 'key', ...READERS)
  @ApiOkResponse({ schema: renderedSchema as object })
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
  @ApiOkResponse({ schema: renderedSchema as object })
  preview(@Param('key') key: string, @ValidBody(previewRequestSchema) body: PreviewRequest) {
    return this.service.preview(key, body);
  }
}
