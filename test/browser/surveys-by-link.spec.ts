/**
 * A survey answered by link, without an account, on a phone (375 × 812) whose browser speaks
 * Swedish: the survey in the recipient's language (Swedish, from the invitation), what is done with
 * the answers, the questions by type with their required marks, the thank-you page; the answer is
 * recorded (the quality manager reads it through the API). The same link again, a link that is not
 * one, and a declined survey: each a page that says what happened and whom to ask.
 */
import type { Page } from '@playwright/test';
import { makeWorld } from './support/world.js';
import type { World } from './support/world.js';
import { expect, expectAccessible, test } from './support/fixtures.js';
import { makeSurvey, sendAndHandOut } from './support/surveys.js';
import type { TestSurvey } from './support/surveys.js';

test.use({ viewport: { width: 375, height: 812 }, locale: 'sv-SE' });

let world: World;
let survey: TestSurvey;

test.beforeAll(async () => {
  world = await makeWorld(process.env.QMS_URL_POSTGRES!);
  survey = await makeSurvey(world, 'adept');
});

/** The page itself does not scroll sideways at 375 px. */
async function expectNoOverflow(page: Page, what: string): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `the width of ${what}`).toBeLessThanOrEqual(clientWidth + 1);
}

interface InvitationRow {
  id: string;
  surveyKey: string;
  state: string;
}

async function invitationsOfSurvey(): Promise<InvitationRow[]> {
  const all = await world.qm.api.get<{ invitations: InvitationRow[] }>(`/api/programmes/${world.programme.id}/survey-invitations`);
  return all.invitations.filter((i) => i.surveyKey === survey.key);
}

test('an adept answers the survey by link on a phone in Swedish, sees the thank-you page, and the link is then refused', async ({
  page,
}) => {
  const [link] = await sendAndHandOut(world.leader.api, world.programme.id, survey, 'adept', [world.adepts[0].id], 'sv');
  expect(link.link).toMatch(new RegExp(`/s/${link.token}$`));
  await page.goto(new URL(link.link).pathname);

  await expect(page.getByRole('heading', { level: 1, name: survey.titleSv })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  await expect(page.getByRole('heading', { name: 'Det här gör vi med dina svar' })).toBeVisible();
  await expect(page.getByText('Dina svar sparas under din deltagarkod, aldrig ditt namn')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Språk (Language)' })).toHaveValue('sv');
  await expectNoOverflow(page, 'the survey form');
  await expectAccessible(page, 'the survey form at 375 px in Swedish');

  // Sent without the required answers: said in words, nothing recorded.
  await page.getByRole('button', { name: 'Skicka mina svar' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '2 obligatoriska frågor är inte besvarade än.' })).toBeVisible();
  await expect(page.getByText('Svara på den här frågan.').first()).toBeVisible();
  await expectAccessible(page, 'the survey form with unanswered required questions');
  expect((await invitationsOfSurvey()).find((i) => i.id === link.invitationId)?.state).toBe('open');

  // The scale is a labelled radio group, answered with the keyboard.
  const overall = page.getByRole('radiogroup', { name: /Hur nöjd är du med programmet som helhet\?/ });
  await expect(overall.getByRole('radio')).toHaveCount(5);
  await overall.getByRole('radio', { name: '1 (lägst)' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(overall.getByRole('radio', { name: '4', exact: true })).toBeChecked();
  await page
    .getByRole('radiogroup', { name: /Skulle du rekommendera programmet till en vän\?/ })
    .getByRole('radio', { name: 'Ja' })
    .check();
  await page.getByRole('checkbox', { name: 'Språket' }).check();
  await page.getByRole('checkbox', { name: 'Ett yrkesnätverk' }).check();
  await page.getByRole('textbox', { name: 'Något mer du vill berätta?' }).fill('Mentorsträffarna hjälpte mig mycket.');
  await page.getByRole('button', { name: 'Skicka mina svar' }).press('Enter');

  await expect(page.getByRole('heading', { level: 1, name: 'Tack för dina svar' })).toBeVisible();
  await expect(page.getByText('Dina svar är sparade.')).toBeVisible();
  await expectNoOverflow(page, 'the thank-you page');
  await expectAccessible(page, 'the thank-you page at 375 px in Swedish');

  // Recorded, as the quality manager sees it: everyone asked has answered (a response rate of 1).
  const rows = await invitationsOfSurvey();
  expect(rows).toHaveLength(1);
  expect(rows.filter((i) => i.state === 'answered').length / rows.length).toBe(1);
  const results = await world.qm.api.get<{
    responseRate: { invited: unknown; answered: unknown };
    questions: { key: string; n: unknown }[];
  }>(`/api/surveys/${survey.id}/results?programmeId=${world.programme.id}`);
  // One answer: the figures are there, hidden as fewer than five.
  expect(results.responseRate).toMatchObject({ invited: '<5', answered: '<5' });
  expect(results.questions.find((q) => q.key === 'overall')?.n).toBe('<5');

  // The same link again: a friendly page, not an error.
  await page.goto(new URL(link.link).pathname);
  await expect(page.getByRole('heading', { level: 1, name: 'Länken har redan använts' })).toBeVisible();
  await expect(page.getByText('Varje länk fungerar bara en gång.')).toBeVisible();
  await expect(page.getByText('kontakta den person i programmet som skickade länken till dig')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Skicka mina svar' })).toHaveCount(0);
  await expectNoOverflow(page, 'the page of a used link');
  await expectAccessible(page, 'the page of a used link at 375 px in Swedish');
});

test('an adept declines the survey, after confirming it, and the link is used', async ({ page }) => {
  const [link] = await sendAndHandOut(world.leader.api, world.programme.id, survey, 'adept', [world.adepts[1].id], 'sv');
  await page.goto(new URL(link.link).pathname);
  await expect(page.getByRole('heading', { level: 1, name: survey.titleSv })).toBeVisible();

  // The page's own words follow the language switch; the survey's texts are those of the invitation, and it says so.
  await page.getByRole('combobox', { name: 'Språk (Language)' }).selectOption({ label: 'English' });
  await expect(page.getByRole('button', { name: 'I do not want to answer' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: "The survey's own texts stay in Svenska" })).toBeVisible();
  await expectAccessible(page, 'the survey form with the page in English');
  await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Svenska' });
  await expect(page.getByRole('status').filter({ hasText: 'Enkätens egna texter' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Jag vill inte svara' }).click();
  const confirm = page.getByRole('dialog', { name: 'Vill du inte svara?' });
  await expect(confirm).toContainText('påverkar inte din plats i programmet');
  await expectAccessible(page, 'the confirmation of a decline');
  // Going back keeps the survey open.
  await confirm.getByRole('button', { name: 'Tillbaka till enkäten' }).click();
  await expect(confirm).toHaveCount(0);
  expect((await invitationsOfSurvey()).find((i) => i.id === link.invitationId)?.state).toBe('open');

  await page.getByRole('button', { name: 'Jag vill inte svara' }).click();
  await page.getByRole('dialog', { name: 'Vill du inte svara?' }).getByRole('button', { name: 'Ja, jag vill inte svara' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Du har tackat nej till enkäten' })).toBeVisible();
  await expectAccessible(page, 'the page after a decline');
  expect((await invitationsOfSurvey()).find((i) => i.id === link.invitationId)?.state).toBe('declined');

  await page.goto(new URL(link.link).pathname);
  await expect(page.getByRole('heading', { level: 1, name: 'Länken har redan använts' })).toBeVisible();
});

test('a link that is not one says so, in the language of the browser, and offers the language switch', async ({ page }) => {
  await page.goto(`/s/${'A'.repeat(43)}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Länken fungerar inte' })).toBeVisible();
  await expect(page.getByText('Kontrollera att du kopierade hela länken.')).toBeVisible();
  await expectAccessible(page, 'the page of an unknown link');
  await page.getByRole('combobox', { name: 'Språk (Language)' }).selectOption({ label: 'Norsk bokmål' });
  await expect(page.getByRole('heading', { level: 1, name: 'Lenken virker ikke' })).toBeVisible();
  // A malformed token is refused the same way (the service looks nothing up).
  await page.goto('/s/not-a-token');
  await expect(page.getByRole('heading', { level: 1, name: 'Länken fungerar inte' })).toBeVisible();
});
