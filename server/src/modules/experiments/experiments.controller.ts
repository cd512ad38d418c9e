import { Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ValidBody } from '../../common/http/json-schema.pipe.js';
import { RequireRoles, RequireScope } from '../../common/access/permission.decorator.js';
import { actorName } from '../../common/access/principal.js';
import { GovernedController, READERS } from '../governance/governed.controller.js';
import {
  diffResponseSchema,
  fieldChangeSchema,
  transitionRequestSchema,
  type TransitionRequest,
} from '../governance/governed.contract.js';
import {
  createExperimentRequestSchema,
  experimentContentSchema,
  feedbackRequestSchema,
  feedbackResponseSchema,
  experimentResultsSchema,
  experimentViewSchema,
  updateExperimentDraftSchema,
  type FeedbackRequest,
} from './experiments.contract.js';
import { ExperimentsService } from './experiments.service.js';

const actor = (request: FastifyRequest) => actorName(request.principal!);

/** Experiments: the lifecycle routes (GovernedController; publishing starts one), stopping, feedback, results. */
@ApiTags('experiments')
@Controller('api/v1/experiments')
export class ExperimentsController extends GovernedController({
  pilot: false,
  resource: 'experiments',
  createSchema: createExperimentRequestSchema,
  draftSchema: updateExperimentDraftSchema,
  contentSchema: experimentContentSchema,
  viewSchema: experimentViewSchema,
  diffSchema: diffResponseSchema({ changes: { type: 'array', items: fieldChangeSchema } }),
}) {
  constructor(protected readonly service: ExperimentsService) {
    super();
  }

  @Post(':key/stop')
  @HttpCode(200)
  @RequireRoles('approver')
  @ApiOkResponse({ schema: experimentViewSchema as object })
  stop(
    @Param('key') key: string,
    @ValidBody(transitionRequestSchema) body: TransitionRequest,
    @Req() request: FastifyRequest,
  ) {
    return this.service.stop(key, actor(request), body.comment);
  }

  /**
   * A person's feedback on an answer, sent by the front end that served it (an API key). Console users may not
   * write it: an analyst could have changed the results of a variant they wrote, with nothing in the trail.
   */
  @Post(':key/feedback')
  @HttpCode(200)
  @RequireScope('experiments:feedback', 'key')
  @ApiOkResponse({ schema: feedbackResponseSchema as object })
  feedback(@Param('key') key: string, @ValidBody(feedbackRequestSchema) body: FeedbackRequest) {
    return this.service.recordFeedback(key, body);
  }

  @Get(':key/results')
  @RequireRoles(...READERS)
  @ApiOkResponse({ schema: experimentResultsSchema as object })
  results(@Param('key') key: string) {
    return this.service.results(key);
  }
}
