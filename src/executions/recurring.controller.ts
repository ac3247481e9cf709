import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/policy.js';
import { UuidParam } from '../common/params.js';
import { Ctx } from '../common/request-context.js';
import type { RequestContext } from '../common/request-context.js';
import { READ_PROGRAMME, WRITE_PROGRAMME } from '../programmes/programme-roles.js';
import { PROGRAMME_ID } from '../programmes/programme.dto.js';
import {
  PersonAttendanceResponse,
  RecordAttendanceRequest,
  RecurringActivitiesQuery,
  RecurringActivitiesResponse,
  SessionAttendanceResponse,
} from './recurring.dto.js';
import { RecurringActivitiesService } from './recurring.service.js';

const EXECUTION_ID = new UuidParam('Execution');
const PARTICIPANT_ID = new UuidParam('Participant');

@ApiTags('executions')
@Controller('api')
export class RecurringActivitiesController {
  constructor(private readonly recurring: RecurringActivitiesService) {}

  @Get('programmes/:id/recurring-activities')
  @Roles(...READ_PROGRAMME)
  @ApiOperation({
    summary:
      "A subject's recurring activities (mentor meetings, job coaching, seminars): each occurrence on a timeline, gaps longer than the cadence, and the matrix status",
  })
  @ApiOkResponse({ type: RecurringActivitiesResponse })
  activities(
    @Ctx() ctx: RequestContext,
    @Param('id', PROGRAMME_ID) id: string,
    @Query() q: RecurringActivitiesQuery,
  ): Promise<RecurringActivitiesResponse> {
    return this.recurring.activities(ctx, id, q.subjectId, q.today);
  }

  @Get('programmes/:id/participants/:participantId/attendance')
  @Roles(...READ_PROGRAMME)
  @ApiOperation({
    summary: "A participant's attendance across the programme's sessions (occurrences of procedures that record attendance)",
  })
  @ApiOkResponse({ type: PersonAttendanceResponse })
  person(
    @Ctx() ctx: RequestContext,
    @Param('id', PROGRAMME_ID) id: string,
    @Param('participantId', PARTICIPANT_ID) participantId: string,
  ): Promise<PersonAttendanceResponse> {
    return this.recurring.person(ctx, id, participantId);
  }

  @Get('executions/:id/attendance')
  @Roles(...READ_PROGRAMME)
  @ApiOperation({
    summary: "A session's attendance list: everyone of the programme on its day, present, absent or not recorded, with every entry",
  })
  @ApiOkResponse({ type: SessionAttendanceResponse })
  session(@Ctx() ctx: RequestContext, @Param('id', EXECUTION_ID) id: string): Promise<SessionAttendanceResponse> {
    return this.recurring.session(ctx, id);
  }

  @Post('executions/:id/attendance')
  @Roles(...WRITE_PROGRAMME)
  @ApiOperation({
    summary:
      'Record who attended an occurrence of a cohort procedure that records attendance; an entry that changes an earlier one supersedes it (with a reason)',
  })
  @ApiCreatedResponse({ type: SessionAttendanceResponse })
  record(
    @Ctx() ctx: RequestContext,
    @Param('id', EXECUTION_ID) id: string,
    @Body() body: RecordAttendanceRequest,
  ): Promise<SessionAttendanceResponse> {
    return this.recurring.record(ctx, id, body);
  }
}
