/**
 * Case files in the programme evidence report, through HTTP on a real database, read back from the
 * PDF's text: one per subject (or per sampled subject, with the seed printed and reproducible), each
 * execution with its dates, performer, pinned version (marked when superseded), values, corrections
 * and judgement, each deviation with root cause, target date, cancellation reason, actions and
 * signatures. Free text and names only in a report with names; sample and seed validated.
 */
import { expectProblem, problemFields } from './support/expectations.js';
import {
  activeProgramme,
  adeptProcedure,
  conformingExecution,
  createCast,
  expectStatus,
  nonconformingExecution,
  walkDeviation,
} from './support/deviation-fixtures.js';
import type { Cast, DeviationView } from './support/deviation-fixtures.js';
import { approveNextVersion } from './support/programmes.js';
import { sampleDefinition } from './support/procedures.js';
import { fetchReport } from './support/report-http.js';
import { pageTexts, sha256, shows } from './support/report-pdf.js';
import { tarEntries } from './support/tar.js';
import { bearer, startTestApp } from './support/test-app.js';
import type { TestApp, TestUser } from './support/test-app.js';

const AT = '2026-06-15T12:00:00.000Z';

interface Person {
  id: string;
  code: string;
  fullName: string;
}

describe('case files in the evidence report', () => {
  let t: TestApp;
  let c: Cast;
  let programmeId: string;
  let key: string;
  let adepts: Person[];
  let mentor: Person;
  let closed: DeviationView;
  let cancelled: DeviationView;
  let actionReference: string;
  let supersededOn: string;

  const url = (query = '') => `/api/programmes/${programmeId}/reports/evidence.pdf?generatedAt=${AT}${query}`;
  const read = async (who: TestUser, query = '') => {
    const r = await fetchReport(t, who, url(query));
    const pages = await pageTexts(r.body);
    return { pages, text: pages.join('\n') };
  };
  const model = async (who: TestUser, query = '') => {
    const res = await t.http.get(`/api/programmes/${programmeId}/reports/evidence.json?generatedAt=${AT}${query}`).set(...bearer(who));
    expect(res.status).toBe(200);
    return res.body.model as { caseFiles: { sample: { size: number; seed: number; of: number } | null; subjects: { subject: string }[] } };
  };
  /** The case file of `code`: from its heading to the next case file's heading (or the end). */
  const caseFileOf = (text: string, code: string): string => {
    const start = text.search(new RegExp(`\\n\\d+\\.\\d+\\s+${code.replace(/[-/]/g, '\\$&')} · `));
    expect(start).toBeGreaterThan(-1);
    const rest = text.slice(start + 1);
    const next = rest.slice(1).search(/\n\d+\.\d+\s+[AM]-[A-Z0-9]+(\/[AM]-[A-Z0-9]+)? · /);
    return next < 0 ? rest : rest.slice(0, next + 1);
  };

  beforeAll(async () => {
    t = await startTestApp();
    c = await createCast(t);
    key = await adeptProcedure(t, c);
    programmeId = (await activeProgramme(t, c.qm, [c.leader])).id;
    const enrol = async (role: 'adept' | 'mentor', fullName: string): Promise<Person> => {
      const body = expectStatus(
        await t.http
          .post(`/api/programmes/${programmeId}/participants`)
          .set(...bearer(c.leader))
          .send({
            role,
            fullName,
            gender: 'female',
            profession: 'Civil engineer',
            enrolledAt: '2026-01-10',
            consentRecordedAt: '2026-01-10',
          }),
        201,
        `enrolling ${fullName}`,
      ).body as { id: string; code: string };
      return { ...body, fullName };
    };
    adepts = [await enrol('adept', 'Gunnhild Ødegård'), await enrol('adept', 'Saba Tesfay'), await enrol('adept', 'Parisa Karimi')];
    mentor = await enrol('mentor', 'Ingrid Mentorsen');
    expectStatus(
      await t.http
        .post(`/api/programmes/${programmeId}/pairs`)
        .set(...bearer(c.leader))
        .send({ mentorId: mentor.id, adeptId: adepts[0].id, matchedAt: '2026-02-20', rationale: 'Both civil engineers' }),
      201,
      'matching a pair',
    );

    // The first adept: a conforming execution, then two corrections (free text, and a scale).
    const first = await conformingExecution(t, c.leader, programmeId, key, adepts[0].id);
    const view = (await t.http.get(`/api/executions/${first}`).set(...bearer(c.qm))).body as { steps: { id: string; stepKey: string }[] };
    const correct = async (stepKey: string, values: Record<string, unknown>, reason: string) =>
      expectStatus(
        await t.http
          .post(`/api/executions/${first}/steps/${view.steps.find((s) => s.stepKey === stepKey)!.id}/corrections`)
          .set(...bearer(c.leader))
          .send({ values, reason }),
        201,
        `correcting ${stepKey}`,
      );
    await correct('interview', { language_level: 'b1', motivation: 5 }, 'Motivation was noted on the wrong line');
    await correct('prepare', { notes: 'Read the application and her CV' }, 'The CV was read too');

    // The second and third adepts: nonconforming; one deviation closed with an action, one cancelled.
    await nonconformingExecution(t, c.leader, programmeId, key, adepts[1].id);
    await nonconformingExecution(t, c.leader, programmeId, key, adepts[2].id);
    const list = (await t.http.get(`/api/deviations?programmeId=${programmeId}&limit=100`).set(...bearer(c.qm))).body
      .items as (DeviationView & {
      participantId: string;
      rule: string;
    })[];
    const of = (p: Person) => list.find((d) => d.participantId === p.id && d.rule === 'outside_window')!;
    const walked = await walkDeviation(t, c, of(adepts[1]), 'closed');
    closed = walked.deviation;
    actionReference = walked.action!.reference;
    cancelled = (await walkDeviation(t, c, of(adepts[2]), 'cancelled')).deviation;

    // Version 2 of the procedure supersedes the version every execution is pinned to.
    await approveNextVersion(
      t,
      { qm: c.qm, approver: c.qm2, leader: c.leader },
      sampleDefinition(key, { title: { en: `Procedure ${key}, revised` } }),
    );
    const v1 = (await t.http.get(`/api/procedures/${key}/versions/1`).set(...bearer(c.qm))).body as { supersededAt: string };
    supersededOn = new Intl.DateTimeFormat('en-CA', { timeZone: t.config.timeZone }).format(new Date(v1.supersededAt));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('gives every subject a case file: each adept, the mentor and the pair', async () => {
    const { text } = await read(c.auditor);
    expect(shows(text, 'Every subject of the programme has a case file (5)')).toBe(true);
    for (const p of [...adepts, mentor]) expect(caseFileOf(text, p.code)).toContain(p.code);
    expect(caseFileOf(text, `${mentor.code}/${adepts[0].code}`)).toContain('Mentor–adept pair');
    const m = await model(c.auditor);
    expect(m.caseFiles.sample).toBeNull();
    expect(m.caseFiles.subjects.map((s) => s.subject).sort()).toEqual(
      [...adepts.map((a) => a.code), mentor.code, `${mentor.code}/${adepts[0].code}`].sort(),
    );
  });

  it('shows an execution with its dates, performer, pinned version (superseded), values, corrections and judgement', async () => {
    const { text } = await read(c.qm, '&includeNames=true');
    const file = caseFileOf(text, adepts[0].code);
    expect(file).toContain(`${adepts[0].code} · Adept · ${adepts[0].fullName}`);
    for (const needle of [
      `Pinned version v1, superseded by v2 on ${supersededOn}`,
      'Opened (recorded)',
      'Completed (recorded)',
      'Lena Leader',
      'language_level: b1',
      'motivation: 5',
      'notes: Read the application and her CV',
      'Corrections',
      'Motivation was noted on the wrong line',
      'motivation: 4 → 5',
      'The CV was read too',
      'notes: Read the application → Read the application and her CV',
      'Conforming, judged',
      '(after a correction)',
      '(on completion)',
      'Findings: No findings.',
    ]) {
      expect({ needle, shown: shows(file, needle) }).toEqual({ needle, shown: true });
    }
  });

  it('shows deviations with root cause, target date met, actions with criterion and evidence, signatures with hashes, and why one was cancelled', async () => {
    const { text } = await read(c.auditor);
    const second = caseFileOf(text, adepts[1].code);
    const detail = (await t.http.get(`/api/deviations/${closed.id}`).set(...bearer(c.qm))).body as {
      signatures: { signerName: string; meaning: string; contentHash: string }[];
    };
    const action = (await t.http.get(`/api/corrective-actions?deviationId=${closed.id}`).set(...bearer(c.qm))).body.items[0] as {
      id: string;
    };
    const actionDetail = (await t.http.get(`/api/corrective-actions/${action.id}`).set(...bearer(c.qm))).body as {
      signatures: { signerName: string; meaning: string; contentHash: string }[];
    };
    expect(detail.signatures.length).toBeGreaterThan(0);
    for (const needle of [
      `${closed.reference} · Performed outside the time window`,
      'Findings:',
      'Performed outside the time window (step prepare)',
      'Root cause No interpreter budget in the intake procedure',
      '(met)',
      `${actionReference} · Corrective action`,
      'Effectiveness criterion No intake interview without interpreter in the next 3 months',
      'Effectiveness Effective,',
      'Effectiveness evidence 12 of 12 intakes had an interpreter',
      ...detail.signatures.flatMap((s) => [`${s.signerName} (${s.meaning})`, s.contentHash]),
      ...actionDetail.signatures.flatMap((s) => [`${s.signerName} (${s.meaning})`, s.contentHash]),
    ]) {
      expect({ needle, shown: shows(second, needle) }).toEqual({ needle, shown: true });
    }
    const third = caseFileOf(text, adepts[2].code);
    expect(shows(third, `${cancelled.reference} · Performed outside the time window`)).toBe(true);
    expect(shows(third, 'Cancellation reason Unfounded: the interpreter was present')).toBe(true);
  });

  it('pseudonymises for an auditor: codes, no names, free text withheld; numbers and choices stay', async () => {
    const { text } = await read(c.auditor);
    for (const p of [...adepts, mentor]) expect(text).not.toContain(p.fullName);
    expect(text).not.toContain('Read the application');
    const file = caseFileOf(text, adepts[0].code);
    expect(shows(file, 'notes: withheld')).toBe(true);
    expect(shows(file, 'motivation: 4 → 5')).toBe(true);
    expect(shows(text, 'Free text written about participants (text fields, notes) is withheld in a report without names.')).toBe(true);
    // A quality manager's report without names is the same pseudonymised document.
    const plain = await read(c.qm);
    expect(plain.text).not.toContain(adepts[0].fullName);
    expect(plain.text).not.toContain('Read the application');
    // And the auditor cannot ask for names.
    expectProblem(await t.http.get(url('&includeNames=true')).set(...bearer(c.auditor)), 403, 'names_not_allowed');
  });

  it('marks the superseded version wherever versions are listed: procedures in force, matrix, deviations, case files', async () => {
    const { pages } = await read(c.auditor);
    const mark = `v1, superseded by v2 on ${supersededOn}`;
    const section = (title: string) => pages.filter((p) => p.includes(title)).join('\n');
    expect(shows(section('Procedures in force'), mark)).toBe(true);
    expect(shows(section('Conformance matrix'), mark)).toBe(true);
    expect(shows(section('Deviations register'), `${key} ${mark}`)).toBe(true);
    expect(shows(section('Case files'), `Pinned version ${mark}`)).toBe(true);
  });

  it('samples subjects at random with a printed seed; the same seed draws the same subjects', async () => {
    const { text } = await read(c.auditor, '&sample=2&seed=12345');
    expect(shows(text, 'Random sample of 2 of 5 subjects, drawn with seed 12345')).toBe(true);
    expect(shows(text, 'Sample seed 12345')).toBe(true);
    const first = await model(c.auditor, '&sample=2&seed=12345');
    expect(first.caseFiles.sample).toEqual({ size: 2, seed: 12345, of: 5 });
    expect(first.caseFiles.subjects).toHaveLength(2);
    const headings = text.match(/\n\d+\.\d+\s+[AM]-[A-Z0-9]+(\/[AM]-[A-Z0-9]+)? · /g) ?? [];
    expect(headings).toHaveLength(2);
    expect((await model(c.auditor, '&sample=2&seed=12345')).caseFiles.subjects).toEqual(first.caseFiles.subjects);

    // Other seeds draw other subjects (the draw is deterministic, so this cannot flake).
    const draws = new Set<string>();
    for (let seed = 1; seed <= 12; seed++) {
      draws.add(
        (await model(c.auditor, `&sample=2&seed=${seed}`)).caseFiles.subjects
          .map((s) => s.subject)
          .sort()
          .join(),
      );
    }
    expect(draws.size).toBeGreaterThan(1);

    // Without a seed one is chosen and printed; asking again with it draws the same subjects.
    const drawn = await model(c.auditor, '&sample=3');
    const seed = drawn.caseFiles.sample!.seed;
    expect(Number.isInteger(seed)).toBe(true);
    expect((await model(c.auditor, `&sample=3&seed=${seed}`)).caseFiles.subjects).toEqual(drawn.caseFiles.subjects);
    // A sample larger than the programme takes every subject.
    expect((await model(c.auditor, '&sample=50&seed=1')).caseFiles.sample).toEqual({ size: 5, seed: 1, of: 5 });
  });

  it('refuses a sample size or seed that is not a whole number in range, naming the field, on every evidence route', async () => {
    const cases: [string, string][] = [
      ['sample=0', 'sample'],
      ['sample=-3', 'sample'],
      ['sample=1.5', 'sample'],
      ['sample=ten', 'sample'],
      ['sample=', 'sample'],
      ['sample=100001', 'sample'],
      ['sample=2&seed=-1', 'seed'],
      ['sample=2&seed=abc', 'seed'],
      ['sample=2&seed=4294967296', 'seed'],
      ['seed=5', 'seed'],
    ];
    for (const [query, field] of cases) {
      for (const route of ['evidence.pdf', 'evidence.json', 'evidence-bundle']) {
        const res = await t.http.get(`/api/programmes/${programmeId}/reports/${route}?${query}`).set(...bearer(c.qm));
        // Like every other invalid query parameter (the registry's validation_failed is a 400).
        expectProblem(res, 400, 'validation_failed');
        expect({ query, route, fields: problemFields(res) }).toEqual({ query, route, fields: [field] });
      }
    }
  });

  it("puts the full report, every case file included, in an auditor's evidence bundle", async () => {
    const bundle = await fetchReport(
      t,
      c.auditor,
      `/api/programmes/${programmeId}/reports/evidence-bundle?generatedAt=${AT}`,
      'application/x-tar',
    );
    const entries = tarEntries(bundle.body);
    const pdf = entries.find((e) => e.name === 'report.pdf')!.data;
    expect(sha256(pdf)).toBe(sha256((await fetchReport(t, c.auditor, url())).body));
    const text = (await pageTexts(pdf)).join('\n');
    for (const p of [...adepts, mentor]) expect(caseFileOf(text, p.code)).toContain(p.code);
    const m = JSON.parse(entries.find((e) => e.name === 'report-model.json')!.data.toString('utf8')) as {
      caseFiles: { sample: unknown; subjects: unknown[] };
    };
    expect(m.caseFiles.sample).toBeNull();
    expect(m.caseFiles.subjects).toHaveLength(5);
  });

  it('prints the case files in Swedish and Norwegian', async () => {
    const sv = await read(c.auditor, '&lang=sv&sample=1&seed=3');
    expect(shows(sv.text, 'Ärendeakter')).toBe(true);
    expect(shows(sv.text, 'Slumpmässigt urval av 1 av 5 subjekt, draget med fröet 3')).toBe(true);
    const nb = await read(c.auditor, '&lang=nb');
    expect(shows(nb.text, 'Saksmapper')).toBe(true);
    expect(shows(nb.text, `v1, erstattet av v2 den ${supersededOn}`)).toBe(true);
  });
});
