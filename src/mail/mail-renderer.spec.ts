import { USER_LANGUAGES } from '../common/languages.js';
import { linkToken, linkTokenKey } from '../common/link-tokens.js';
import { escapeHtml, renderMail, resolveParams } from './mail-renderer.js';
import { MAIL_TEMPLATES } from './templates/index.js';
import type { MailTemplateKey } from './templates/index.js';

const KEYS = Object.keys(MAIL_TEMPLATES) as MailTemplateKey[];
/** Every param a template might read, each a marker that can be searched for in the output. */
const PARAM_NAMES = [
  'surveyTitle',
  'link',
  'expiresOn',
  'programmeName',
  'procedure',
  'edge',
  'day',
  'subjects',
  'reference',
  'title',
  'count',
  'week',
];

describe('mail templates', () => {
  it.each(KEYS.flatMap((k) => USER_LANGUAGES.map((l) => [k, l] as const)))(
    '%s in %s: a subject on one line that shows only its declared params, a text and an HTML body',
    (key, language) => {
      const params = Object.fromEntries(PARAM_NAMES.map((n) => [n, `«${n}»`]));
      const mail = renderMail(key, language, params);
      expect(mail.subject.length).toBeGreaterThan(5);
      expect(mail.subject).not.toMatch(/[\r\n]|undefined/);
      const allowed = MAIL_TEMPLATES[key].subjectParams;
      for (const n of PARAM_NAMES.filter((x) => !allowed.includes(x))) expect(mail.subject).not.toContain(`«${n}»`);
      expect(mail.text).not.toContain('undefined');
      expect(mail.html).toContain(`lang="${language}"`);
    },
  );

  it('never puts a participant code, a name or an address into a subject (the params that may carry them)', () => {
    for (const key of KEYS) {
      for (const forbidden of ['subjects', 'title', 'programmeName']) expect(MAIL_TEMPLATES[key].subjectParams).not.toContain(forbidden);
    }
  });

  it('escapes every value in the HTML and keeps a subject on one line', () => {
    const mail = renderMail('reminder-action-target', 'en', {
      reference: 'CA-1\r\nBcc: x@example.org',
      title: '<script>alert("x")</script> & more',
      day: '2026-03-05',
      link: 'javascript:alert(1)',
    });
    expect(mail.subject).toBe('Corrective action CA-1 Bcc: x@example.org: 2026-03-05');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more');
    expect(mail.html).toContain('href="#"');
    expect(escapeHtml(`'`)).toBe('&#39;');
  });

  it('renders a link token reference as the public address of the link, made from the key', () => {
    const key = linkTokenKey('s'.repeat(32));
    const ref = { purpose: 'survey-invitation', id: '6f1c1d5e-0000-4000-8000-000000000001', nonce: 'n1' };
    const params = resolveParams({ surveyTitle: 'Mid-point', link: ref, expiresOn: '2026-04-01' }, 'https://qms.example.org', key);
    expect(params.link).toBe(`https://qms.example.org/s/${linkToken(key, ref)}`);
    const mail = renderMail('survey-invitation', 'sv', params);
    expect(mail.subject).toBe('Vad tycker du? Mid-point');
    expect(mail.text).toContain(String(params.link));
    expect(mail.text).not.toContain('om programmet');
  });

  it('adds the held reminders as lines of a digest', () => {
    const mail = renderMail(
      'reminder-digest',
      'nb',
      { count: 2, week: '2026-03-02' },
      [
        { reference: 'RISK-1', title: 'Lost laptop', day: '2026-03-04', link: 'https://q/r' },
        { reference: 'DOC-2', title: 'Handbook', day: '2026-03-05', link: 'https://q/d' },
      ],
      ['reminder-risk-review', 'reminder-document-review'],
    );
    expect(mail.subject).toBe('Dine påminnelser for uken fra 2026-03-02 (2)');
    expect(mail.text).toContain('Risiko RISK-1 "Lost laptop" skal vurderes på nytt senest 2026-03-04');
    expect(mail.text).toContain('Dokument DOC-2 "Handbook"');
  });
});
