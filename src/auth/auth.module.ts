import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { APP_CONFIG } from '../config/config.js';
import type { AppConfig } from '../config/config.js';
import { JWT_SECRET, resolveJwtSecret } from '../config/secrets.js';
import { AccessGuard } from './access.guard.js';
import { AuthController } from './auth.controller.js';
import { AttemptThrottle } from './attempt-throttle.js';
import { AuthService } from './auth.service.js';

@Global()
@Module({
  imports: [JwtModule.register({})],
  controllers: [AuthController],
  providers: [
    AuthService,
    AttemptThrottle,
    AccessGuard,
    { provide: JWT_SECRET, inject: [APP_CONFIG], useFactory: (config: AppConfig) => resolveJwtSecret(config) },
  ],
  exports: [AuthService, AccessGuard, AttemptThrottle, JWT_SECRET],
})
export class AuthModule {}
