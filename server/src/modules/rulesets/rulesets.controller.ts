import { Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { RequireRoles } from '../../common/access/permission.decorator.js';
import { actorName } from '../../common/access/principal.js';
import { ValidBody } from '../../common/http/json-schema.pipe.js';
import { GovernedController } from '../governance/governed.controller.js';
import {
  createRulesetRequestSchema,
  rulesetViewSchema,
  transitionRequestSchema,
  updateDraftRequestSchema,
  type TransitionRequest,
} from './rulesets.contract.js';
import { RulesetsService } from './rulesets.service.js';

/** Rule sets: the lifecycle routes (GovernedController), and archiving. Evaluating lives in the evaluation module. */
@ApiTags('rulesets')
@Controller('api/v1/rulesets')
export class RulesetsController extends GovernedController({
  resource: 'rulesets',
  createSchema: createRulesetRequestSchema,
  draftSchema: updateDraftRequestSchema,
  viewSchema: rulesetViewSchema,
}) {
  constructor(protected readonly service: RulesetsService) {
    super();
  }

  @Post(':key/archive')
  @HttpCode(200)
  @RequireRoles('approver', 'admin')
  archive(
    @Param('key') key: string,
    @ValidBody(transitionRequestSchema) body: TransitionRequest,
    @Req() request: FastifyRequest,
  ) {
    return this.service.archive(key, actorName(request.principal!), body.comment);
  }
}
