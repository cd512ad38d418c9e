import { Controller, Delete, Get, Param, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ContentRange } from '../../common/http/content-range.interceptor.js';
import { ValidBody } from '../../common/http/json-schema.pipe.js';
import { ListParams, textSearch, type ListPage, type ListQuery } from '../../common/http/list-query.js';
import {
  apiKeyViewSchema,
  createApiKeyRequestSchema,
  createdApiKeySchema,
  type ApiKeyView,
  type CreateApiKeyRequest,
  type CreatedApiKey,
} from './api-keys.contract.js';
import { ApiKeysService } from './api-keys.service.js';
import { RequireRoles } from '../../common/access/permission.decorator.js';
import { actorName } from '../../common/access/principal.js';

@ApiTags('api-keys')
@Controller('api/v1/api-keys')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Post()
  @RequireRoles('admin')
  @ApiCreatedResponse({ schema: createdApiKeySchema as object })
  create(
    @ValidBody(createApiKeyRequestSchema) body: CreateApiKeyRequest,
    @Req() request: FastifyRequest,
  ): Promise<CreatedApiKey> {
    return this.apiKeys.create(body, actorName(request.principal!));
  }

  @Get()
  @RequireRoles('admin')
  @ContentRange('api-keys')
  @ApiOkResponse({ schema: { type: 'array', items: apiKeyViewSchema } as object })
  list(
    @ListParams(['id', 'name', 'createdAt', 'lastUsedAt'], ['createdAt', 'DESC'], {
      ...textSearch('the name or a scope'),
      revoked: { type: 'boolean', description: 'only revoked keys (true) or only live ones (false)' },
    })
    query: ListQuery,
  ): Promise<ListPage<ApiKeyView>> {
    return this.apiKeys.list(query);
  }

  @Delete(':id')
  @RequireRoles('admin')
  @ApiOkResponse({ schema: apiKeyViewSchema as object })
  revoke(@Param('id') id: string, @Req() request: FastifyRequest): Promise<ApiKeyView> {
    return this.apiKeys.revoke(id, actorName(request.principal!));
  }
}
