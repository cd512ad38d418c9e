import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ROLES } from '../../common/access/roles.js';
import { RequireRoles } from '../../common/access/permission.decorator.js';
import { personViewSchema, type PersonView } from './users.contract.js';
import { UsersService } from './users.service.js';

/**
 * The staff directory: each account's display name, for every console role. Versions, reviews and the audit
 * trail record who acted by username (the identity, which never changes); the console shows the person's name.
 * Only the accounts' admin sees roles, state and sign-ins (`/users`).
 */
@ApiTags('users')
@Controller('api/v1/people')
@RequireRoles(...ROLES)
export class PeopleController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOkResponse({ schema: { type: 'array', items: personViewSchema } as object })
  list(): Promise<PersonView[]> {
    return this.users.people();
  }
}
