import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/policy.js';
import { StaffMemberResponse } from './user.dto.js';
import { UsersService } from './users.service.js';

/**
 * The staff directory: who can be chosen as an owner, an attendee or a programme leader, and
 * whose name goes with an actor id in the audit trail. Staff names are printed on signatures
 * already; e-mail addresses stay with the administrators (GET /api/users).
 */
@ApiTags('users')
@Controller('api/staff')
export class StaffController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Roles('admin', 'quality_manager', 'board_member', 'auditor')
  @ApiOperation({ summary: 'Staff directory: id, printed name, roles and whether active, ordered by name' })
  @ApiOkResponse({ type: [StaffMemberResponse] })
  async list(): Promise<StaffMemberResponse[]> {
    return this.users.staff();
  }
}
