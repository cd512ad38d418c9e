import { Controller, Get, Param, Post, Req, Res, StreamableFile } from '@nestjs/common';
import { VersionNumber } from '../../../common/http/version-number.js';
import { ApiCreatedResponse, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RequireRoles } from '../../../common/access/permission.decorator.js';
import { actorName } from '../../../common/access/principal.js';
import { ContentRange } from '../../../common/http/content-range.interceptor.js';
import { ValidBody, ValidQuery } from '../../../common/http/json-schema.pipe.js';
import { WHOLE_LIST_QUERY, WHOLE_LIST_REFUSAL } from '../../../common/http/list-query.js';
import { errorResponse } from '../../../common/http/openapi-contract.js';
import { READERS } from '../../governance/governed.controller.js';
import {
  createEvaluationSetRequestSchema,
  evaluationRunViewSchema,
  evaluationSetSummarySchema,
  evaluationSetViewSchema,
  startEvaluationRunRequestSchema,
  type CreateEvaluationSetRequest,
  type StartEvaluationRunRequest,
} from './evaluation.contract.js';
import { EvaluationService } from './evaluation.service.js';

const actor = (request: FastifyRequest) => actorName(request.principal!);

/** Evaluation sets of a prompt and their runs on a version beside the version in force (docs/adr/0031). */
@ApiTags('prompts')
@Controller('api/v1/prompts')
export class PromptEvaluationController {
  constructor(private readonly evaluations: EvaluationService) {}

  @Post(':key/evaluation-sets')
  @RequireRoles('analyst')
  @ApiCreatedResponse({ schema: evaluationSetViewSchema as object })
  createSet(
    @Param('key') key: string,
    @ValidBody(createEvaluationSetRequestSchema) body: CreateEvaluationSetRequest,
    @Req() request: FastifyRequest,
  ) {
    return this.evaluations.createSet(key, body, actor(request));
  }

  @Get(':key/evaluation-sets')
  @RequireRoles(...READERS)
  @ContentRange('evaluation-sets')
  @ApiResponse({ status: 400, ...errorResponse(400, WHOLE_LIST_REFUSAL) })
  @ApiOkResponse({ schema: { type: 'array', items: evaluationSetSummarySchema as object } })
  listSets(@Param('key') key: string, @ValidQuery(WHOLE_LIST_QUERY) _query: object) {
    return this.evaluations.listSets(key);
  }

  @Get(':key/evaluation-sets/:name')
  @RequireRoles(...READERS)
  @ApiOkResponse({ schema: evaluationSetViewSchema as object })
  getSet(@Param('key') key: string, @Param('name') name: string) {
    return this.evaluations.getSet(key, name);
  }

  @Post(':key/versions/:n/evaluation-runs')
  @RequireRoles('analyst', 'approver')
  @ApiCreatedResponse({ schema: evaluationRunViewSchema as object })
  @ApiResponse({
    status: 503,
    ...errorResponse(
      503,
      'The database is unavailable (Retry-After says when to try again), or no language model is configured (`llm_not_configured`). Model failures are each case’s error, not the run’s.',
    ),
  })
  run(
    @Param('key') key: string,
    @VersionNumber() n: number,
    @ValidBody(startEvaluationRunRequestSchema) body: StartEvaluationRunRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    // An analyst who closes the page gives the run up: no case starts after, and calls in flight are closed.
    const callerGone = new AbortController();
    reply.raw.on('close', () => {
      if (!reply.raw.writableFinished) callerGone.abort();
    });
    return this.evaluations.run(key, n, body, actor(request), callerGone.signal);
  }

  @Get(':key/versions/:n/evaluation-runs')
  @RequireRoles(...READERS)
  @ContentRange('evaluation-runs')
  @ApiResponse({ status: 400, ...errorResponse(400, WHOLE_LIST_REFUSAL) })
  @ApiOkResponse({ schema: { type: 'array', items: evaluationRunViewSchema as object } })
  listRuns(@Param('key') key: string, @VersionNumber() n: number, @ValidQuery(WHOLE_LIST_QUERY) _query: object) {
    return this.evaluations.listRuns(key, n);
  }

  @Get(':key/evaluation-runs/:id')
  @RequireRoles(...READERS)
  @ApiOkResponse({ schema: evaluationRunViewSchema as object })
  async getRun(@Param('key') key: string, @Param('id') id: string): Promise<StreamableFile> {
    const body = await this.evaluations.getRunJson(key, id);
    return new StreamableFile(body, { type: 'application/json; charset=utf-8', length: body.length });
  }
}
