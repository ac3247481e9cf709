import { ApiProperty } from '@nestjs/swagger';
import { BoolField, EmailField, EnumListField, TextField } from '../common/fields.js';
import { ROLES } from '../auth/roles.js';
import type { Role } from '../auth/roles.js';
import type { User } from './user.entity.js';

export class CreateUserRequest {
  @EmailField({ description: 'Sign-in address; unique, compared case-insensitively', example: 'quality@example.org' })
  email: string;

  @TextField({ max: 200, description: 'Printed name, shown on electronic signatures', example: 'Kari Nordmann' })
  name: string;

  @TextField({ min: 12, max: 256, description: 'At least 12 characters' })
  password: string;

  @EnumListField(ROLES, { min: 1, enumName: 'Role', description: 'One or more roles' })
  roles: Role[];
}

export class UpdateUserRequest {
  @TextField({ optional: true, max: 200, description: 'Printed name' })
  name?: string;

  @EnumListField(ROLES, { optional: true, min: 1, enumName: 'Role' })
  roles?: Role[];

  @BoolField({ optional: true, description: 'false deactivates the account: its tokens stop working at once' })
  active?: boolean;
}

export class UserResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role', isArray: true }) roles: Role[];
  @ApiProperty() active: boolean;
  @ApiProperty({ description: 'Optimistic-locking version, also sent as the ETag' }) version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export function toUserResponse(u: User): UserResponse {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    roles: u.roles,
    active: u.active,
    version: u.version,
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
  };
}
