import { Module } from '@nestjs/common';
import { AuthModule } from '../modules/auth/auth.module.js';
import { SeedService } from './seed.service.js';

@Module({ imports: [AuthModule], providers: [SeedService], exports: [SeedService] })
export class SeedModule {}
