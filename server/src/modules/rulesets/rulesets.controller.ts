import { Controller, Get, HttpCode, Param, ParseIntPipe, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { RequireRoles } from '../../common/access/permission.decorator.js';
import { actorName } from '../../common/access/principal.js';
import { ValidBody } from '../../common/http/json-schema.pipe.js';
import { GovernedController, READERS } from '../governance/governed.controller.js';
import { rulesetAnalysisSchema } from './ruleset-analysis.contract.js';
import {
  createRulesetRequestSchema,
  rulesetViewSchema,
  transitionRequestSchema,
  updateDraftRequestSchema,
  type TransitionRequest,
} from './rulesets.contract.js';
import { RulesetsService } from './rulesets.service.js';

/** Rule sets: the lifecycle routes (GovernedController), archiving and the static analysis of a version. Evaluating lives in the evaluation module. */
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

  /** Findings of the static analysis (docs/adr/0025-static-analysis.md): read as the version is. */
  @Get(':key/versions/:n/analysis')
  @RequireRoles(...READERS)
  @ApiOkResponse({ schema: rulesetAnalysisSchema as object })
  analysis(@Param('key') key: string, @Param('n', new ParseIntPipe({ errorHttpStatusCode: 404 })) n: number) {
    return this.service.analysis(key, n);
  }
}
