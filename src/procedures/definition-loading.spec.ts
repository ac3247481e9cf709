import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadProcedureDirectory, ProcedureFileError, type LoadedProcedure } from './definition-validation.js';
import { LANGUAGES, type LocalisedText, type ProcedureDefinition } from './procedure-definition.js';

const SHIPPED = fileURLToPath(new URL('../../procedures', import.meta.url));

function yaml(key: string, extra: { subject?: string; window?: string } = {}): string {
  return [
    `key: ${key}`,
    `title: ${key}`,
    'purpose: For the test.',
    `subject: ${extra.subject ?? 'adept'}`,
    'responsibleRoles: [programme_leader]',
    `window: ${extra.window ?? '{ anchor: programme_start, fromDays: 0, toDays: 10 }'}`,
    'steps:',
    '  - key: only',
    '    title: Only step',
    '    evidence: A note.',
    '',
  ].join('\n');
}

const after = (procedure: string) => `{ anchor: procedure_completed, procedure: ${procedure}, fromDays: 0, toDays: 10 }`;

describe('the shipped procedures', () => {
  let loaded: LoadedProcedure[];
  const byKey = (key: string): ProcedureDefinition => {
    const found = loaded.find((l) => l.definition.key === key);
    if (!found) throw new Error(`${key} is not shipped`);
    return found.definition;
  };

  beforeAll(() => {
    loaded = loadProcedureDirectory(SHIPPED).definitions;
  });

  it('all load, in file name order, each with its content hash', () => {
    expect(loaded.map((l) => l.file)).toEqual([
      'expression-of-interest.yaml',
      'final-evaluation.yaml',
      'information-meeting.yaml',
      'intake-interview.yaml',
      'internship.yaml',
      'introduction-day.yaml',
      'job-coaching.yaml',
      'matching.yaml',
      'mentor-end-evaluation.yaml',
      'mentor-meetings.yaml',
      'mentor-vetting.yaml',
      'mid-point-follow-up.yaml',
      'outcome-follow-up-12-months.yaml',
      'outcome-follow-up-6-months.yaml',
      'seminars.yaml',
    ]);
    for (const l of loaded) expect(l.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('give every text people see in English, Swedish and Norwegian Bokmål', () => {
    const missing: string[] = [];
    const check = (where: string, text: LocalisedText | undefined) => {
      for (const language of LANGUAGES) if (text !== undefined && !text[language]) missing.push(`${where} (${language})`);
    };
    for (const { file, definition: d } of loaded) {
      check(`${file} title`, d.title);
      check(`${file} purpose`, d.purpose);
      for (const s of d.steps) {
        for (const [name, text] of Object.entries({ title: s.title, description: s.description, evidence: s.evidence })) check(`${file} ${s.key}.${name}`, text);
        for (const f of s.fields) {
          check(`${file} ${s.key}.${f.key}.label`, f.label);
          check(`${file} ${s.key}.${f.key}.help`, f.help);
          for (const o of f.options ?? []) check(`${file} ${s.key}.${f.key}=${o.value}`, o.label);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('trace every procedure to ISO 9001 clauses', () => {
    for (const { definition } of loaded) expect(definition.references?.some((r) => /^ISO 9001:2015 \d+(\.\d+)+ /.test(r))).toBe(true);
  });

  it('name required training modules one consistent way', () => {
    const modules = loaded.flatMap((l) => l.definition.steps.flatMap((s) => (s.requiredCompetence ? [s.requiredCompetence] : [])));
    expect(modules.length).toBeGreaterThan(0);
    for (const m of modules) expect(m).toMatch(/^Programme leader training, module \d+: \S/);
  });

  it('keep the final-evaluation outcome values the indicators count', () => {
    const outcome = byKey('final-evaluation').steps.flatMap((s) => s.fields).find((f) => f.key === 'outcome');
    expect(outcome?.options?.map((o) => o.value)).toEqual(['employed_full_time', 'employed_part_time', 'studies', 'internship', 'job_seeking', 'other']);
  });

  it('record consent to data processing as a required field with evidence', () => {
    const consent = byKey('intake-interview').steps.find((s) => s.fields.some((f) => f.key === 'data_processing_consent'));
    expect(consent?.required).toBe(true);
    expect(consent?.fields.find((f) => f.key === 'data_processing_consent')).toMatchObject({ type: 'boolean', required: true });
    expect(consent?.evidence?.en).toMatch(/signed/);
  });

  it('follow up outcomes 6 and 12 months after the programme ends, after it has closed, for those who completed or left', () => {
    for (const [key, day] of [
      ['outcome-follow-up-6-months', 182],
      ['outcome-follow-up-12-months', 365],
    ] as const) {
      const d = byKey(key);
      expect([key, d.afterClose, d.window.anchor, d.appliesWhen]).toEqual([key, true, 'programme_end', { status: { in: ['completed', 'withdrawn'] } }]);
      expect(d.window.fromDays < day && day < d.window.toDays).toBe(true);
      const situation = d.steps[0].fields.find((f) => f.key === 'employment_situation');
      expect(situation?.options?.map((o) => o.value)).toEqual(['employed_own_profession', 'employed_other_field', 'studying', 'seeking_work', 'other']);
      expect(d.steps[0].fields.find((f) => f.key === 'situation_details')?.requiredWhen).toEqual({ field: 'employment_situation', equals: 'other' });
    }
    // No other shipped procedure is carried out after the programme closes.
    expect(loaded.filter((l) => l.definition.afterClose).map((l) => l.definition.key)).toEqual([
      'outcome-follow-up-12-months',
      'outcome-follow-up-6-months',
    ]);
  });

  it('vet and evaluate mentors as external providers, with what conforms stated', () => {
    const field = (key: string, fieldKey: string) => byKey(key).steps.flatMap((s) => s.fields).find((f) => f.key === fieldKey);
    expect(byKey('mentor-vetting').subject).toBe('mentor');
    expect(byKey('mentor-vetting').steps.map((s) => s.key)).toEqual(['interview', 'agreement', 'training', 'decision']);
    expect(field('mentor-vetting', 'agreement_signed')?.expected).toBe(true);
    expect(field('mentor-vetting', 'decision_reason')?.requiredWhen).toEqual({ field: 'decision', equals: 'not_approved' });
    expect(byKey('mentor-end-evaluation').window.anchor).toBe('programme_end');
    expect(field('mentor-end-evaluation', 'met_as_agreed')?.expected).toBe(true);
    expect(field('expression-of-interest', 'application_consent')?.expected).toBe(true);
    for (const key of ['mentor-vetting', 'mentor-end-evaluation']) expect(byKey(key).references?.some((r) => r.includes('8.4'))).toBe(true);
  });

  it('hold the recurring work of the year: mentor meetings, seminars with attendance, job coaching; vetting and interest apply to applicants', () => {
    const field = (key: string, fieldKey: string) => byKey(key).steps.flatMap((s) => s.fields).find((f) => f.key === fieldKey);
    const meetings = byKey('mentor-meetings');
    expect(meetings).toMatchObject({ subject: 'pair', recurring: { cadenceDays: 30 } });
    expect(meetings.window).toMatchObject({ anchor: 'procedure_completed', procedure: 'matching', until: { anchor: 'programme_end', days: 0 } });
    expect(field('mentor-meetings', 'form')?.options?.map((o) => o.value)).toEqual(['in_person', 'video', 'phone']);
    expect(field('mentor-meetings', 'duration')?.unit?.en).toBe('minutes');
    expect(field('mentor-meetings', 'notes')?.required).toBe(false);
    expect(byKey('seminars')).toMatchObject({ subject: 'cohort', attendance: true, recurring: { sessions: 8 } });
    expect(byKey('job-coaching')).toMatchObject({ subject: 'adept', recurring: { cadenceDays: 14 }, appliesWhen: { status: { in: ['active'] } } });
    expect(byKey('job-coaching').window).toMatchObject({ anchor: 'programme_start', fromDays: 30, until: { anchor: 'programme_end' } });
    expect(field('job-coaching', 'focus')?.type).toBe('multiselect');
    for (const key of ['mentor-meetings', 'seminars', 'job-coaching']) expect(byKey(key).oncePerSubject).toBeFalsy();
    expect(byKey('introduction-day').attendance).toBe(true);
    expect(byKey('expression-of-interest').appliesWhen?.status.in).toEqual(
      expect.arrayContaining(['applicant', 'waiting_list', 'not_admitted', 'active', 'withdrawn', 'completed']),
    );
    expect(byKey('mentor-vetting').appliesWhen?.status.in).toEqual(expect.arrayContaining(['applicant', 'active']));
    expect(field('mentor-vetting', 'decision')?.effects).toEqual([
      { when: { equals: 'approved' }, status: 'active' },
      { when: { equals: 'not_approved' }, status: 'not_admitted' },
    ]);
  });

  it('share one option list through a YAML alias without losing it', () => {
    const interview = byKey('intake-interview').steps.find((s) => s.key === 'interview');
    const levels = (key: string) => interview?.fields.find((f) => f.key === key)?.options;
    expect(levels('english_level')).toEqual(levels('language_level'));
    expect(levels('language_level')?.map((o) => o.value)).toEqual(['a1', 'a2', 'b1', 'b2', 'c1', 'c2']);
  });
});

describe('loadProcedureDirectory', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'procedures-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const write = (name: string, text: string) => writeFile(join(dir, name), text, 'utf8');
  const refusal = (options = {}): ProcedureFileError => {
    try {
      loadProcedureDirectory(dir, options);
    } catch (e) {
      if (e instanceof ProcedureFileError) return e;
      throw e;
    }
    throw new Error('expected the directory to be refused');
  };

  it('reads .yaml and .yml files in name order and ignores everything else', async () => {
    await write('b-two.yml', yaml('b-two'));
    await write('a-one.yaml', yaml('a-one'));
    await write('README.md', '# not a procedure');
    await write('procedure.schema.json', '{}');
    const { definitions } = loadProcedureDirectory(dir);
    expect(definitions.map((d) => [d.file, d.definition.key])).toEqual([
      ['a-one.yaml', 'a-one'],
      ['b-two.yml', 'b-two'],
    ]);
  });

  it('names the first invalid file and reports all of its problems in line order', async () => {
    await write('a-fine.yaml', yaml('a-fine'));
    await write('b-bad.yaml', yaml('b-bad').replace('subject: adept', 'subject: family').replace('toDays: 10', 'toDays: 1.5'));
    await write('c-bad.yaml', 'not: [valid');
    const e = refusal();
    expect(e.file).toBe('b-bad.yaml');
    expect(e.problems).toEqual([
      { path: 'subject', message: expect.stringMatching(/must be one of: adept/), line: 4, column: 10 },
      { path: 'window.toDays', message: 'must be a whole number', line: 6, column: 57 },
    ]);
    expect(e.message).toMatch(/^b-bad\.yaml: 2 problems\n {2}line 4: subject: must be one of: adept, mentor, pair, cohort\n {2}line 6: window\.toDays:/);
  });

  it('reports a YAML syntax error with its line', async () => {
    await write('a-broken.yaml', 'key: a-broken\ntitle: [unclosed\n');
    const e = refusal();
    expect(e.file).toBe('a-broken.yaml');
    expect(e.problems[0].line).toBeGreaterThanOrEqual(2);
    expect(e.message).toMatch(/YAML syntax error at line \d+/);
  });

  it('requires the file name to match the key', async () => {
    await write('intake.yaml', yaml('intake-interview'));
    const e = refusal();
    expect(e.problems).toEqual([{ path: 'key', message: expect.stringMatching(/name the file intake-interview\.yaml/), line: 1, column: 6 }]);
  });

  it('refuses the same key in two files', async () => {
    await write('a-one.yaml', yaml('a-one'));
    await write('a-one.yml', yaml('a-one'));
    const e = refusal();
    expect(e.file).toBe('a-one.yml');
    expect(e.problems).toEqual([{ path: 'key', message: 'duplicates the key of a-one.yaml; procedure keys must be unique', line: 1, column: 6 }]);
  });

  it('refuses an anchor on a procedure that does not exist, unless the caller knows it', async () => {
    await write('follow-up.yaml', yaml('follow-up', { window: after('intake-interview') }));
    const e = refusal();
    expect(e.file).toBe('follow-up.yaml');
    expect(e.problems).toEqual([{ path: 'window.procedure', message: 'names the procedure intake-interview, which does not exist', line: 6, column: 51 }]);
    expect(loadProcedureDirectory(dir, { known: ['intake-interview'] }).definitions).toHaveLength(1);
    expect(loadProcedureDirectory(dir, { known: new Map([['intake-interview', 'adept' as const]]) }).definitions).toHaveLength(1);
  });

  it('refuses an anchor on a procedure whose subject cannot be followed', async () => {
    await write('matching.yaml', yaml('matching', { subject: 'pair' }));
    await write('plan.yaml', yaml('plan', { subject: 'adept', window: after('matching') }));
    const e = refusal();
    expect(e.file).toBe('plan.yaml');
    expect(e.problems[0]).toMatchObject({ path: 'window.procedure', message: expect.stringMatching(/names matching, a procedure for a pair; a procedure for an adept can only follow one for an adept$/) });
    const known = refusal({ known: new Map([['other', 'cohort' as const]]) });
    expect(known.file).toBe('plan.yaml');
  });

  it("judges an anchor by the directory's own definition over what is known from outside", async () => {
    await write('matching.yaml', yaml('matching', { subject: 'adept' }));
    await write('plan.yaml', yaml('plan', { subject: 'adept', window: after('matching') }));
    // The library still has matching as a pair procedure; the file makes it an adept one.
    expect(loadProcedureDirectory(dir, { known: new Map([['matching', 'pair' as const]]) }).definitions).toHaveLength(2);
  });

  it('lets a pair procedure follow one of its adept', async () => {
    await write('intake.yaml', yaml('intake'));
    await write('matching.yaml', yaml('matching', { subject: 'pair', window: after('intake') }));
    expect(loadProcedureDirectory(dir).definitions).toHaveLength(2);
  });

  it('refuses procedures that wait for each other in a circle', async () => {
    await write('a-first.yaml', yaml('a-first', { window: after('c-third') }));
    await write('b-second.yaml', yaml('b-second', { window: after('a-first') }));
    await write('c-third.yaml', yaml('c-third', { window: after('b-second') }));
    const e = refusal();
    expect(e.file).toBe('a-first.yaml');
    expect(e.problems).toEqual([{ path: 'window.procedure', message: expect.stringContaining('a-first → c-third → b-second → a-first'), line: 6, column: 51 }]);
  });

  it('accepts an empty directory', () => {
    expect(loadProcedureDirectory(dir)).toEqual({ definitions: [] });
  });
});
