import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { LoginResponse } from '../auth/auth.dto.js';
import { AllowedBeforePasswordChange, Authenticated, Roles } from '../auth/policy.js';
import { requireIfMatch, setETag } from '../common/etag.js';
import { NotRemembered } from '../database/idempotency.interceptor.js';
import { LowerCaseUuid } from '../common/params.js';
import { Ctx } from '../common/request-context.js';
import type { RequestContext } from '../common/request-context.js';
import {
  ChangePasswordRequest,
  CreateUserRequest,
  ResetPasswordRequest,
  UpdateOwnAccountRequest,
  UpdateUserRequest,
  UserPage,
  UserQuery,
  UserResponse,
} from './user.dto.js';
import { UserPasswordsService } from './user-passwords.service.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@Controller('api/users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly passwords: UserPasswordsService,
  ) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create a user with one or more roles; the password is temporary and must be changed at the first sign-in' })
  @ApiCreatedResponse({ type: UserResponse })
  async create(
    @Ctx() ctx: RequestContext,
    @Body() body: CreateUserRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<UserResponse> {
    const user = await this.users.create(ctx, body);
    setETag(res, user.version);
    res.setHeader('Location', `/api/users/${user.id}`);
    return user;
  }

  @Get()
  @Roles('admin')
  @ApiOperation({
    summary: 'Users, by name, a page at a time, with filters (text in name or e-mail, role, active) and the count of all that match',
  })
  @ApiOkResponse({ type: UserPage })
  async list(@Query() q: UserQuery): Promise<UserPage> {
    return this.users.search({
      q: q.q,
      role: q.role,
      active: q.active,
      offset: q.cursor ? Number(q.cursor) : 0,
      limit: q.limit ?? 50,
    });
  }

  @Get('me')
  @Authenticated()
  @AllowedBeforePasswordChange()
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiOkResponse({ type: UserResponse })
  async me(@Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response): Promise<UserResponse> {
    const user = await this.users.get(ctx.actor.id!);
    setETag(res, user.version);
    return user;
  }

  @Patch('me')
  @Authenticated()
  @ApiOperation({
    summary: "Change one's own preferences: the console language",
    description:
      'Any signed-in user, for their own account only; no If-Match (nobody else sets it). The same language again changes ' +
      'nothing; a change is audited (user.language) and moves the account version on.',
  })
  @ApiOkResponse({ type: UserResponse })
  async updateMe(
    @Ctx() ctx: RequestContext,
    @Body() body: UpdateOwnAccountRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<UserResponse> {
    const user = await this.users.setOwnLanguage(ctx, body.language);
    setETag(res, user.version);
    return user;
  }

  @Post('me/password')
  @HttpCode(200)
  @Authenticated()
  @AllowedBeforePasswordChange()
  @NotRemembered()
  @ApiOperation({
    summary: "Change one's own password",
    description:
      'Needs the current password (wrong: 422 current_password_wrong; failures are throttled with signatures, 429 too_many_attempts). ' +
      'Ends every token the user holds, this one included, and answers with a new token, as a sign-in does.',
  })
  @ApiOkResponse({ type: LoginResponse })
  @ApiUnprocessableEntityResponse({ description: 'The current password is wrong (current_password_wrong)' })
  @ApiTooManyRequestsResponse({ description: 'Too many wrong passwords from this address; see Retry-After' })
  async changeOwnPassword(@Ctx() ctx: RequestContext, @Body() body: ChangePasswordRequest): Promise<LoginResponse> {
    return this.passwords.changeOwn(ctx, body.currentPassword, body.newPassword);
  }

  @Get(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'One user' })
  @ApiOkResponse({ type: UserResponse })
  async get(@Param('id', ParseUUIDPipe, LowerCaseUuid) id: string, @Res({ passthrough: true }) res: Response): Promise<UserResponse> {
    const user = await this.users.get(id);
    setETag(res, user.version);
    return user;
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Change name, roles or active; needs If-Match with the ETag last read' })
  @ApiHeader({ name: 'If-Match', required: true, description: 'The ETag of the version you last read' })
  @ApiOkResponse({ type: UserResponse })
  async update(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe, LowerCaseUuid) id: string,
    @Body() body: UpdateUserRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<UserResponse> {
    const expected = requireIfMatch(req);
    const user = await this.users.update(ctx, id, expected, body);
    setETag(res, user.version);
    return user;
  }

  @Post(':id/password')
  @HttpCode(200)
  @Roles('admin')
  @NotRemembered()
  @ApiOperation({
    summary: 'Set a temporary password for another user',
    description: 'The user must change it at the next sign-in; every token they hold ends at once.',
  })
  @ApiOkResponse({ type: UserResponse })
  @ApiConflictResponse({ description: 'Your own password: change it with POST /api/users/me/password (cannot_reset_own_password)' })
  async resetPassword(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe, LowerCaseUuid) id: string,
    @Body() body: ResetPasswordRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<UserResponse> {
    const user = await this.passwords.reset(ctx, id, body.password);
    setETag(res, user.version);
    return user;
  }
}
