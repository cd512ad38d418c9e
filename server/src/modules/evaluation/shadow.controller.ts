import { Controller, Delete, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { VersionNumber } from '../../common/http/version-number.js';
import { ApiCreatedResponse, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { RequireRoles } from '../../common/access/permission.decorator.js';
import { actorName } from '../../common/access/principal.js';
import { errorResponse } from '../../common/http/openapi-contract.js';
import { ValidBody } from '../../common/http/json-schema.pipe.js';
import { READERS } from '../governance/governed.controller.js';
import { RulesetsService } from '../rulesets/rulesets.service.js';
import { ShadowRunner } from './shadow-runner.js';
import {
  shadowReportSchema,
  shadowStartedSchema,
  startShadowRequestSchema,
  type StartShadowRequest,
} from './shadow.contract.js';

/** Shadow runs of a version on live traffic (docs/adr/0028): approvers start and stop them; version readers read the report. */
@ApiTags('rulesets')
@Controller('api/v1/rulesets')
export class ShadowController {
  constructor(
    private readonly rulesets: RulesetsService,
    private readonly runner: ShadowRunner,
  ) {}

  @Post(':key/versions/:n/shadow')
  @RequireRoles('approver')
  @ApiCreatedResponse({ schema: shadowStartedSchema as object })
  @ApiResponse({
    status: 409,
    ...errorResponse(
      409,
      'The version is not in review nor approved (or is published), or nothing is in force to compare with (`/version`).',
    ),
  })
  async start(
    @Param('key') key: string,
    @VersionNumber() n: number,
    @ValidBody(startShadowRequestSchema) body: StartShadowRequest,
    @Req() request: FastifyRequest,
  ) {
    const run = await this.rulesets.startShadow(key, n, body.percent, actorName(request.principal!));
    return { version: run.version, percent: run.percent, startedAt: run.startedAt };
  }

  @Get(':key/versions/:n/shadow')
  @RequireRoles(...READERS)
  @ApiOkResponse({ schema: shadowReportSchema as object })
  report(@Param('key') key: string, @VersionNumber() n: number, @Req() request: FastifyRequest) {
    return this.runner.report(key, n, request.principal!);
  }

  @Delete(':key/versions/:n/shadow')
  @HttpCode(204)
  @RequireRoles('approver')
  async stop(@Param('key') key: string, @VersionNumber() n: number, @Req() request: FastifyRequest): Promise<void> {
    await this.rulesets.stopShadow(key, n, actorName(request.principal!));
  }
}
