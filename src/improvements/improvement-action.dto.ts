import { DateField, EnumField, IntField, TextField, UuidField } from '../common/fields.js';
import { IMPROVEMENT_SOURCES, IMPROVEMENT_TYPES } from '../corrective-actions/action-states.js';
import type { ImprovementSource, ImprovementType } from '../corrective-actions/action-states.js';

export class CreateImprovementActionRequest {
  @EnumField(IMPROVEMENT_TYPES, { description: 'improvement (ISO 9001 10.3) or preventive' }) type: ImprovementType;
  @EnumField(IMPROVEMENT_SOURCES, {
    description:
      'Where it comes from instead of a deviation: management_review, risk, objective (each with sourceId), internal_audit (sourceText names the finding) or other (sourceText)',
  })
  source: ImprovementSource;
  @UuidField({ optional: true, description: 'The management review, risk or quality objective it comes from' }) sourceId?: string;
  @TextField({
    optional: true,
    max: 2000,
    description: 'The source in words: required for internal_audit (the finding) and other',
  })
  sourceText?: string;
  @TextField({ max: 5000 }) description: string;
  @UuidField({ description: 'Who carries it out (a quality manager or programme leader)' }) ownerId: string;
  @DateField({ description: 'Today or later, and within two years' }) dueDate: string;
  @TextField({ max: 2000, description: 'How we will know it worked (checked after implementation by someone other than the owner)' })
  effectivenessCriterion: string;
  @IntField({ optional: true, min: 0, max: 730, description: 'Days after implementation before effectiveness is judged (default 30)' })
  effectivenessCheckAfterDays?: number;
}
