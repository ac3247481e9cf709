import { heading, keyValues, paragraph, tableOfContents } from './blocks.js';
import { niceStep } from './charts.js';
import { createPdf } from './document.js';
import type { PageFlow } from './layout.js';
import { TextMetrics } from './metrics.js';
import { renderReport, type ReportLayout } from './render.js';
import { table } from './table.js';
import { pageTexts, renderToBuffer } from '../../../test/support/report-pdf.js';

const FINGERPRINT = 'ab'.repeat(32);

function report(compose: (flow: PageFlow) => Promise<void>): ReportLayout {
  return {
    info: { title: 'Test', subject: 'Test', lang: 'en', generatedAt: '2027-01-01T00:00:00.000Z', fingerprint: FINGERPRINT },
    chrome: {
      title: 'Test report',
      headerRight: 'right',
      footerLeft: 'left',
      footerCentre: 'centre',
      pageLabel: (p, t) => `Page ${p} of ${t}`,
    },
    contents: { title: 'Contents', page: 'Page' },
    compose,
  };
}

describe('TextMetrics', () => {
  const metrics = new TextMetrics(
    createPdf({ title: 't', subject: 's', lang: 'en', generatedAt: '2027-01-01T00:00:00Z', fingerprint: FINGERPRINT }),
  );

  it('breaks lines at spaces without exceeding the width, and keeps explicit line breaks', () => {
    const text = 'Läs ansökan och cv:t före samtalet och kontrollera att den sökande uppfyller antagningskraven.\nNy rad.';
    const lines = metrics.wrap(text, 120, 'regular', 9);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(metrics.width(line, 'regular', 9)).toBeLessThanOrEqual(120);
    expect(lines.join(' ')).toBe(text.replace('\n', ' '));
    expect(lines[lines.length - 1]).toBe('Ny rad.');
  });

  it('breaks a word wider than the line between characters', () => {
    const hash = 'f'.repeat(64);
    const lines = metrics.wrap(hash, 100, 'bold', 8);
    expect(lines.join('')).toBe(hash);
    for (const line of lines) expect(metrics.width(line, 'bold', 8)).toBeLessThanOrEqual(100);
  });

  it('measures bold wider than regular, and in proportion to size', () => {
    expect(metrics.width('Överensstämmer', 'bold', 10)).toBeGreaterThan(metrics.width('Överensstämmer', 'regular', 10));
    expect(metrics.width('Å', 'regular', 20)).toBeCloseTo(2 * metrics.width('Å', 'regular', 10), 6);
  });
});

describe('niceStep', () => {
  it.each([
    [1, 1],
    [6, 1],
    [7, 2],
    [47, 10],
    [130, 50],
    [2500, 500],
  ])('divides 0..%d into at most six round steps of %d', (max, step) => {
    expect(niceStep(max)).toBe(step);
    expect(Math.ceil(max / step)).toBeLessThanOrEqual(6);
  });
});

describe('renderReport', () => {
  const rows = Array.from({ length: 150 }, (_, i) => [
    `R-${String(i + 1).padStart(3, '0')}`,
    i % 7 === 0 ? 'a longer text that wraps '.repeat(6) : 'short',
  ]);

  it('repeats the table header on every page, numbers pages against the total, and points the contents at the right pages', async () => {
    const pdf = await renderToBuffer((out) =>
      renderReport(
        report(async (flow) => {
          await flow.newPage();
          await paragraph(flow, 'Cover');
          await tableOfContents(flow, { title: 'Contents', page: 'Page' });
          await heading(flow, 'First section', 1);
          await table(
            flow,
            [
              { header: 'Reference', weight: 1 },
              { header: 'Text', weight: 3 },
            ],
            rows,
          );
          await heading(flow, 'Second section', 1, { newPage: 'landscape' });
          await paragraph(flow, 'The end.');
        }),
        out,
      ),
    );
    const pages = await pageTexts(pdf);
    const total = pages.length;
    expect(total).toBeGreaterThan(5);
    pages.forEach((p, i) => expect(p).toContain(`Page ${i + 1} of ${total}`));
    const tablePages = pages.filter((p) => /R-\d{3}/.test(p));
    for (const p of tablePages) expect(p).toMatch(/Reference Text/);
    // Every row is printed once, whole.
    const printed = tablePages.join('\n').match(/R-\d{3}/g);
    expect(printed).toEqual(rows.map((r) => r[0]));
    const second = Number(/2 Second section (\d+)/.exec(pages[1])?.[1]);
    expect(second).toBe(total);
    expect(pages[second - 1]).toContain('2 Second section');
    expect(pages[Number(/1 First section (\d+)/.exec(pages[1])?.[1]) - 1]).toContain('1 First section');
  });

  it('refuses to finish a report whose two passes laid it out differently', async () => {
    let pass = 0;
    const unstable = report(async (flow) => {
      pass += 1;
      await flow.newPage();
      if (pass === 2) await flow.newPage();
    });
    await expect(renderToBuffer((out) => renderReport(unstable, out))).rejects.toThrow(/layout passes disagree/);
  });

  it('prints the empty-table text when there are no rows', async () => {
    const pdf = await renderToBuffer((out) =>
      renderReport(
        report(async (flow) => {
          await flow.newPage();
          await table(flow, [{ header: 'Reference', weight: 1 }], [], { emptyText: 'None recorded.' });
        }),
        out,
      ),
    );
    expect((await pageTexts(pdf))[0]).toMatch(/Reference\s+None recorded\./);
  });

  it('prints a hash whole on one line, and wraps any other long value inside the page', async () => {
    const hash = '489cdb398f2445bdb31328bf8fe5e792ee0a9bc9e874c9728999a154325f645f';
    const url = `https://example.org/evidence/${'intake-files-'.repeat(22)}end`;
    const pdf = await renderToBuffer((out) =>
      renderReport(
        report(async (flow) => {
          await flow.newPage();
          await keyValues(
            flow,
            [
              ['Chain head hash', hash],
              ['Evidence', url],
            ],
            { labelWidth: 190 },
          );
        }),
        out,
      ),
    );
    const text = (await pageTexts(pdf))[0];
    expect(text.split('\n').some((line) => line.includes(hash))).toBe(true);
    // Every character of the long value is on the page (wrapped, not run off its edge).
    expect(text.replace(/\s+/g, '')).toContain(url);
  });
});
