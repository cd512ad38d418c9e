import { Controller, Get, Headers, HttpCode, Param, ParseIntPipe, Post, Put, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ContentRange } from '../../common/http/content-range.interceptor.js';
import { WithEtag } from '../../common/http/etag.interceptor.js';
import { ValidBody } from '../../common/http/json-schema.pipe.js';
import { ListParams, type ListQuery } from '../../common/http/list-query.js';
import { RequireRoles, RequireScope } from '../../common/access/permission.decorator.js';
import { actorName } from '../../common/access/principal.js';
import {
  publishRequestSchema,
  transitionRequestSchema,
  type PublishRequest,
  type TransitionRequest,
} from '../rulesets/rulesets.contract.js';
import {
  createExperimentRequestSchema,
  feedbackRequestSchema,
  updateExperimentDraftSchema,
  type CreateExperimentRequest,
  type FeedbackRequest,
  type UpdateExperimentDraftRequest,
} from './experiments.contract.js';
import { ExperimentsService } from './experiments.service.js';

const VersionNumber = () => Param('n', new ParseIntPipe({ errorHttpStatusCode: 404 }));
const actor = (request: FastifyRequest) => actorName(request.principal!);
const ALL_ROLES = ['analyst', 'approver', 'risk', 'admin'] as const;

@ApiTags('experiments')
@Controller('api/v1/experiments')
export class ExperimentsController {
  constructor(private readonly experiments: ExperimentsService) {}

  @Post()
  @RequireRoles('analyst')
  @WithEtag()
  create(@ValidBody(createExperimentRequestSchema) body: CreateExperimentRequest, @Req() request: FastifyRequest) {
    return this.experiments.create(body, actor(request));
  }

  @Get()
  @RequireRoles(...ALL_ROLES)
  @ContentRange('experiments')
  list(@ListParams(['key', 'name', 'updatedAt'], ['key', 'ASC']) query: ListQuery) {
    return this.experiments.list(query);
  }

  @Get(':key')
  @RequireRoles(...ALL_ROLES)
  @WithEtag()
  get(@Param('key') key: string) {
    return this.experiments.get(key);
  }

  @Put(':key/draft')
  @RequireRoles('analyst')
  @WithEtag()
  updateDraft(
    @Param('key') key: string,
    @ValidBody(updateExperimentDraftSchema) body: UpdateExperimentDraftRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() request: FastifyRequest,
  ) {
    return this.experiments.updateDraft(key, body, ifMatch, actor(request));
  }

  @Get(':key/versions/:n')
  @RequireRoles(...ALL_ROLES)
  @WithEtag()
  version(@Param('key') key: string, @VersionNumber() n: number) {
    return this.experiments.version(key, n);
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
    return this.experiments.transition(key, n, 'submit', actor(request), body.comment);
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
    return this.experiments.transition(key, n, 'approve', actor(request), body.comment);
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
    return this.experiments.transition(key, n, 'reject', actor(request), body.comment);
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
    return this.experiments.publish(key, n, actor(request), body);
  }

  @Post(':key/stop')
  @HttpCode(200)
  @RequireRoles('approver')
  stop(
    @Param('key') key: string,
    @ValidBody(transitionRequestSchema) body: TransitionRequest,
    @Req() request: FastifyRequest,
  ) {
    return this.experiments.stop(key, actor(request), body.comment);
  }

  @Post(':key/feedback')
  @HttpCode(200)
  @RequireScope('experiments:feedback', 'key', ...ALL_ROLES)
  feedback(@Param('key') key: string, @ValidBody(feedbackRequestSchema) body: FeedbackRequest) {
    return this.experiments.recordFeedback(key, body);
  }

  @Get(':key/results')
  @RequireRoles(...ALL_ROLES)
  results(@Param('key') key: string) {
    return this.experiments.results(key);
  }
}
