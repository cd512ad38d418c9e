import { Body, Controller, Get, HttpCode, Param, Post, Req, Res, UnsupportedMediaTypeException } from '@nestjs/common';
import { VersionNumber } from '../../common/http/version-number.js';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RequireRoles } from '../../common/access/permission.decorator.js';
import { actorName } from '../../common/access/principal.js';
import { errorResponse } from '../../common/http/openapi-contract.js';
import { WithEtag } from '../../common/http/etag.interceptor.js';
import { ValidBody, ValidQuery } from '../../common/http/json-schema.pipe.js';
import { XML_CONTENT_TYPES } from '../../common/http/body-media.js';
import { GovernedController, READERS } from '../governance/governed.controller.js';
import { rulesetAnalysisSchema } from './ruleset-analysis.contract.js';
import {
  DMN_MEDIA_TYPE,
  dmnDocumentSchema,
  dmnImportQuerySchema,
  type DmnImportQuery,
} from './ruleset-dmn.contract.js';
import {
  createRulesetRequestSchema,
  rulesetContentSchema,
  rulesetDiffSchema,
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
  pilot: true,
  resource: 'rulesets',
  createSchema: createRulesetRequestSchema,
  draftSchema: updateDraftRequestSchema,
  contentSchema: rulesetContentSchema,
  viewSchema: rulesetViewSchema,
  diffSchema: rulesetDiffSchema,
}) {
  constructor(protected readonly service: RulesetsService) {
    super();
  }

  /**
   * Takes the rule set out of service for good: approvers only (admins keep accounts, keys and the audit trail, not
   * what decides), with a reason when a version is in force.
   */
  @Post(':key/archive')
  @HttpCode(200)
  @RequireRoles('approver')
  @ApiOkResponse({ schema: rulesetViewSchema as object })
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
  analysis(@Param('key') key: string, @VersionNumber() n: number) {
    return this.service.analysis(key, n);
  }

  /**
   * A decision-table version as DMN 1.3 XML (docs/adr/0027-dmn-exchange.md): read as the version is. Another
   * format, or a cell with no FEEL unary test, is a 400 naming it.
   */
  @Get(':key/versions/:n/dmn')
  @RequireRoles(...READERS)
  @ApiProduces(DMN_MEDIA_TYPE)
  @ApiOkResponse({ description: 'The version as a DMN 1.3 file.', schema: dmnDocumentSchema })
  @ApiResponse({
    status: 400,
    ...errorResponse(
      400,
      'The version is not a decision table (`/format`), or has cells DMN cannot express (each `/definition/rows/{i}/cells/{input}`).',
    ),
  })
  async dmn(
    @Param('key') key: string,
    @VersionNumber() n: number,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const xml = await this.service.dmn(key, n);
    void reply.header('content-type', `${DMN_MEDIA_TYPE}; charset=utf-8`);
    void reply.header('content-disposition', `attachment; filename="${key}-v${n}.dmn"`);
    return xml;
  }

  /**
   * A new rule set (its first draft) from a DMN file's decision table, or a 400 naming every entry that does
   * not map (docs/adr/0027-dmn-exchange.md). The body is XML (application/xml or text/xml).
   */
  @Post('import/dmn')
  @RequireRoles('analyst')
  @WithEtag()
  @ApiConsumes(...XML_CONTENT_TYPES)
  @ApiBody({ required: true, schema: dmnDocumentSchema })
  @ApiResponse({
    status: 400,
    ...errorResponse(
      400,
      'The XML is malformed or declares a DOCTYPE, or entries do not map: `details` names each (`/definitions/decision/0/decisionTable/rule/{r}/inputEntry/{e}`).',
    ),
  })
  @ApiResponse({ status: 415, ...errorResponse(415, `The body is not ${XML_CONTENT_TYPES.join(' or ')}.`) })
  @ApiCreatedResponse({ schema: rulesetViewSchema as object })
  importDmn(
    @Body() body: unknown,
    @ValidQuery(dmnImportQuerySchema) query: DmnImportQuery,
    @Req() request: FastifyRequest,
  ) {
    if (typeof body !== 'string')
      throw new UnsupportedMediaTypeException(`The body must be a DMN file sent as ${XML_CONTENT_TYPES.join(' or ')}.`);
    return this.service.importDmn(body, query, actorName(request.principal!));
  }
}
