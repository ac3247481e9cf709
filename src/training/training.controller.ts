import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/policy.js';
import { UuidParam } from '../common/params.js';
import { Ctx } from '../common/request-context.js';
import type { RequestContext } from '../common/request-context.js';
import { CreateTrainingRecordRequest, TrainingRecordResponse } from './training.dto.js';
import { TrainingService } from './training.service.js';

const USER = new UuidParam('User');

@ApiTags('training')
@Controller('api/users/:id/training-records')
export class TrainingController {
  constructor(private readonly training: TrainingService) {}

  @Post()
  @Roles('quality_manager')
  @ApiOperation({ summary: 'Record a completed training module of a staff member (evidence of competence)' })
  @ApiCreatedResponse({ type: TrainingRecordResponse })
  async add(
    @Ctx() ctx: RequestContext,
    @Param('id', USER) userId: string,
    @Body() body: CreateTrainingRecordRequest,
  ): Promise<TrainingRecordResponse> {
    return this.training.add(ctx, userId, body);
  }

  @Get()
  @Roles('quality_manager', 'auditor', 'admin')
  @ApiOperation({ summary: 'Training records of a user, oldest first' })
  @ApiOkResponse({ type: [TrainingRecordResponse] })
  async list(@Param('id', USER) userId: string): Promise<TrainingRecordResponse[]> {
    return this.training.list(userId);
  }
}
