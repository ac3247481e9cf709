import { CLAUSE_NUMBERS, allows, byClause, isDue, isHandled } from './audit-rules.js';

describe('internal audit rules', () => {
  it('lets each use happen in one state only', () => {
    expect(allows('planned', 'edit')).toBe(true);
    expect(allows('planned', 'start')).toBe(true);
    expect(allows('in_progress', 'start')).toBe(false);
    expect(allows('in_progress', 'record')).toBe(true);
    expect(allows('reported', 'record')).toBe(false);
    expect(allows('reported', 'close')).toBe(true);
    expect(allows('closed', 'close')).toBe(false);
  });

  it('is due from its planned month on, while planned', () => {
    expect(isDue('planned', 2026, 3, '2026-03-01')).toBe(true);
    expect(isDue('planned', 2026, 2, '2026-03-10')).toBe(true);
    expect(isDue('planned', 2025, 12, '2026-01-10')).toBe(true);
    expect(isDue('planned', 2026, 4, '2026-03-31')).toBe(false);
    expect(isDue('in_progress', 2026, 1, '2026-03-10')).toBe(false);
  });

  it('orders clauses as the standard does', () => {
    expect(['10.2', '9.1.2', '8.5.1', '9.1', '4.4'].sort(byClause)).toEqual(['4.4', '8.5.1', '9.1', '9.1.2', '10.2']);
    expect(CLAUSE_NUMBERS).toContain('9.2');
  });

  it('counts a finding handled by its kind', () => {
    expect(isHandled({ kind: 'observation' }, null, null)).toBe(true);
    expect(isHandled({ kind: 'nonconformity' }, { state: 'open', actions: 0 }, null)).toBe(false);
    expect(isHandled({ kind: 'nonconformity' }, { state: 'analysis', actions: 0 }, null)).toBe(false);
    expect(isHandled({ kind: 'nonconformity' }, { state: 'analysis', actions: 1 }, null)).toBe(true);
    expect(isHandled({ kind: 'nonconformity' }, { state: 'action_plan', actions: 0 }, null)).toBe(true);
    expect(isHandled({ kind: 'opportunity' }, null, { state: 'planned' })).toBe(true);
    expect(isHandled({ kind: 'opportunity' }, null, { state: 'cancelled' })).toBe(false);
  });
});
