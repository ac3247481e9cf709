import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Roles } from '../auth/policy.js';
import { requireIfMatch, setETag } from '../common/etag.js';
import { Ctx } from '../common/request-context.js';
import type { RequestContext } from '../common/request-context.js';
import { CreateProgrammeRequest, PROGRAMME_ID, ProgrammeResponse, ProgrammeStatusQuery, UpdateProgrammeRequest } from './programme.dto.js';
import { READ_PROGRAMME, WRITE_PROGRAMME } from './programme-roles.js';
import { ProgrammesService } from './programmes.service.js';

@ApiTags('programmes')
@Controller('api/programmes')
export class ProgrammesController {
  constructor(private readonly programmes: ProgrammesService) {}

  @Post()
  @Roles('quality_manager')
  @ApiOperation({ summary: 'Create a programme (planned)' })
  @ApiCreatedResponse({ type: ProgrammeResponse })
  async create(@Ctx() ctx: RequestContext, @Body() body: CreateProgrammeRequest, @Res({ passthrough: true }) res: Response) {
    const v = await this.programmes.create(ctx, body);
    res.setHeader('Location', `/api/programmes/${v.id}`);
    return respond(res, v);
  }

  @Get()
  @Roles(...READ_PROGRAMME)
  @ApiOperation({ summary: 'Programmes you may see (programme leaders: those they lead)' })
  @ApiOkResponse({ type: [ProgrammeResponse] })
  async list(@Ctx() ctx: RequestContext, @Query() q: ProgrammeStatusQuery): Promise<ProgrammeResponse[]> {
    return this.programmes.list(ctx, q.status);
  }

  @Get(':id')
  @Roles(...READ_PROGRAMME)
  @ApiOperation({ summary: 'One programme with its leaders and procedure plan' })
  @ApiOkResponse({ type: ProgrammeResponse })
  async get(@Ctx() ctx: RequestContext, @Param('id', PROGRAMME_ID) id: string, @Res({ passthrough: true }) res: Response) {
    return respond(res, await this.programmes.get(ctx, id));
  }

  @Patch(':id')
  @Roles(...WRITE_PROGRAMME)
  @ApiOperation({ summary: 'Change a programme; needs If-Match. Dates only while planned.' })
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiOkResponse({ type: ProgrammeResponse })
  async update(
    @Ctx() ctx: RequestContext,
    @Param('id', PROGRAMME_ID) id: string,
    @Body() body: UpdateProgrammeRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const expected = requireIfMatch(req);
    return respond(res, await this.programmes.update(ctx, id, expected, body));
  }

  @Post(':id/activate')
  @HttpCode(200)
  @Roles('quality_manager')
  @ApiOperation({ summary: 'Activate a planned programme; pins the effective version of every procedure (its procedure plan)' })
  @ApiOkResponse({ type: ProgrammeResponse })
  async activate(@Ctx() ctx: RequestContext, @Param('id', PROGRAMME_ID) id: string, @Res({ passthrough: true }) res: Response) {
    return respond(res, await this.programmes.activate(ctx, id));
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles('quality_manager')
  @ApiOperation({ summary: 'Close an active programme' })
  @ApiOkResponse({ type: ProgrammeResponse })
  async close(@Ctx() ctx: RequestContext, @Param('id', PROGRAMME_ID) id: string, @Res({ passthrough: true }) res: Response) {
    return respond(res, await this.programmes.close(ctx, id));
  }
}

function respond(res: Response, programme: ProgrammeResponse): ProgrammeResponse {
  setETag(res, programme.version);
  return programme;
}
