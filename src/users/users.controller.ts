import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Authenticated, Roles } from '../auth/policy.js';
import { requireIfMatch, setETag } from '../common/etag.js';
import { LowerCaseUuid } from '../common/params.js';
import { Ctx } from '../common/request-context.js';
import type { RequestContext } from '../common/request-context.js';
import { CreateUserRequest, UpdateUserRequest, UserResponse, toUserResponse } from './user.dto.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@Controller('api/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create a user with one or more roles' })
  @ApiCreatedResponse({ type: UserResponse })
  async create(
    @Ctx() ctx: RequestContext,
    @Body() body: CreateUserRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<UserResponse> {
    const user = await this.users.create(ctx, body);
    setETag(res, user.version);
    res.setHeader('Location', `/api/users/${user.id}`);
    return toUserResponse(user);
  }

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'List all users' })
  @ApiOkResponse({ type: [UserResponse] })
  async list(): Promise<UserResponse[]> {
    return (await this.users.list()).map(toUserResponse);
  }

  @Get('me')
  @Authenticated()
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiOkResponse({ type: UserResponse })
  async me(@Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response): Promise<UserResponse> {
    const user = await this.users.get(ctx.actor.id!);
    setETag(res, user.version);
    return toUserResponse(user);
  }

  @Get(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'One user' })
  @ApiOkResponse({ type: UserResponse })
  async get(@Param('id', ParseUUIDPipe, LowerCaseUuid) id: string, @Res({ passthrough: true }) res: Response): Promise<UserResponse> {
    const user = await this.users.get(id);
    setETag(res, user.version);
    return toUserResponse(user);
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
    return toUserResponse(user);
  }
}
