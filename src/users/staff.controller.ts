import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/policy.js';
import { ROLES } from '../common/roles.js';
import type { Role } from '../common/roles.js';
import { UsersService } from './users.service.js';

/** A member of staff as colleagues see them: the printed name and roles, never the e-mail address or password state. */
export class StaffMemberResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Printed name, as on electronic signatures' }) name: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role', isArray: true }) roles: Role[];
  @ApiProperty({ description: 'Deactivated accounts are listed too, so that names in history and audit trails can be read' })
  active: boolean;
}

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
    const users = await this.users.list();
    return users
      .map((u) => ({ id: u.id, name: u.name, roles: u.roles, active: u.active }))
      .sort((a, b) => a.name.localeCompare(b.name, 'en') || a.id.localeCompare(b.id));
  }
}
