import { ApiProperty } from '@nestjs/swagger';
import { BoolField, EmailField, EnumField, EnumListField, QueryBoolField, TextField } from '../common/fields.js';
import { PageQuery } from '../common/pagination.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../common/password-policy.js';
import { ROLES } from '../common/roles.js';
import type { Role } from '../common/roles.js';
import { USER_LANGUAGES } from '../common/languages.js';
import type { UserLanguage } from '../common/languages.js';

const PASSWORD_RULES =
  `${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters; not one of the most common passwords, ` +
  "not the account's e-mail address or name. No rules about digits or symbols.";

export class CreateUserRequest {
  @EmailField({ description: 'Sign-in address; unique, compared case-insensitively', example: 'quality@example.org' })
  email: string;

  @TextField({ max: 200, description: 'Printed name, shown on electronic signatures', example: 'Kari Nordmann' })
  name: string;

  @TextField({
    min: PASSWORD_MIN_LENGTH,
    max: PASSWORD_MAX_LENGTH,
    description: PASSWORD_RULES + ' The user must change it at first sign-in.',
  })
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

export class UpdateOwnAccountRequest {
  @EnumField(USER_LANGUAGES, { enumName: 'UserLanguage', description: 'The language the console uses for you, in any browser' })
  language: UserLanguage;
}

export class ResetPasswordRequest {
  @TextField({
    min: PASSWORD_MIN_LENGTH,
    max: PASSWORD_MAX_LENGTH,
    description: `A temporary password for the user, who must change it at the next sign-in. ${PASSWORD_RULES}`,
  })
  password: string;
}

export class ChangePasswordRequest {
  @TextField({ max: PASSWORD_MAX_LENGTH, description: 'The password the user signs in with now' })
  currentPassword: string;

  @TextField({
    min: PASSWORD_MIN_LENGTH,
    max: PASSWORD_MAX_LENGTH,
    description: `The new password. ${PASSWORD_RULES} Must differ from the current one.`,
  })
  newPassword: string;
}

export class UserResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role', isArray: true }) roles: Role[];
  @ApiProperty() active: boolean;
  @ApiProperty({
    enum: USER_LANGUAGES,
    enumName: 'UserLanguage',
    nullable: true,
    description: 'The console language the user chose; null until they choose',
  })
  language: UserLanguage | null;
  @ApiProperty({ description: 'The password was set by an administrator or generated, and must be changed at the next sign-in' })
  mustChangePassword: boolean;
  @ApiProperty({ description: 'Optimistic-locking version, also sent as the ETag' }) version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class UserQuery extends PageQuery {
  @TextField({ optional: true, max: 200, description: 'Part of the name or e-mail address, any case' })
  q?: string;

  @EnumField(ROLES, { optional: true, enumName: 'Role', description: 'Only users with this role' })
  role?: Role;

  @QueryBoolField({ description: 'true: only active accounts; false: only deactivated ones' })
  active?: boolean;
}

export class UserPage {
  @ApiProperty({ type: [UserResponse], description: 'By name, then e-mail address' }) items: UserResponse[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as cursor for the next page; null on the last page' })
  nextCursor: string | null;
  @ApiProperty({ description: 'Users matching the filters, on every page' }) total: number;
}

/** A member of staff as colleagues see them: the printed name and roles, never the e-mail address or password state. */
export class StaffMemberResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Printed name, as on electronic signatures' }) name: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role', isArray: true }) roles: Role[];
  @ApiProperty({ description: 'Deactivated accounts are listed too, so that names in history and audit trails can be read' })
  active: boolean;
}
