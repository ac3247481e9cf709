import { ApiProperty } from '@nestjs/swagger';
import { TextField } from '../common/fields.js';
import { ROLES } from '../common/roles.js';
import type { Role } from '../common/roles.js';
import { PASSWORD_MAX_LENGTH } from '../common/password-policy.js';
import { USER_LANGUAGES } from '../common/languages.js';
import type { UserLanguage } from '../common/languages.js';

export class LoginRequest {
  @TextField({ max: 254, description: 'E-mail address', example: 'quality@example.org' })
  email: string;

  @TextField({ max: PASSWORD_MAX_LENGTH, description: 'Password' })
  password: string;
}

/** Who signed in, as the sign-in answer gives it (the whole record is GET /api/users/me). */
export class SignedInUser {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role', isArray: true }) roles: Role[];
  @ApiProperty({
    enum: USER_LANGUAGES,
    enumName: 'UserLanguage',
    nullable: true,
    description: 'The console language the user chose (PATCH /api/users/me); null until they choose',
  })
  language: UserLanguage | null;
}

export class LoginResponse {
  @ApiProperty({ description: 'Send as Authorization: Bearer <accessToken>' }) accessToken: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType: 'Bearer';
  @ApiProperty({ description: 'Seconds until the token expires' }) expiresIn: number;
  @ApiProperty({
    description:
      'The password was set by an administrator or generated: until it is changed (POST /api/users/me/password), the token ' +
      'may only read GET /api/users/me and change the password; every other route answers 403 password_change_required',
  })
  mustChangePassword: boolean;
  @ApiProperty({ type: SignedInUser }) user: SignedInUser;
}
