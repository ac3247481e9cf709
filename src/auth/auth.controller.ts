import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import { LoginRequest, LoginResponse } from './auth.dto.js';
import { AuthService } from './auth.service.js';
import { Public } from './policy.js';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @ApiOperation({ summary: 'Sign in with e-mail and password; returns a bearer token' })
  @ApiOkResponse({ type: LoginResponse })
  @ApiUnauthorizedResponse({ description: 'Wrong e-mail or password, or a deactivated account' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed attempts from this address; see Retry-After' })
  async login(@Body() body: LoginRequest, @Req() req: Request): Promise<LoginResponse> {
    return this.auth.login(body.email, body.password, req.ip ?? 'unknown');
  }
}
