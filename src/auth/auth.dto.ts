import { ApiProperty } from '@nestjs/swagger';
import { TextField } from '../common/fields.js';
import { UserResponse } from '../users/user.dto.js';

export class LoginRequest {
  @TextField({ max: 254, description: 'E-mail address', example: 'quality@example.org' })
  email: string;

  @TextField({ max: 256, description: 'Password' })
  password: string;
}

export class LoginResponse {
  @ApiProperty({ description: 'Send as Authorization: Bearer <accessToken>' }) accessToken: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType: 'Bearer';
  @ApiProperty({ description: 'Seconds until the token expires' }) expiresIn: number;
  @ApiProperty({ type: UserResponse }) user: Pick<UserResponse, 'id' | 'email' | 'name' | 'roles'>;
}
