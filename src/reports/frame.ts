/**
 * What every report shares: the running header and footer, the cover page with the full
 * fingerprint, and status colours. Report-level (it speaks the report languages), unlike the
 * language-neutral toolkit in pdf/.
 */
import { keyValues, paragraph, spacer } from './pdf/blocks.js';
import type { PageFlow } from './pdf/layout.js';
import type { ReportLayout } from './pdf/render.js';
import { COLOR, LEADING, SIZE, type Tone } from './pdf/style.js';
import { fill, formatDateTime, LANGUAGE_TAGS, labelsFor } from './i18n.js';
import { reportFingerprint, type ReportModel, shortFingerprint } from './fingerprint.js';
import type { ConformanceStatus } from './models/codes.js';

export interface Frame {
  model: ReportModel;
  title: string;
  /** What the report is about (programme name, procedure key and version), in the header. */
  about: string;
  compose(flow: PageFlow, fingerprint: string): Promise<void>;
}

export function reportLayout(frame: Frame): ReportLayout {
  const { model } = frame;
  const l = labelsFor(model.lang);
  const fingerprint = reportFingerprint(model);
  return {
    info: {
      title: `${frame.title}: ${frame.about}`,
      subject: frame.title,
      lang: LANGUAGE_TAGS[model.lang],
      generatedAt: model.generatedAt,
      fingerprint,
    },
    chrome: {
      title: frame.title,
      headerRight: frame.about,
      footerLeft: `${l.common.fingerprint} ${shortFingerprint(fingerprint)}`,
      footerCentre: fill(l.common.generatedFooter, { at: formatDateTime(model.generatedAt, model.timeZone) }),
      pageLabel: (page, total) => fill(l.common.pageOf, { page, total }),
    },
    contents: { title: l.common.contents, page: l.common.page },
    compose: (flow) => frame.compose(flow, fingerprint),
  };
}

export interface CoverContent {
  title: string;
  subtitle: string;
  facts: readonly (readonly [string, string])[];
  /** A line printed in bold under the facts (e.g. "DRAFT: not signed"). */
  notice?: string;
}

/** The first page: what the document is, the facts identifying it, and its full fingerprint. */
export async function cover(flow: PageFlow, model: ReportModel, fingerprint: string, content: CoverContent): Promise<void> {
  const l = labelsFor(model.lang);
  await flow.newPage('portrait');
  flow.advance(40);
  flow.text('Mentoring QMS', flow.left, flow.y, 'bold', SIZE.small, COLOR.muted);
  flow.advance(SIZE.small * LEADING + 10);
  await paragraph(flow, content.title, { face: 'bold', size: SIZE.coverTitle, color: COLOR.accent, gapAfter: 6 });
  await paragraph(flow, content.subtitle, { face: 'bold', size: SIZE.h2, gapAfter: 10 });
  flow.line(flow.left, flow.y, flow.right, flow.y, COLOR.accent, 1.2);
  await spacer(flow, 16);
  await keyValues(flow, [
    ...content.facts,
    [l.common.generatedAt, formatDateTime(model.generatedAt, model.timeZone)],
    [l.common.generatedBy, model.generatedBy],
    [l.common.timeZone, model.timeZone],
    [l.common.language, l.languageName],
  ]);
  if (content.notice) await paragraph(flow, content.notice, { face: 'bold', size: SIZE.h3 });
  await spacer(flow, 14);
  const boxTop = flow.y;
  flow.rect(flow.left, boxTop, flow.width, 54, COLOR.zebraFill);
  flow.advance(8);
  flow.text(l.common.fingerprintFull, flow.left + 8, flow.y, 'bold', SIZE.small, COLOR.muted);
  flow.advance(SIZE.small * LEADING + 4);
  // In one piece, so that it can be copied from the PDF and compared with a recomputed hash.
  flow.text(fingerprint, flow.left + 8, flow.y, 'bold', SIZE.body);
  flow.advance(54 - 8 - SIZE.small * LEADING - 4);
  await spacer(flow, 8);
  await paragraph(flow, l.common.fingerprintNote, { size: SIZE.small, color: COLOR.muted });
}

/** Colour only where the auditor's eye should go: conformance, nonconformance, overdue. */
export function conformanceTone(status: ConformanceStatus): Tone | undefined {
  if (status === 'conforming') return 'good';
  if (status === 'nonconforming' || status === 'overdue') return 'bad';
  return undefined;
}
