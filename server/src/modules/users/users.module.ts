import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { UsersController } from './users.controller.js';
import { UsersRepository } from './users.repository.js';
import { UsersService } from './users.service.js';
import { SessionUsers } from './session-users.js';

@Module({ imports: [AuditModule], controllers: [UsersController], providers: [UsersRepository, UsersService, SessionUsers], exports: [UsersRepository, UsersService, SessionUsers] })
export class UsersModule {}
