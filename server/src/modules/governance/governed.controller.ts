import { Get, Headers, HttpCode, Param, Post, Put, Req } from '@nestjs/common';
import { VersionNumber } from '../../common/http/version-number.js';
import { ApiCreatedResponse, ApiOkResponse, ApiResponse } from '@nestjs/swagger';
import { errorResponse } from '../../common/http/openapi-contract.js';
import type { FastifyRequest } from 'fastify';
import { RequireRoles } from '../../common/access/permission.decorator.js';
import { actorName } from '../../common/access/principal.js';
import { ContentRange } from '../../common/http/content-range.interceptor.js';
import { WithEtag } from '../../common/http/etag.interceptor.js';
import { ValidBody, ValidQuery } from '../../common/http/json-schema.pipe.js';
import {
  ListParams,
  TEXT_SEARCH,
  WHOLE_LIST_QUERY,
  WHOLE_LIST_REFUSAL,
  type ListQuery,
} from '../../common/http/list-query.js';
import {
  diffQuerySchema,
  publishRequestSchema,
  rollbackRequestSchema,
  reviewRequestSchema,
  submitRequestSchema,
  unscheduleRequestSchema,
  versionViewSchema,
  versionWithContentSchema,
  type DiffQuery,
  type PublishRequest,
  type ReviewRequest,
  type RollbackRequest,
  type SubmitRequest,
  type UnscheduleRequest,
} from './governed.contract.js';
import type { GovernedResourceService } from './governed-resource.service.js';

/** What the routes call: any GovernedResourceService, whatever its metadata and content types. */
type LifecycleService = Pick<
  GovernedResourceService<object, object, object>,
  | 'create'
  | 'list'
  | 'get'
  | 'updateDraft'
  | 'versions'
  | 'version'
  | 'transition'
  | 'publish'
  | 'unschedule'
  | 'rollback'
  | 'diff'
>;

const actor = (request: FastifyRequest) => actorName(request.principal!);
/** Every console role reads governed resources. */
export const READERS = ['analyst', 'approver', 'risk', 'admin'] as const;
const SORTABLE = ['key', 'name', 'pilot', 'updatedAt', 'createdAt'];
/** The filters every governed list takes; those with a pilot take `pilot` too (GovernedRoutes.pilot). */
const FILTERS = {
  ...TEXT_SEARCH,
  status: {
    type: 'string',
    enum: ['draft', 'in_review', 'approved', 'published', 'retired'],
    description: 'has a version with this status now',
  },
  archived: { type: 'boolean', description: 'archived ones instead of the others (default false)' },
};

export interface GovernedRoutes {
  /** The collection's name in Content-Range (`rulesets`). */
  resource: string;
  createSchema: object;
  draftSchema: object;
  /** A version's content as stored and read (GET /{key}/versions/{n}). */
  contentSchema: object;
  /** The resource as read (GET /{key}, each item of the list, and the answer of every change to it). */
  viewSchema: object;
  /** What GET /{key}/diff answers (diffResponseSchema). */
  diffSchema: object;
  /** Whether the resource belongs to a pilot, and its list filters on it (experiments do not). */
  pilot: boolean;
}

/**
 * The lifecycle routes every governed resource has, with the same verbs, permissions and contract: create,
 * list, read, edit the draft (If-Match), list and read versions, submit, approve, reject, publish, withdraw a
 * scheduled publication, roll back,
 * compare. A resource's controller extends `GovernedController(routes)` under its own path and adds its own
 * routes; `service` is its GovernedResourceService.
 */
export function GovernedController(routes: GovernedRoutes) {
  abstract class GovernedControllerBase {
    protected abstract readonly service: LifecycleService;

    @Post()
    @RequireRoles('analyst')
    @WithEtag()
    @ApiCreatedResponse({ schema: routes.viewSchema })
    create(@ValidBody(routes.createSchema) body: object, @Req() request: FastifyRequest) {
      return this.service.create(body, actor(request));
    }

    @Get()
    @RequireRoles(...READERS)
    @ContentRange(routes.resource)
    @ApiOkResponse({ schema: { type: 'array', items: routes.viewSchema } })
    list(
      @ListParams(SORTABLE, ['key', 'ASC'], {
        ...FILTERS,
        ...(routes.pilot && { pilot: { type: 'string', maxLength: 64 } }),
      })
      query: ListQuery,
    ) {
      return this.service.list(query);
    }

    @Get(':key')
    @RequireRoles(...READERS)
    @WithEtag()
    @ApiOkResponse({ schema: routes.viewSchema })
    get(@Param('key') key: string) {
      return this.service.get(key);
    }

    @Put(':key/draft')
    @RequireRoles('analyst')
    @WithEtag()
    @ApiOkResponse({ schema: routes.viewSchema })
    updateDraft(
      @Param('key') key: string,
      @ValidBody(routes.draftSchema) body: object,
      @Headers('if-match') ifMatch: string | undefined,
      @Req() request: FastifyRequest,
    ) {
      return this.service.updateDraft(key, body, ifMatch, actor(request));
    }

    @Get(':key/versions')
    @RequireRoles(...READERS)
    @ContentRange('versions')
    @ApiResponse({ status: 400, ...errorResponse(400, WHOLE_LIST_REFUSAL) })
    @ApiOkResponse({ schema: { type: 'array', items: versionViewSchema } as object })
    versions(@Param('key') key: string, @ValidQuery(WHOLE_LIST_QUERY) _query: object) {
      return this.service.versions(key);
    }

    @Get(':key/versions/:n')
    @RequireRoles(...READERS)
    @WithEtag()
    @ApiOkResponse({ schema: versionWithContentSchema(routes.contentSchema) as object })
    version(@Param('key') key: string, @VersionNumber() n: number) {
      return this.service.version(key, n);
    }

    @Post(':key/versions/:n/submit')
    @HttpCode(200)
    @RequireRoles('analyst')
    @ApiOkResponse({ schema: routes.viewSchema })
    submit(
      @Param('key') key: string,
      @VersionNumber() n: number,
      @ValidBody(submitRequestSchema) body: SubmitRequest,
      @Req() request: FastifyRequest,
    ) {
      return this.service.transition(key, n, 'submit', actor(request), body.comment, body.revision);
    }

    @Post(':key/versions/:n/approve')
    @HttpCode(200)
    @RequireRoles('approver')
    @ApiOkResponse({ schema: routes.viewSchema })
    approve(
      @Param('key') key: string,
      @VersionNumber() n: number,
      @ValidBody(reviewRequestSchema) body: ReviewRequest,
      @Req() request: FastifyRequest,
    ) {
      return this.service.transition(key, n, 'approve', actor(request), body.comment, body.checksum);
    }

    @Post(':key/versions/:n/reject')
    @HttpCode(200)
    @RequireRoles('approver')
    @ApiOkResponse({ schema: routes.viewSchema })
    reject(
      @Param('key') key: string,
      @VersionNumber() n: number,
      @ValidBody(reviewRequestSchema) body: ReviewRequest,
      @Req() request: FastifyRequest,
    ) {
      return this.service.transition(key, n, 'reject', actor(request), body.comment, body.checksum);
    }

    @Post(':key/versions/:n/publish')
    @HttpCode(200)
    @RequireRoles('approver')
    @ApiOkResponse({ schema: routes.viewSchema })
    publish(
      @Param('key') key: string,
      @VersionNumber() n: number,
      @ValidBody(publishRequestSchema) body: PublishRequest,
      @Req() request: FastifyRequest,
    ) {
      return this.service.publish(key, n, actor(request), body);
    }

    @Post(':key/versions/:n/unschedule')
    @HttpCode(200)
    @RequireRoles('approver')
    @ApiOkResponse({ schema: routes.viewSchema })
    unschedule(
      @Param('key') key: string,
      @VersionNumber() n: number,
      @ValidBody(unscheduleRequestSchema) body: UnscheduleRequest,
      @Req() request: FastifyRequest,
    ) {
      return this.service.unschedule(key, n, actor(request), body.comment);
    }

    @Post(':key/rollback')
    @HttpCode(200)
    @RequireRoles('approver')
    @ApiOkResponse({ schema: routes.viewSchema })
    rollback(
      @Param('key') key: string,
      @ValidBody(rollbackRequestSchema) body: RollbackRequest,
      @Req() request: FastifyRequest,
    ) {
      return this.service.rollback(key, body, actor(request));
    }

    @Get(':key/diff')
    @RequireRoles(...READERS)
    @ApiOkResponse({ schema: routes.diffSchema })
    diff(@Param('key') key: string, @ValidQuery(diffQuerySchema) query: DiffQuery) {
      return this.service.diff(key, query.from, query.to);
    }
  }
  return GovernedControllerBase;
}
