/**
 * The procedure language for recurring activities and attendance: `recurring`, `attendance` and
 * `window.until` are checked, normalised, hashed and compared like the rest of a definition.
 */
import { procedureSchema } from './definition-schema.js';
import { diffDefinitions } from './definition-diff.js';
import { contentHash, validateDefinition, validateProcedureYaml } from './definition-validation.js';
import { UNTIL_ANCHORS } from './procedure-definition.js';
import type { ProcedureDefinition } from './procedure-definition.js';

const MEETING = `
key: mentor-meeting
title: Mentor meeting
purpose: The pair meets regularly.
subject: pair
responsibleRoles: [programme_leader]
recurring:
  cadenceDays: 30
window:
  anchor: procedure_completed
  procedure: matching
  fromDays: 0
  toDays: 730
  until: { anchor: programme_end, days: 0 }
steps:
  - key: meeting
    title: Meeting
    fields:
      - { key: duration, label: Duration, type: number, min: 1, max: 600, unit: minutes }
`;

function valid(text: string): ProcedureDefinition {
  const r = validateProcedureYaml(text);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.definition;
}

function problems(text: string): string[] {
  const r = validateProcedureYaml(text);
  return r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message}`);
}

describe('recurring activities in the procedure language', () => {
  it('reads a recurring procedure with a period until the programme ends, and keeps absent properties absent', () => {
    const d = valid(MEETING);
    expect(d.recurring).toEqual({ cadenceDays: 30 });
    expect(d.window).toEqual({ anchor: 'procedure_completed', procedure: 'matching', fromDays: 0, toDays: 730, until: { anchor: 'programme_end', days: 0 } });
    expect(d.attendance).toBeUndefined();
    // A definition without the new properties hashes as before; attendance: false is the same as absent.
    const seminar = valid(MEETING.replace('subject: pair', 'subject: cohort').replace('cadenceDays: 30', 'cadenceDays: 35\n  sessions: 8'));
    expect(seminar.recurring).toEqual({ cadenceDays: 35, sessions: 8 });
    const withFalse = valid(MEETING.replace('recurring:', 'attendance: false\nrecurring:'));
    expect(contentHash(withFalse)).toBe(contentHash(d));
    expect(validateDefinition(d)).toEqual({ ok: true, definition: d });
  });

  it('refuses oncePerSubject on a recurring procedure, attendance outside a cohort, and impossible values', () => {
    expect(problems(MEETING.replace('recurring:', 'oncePerSubject: true\nrecurring:'))).toEqual([
      expect.stringContaining('oncePerSubject: cannot be true for a recurring procedure'),
    ]);
    expect(problems(MEETING.replace('recurring:', 'attendance: true\nrecurring:'))).toEqual([
      expect.stringContaining("attendance: is only for cohort procedures (an introduction day, seminars); this procedure's subject is pair"),
    ]);
    expect(problems(MEETING.replace('cadenceDays: 30', 'cadenceDays: 0'))).toEqual(['recurring.cadenceDays: must be at least 1']);
    expect(problems(MEETING.replace('cadenceDays: 30', 'every: 30'))).toEqual(
      expect.arrayContaining(['recurring.cadenceDays: is required', 'recurring.every: is not a known property']),
    );
    expect(problems(MEETING.replace('anchor: programme_end, days: 0', 'anchor: enrolment, days: 0'))).toEqual([
      expect.stringContaining('window.until.anchor: must be one of: programme_start, programme_midpoint, programme_end'),
    ]);
    const shortPeriod = MEETING.replace('until: { anchor: programme_end, days: 0 }', '').replace('toDays: 730', 'toDays: 3').replace(
      'cadenceDays: 30',
      'cadenceDays: 30\n  sessions: 5',
    );
    expect(problems(shortPeriod)).toEqual([expect.stringContaining('recurring.sessions: cannot be held in a period of 4 days')]);
  });

  it('lists recurring and attendance among the changed properties of a new version, and until as a change of the window', () => {
    const v1 = valid(MEETING);
    const v2 = valid(MEETING.replace('cadenceDays: 30', 'cadenceDays: 21').replace('days: 0 }', 'days: -14 }'));
    const diff = diffDefinitions(v1, v2);
    expect(diff.properties).toEqual([{ property: 'recurring', old: { cadenceDays: 30 }, new: { cadenceDays: 21 } }]);
    expect(diff.window?.new.until).toEqual({ anchor: 'programme_end', days: -14 });
  });

  it('documents each new construct in the schema with an example', () => {
    const defs = procedureSchema.$defs as Record<string, { examples?: unknown[]; properties?: Record<string, { examples?: unknown[] }> }>;
    expect(defs.recurrence.examples?.length).toBeGreaterThan(0);
    expect(defs.timeWindow.properties?.until.examples?.length).toBeGreaterThan(0);
    expect((procedureSchema.properties as Record<string, { examples?: unknown[] }>).attendance.examples).toEqual([true]);
    expect((defs.timeWindow.properties?.until as unknown as { properties: { anchor: { enum: string[] } } }).properties.anchor.enum).toEqual([
      ...UNTIL_ANCHORS,
    ]);
  });
});
