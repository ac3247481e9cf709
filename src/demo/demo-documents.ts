/**
 * The demo organisation's controlled documents (ISO 9001 5.2, 4.3, 7.5): the quality policy and the
 * scope with its process map, each a PDF written here (the same bytes on every run), approved by
 * the second quality manager and in force, asking the programme leaders to read and acknowledge
 * them. One leader has acknowledged the policy, the other not yet. Through the same use cases as the API.
 */
import PDFDocument from 'pdfkit';
import type { UploadedFile } from '../documents/document-files.service.js';
import type { Demo } from './demo-context.js';

/** A fixed instant for the files' metadata: the same PDF bytes on every run. */
const FILE_DATE = new Date('2026-01-05T09:00:00Z');

function render(title: string, draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    compress: false,
    info: { Title: title, Author: 'Mentorship Foundation', Creator: 'Mentoring QMS demo', CreationDate: FILE_DATE, ModDate: FILE_DATE },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.font('Helvetica-Bold').fontSize(18).text(title);
  doc.moveDown();
  doc.font('Helvetica').fontSize(11);
  draw(doc);
  doc.end();
  return done;
}

function qualityPolicy(): Promise<Buffer> {
  return render('Quality policy', (doc) => {
    for (const line of [
      'The Mentorship Foundation runs year-long mentoring programmes that help immigrant job-seekers with an academic background into work in their own professions.',
      'We commit to:',
      '- match every adept with a mentor in their profession, or say why we could not;',
      '- carry out every step of our documented procedures on time, and record it;',
      '- treat every deviation as a chance to learn: find its cause, correct it and check that the correction worked;',
      '- protect the personal data of the people we serve, who are often in a vulnerable position;',
      '- meet the requirements of our funders and of the law;',
      '- review this policy, our objectives and our results at least once a year in the management review.',
      'This policy is communicated to every programme leader, who confirms having read and understood it.',
    ])
      doc.text(line).moveDown(0.5);
  });
}

function scope(): Promise<Buffer> {
  return render('Scope of the quality management system', (doc) => {
    for (const line of [
      'The quality management system covers the design and delivery of mentoring programmes for immigrant job-seekers with an academic background: recruitment and intake of adepts, recruitment of mentors, matching, the programme year with its seminars and follow-ups, and the final evaluation.',
      'It applies to every programme the foundation runs, at every site, and to the staff and volunteers who run them.',
      'ISO 9001:2015 clause 8.3 (design and development of products and services) is not applied: the programme method is given by the funders and not designed by the foundation.',
      'The processes and how they interact are shown in the process map (a separate file of this document).',
    ])
      doc.text(line).moveDown(0.5);
  });
}

function processMap(): Promise<Buffer> {
  return render('Process map', (doc) => {
    const steps = ['Recruitment and intake', 'Matching', 'Programme year', 'Final evaluation'];
    const y = 160;
    steps.forEach((step, i) => {
      const x = 56 + i * 125;
      doc.rect(x, y, 105, 60).stroke();
      doc.text(step, x + 6, y + 16, { width: 93, align: 'center' });
      if (i < steps.length - 1)
        doc
          .moveTo(x + 105, y + 30)
          .lineTo(x + 125, y + 30)
          .stroke();
    });
    doc.rect(56, 280, 480, 50).stroke();
    doc.text('Support: procedures and documents, training records, deviations and corrective actions, audit trail', 62, 296, {
      width: 468,
      align: 'center',
    });
    doc.rect(56, 350, 480, 50).stroke();
    doc.text('Management: quality policy and objectives, risks, internal audits, management review', 62, 366, {
      width: 468,
      align: 'center',
    });
  });
}

const pdf = (originalname: string, buffer: Buffer): UploadedFile => ({ originalname, mimetype: 'application/pdf', buffer });

export async function runDocuments(d: Demo): Promise<{ documents: number; acknowledged: number; toAcknowledge: number }> {
  const { s, team, password } = d;
  const qm = team.quality.ctx;
  const approver = team.approver.ctx;
  const write = async (
    body: { kind: 'quality_policy' | 'scope'; title: string; ownerId: string; changeSummary: string },
    files: UploadedFile[],
  ): Promise<string> => {
    const doc = await s.documents.create(qm, { ...body, reviewIntervalMonths: 12, acknowledgementRoles: ['programme_leader'] });
    for (const file of files) await s.documentFiles.upload(qm, doc.id, 1, file);
    await s.documents.submit(qm, doc.id, 1);
    await s.documents.approve(approver, doc.id, 1, { password, comment: 'Read against the management review decisions; approved' });
    return doc.id;
  };
  const policy = await write(
    { kind: 'quality_policy', title: 'Quality policy', ownerId: team.board.id, changeSummary: 'First issue, adopted by the board' },
    [pdf('quality-policy.pdf', await qualityPolicy())],
  );
  await write({ kind: 'scope', title: 'Scope of the quality management system', ownerId: team.quality.id, changeSummary: 'First issue' }, [
    pdf('scope.pdf', await scope()),
    pdf('process-map.pdf', await processMap()),
  ]);
  await s.documents.acknowledge(team.leader.ctx, policy);
  const who = await s.documentLibrary.acknowledgements(policy);
  return { documents: 2, acknowledged: who.acknowledged, toAcknowledge: who.required };
}
