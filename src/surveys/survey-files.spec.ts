import { join } from 'node:path';
import { SurveyFileError, checkSurveyFile, loadSurveyDirectory } from './survey-files.js';

const SHIPPED = join(process.cwd(), 'procedures', 'surveys');

describe('shipped survey files', () => {
  it('loads every shipped survey, each named after its key, every text in en, sv and nb', () => {
    const files = loadSurveyDirectory(SHIPPED);
    expect(files.map((f) => f.content.key).sort()).toEqual([
      'adept-end-of-programme',
      'host-after-internship',
      'mentor-end-of-programme',
      'mid-point-pulse',
    ]);
    const indicators = files.flatMap((f) => f.content.questions.flatMap((q) => (q.indicator ? [q.indicator] : [])));
    expect(new Set(indicators)).toEqual(new Set(['participant_satisfaction', 'mentor_satisfaction', 'employer_satisfaction']));
  });

  it('names the file, the path inside it and the line of a problem', () => {
    const text = [
      'key: pulse',
      'audience: adept',
      'title: { en: T, sv: T, nb: T }',
      'intro: { en: I, sv: I, nb: I }',
      'privacy: { en: P, sv: P, nb: P }',
      'questions:',
      '  - key: q1',
      '    type: scale',
      '    label: { en: Q, sv: Q }',
      '  - key: q2',
      '    type: choice',
      '    label: { en: Q, sv: Q, nb: Q }',
      '    options: [{ value: a, label: { en: A, sv: A, nb: A } }]',
      '  - key: q3',
      '    type: text',
      '    indicator: participant_satisfaction',
      '    label: { en: Q, sv: Q, nb: Q }',
    ].join('\n');
    const checked = checkSurveyFile('pulse.yaml', text);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems).toEqual([
      { where: 'surveys/pulse.yaml: questions[0].label.nb (line 9)', message: 'is required (every text is written in en, sv and nb)' },
      { where: 'surveys/pulse.yaml: questions[1].options (line 13)', message: 'must list 2 to 20 options' },
      {
        where: 'surveys/pulse.yaml: questions[2].indicator (line 16)',
        message: 'can only be given for a scale question (its mean feeds the indicator)',
      },
    ]);
  });

  it('refuses a key that is not the name of the file, and YAML that does not parse', () => {
    const ok = checkSurveyFile('other.yaml', 'key: pulse\naudience: adept\n');
    expect(ok.ok).toBe(false);
    const broken = checkSurveyFile('x.yaml', 'key: [unclosed\n');
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.problems[0].where).toMatch(/^surveys\/x\.yaml/);
  });

  it('throws with every problem of the folder, so nothing is imported', () => {
    expect(() => loadSurveyDirectory(join(process.cwd(), 'test', 'fixtures', 'surveys-broken'))).toThrow(SurveyFileError);
  });
});
