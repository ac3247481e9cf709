/**
 * The console pages of board members, auditors, administrators and procedure authors on a phone
 * (375 × 812) in Swedish, chosen through the header's language control as a user would: each page
 * as the role that uses it, found by its Swedish heading and controls, without sideways scrolling
 * of the page itself (a table may scroll inside its own box), its main action reached with the
 * keyboard alone, and no serious or critical accessibility violation.
 */
import type { Locator, Page } from '@playwright/test';
import { PASSWORD, makeWorld, person } from './support/world.js';
import type { Person, World } from './support/world.js';
import { day, unique } from './support/api.js';
import { expect, expectAccessible, signIn, test } from './support/fixtures.js';

test.use({ viewport: { width: 375, height: 812 } });

let world: World;
let admin: Person;
let procedureKey: string;
/** The procedure's Swedish title, of this run only (the service keeps the procedures of earlier runs). */
let titleSv: string;
let action: { id: string; reference: string };
let review: { id: string; title: string };

function definition(key: string, purpose: string): Record<string, unknown> {
  return {
    key,
    title: { en: 'Follow-up call', sv: titleSv, nb: 'Oppfølgingssamtale' },
    purpose: { en: purpose, sv: 'Höra hur den första månaden har gått för adepten.' },
    subject: 'adept',
    responsibleRoles: ['programme_leader'],
    window: { anchor: 'enrolment', fromDays: 20, toDays: 40 },
    steps: [
      {
        key: 'call',
        title: { en: 'The call', sv: 'Samtalet' },
        performerRoles: ['programme_leader'],
        fields: [{ key: 'reached', label: { en: 'Reached the adept', sv: 'Nådde adepten' }, type: 'boolean' }],
      },
    ],
  };
}

test.beforeAll(async () => {
  world = await makeWorld(process.env.QMS_URL_POSTGRES!, { participants: false });
  // An administrator of this test's own: the language is kept on the account, and the shipped
  // administrator is shared with the other browser tests.
  admin = await person(world.admin, ['admin'], `Alva Admin ${unique().toUpperCase()}`);

  // A procedure with two versions and none in force (the first rejected, the second a draft): it
  // changes nothing for programmes activated by other tests.
  const tag = unique();
  procedureKey = `phone-call-${tag}`;
  titleSv = `Uppföljningssamtal ${tag}`;
  await world.qm.api.post('/api/procedures', { definition: definition(procedureKey, 'Check in with each adept a month after enrolment.') });
  await world.qm.api.post(`/api/procedures/${procedureKey}/versions/1/submit`);
  await world.qm2.api.post(`/api/procedures/${procedureKey}/versions/1/reject`, { comment: 'Say what the call is for.' });
  await world.qm.api.post(`/api/procedures/${procedureKey}/versions`, {
    definition: definition(procedureKey, 'Hear how the first month went, and act on what the adept needs.'),
    changeSummary: 'Purpose says what the call is for',
  });

  const d = await world.leader.api.post<{ id: string }>('/api/deviations', {
    programmeId: world.programme.id,
    title: 'Introduction day started late',
    description: 'The room was double-booked.',
    severity: 'minor',
    source: 'manual',
    detectedAt: new Date().toISOString(),
  });
  await world.qm.api.post(`/api/deviations/${d.id}/transitions`, { to: 'analysis', comment: 'Looking into it' });
  action = await world.qm.api.post<{ id: string; reference: string }>('/api/corrective-actions', {
    deviationIds: [d.id],
    type: 'corrective',
    description: 'Book the room through the facilities desk with a confirmation.',
    ownerId: world.leader.id,
    dueDate: day(30),
    effectivenessCriterion: 'No double booking for a term.',
  });
  const title = `Ledningens genomgång ${world.board.name}`;
  const r = await world.board.api.post<{ id: string }>('/api/management-reviews', {
    title,
    heldOn: day(0),
    attendeeIds: [world.board.id],
  });
  review = { id: r.id, title };
});

/**
 * Signs in (in English: an earlier test's choice, kept on the account, is undone first) and
 * chooses Swedish in the header, as a user on a phone does.
 */
async function inSwedish(page: Page, who: Person): Promise<void> {
  await who.api.request('PATCH', '/api/users/me', { language: 'en' }, 200);
  await signIn(page, who.email, PASSWORD);
  await page.getByLabel('Language').selectOption({ label: 'Svenska' });
  await expect(page.getByRole('button', { name: 'Logga ut' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
}

/** Opens a page from the Main navigation, which sits behind the Menu button at this width. */
async function openFromMenu(page: Page, link: string): Promise<void> {
  await page.getByRole('button', { name: 'Meny' }).click();
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: link, exact: true }).click();
}

/** The document itself does not scroll sideways (a table may, inside its own box). */
async function expectNoOverflow(page: Page, what: string): Promise<void> {
  await expect(page.getByRole('status', { name: 'Laddar …' })).toHaveCount(0);
  const sizes = await page.evaluate(() => {
    const root = document.documentElement;
    // What sticks out, to say in the failure what to fix.
    const wide = [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > root.clientWidth + 1 && !e.closest('.table-scroll'))
      .filter((e) => getComputedStyle(e).position !== 'fixed' && (e as HTMLElement).offsetParent !== null)
      .slice(0, 5)
      .map(
        (e) => `${e.tagName.toLowerCase()}${e.className && typeof e.className === 'string' ? '.' + e.className.split(' ').join('.') : ''}`,
      );
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide };
  });
  expect(sizes.scrollWidth, `the width of ${what} (${sizes.wide.join(', ')})`).toBeLessThanOrEqual(sizes.clientWidth + 1);
}

/**
 * Reloads the page (the address a colleague would open) and presses Tab from the top of the
 * document until `target` has the focus; fails with the way the focus went if it never does.
 */
async function tabTo(page: Page, target: Locator, what: string, max = 60): Promise<void> {
  await page.reload();
  await expect(target).toBeVisible();
  const path: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) break;
    path.push(
      await page.evaluate(() => {
        const a = document.activeElement as HTMLElement | null;
        return a ? `${a.tagName.toLowerCase()} "${(a.getAttribute('aria-label') ?? a.innerText ?? '').trim().slice(0, 40)}"` : 'none';
      }),
    );
  }
  expect(await target.evaluate((el) => el === document.activeElement), `${what} by Tab; the focus went: ${path.join(' → ')}`).toBe(true);
  await expect(target).toBeFocused();
}

async function checkPage(page: Page, what: string): Promise<void> {
  await expectNoOverflow(page, what);
  await expectAccessible(page, `${what} at 375 px in Swedish`);
}

test('the procedure library (quality manager)', async ({ page }) => {
  await inSwedish(page, world.qm);
  await openFromMenu(page, 'Rutiner');
  await expect(page.getByRole('heading', { level: 1, name: 'Rutiner' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Rutiner' });
  await expect(table.getByRole('link', { name: titleSv })).toBeVisible();
  await expect(table.getByRole('columnheader').first()).toBeVisible();
  await checkPage(page, 'the procedure library');
  const create = page.getByRole('link', { name: 'Ny rutin' });
  await tabTo(page, create, 'the link to a new procedure');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Ny rutin' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Rutinens definition (YAML)' })).toBeVisible();
  await checkPage(page, 'the editor of a new procedure');
});

test('a procedure version (quality manager)', async ({ page }) => {
  await inSwedish(page, world.qm);
  await openFromMenu(page, 'Rutiner');
  await page.getByRole('link', { name: titleSv }).click();
  await expect(page.getByRole('heading', { level: 1, name: titleSv })).toBeVisible();
  await expect(page.getByText('Höra hur den första månaden har gått för adepten.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Jämför versioner' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Ladda ner version 2/ })).toBeVisible();
  await checkPage(page, 'a procedure version');
  const submit = page.getByRole('button', { name: 'Skicka för godkännande' });
  await tabTo(page, submit, 'submitting the draft for approval');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Skicka för godkännande' });
  await expect(dialog).toBeVisible();
  await expectAccessible(page, 'the submit dialog at 375 px in Swedish');
  await expectNoOverflow(page, 'the submit dialog');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});

test('the comparison of two versions (quality manager)', async ({ page }) => {
  await inSwedish(page, world.qm);
  await openFromMenu(page, 'Rutiner');
  await page.getByRole('link', { name: titleSv }).click();
  await page.getByRole('link', { name: 'Jämför versioner' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${titleSv}: jämför versioner` })).toBeVisible();
  const trail = page.getByRole('navigation', { name: 'Sökväg' });
  await expect(trail.getByRole('link', { name: titleSv })).toBeVisible();
  const choose = page.getByRole('search', { name: 'Versioner att jämföra' });
  await expect(choose.getByLabel('Äldre version')).toHaveValue('1');
  await expect(choose.getByLabel('Nyare version')).toHaveValue('2');
  const diff = page.getByRole('table', { name: 'Version 1 och version 2 sida vid sida' });
  await expect(diff).toBeVisible();
  await checkPage(page, 'the comparison of two versions');
  const only = page.getByRole('checkbox', { name: 'Bara ändrade rader' });
  await tabTo(page, only, 'the choice of only changed lines');
  await page.keyboard.press('Space');
  await expect(page).toHaveURL(/changes=only/);
  await expect(diff.getByRole('row')).toHaveCount(2);
  await checkPage(page, 'the comparison with only changed lines');
});

test('the YAML editor (quality manager)', async ({ page }) => {
  await inSwedish(page, world.qm);
  await openFromMenu(page, 'Rutiner');
  await page.getByRole('link', { name: titleSv }).click();
  await page.getByRole('link', { name: /Redigera utkast/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^${titleSv}`) })).toBeVisible();
  const editor = page.getByRole('textbox', { name: 'Rutinens definition (YAML)' });
  await expect(editor).toBeVisible();
  await expect(page.getByLabel('Vad som ändrats och varför')).toHaveValue('Purpose says what the call is for');
  await checkPage(page, 'the YAML editor');
  const save = page.getByRole('button', { name: 'Spara utkast' });
  // The editor does not keep the Tab key: the keyboard passes through it to saving.
  await tabTo(page, save, 'saving the draft');
});

test('the management reviews (board member)', async ({ page }) => {
  await inSwedish(page, world.board);
  await openFromMenu(page, 'Ledningens genomgångar');
  await expect(page.getByRole('heading', { level: 1, name: 'Ledningens genomgångar' })).toBeVisible();
  await expect(page.getByRole('table', { name: /Ledningens genomgångar/ }).getByRole('link', { name: review.title })).toBeVisible();
  await checkPage(page, 'the management reviews');
  const create = page.getByRole('button', { name: 'Ny genomgång' });
  await tabTo(page, create, 'a new management review');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Ny ledningens genomgång' });
  await expect(dialog.getByLabel('Rubrik')).toBeVisible();
  await expect(dialog.getByLabel('Hölls')).toBeVisible();
  await expectNoOverflow(page, 'the new management review dialog');
  await expectAccessible(page, 'the new management review dialog at 375 px in Swedish');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});

test('a management review (board member)', async ({ page }) => {
  await inSwedish(page, world.board);
  await openFromMenu(page, 'Ledningens genomgångar');
  await page.getByRole('link', { name: review.title }).click();
  await expect(page.getByRole('heading', { level: 1, name: review.title })).toBeVisible();
  const inputs = page.getByRole('region', { name: 'Underlag' });
  await expect(inputs.getByText('Öppna avvikelser', { exact: true })).toBeVisible();
  await expect(inputs.getByRole('img', { name: /Öppna avvikelser per allvarlighetsgrad/ })).toBeVisible();
  const decisions = page.getByRole('region', { name: 'Beslut' });
  await expect(decisions.getByRole('textbox', { name: 'Beslut', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Avsluta och signera' })).toBeVisible();
  await checkPage(page, 'a management review');
  const record = decisions.getByRole('button', { name: 'Registrera beslut' });
  await tabTo(page, record, 'recording a decision');
});

test('the reports page (auditor)', async ({ page }) => {
  await inSwedish(page, world.auditor);
  await openFromMenu(page, 'Rapporter');
  await expect(page.getByRole('heading', { level: 1, name: 'Rapporter' })).toBeVisible();
  const evidence = page.getByRole('region', { name: 'Underlagsrapport per program' });
  await expect(evidence.getByLabel('Program')).toBeVisible();
  await expect(evidence.getByLabel('Dokumentets språk')).toHaveValue('sv');
  await expect(page.getByRole('region', { name: 'Register över korrigerande åtgärder' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Rutindokument' })).toBeVisible();
  await checkPage(page, 'the reports page');
  const download = evidence.getByRole('button', { name: 'Ladda ner underlagsrapport (PDF)' });
  await tabTo(page, download, 'the evidence report');
  const [pdf] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
  await expect(evidence.getByRole('status')).toContainText('Sparad som');
  await expectNoOverflow(page, 'the reports page after a download');
});

test('the audit trail (auditor)', async ({ page }) => {
  await inSwedish(page, world.auditor);
  await openFromMenu(page, 'Granskningslogg');
  await expect(page.getByRole('heading', { level: 1, name: 'Granskningslogg' })).toBeVisible();
  await expect(page.getByLabel('Posttyp')).toBeVisible();
  await expect(page.getByLabel('Utförare')).toBeVisible();
  await expect(page.getByLabel('Från (datum)')).toBeVisible();
  await expect(page.getByLabel('Till (datum)')).toBeVisible();
  const events = page.getByRole('table', { name: /händelse/ });
  await expect(events.getByRole('row').nth(1)).toBeVisible();
  // The changes stay readable: on a phone each event is a card, its changes on a line of their own as wide as the card.
  const changes = events.getByRole('row').nth(1).locator('td[data-label="Ändringar"]');
  await expect(changes).toBeVisible();
  expect((await changes.boundingBox())!.width, 'the width of the Changes line').toBeGreaterThanOrEqual(280);
  await checkPage(page, 'the audit trail');
  const verify = page.getByRole('button', { name: 'Verifiera kedjan' });
  await tabTo(page, verify, 'verifying the chain');
  await page.keyboard.press('Enter');
  const verdict = page.getByRole('status').filter({ hasText: 'Kedjan är obruten' });
  await expect(verdict).toBeVisible();
  await expect(verdict.getByRole('button', { name: 'Kopiera löpnummer och hash' })).toBeVisible();
  await checkPage(page, 'the audit trail with the verification');
});

test('the users (administrator)', async ({ page }) => {
  await inSwedish(page, admin);
  await openFromMenu(page, 'Användare');
  await expect(page.getByRole('heading', { level: 1, name: 'Användare' })).toBeVisible();
  await expect(page.getByLabel('Namn eller e-post')).toBeVisible();
  await expect(page.getByLabel('Status')).toBeVisible();
  await page.getByLabel('Namn eller e-post').fill(world.auditor.email);
  await expect(page).toHaveURL(/q=/);
  const row = page.getByRole('row', { name: new RegExp(world.auditor.email.replace(/\./g, '\\.')) });
  await expect(row.getByRole('button', { name: `Redigera ${world.auditor.name}` })).toBeVisible();
  await expect(page.getByRole('table', { name: 'En användare' })).toBeVisible();
  await checkPage(page, 'the users');
  const create = page.getByRole('button', { name: 'Ny användare' });
  await tabTo(page, create, 'a new user');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Ny användare' });
  await expect(dialog.getByLabel('Namn')).toBeVisible();
  await expect(dialog.getByLabel('Tillfälligt lösenord')).toBeVisible();
  await expectNoOverflow(page, 'the new user dialog');
  await expectAccessible(page, 'the new user dialog at 375 px in Swedish');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});

test('the training records (quality manager)', async ({ page }) => {
  await inSwedish(page, world.qm);
  await openFromMenu(page, 'Utbildningar');
  await expect(page.getByRole('heading', { level: 1, name: 'Utbildningar' })).toBeVisible();
  await page.getByLabel('Person', { exact: true }).selectOption(world.leader.id);
  await expect(page.getByRole('table', { name: `Utbildningar för ${world.leader.name}` }).getByRole('row')).toHaveCount(4);
  await expect(page.getByLabel('Modul')).toBeVisible();
  await expect(page.getByLabel('Genomförd')).toBeVisible();
  await expect(page.getByLabel('Underlag')).toBeVisible();
  await checkPage(page, 'the training records');
  const record = page.getByRole('button', { name: 'Registrera utbildning' });
  await tabTo(page, record, 'recording training');
});

test("a board member's review of an action", async ({ page }) => {
  await inSwedish(page, world.board);
  const queue = page.getByRole('table', { name: 'Korrigerande åtgärder du inte har granskat' });
  await queue.getByRole('link', { name: action.reference }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(action.reference) })).toBeVisible();
  const card = page.getByRole('region', { name: 'Din styrelsegranskning' });
  await expect(card.getByRole('radiogroup', { name: /Beslut/ })).toBeVisible();
  await expect(card.getByLabel('Kommentar')).toBeVisible();
  await checkPage(page, "the board member's review");

  // With the keyboard alone: the decision, the comment, then on to the signature.
  const first = card.getByRole('radio', { name: 'Godkänd' });
  await tabTo(page, first, 'the decision');
  await page.keyboard.press('ArrowDown');
  await expect(card.getByRole('radio', { name: 'Ändringar begärda' })).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(card.getByLabel('Kommentar')).toBeFocused();
  await page.keyboard.type('Be om en skriftlig bekräftelse också.');
  await page.keyboard.press('Tab');
  await expect(card.getByRole('button', { name: 'Fortsätt till signering' })).toBeFocused();
  await page.keyboard.press('Enter');
  const sign = page.getByRole('dialog', { name: 'Signera' });
  await expect(sign.getByLabel('Lösenord')).toBeVisible();
  await expect(sign).toContainText('Styrelsegranskning: Ändringar begärda');
  await expectNoOverflow(page, 'the signature dialog');
  await expectAccessible(page, 'the signature dialog at 375 px in Swedish');
  await page.keyboard.press('Escape');
  await expect(sign).toHaveCount(0);
});
