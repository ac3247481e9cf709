import { renderCorrectiveActionRegister } from './corrective-action-register.js';
import { reportFingerprint } from './fingerprint.js';
import type { CorrectiveActionRegisterModel } from './models/corrective-action-register.js';
import { correctiveActionRegisterFixture, EVIDENCE_TEXT } from '../../test/support/reports/register-fixture.js';
import { expectPageNumbers, expectShows, expectStoredHash, pageTexts, renderToBuffer, sha256 } from '../../test/support/report-pdf.js';

/**
 * SHA-256 of the uncompressed rendering of `correctiveActionRegisterFixture('en')`. To update
 * after an intended change: run the spec, open the PDF named in the failure message, paste.
 */
const EXPECTED_SHA256 = '750f785219e0dcb92227b697aa6400cc33d2c851554d718de657abf1c108ce92';

const render = (model: CorrectiveActionRegisterModel = correctiveActionRegisterFixture(), compress?: boolean) =>
  renderToBuffer((out) => renderCorrectiveActionRegister(model, out, { compress }));

describe('renderCorrectiveActionRegister', () => {
  let pages: string[];
  let text: string;
  beforeAll(async () => {
    pages = await pageTexts(await render());
    text = pages.join('\n');
  });

  it('prints the selection it was drawn with on the cover', () => {
    expectShows(pages[0], [
      'Corrective action register',
      'Selection',
      'Programme: Mentorprogrammet Malmö–Tromsø 2027',
      'States: In progress, Closed',
      'Due on or after: 2027-01-01',
      'Due on or before: 2027-12-31',
      'Actions in this register 2',
    ]);
    expect(pages[0]).toContain(reportFingerprint(correctiveActionRegisterFixture()));
  });

  it('says so when nothing was filtered', async () => {
    const model = { ...correctiveActionRegisterFixture(), filters: {} };
    const [cover] = await pageTexts(await render(model), [1]);
    expectShows(cover, ['Selection All corrective actions (no filter)']);
  });

  it('summarises by state and counts the overdue actions', () => {
    expectShows(text, ['Planned 0', 'In progress 1', 'Closed 1', 'Overdue 1']);
  });

  it('lists every action with its deviations, owner, due date, state and overdue days', () => {
    expectShows(text, [
      'CA-2027-0001',
      'CA-2027-0002',
      'DEV-2027-0001',
      'DEV-2027-0002',
      'Máret Ŋuolbmá',
      'Bjørn Sæther',
      '2027-03-15',
      '2027-05-01',
      'Days overdue 61 days',
    ]);
    expectShows(text, ['Matching done after the window closed', 'Consent form missing for one adept Critical Action plan']);
    expectShows(text, ['Effectiveness criterion No matching outside its window in the next 20 matchings.']);
  });

  it('shows the effectiveness check with its evidence and the board reviews', () => {
    expectShows(text, [
      'Verdict Effective',
      'Checked by Åsa Læstadius-Øberg',
      `Evidence ${EVIDENCE_TEXT}`,
      'Endorsed Ánde Đuolbmá 2027-04-10 19:00 UTC+2 Godkjent uten merknader.',
    ]);
    expectShows(text, ['Not yet checked.', 'Not yet reviewed by the board.']);
  });

  it('prints the hash each closing and board signature binds, whole on one line', () => {
    for (const hash of ['5e1f'.repeat(16), 'b0a2'.repeat(16)]) expect(text.split('\n').some((line) => line.includes(hash))).toBe(true);
    expectShows(text, ['Content hash signed: Endorsed, Ánde Đuolbmá']);
  });

  it('numbers every page', () => expectPageNumbers(pages, 'en'));

  it.each([
    [
      'sv',
      [
        'Register över korrigerande åtgärder',
        'Urval',
        'Sammanfattning',
        'Åtgärdade avvikelser',
        'Uppföljning av verkan',
        'Styrelsens granskningar',
        'Verkningsfull',
        'Godkänd',
        'Sida 1 av',
      ],
    ],
    [
      'nb',
      [
        'Register over korrigerende tiltak',
        'Utvalg',
        'Sammendrag',
        'Avvik som behandles',
        'Kontroll av virkning',
        'Styrets gjennomganger',
        'Virkningsfullt',
        'Godkjent',
        'Side 1 av',
      ],
    ],
  ] as const)('speaks %s throughout', async (lang, words) => {
    const texts = await pageTexts(await render(correctiveActionRegisterFixture(lang)));
    const all = texts.join('\n');
    expectShows(all, words);
    for (const english of [
      'Corrective action register',
      'Selection',
      'Summary',
      'Deviations addressed',
      'Board reviews',
      'Endorsed',
      'Page 1 of',
    ])
      expect(all).not.toContain(english);
    expectPageNumbers(texts, lang);
  });

  it('keeps Swedish, Norwegian and Sámi letters', () => {
    expectShows(text, ['Malmö–Tromsø', 'Þórunn Ŋávdi', 'Stickprov på 12 matchningar: alla inom fönstret.', 'Bjørn Sæther']);
  });

  it('renders the same model to the same bytes, matching the stored expectation', async () => {
    expect(sha256(await render())).toBe(sha256(await render()));
    expectStoredHash(await render(undefined, false), EXPECTED_SHA256, 'corrective-action-register');
  });
});
