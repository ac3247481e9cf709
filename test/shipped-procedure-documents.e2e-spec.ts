/**
 * Every shipped procedure (procedures/*.yaml) imports cleanly as the baseline and prints as a
 * controlled procedure document in English, Swedish and Norwegian: its title, each step's title
 * and each field's label in that language, and for work after the programme closes (afterClose)
 * the line that says so.
 */
import { resolve } from 'node:path';
import { ProcedureImportService } from '../src/procedures/procedure-import.service.js';
import { loadProcedureDirectory } from '../src/procedures/definition-validation.js';
import { LANGUAGES } from '../src/procedures/procedure-definition.js';
import { adoptBaseline } from './support/procedures.js';
import { fetchReport } from './support/report-http.js';
import { expectPageNumbers, pageTexts, shows } from './support/report-pdf.js';
import { startTestApp } from './support/test-app.js';
import type { TestApp, TestUser } from './support/test-app.js';

const SHIPPED = resolve('procedures');
const loaded = loadProcedureDirectory(SHIPPED).definitions.map((l) => l.definition);
const AFTER_CLOSE = {
  en: 'Carried out after the programme has closed',
  sv: 'Genomförs efter att programmet har avslutats',
  nb: 'Gjennomføres etter at programmet er avsluttet',
};

describe('the shipped procedures as controlled documents', () => {
  let t: TestApp;
  let qm: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    qm = await t.user(['quality_manager'], 'Quinn Quality');
    const report = await t.app.get(ProcedureImportService).importDirectory(SHIPPED);
    expect(report.created.map((c) => c.key)).toEqual(loaded.map((d) => d.key));
    await adoptBaseline(t, qm);
  });
  afterAll(async () => {
    await t?.close();
  });

  it.each(loaded.map((d) => [d.key, d] as const))('prints %s in English, Swedish and Norwegian', async (key, d) => {
    for (const lang of LANGUAGES) {
      const r = await fetchReport(
        t,
        qm,
        `/api/procedures/${key}/versions/1/document.pdf?lang=${lang}&generatedAt=2026-01-15T12:00:00.000Z`,
      );
      const pages = await pageTexts(r.body);
      const text = pages.join('\n');
      const texts = [d.title, ...d.steps.map((s) => s.title), ...d.steps.flatMap((s) => s.fields.map((f) => f.label))].map((x) => x[lang]!);
      expect([lang, texts.filter((x) => !shows(text, x))]).toEqual([lang, []]);
      expect([lang, shows(text, AFTER_CLOSE[lang])]).toEqual([lang, d.afterClose === true]);
      expectPageNumbers(pages, lang);
    }
  });
});
