import { Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ValidBody } from '../../common/http/json-schema.pipe.js';
import { errorResponse } from '../../common/http/openapi-contract.js';
import { RequireScope } from '../../common/access/permission.decorator.js';
import { ROLES } from '../../common/access/roles.js';
import { completeRequestSchema, completeResponseSchema, type CompleteRequest } from '../prompts/prompts.contract.js';
import { CompletionService } from './completion.service.js';

@ApiTags('prompts')
@Controller('api/v1/prompts')
export class CompletionController {
  constructor(private readonly completions: CompletionService) {}

  @Post(':key/complete')
  @HttpCode(200)
  @RequireScope('prompts:complete', 'key', ...ROLES)
  @ApiResponse({
    status: 429,
    ...errorResponse(429, 'The language model provider is rate limiting requests; Retry-After says when to try again.'),
  })
  @ApiResponse({ status: 502, ...errorResponse(502) })
  @ApiOkResponse({ schema: completeResponseSchema as object })
  complete(
    @Param('key') key: string,
    @ValidBody(completeRequestSchema) body: CompleteRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    // A caller who closes the request before the model answers gives the call up: it ran to its end, for an
    // answer nobody read, counted as served to a person who never saw it.
    const callerGone = new AbortController();
    reply.raw.on('close', () => {
      if (!reply.raw.writableFinished) callerGone.abort();
    });
    return this.completions.complete(
      key,
      body.variables as Record<string, unknown>,
      body.subjectId,
      request.principal!,
      callerGone.signal,
    );
  }
}
