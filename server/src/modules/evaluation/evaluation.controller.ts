import { Controller, Get, Header, HttpCode, Param, Post, Req, StreamableFile } from '@nestjs/common';
import { VersionNumber } from '../../common/http/version-number.js';
import { RouteSchema } from '@nestjs/platform-fastify';
import { ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import { errorResponse } from '../../common/http/openapi-contract.js';
import type { FastifyRequest } from 'fastify';
import { ValidBody } from '../../common/http/json-schema.pipe.js';
import { NoQuery } from '../../common/http/no-query.js';
import { RequireDecisionScope, RequireRoles, RequireScope } from '../../common/access/permission.decorator.js';
import { scopesAllow } from '../../common/access/scopes.js';
import {
  batchRequestSchema,
  batchResponseSchema,
  decisionViewSchema,
  evaluateRequestSchema,
  evaluateResponseSchema,
  impactRequestSchema,
  impactResponseSchema,
  rulesetTestRunSchema,
  type BatchRequest,
  type EvaluateRequest,
  type ImpactRequest,
} from './evaluation.contract.js';
import {
  batchResponseBody,
  CONDITIONS_WRITTEN_AT_ONCE,
  conditionsShown,
  evaluateResponseBody,
} from './response-json.js';
import { decisionNotFound, EvaluationService, type EvaluationResult } from './evaluation.service.js';

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * An explained decision of a rule set near its size limit is megabytes of JSON: it is written in turns, the same
 * bytes as the response schema gives (response-json.ts), and sent as they are.
 */
async function inTurnsIfLarge(result: EvaluationResult): Promise<EvaluationResult | StreamableFile> {
  if (conditionsShown(result) <= CONDITIONS_WRITTEN_AT_ONCE) return result;
  const body = await evaluateResponseBody(result);
  return new StreamableFile(body, { type: JSON_TYPE, length: body.length });
}

@ApiTags('evaluation')
@Controller('api/v1')
export class EvaluationController {
  constructor(private readonly evaluation: EvaluationService) {}

  @Post('rulesets/:key/evaluate')
  @HttpCode(200)
  @RequireScope('evaluate', 'key', 'analyst', 'approver', 'risk', 'admin')
  @ApiOkResponse({ schema: evaluateResponseSchema as object })
  @RouteSchema({ response: { 200: evaluateResponseSchema } })
  evaluate(
    @Param('key') key: string,
    @ValidBody(evaluateRequestSchema) body: EvaluateRequest,
    @NoQuery() _query: undefined,
    @Req() request: FastifyRequest,
  ): Promise<EvaluationResult | StreamableFile> {
    const answer = this.evaluation.evaluate(key, body, request.principal!);
    // Only an explained answer can grow past what is written in one go; the others take the schema's serializer.
    return body.explain === true ? answer.then(inTurnsIfLarge) : answer;
  }

  @Post('rulesets/:key/evaluate/batch')
  @HttpCode(200)
  @RequireScope('evaluate', 'key', 'analyst', 'approver', 'risk', 'admin')
  @ApiOkResponse({ schema: batchResponseSchema as object })
  // Written by batchResponseBody, in turns, as the schema's serializer would write it in one go.
  @Header('content-type', JSON_TYPE)
  async evaluateBatch(
    @Param('key') key: string,
    @ValidBody(batchRequestSchema) body: BatchRequest,
    @NoQuery() _query: undefined,
    @Req() request: FastifyRequest,
  ): Promise<Buffer> {
    const { results } = await this.evaluation.evaluateBatch(key, body, request.principal!);
    return batchResponseBody(results);
  }

  @Get('decisions/:id')
  @RequireDecisionScope('decisions:read', 'analyst', 'approver', 'risk', 'admin')
  @ApiOkResponse({ schema: decisionViewSchema as object })
  async decision(@Param('id') id: string, @Req() request: FastifyRequest) {
    const principal = request.principal!;
    // `id` names the record; the database's own `_id` is storage, not contract.
    const { _id: _stored, ...view } = await this.evaluation.decision(id, principal);
    // A key reads its own rule sets' records only: another's is « not found », as with receipts.
    if (principal.kind === 'apiKey' && !scopesAllow(principal.scopes, 'decisions:read', view.ruleset))
      throw decisionNotFound(id);
    return view;
  }

  @Post('rulesets/:key/versions/:n/test')
  @HttpCode(200)
  @RequireRoles('analyst', 'approver')
  @ApiOkResponse({ schema: rulesetTestRunSchema as object })
  test(@Param('key') key: string, @VersionNumber() n: number, @Req() request: FastifyRequest) {
    return this.evaluation.runTests(key, n, request.principal!);
  }

  @Post('rulesets/:key/versions/:n/impact')
  @HttpCode(200)
  @RequireRoles('analyst', 'approver', 'risk')
  @ApiOkResponse({ schema: impactResponseSchema as object })
  @ApiResponse({
    status: 429,
    ...errorResponse(
      429,
      'An impact analysis of the caller is still running (`impact_running`), or two are running in all (`impact_busy`); Retry-After says when to try again.',
    ),
  })
  impact(
    @Param('key') key: string,
    @VersionNumber() n: number,
    @ValidBody(impactRequestSchema) body: ImpactRequest,
    @Req() request: FastifyRequest,
  ) {
    return this.evaluation.impact(key, n, body.limit ?? 500, request.principal!);
  }
}
