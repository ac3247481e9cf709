import { Global, Inject, Injectable, Module } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.js';
import type { AppConfig } from '../config/config.js';
import { Accounts } from '../auth/accounts.js';
import { StaffController } from './staff.controller.js';
import { UsersController } from './users.controller.js';
import { UserAccounts } from './user-accounts.js';
import { UserPasswordsService } from './user-passwords.service.js';
import { UsersService } from './users.service.js';

@Injectable()
class AdminBootstrap implements OnApplicationBootstrap {
  constructor(
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}
  onApplicationBootstrap(): Promise<void> {
    return this.users.bootstrapAdmin({ email: this.config.adminEmail, password: this.config.adminPassword, name: this.config.adminName });
  }
}

@Global()
@Module({
  controllers: [UsersController, StaffController],
  providers: [UsersService, UserPasswordsService, AdminBootstrap, { provide: Accounts, useClass: UserAccounts }],
  exports: [UsersService, Accounts],
})
export class UsersModule {}
