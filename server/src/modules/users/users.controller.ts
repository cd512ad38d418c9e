import { Controller, Get, Param, Post, Put, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ContentRange } from '../../common/http/content-range.interceptor.js';
import { ValidBody } from '../../common/http/json-schema.pipe.js';
import { ListParams, textSearch, type ListPage, type ListQuery } from '../../common/http/list-query.js';
import { ROLES } from '../../common/access/roles.js';
import { RequireRoles } from '../../common/access/permission.decorator.js';
import { actorName } from '../../common/access/principal.js';
import {
  createUserRequestSchema,
  updateUserRequestSchema,
  userViewSchema,
  type CreateUserRequest,
  type UpdateUserRequest,
  type UserView,
} from './users.contract.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@Controller('api/v1/users')
@RequireRoles('admin')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ContentRange('users')
  @ApiOkResponse({ schema: { type: 'array', items: userViewSchema } as object })
  list(
    @ListParams(['username', 'displayName', 'createdAt', 'lastLoginAt'], ['username', 'ASC'], {
      ...textSearch('the username or display name'),
      role: { type: 'string', enum: ROLES },
    })
    query: ListQuery,
  ): Promise<ListPage<UserView>> {
    return this.users.list(query);
  }

  @Get(':username')
  @ApiOkResponse({ schema: userViewSchema as object })
  get(@Param('username') username: string): Promise<UserView> {
    return this.users.get(username);
  }

  @Post()
  @ApiCreatedResponse({ schema: userViewSchema as object })
  create(
    @ValidBody(createUserRequestSchema) body: CreateUserRequest,
    @Req() request: FastifyRequest,
  ): Promise<UserView> {
    return this.users.create(body, actorName(request.principal!));
  }

  @Put(':username')
  @ApiOkResponse({ schema: userViewSchema as object })
  update(
    @Param('username') username: string,
    @ValidBody(updateUserRequestSchema) body: UpdateUserRequest,
    @Req() request: FastifyRequest,
  ): Promise<UserView> {
    return this.users.update(username, body, actorName(request.principal!));
  }
}
