import { ApiProperty } from '@nestjs/swagger';
import { DateField, TextField } from '../common/fields.js';

export class CreateTrainingRecordRequest {
  @TextField({ max: 200, description: 'Training module, free text (e.g. "Programme leader training, module 2: the intake interview")' })
  module: string;
  @DateField({ description: 'Day the module was completed' }) completedAt: string;
  @DateField({ optional: true, description: 'Last day the competence counts; open-ended when absent' }) validUntil?: string;
  @TextField({ optional: true, max: 2000, description: 'Where the evidence is kept (certificate, attendance list)' }) evidence?: string;
}

export class TrainingRecordResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() module: string;
  @ApiProperty({ format: 'date' }) completedAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) validUntil: string | null;
  @ApiProperty({ nullable: true, type: String }) evidence: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) recordedBy: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
