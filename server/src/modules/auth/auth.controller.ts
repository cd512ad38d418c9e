import { Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import { errorResponse } from '../../common/http/openapi-contract.js';
import type { FastifyRequest } from 'fastify';
import { ValidBody } from '../../common/http/json-schema.pipe.js';
import {
  loginRequestSchema,
  loginResponseSchema,
  principalResponseSchema,
  type LoginRequest,
  type LoginResponse,
} from './auth.contract.js';
import { AuthService } from './auth.service.js';
import { Authenticated, Public, RequireRoles } from '../../common/access/permission.decorator.js';
import { ROLES } from '../../common/access/roles.js';
import type { Principal } from '../../common/access/principal.js';

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @RouteConfig({ rateLimit: {} })
  @ApiOkResponse({ schema: loginResponseSchema as object })
  @ApiResponse({
    status: 401,
    ...errorResponse(401, 'Unknown username or wrong password.'),
  })
  @ApiResponse({
    status: 403,
    ...errorResponse(
      403,
      'The password is right but the account may not sign in: disabled by an administrator (`account_disabled`), or a demo account in production (`demo_account_disabled`).',
    ),
  })
  @ApiResponse({
    status: 429,
    ...errorResponse(
      429,
      'Too many attempts from this address, or for this account: Retry-After says when to try again.',
    ),
  })
  login(@ValidBody(loginRequestSchema) body: LoginRequest, @Req() request: FastifyRequest): Promise<LoginResponse> {
    return this.auth.login(body, request.ip);
  }

  /** Signs the user out everywhere: every token issued to them so far stops working. */
  @Post('logout')
  @HttpCode(204)
  @RequireRoles(...ROLES)
  async logout(@Req() request: FastifyRequest): Promise<void> {
    await this.auth.logout((request.principal as { username: string }).username);
  }

  @Get('me')
  @Authenticated()
  @ApiOkResponse({ schema: principalResponseSchema as object })
  me(@Req() request: FastifyRequest): Principal {
    return request.principal!;
  }
}
