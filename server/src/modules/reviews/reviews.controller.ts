import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import { errorResponse } from '../../common/http/openapi-contract.js';
import type { FastifyRequest } from 'fastify';
import { RequireDecisionScope, RequireRoles } from '../../common/access/permission.decorator.js';
import { ContentRange } from '../../common/http/content-range.interceptor.js';
import { ValidationError } from '../../common/errors/domain-errors.js';
import { JsonSchemaPipe, ValidBody, ValidQuery } from '../../common/http/json-schema.pipe.js';
import type { ListPage } from '../../common/http/list-query.js';
import type { Receipt } from './receipt.js';
import {
  decideReviewRequestSchema,
  receiptQuerySchema,
  receiptSchema,
  reviewViewSchema,
  submitReviewRequestSchema,
  type DecideReviewRequest,
  type ReceiptQuery,
  type ReviewView,
  type SubmitReviewRequest,
} from './reviews.contract.js';
import { ReviewsQueryParams, type ReviewsQuery } from './reviews-query.pipe.js';
import { ReviewsService } from './reviews.service.js';

/**
 * The decide body, whose `newDecision` depends on `outcome` (if/then/else in the schema, so the document says it):
 * the details name the field, not the branch that failed.
 */
class DecideBodyPipe extends JsonSchemaPipe {
  constructor() {
    super(decideReviewRequestSchema);
  }

  override transform(value: unknown): unknown {
    try {
      return super.transform(value);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      const details = err.details
        .filter((d) => d.keyword !== 'if')
        .map((d) =>
          d.keyword === 'false schema' ? { ...d, message: 'must be absent when outcome is "confirmed"' } : d,
        );
      throw new ValidationError(err.message, details);
    }
  }
}

/** Receipts of automated decisions about persons and the review requests that follow them (docs/adr/0030). */
@ApiTags('reviews')
@Controller('api/v1')
export class ReviewsController {
  constructor(private readonly reviews: ReviewsService) {}

  @Get('decisions/:id/receipt')
  @RequireDecisionScope('decisions:receipt', 'analyst', 'approver', 'risk', 'admin')
  @ApiOkResponse({ schema: receiptSchema as object })
  @ApiResponse({
    status: 409,
    ...errorResponse(409, 'The rule set that made the decision does not decide about persons (`not_about_persons`).'),
  })
  receipt(
    @Param('id') id: string,
    @ValidQuery(receiptQuerySchema) query: ReceiptQuery,
    @Req() request: FastifyRequest,
  ): Promise<Receipt> {
    // Fastify answers HEAD with the GET route, body dropped: nothing is handed over, so no receipt is issued
    // (a system checking for a receipt had one recorded as issued at each look, an API review).
    return this.reviews.receipt(id, query.lang ?? 'fr', request.principal!, request.method !== 'HEAD');
  }

  @Post('decisions/:id/reviews')
  @RequireDecisionScope('decisions:review-request', 'analyst', 'approver', 'risk')
  @ApiCreatedResponse({ schema: reviewViewSchema as object })
  submit(
    @Param('id') id: string,
    @ValidBody(submitReviewRequestSchema) body: SubmitReviewRequest,
    @Req() request: FastifyRequest,
  ): Promise<ReviewView> {
    return this.reviews.submit(id, body, request.principal!);
  }

  @Get('decisions/:id/reviews')
  @RequireRoles('approver', 'risk', 'admin')
  @ApiOkResponse({ schema: { type: 'array', items: reviewViewSchema } as object })
  @ApiResponse({
    status: 409,
    ...errorResponse(409, 'The rule set that made the decision does not decide about persons (`not_about_persons`).'),
  })
  ofDecision(@Param('id') id: string, @Req() request: FastifyRequest): Promise<ReviewView[]> {
    return this.reviews.ofDecision(id, request.principal!);
  }

  @Get('reviews')
  @RequireRoles('approver', 'risk', 'admin')
  @ContentRange('reviews')
  @ApiOkResponse({ schema: { type: 'array', items: reviewViewSchema } as object })
  list(@ReviewsQueryParams() query: ReviewsQuery): Promise<ListPage<ReviewView>> {
    const { list, ...filter } = query;
    return this.reviews.list(filter, list);
  }

  @Get('reviews/:id')
  @RequireRoles('approver', 'risk', 'admin')
  @ApiOkResponse({ schema: reviewViewSchema as object })
  one(@Param('id') id: string): Promise<ReviewView> {
    return this.reviews.one(id);
  }

  @Post('reviews/:id/decide')
  @HttpCode(200)
  @RequireRoles('approver', 'risk')
  @ApiOkResponse({ schema: reviewViewSchema as object })
  decide(
    @Param('id') id: string,
    @Body(new DecideBodyPipe()) body: DecideReviewRequest,
    @Req() request: FastifyRequest,
  ): Promise<ReviewView> {
    return this.reviews.decide(id, body, request.principal!);
  }
}
