/** Every entity the data source knows. Add new ones here. */
import { AuditEvent } from '../audit/audit-event.entity.js';
import { IdempotencyRecord } from '../common/idempotency-record.entity.js';
import { User } from '../users/user.entity.js';

export const ENTITIES = [User, AuditEvent, IdempotencyRecord];
