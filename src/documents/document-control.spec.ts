import { addMonths, allowedActionsFor, effectiveVersion, versionStandings } from './document-control.js';
import type { VersionDates } from './document-control.js';

const at = (s: string) => new Date(s);
const v = (
  number: number,
  status: VersionDates['status'],
  effectiveOn: string | null = null,
  approvedAt: string | null = null,
): VersionDates => ({
  id: `v${number}`,
  number,
  status,
  effectiveOn,
  approvedAt: approvedAt ? at(approvedAt) : effectiveOn ? at(`${effectiveOn}T09:00:00Z`) : null,
});

describe('which version of a document is in force', () => {
  it('an approved version comes into force on its effective day and supersedes the one before', () => {
    const versions = [v(1, 'approved', '2026-01-10'), v(2, 'approved', '2026-03-01', '2026-02-15T10:00:00Z'), v(3, 'draft')];
    expect(effectiveVersion(versions, '2026-01-09')).toBeNull();
    expect(effectiveVersion(versions, '2026-02-20')?.number).toBe(1);
    expect(effectiveVersion(versions, '2026-03-01')?.number).toBe(2);
    const feb = versionStandings(versions, '2026-02-20');
    expect([...feb.values()].map((s) => s.state)).toEqual(['effective', 'approved', 'draft']);
    const mar = versionStandings(versions, '2026-03-02');
    expect(mar.get('v1')).toEqual({ state: 'superseded', supersededOn: '2026-03-01' });
    expect(mar.get('v2')).toEqual({ state: 'effective', supersededOn: null });
  });

  it('nothing is in force once the version in force is retired, until the next comes into force', () => {
    const versions = [v(1, 'approved', '2026-01-10'), v(2, 'retired', '2026-02-01'), v(3, 'approved', '2026-06-01')];
    expect(effectiveVersion(versions, '2026-03-01')).toBeNull();
    expect([...versionStandings(versions, '2026-03-01').values()].map((s) => s.state)).toEqual(['superseded', 'retired', 'approved']);
    expect(effectiveVersion(versions, '2026-06-01')?.number).toBe(3);
  });

  it('two versions effective on the same day: the later approval is in force', () => {
    const versions = [v(1, 'approved', '2026-01-10', '2026-01-10T08:00:00Z'), v(2, 'approved', '2026-01-10', '2026-01-10T15:00:00Z')];
    expect(effectiveVersion(versions, '2026-01-10')?.number).toBe(2);
  });
});

describe('who may act on a document version', () => {
  const qm = { id: 'qm', roles: ['quality_manager'] };
  const other = { id: 'other', roles: ['quality_manager'] };
  const owner = { id: 'owner', roles: ['programme_leader'] };
  const auditor = { id: 'aud', roles: ['auditor'] };

  it('drafts for quality managers and the owner; decisions for quality managers who wrote none of it', () => {
    expect(allowedActionsFor('draft', owner, 'owner', ['owner'])).toEqual(['upload', 'submit']);
    expect(allowedActionsFor('draft', qm, 'owner', ['owner'])).toEqual(['upload', 'submit']);
    expect(allowedActionsFor('in_review', owner, 'owner', ['owner'])).toEqual([]);
    expect(allowedActionsFor('in_review', qm, 'owner', ['owner', 'qm'])).toEqual(['reject']);
    expect(allowedActionsFor('in_review', other, 'owner', ['owner', 'qm'])).toEqual(['approve', 'reject']);
    expect(allowedActionsFor('effective', qm, 'owner', ['qm'])).toEqual(['retire']);
    for (const state of ['draft', 'in_review', 'effective'] as const) expect(allowedActionsFor(state, auditor, 'owner', [])).toEqual([]);
  });
});

describe('review-by days', () => {
  it('adds calendar months, keeping the day where it exists', () => {
    expect(addMonths('2026-03-15', 12)).toBe('2027-03-15');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2027-12-31', 2)).toBe('2028-02-29');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
  });
});
