import { ApiProperty } from '@nestjs/swagger';
import { TextField } from '../common/fields.js';
import type { BaselineView } from './baseline-adoption.service.js';

export class AdoptBaselineRequest {
  @TextField({ max: 256, description: 'Your password, re-entered: adopting the baseline is an electronic signature (meaning `baseline adoption`)' })
  password: string;
}

export class BaselineProcedure {
  @ApiProperty({ example: 'intake-interview' }) key: string;
  @ApiProperty({ description: 'The version adopted (or awaiting adoption)' }) version: number;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Title ({ en, sv?, nb? })' }) title: Record<string, string>;
  @ApiProperty({ description: 'SHA-256 of the canonical JSON (RFC 8785) of the definition; the signature binds it' }) contentHash: string;
}

export class BaselineSigner {
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) id: string | null;
  @ApiProperty({ description: 'The printed name at the time of signing' }) name: string;
}

export class BaselineResponse {
  @ApiProperty({
    enum: ['none', 'awaiting_adoption', 'adopted'],
    description:
      'awaiting_adoption: the shipped procedures loaded at first start wait in review for a quality manager to adopt them (no execution starts until then); adopted: done; none: this library had no shipped baseline to adopt',
  })
  state: BaselineView['state'];
  @ApiProperty({ type: [BaselineProcedure], description: 'The baseline versions awaiting adoption, or those adopted, by key' })
  procedures: BaselineProcedure[];
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'SHA-256 of the canonical JSON of the list of {key, version, contentHash}, ordered by key: binds the set adopted together',
  })
  baselineHash: string | null;
  @ApiProperty({ nullable: true, type: BaselineSigner, description: 'Who adopted it (signed)' }) adoptedBy: BaselineSigner | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) adoptedAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The meaning of the signatures: `baseline adoption`' }) meaning: string | null;
}
