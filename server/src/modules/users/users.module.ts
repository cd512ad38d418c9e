import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { PeopleController } from './people.controller.js';
import { UsersController } from './users.controller.js';
import { UsersRepository } from './users.repository.js';
import { UsersService } from './users.service.js';
import { SessionUsers } from './session-users.js';
import { LoginThrottle } from './login-throttle.js';

@Module({
  imports: [AuditModule],
  controllers: [UsersController, PeopleController],
  providers: [UsersRepository, UsersService, SessionUsers, LoginThrottle],
  exports: [UsersRepository, UsersService, SessionUsers, LoginThrottle],
})
export class UsersModule {}
