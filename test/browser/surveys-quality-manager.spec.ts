/**
 * Surveys in the console for quality managers (issue 18): the library and a version's questions in
 * each language; another quality manager approves the draft with a signature; a survey is sent by
 * hand from the programme's Surveys tab and a link without an e-mail address is shown once; the
 * results say "fewer than 5" where a figure would give people away; free text is redacted before
 * it reaches the results; a deviation is opened from a result.
 */
import { day, unique } from './support/api.js';
import { expect, expectAccessible, signIn, test } from './support/fixtures.js';
import { PASSWORD, makeWorld } from './support/world.js';
import type { World } from './support/world.js';

let world: World;
let surveyId: string;
let key: string;
let title: string;

const tr = (en: string, sv: string, nb: string) => ({ en, sv, nb });

test.beforeAll(async () => {
  world = await makeWorld(process.env.QMS_URL_POSTGRES!);
  const tag = unique();
  key = `browser-mentors-${tag}`;
  title = `Mentor survey ${tag}`;
  const survey = await world.qm.api.post<{ id: string }>('/api/surveys', {
    content: {
      key,
      audience: 'mentor',
      title: tr(title, `Mentorsenkät ${tag}`, `Mentorundersøkelse ${tag}`),
      intro: tr('How was being a mentor?', 'Hur var det att vara mentor?', 'Hvordan var det å være mentor?'),
      privacy: tr('Answers are shown only as totals.', 'Svaren visas bara som summor.', 'Svarene vises bare som summer.'),
      questions: [
        {
          key: 'support',
          type: 'scale',
          label: tr('How well were you supported?', 'Hur väl fick du stöd?', 'Hvor godt ble du støttet?'),
          required: true,
        },
        {
          key: 'comments',
          type: 'text',
          label: tr('What should we change?', 'Vad borde vi ändra?', 'Hva bør vi endre?'),
          required: false,
        },
      ],
    },
    changeSummary: 'First version',
  });
  surveyId = survey.id;
});

test('a quality manager reads a draft in Swedish; another approves it with a signature', async ({ page }) => {
  await signIn(page, world.qm.email, PASSWORD);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Surveys' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Surveys' })).toBeVisible();
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: title }) });
  await expect(row.getByText('Draft')).toBeVisible();
  await expect(row.getByText('None in force')).toBeVisible();
  await expectAccessible(page, 'the survey library');

  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await page.getByText('Show the 2 questions').click();
  await page.getByLabel('Read the texts in').selectOption({ label: 'Svenska' });
  await expect(page.getByText('Hur väl fick du stöd?')).toBeVisible();
  await expect(page.getByText('You wrote this version, so another quality manager approves it.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Approve' })).toHaveCount(0);
  await expectAccessible(page, 'a survey with its draft');
  const url = page.url();
  await page.getByRole('button', { name: 'Sign out' }).click();

  await signIn(page, world.qm2.email, PASSWORD);
  await page.goto(url);
  await page.getByRole('button', { name: 'Approve' }).click();
  await page.getByRole('dialog').getByLabel('Comment').fill('Fit for use');
  await page.getByRole('dialog').getByRole('button', { name: 'Continue to signature' }).click();
  const sign = page.getByRole('dialog', { name: 'Sign' });
  await expect(sign).toContainText(key);
  await expect(sign).toContainText('Content (SHA-256)');
  await expectAccessible(page, 'the signature dialog of a survey version');
  await sign.getByLabel('Password').fill(PASSWORD);
  await sign.getByRole('button', { name: 'Sign' }).click();
  await expect(page.getByText('Effective', { exact: true })).toBeVisible();
  await expect(page.getByText(/Signed by Johan Second/)).toBeVisible();
});

test('a quality manager sends the survey from the programme, hands out a link, and reads the results with small cells hidden', async ({
  page,
}) => {
  const approved = await world.qm.api.get<{ effectiveVersion: number | null }>(`/api/surveys/${surveyId}`);
  // Approved by the test before; approved here when this test runs alone.
  if (approved.effectiveVersion === null)
    await world.qm2.api.post(`/api/surveys/${surveyId}/versions/1/approve`, {
      password: PASSWORD,
      comment: 'Fit for use',
      effectiveOn: day(0),
    });
  await signIn(page, world.qm2.email, PASSWORD);
  await page.goto(`/programmes/${world.programme.id}/surveys`);
  await expect(page.getByRole('heading', { name: 'Survey plan' })).toBeVisible();
  await expectAccessible(page, "a programme's surveys before any is sent");

  // Planned: at the programme's end.
  await page.getByRole('button', { name: 'Plan a survey' }).click();
  const plan = page.getByRole('dialog', { name: 'Plan a survey' });
  await plan.getByLabel('Survey', { exact: true }).selectOption({ label: `${title} (Mentors)` });
  await plan.getByLabel('Counted from').selectOption({ label: "the programme's end" });
  await plan.getByLabel('Days after').fill('14');
  await expectAccessible(page, 'the plan dialog');
  await plan.getByRole('button', { name: 'Add to the plan' }).click();
  await expect(page.getByRole('table', { name: 'One planned survey' }).getByText("14 days after the programme's end")).toBeVisible();

  // Sent now, to every mentor.
  await page.getByRole('button', { name: 'Send a survey now' }).click();
  const send = page.getByRole('dialog', { name: 'Send a survey now' });
  await send.getByLabel('Survey', { exact: true }).selectOption({ label: `${title} (Mentors)` });
  await expectAccessible(page, 'the send dialog');
  await send.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByText('3 invitations made.')).toBeVisible();
  const rates = page.getByRole('table', { name: 'Response rates' });
  await expect(rates.getByRole('row').filter({ hasText: key })).toContainText('0%');

  // A mentor without an e-mail address gets the link in person: shown once.
  const code = world.mentors[0].code;
  await page.getByRole('button', { name: `Show the link for ${code}` }).click();
  const shown = page.getByRole('dialog', { name: `Link for ${code}` });
  await expect(shown).toContainText('It is shown only now');
  await expectAccessible(page, 'a handed-out link');
  const link = await shown.getByLabel('Link to the survey').inputValue();
  await shown.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('button', { name: `Show the link for ${code}` })).toHaveCount(0);

  // The mentor answers, with a name in the free text.
  const token = link.split('/').pop()!;
  const answered = await fetch(new URL(`/api/survey-invitations/${token}/answers`, page.url()), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ answers: { support: 2, comments: 'Erik Holm never answered my calls.' } }),
  });
  expect(answered.status).toBe(200);
  await page.reload();
  await expect(rates.getByRole('row').filter({ hasText: key })).toContainText('33%');

  await page.getByRole('link', { name: `Results of ${title}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Results: ${title}` })).toBeVisible();
  await expect(page.getByLabel('Programme', { exact: true })).toHaveValue(world.programme.id);
  await expect(page.getByText('Fewer than 5 answers: the distribution is not shown.')).toBeVisible();
  await expect(page.getByText('Answers: fewer than 5').first()).toBeVisible();
  await expect(page.getByRole('table', { name: 'By programme and role' }).getByText('fewer than 5 answers').first()).toBeVisible();
  await expect(page.getByText('Erik Holm')).toHaveCount(0);
  await expectAccessible(page, 'survey results with small cells hidden');

  // The free text is redacted before it reaches the results.
  await page.goto('/surveys/free-text');
  await expect(page.getByRole('heading', { level: 1, name: 'Free-text answers to review' })).toBeVisible();
  const answer = page.getByRole('article').filter({ hasText: 'Erik Holm never answered my calls.' });
  await expectAccessible(page, 'the free-text review queue');
  await answer.getByRole('button', { name: 'Redact' }).click();
  await answer.getByLabel('Text shown instead').fill('My mentor did not answer my calls.');
  await answer.getByRole('button', { name: 'Redact with this text' }).click();
  await expect(page.getByText('The answer is redacted.')).toBeVisible();
  await expect(page.getByRole('article').filter({ hasText: 'Erik Holm' })).toHaveCount(0);
  await page.getByLabel('Show').selectOption({ label: 'Reviewed' });
  await expect(page.getByText('Shown as: My mentor did not answer my calls.')).toBeVisible();

  await page.goto(`/surveys/${surveyId}/results?programme=${world.programme.id}`);
  await expect(page.getByRole('heading', { level: 1, name: `Results: ${title}` })).toBeVisible();
  // One answer in its cohort: even reviewed, its text stays out of the results (fewer than 5 people).
  await expect(page.getByText('My mentor did not answer my calls.')).toHaveCount(0);
  await expect(page.getByText('Erik Holm')).toHaveCount(0);

  // A deviation opened from the result.
  await page.getByRole('button', { name: `Open a deviation or improvement for ${world.programme.name}` }).click();
  const act = page.getByRole('dialog', { name: `Act on a result: ${world.programme.name}` });
  await act.getByLabel('Title').fill('Mentors feel unsupported');
  await act.getByLabel('Description').fill('The mentor survey scores support low.');
  await expectAccessible(page, 'the dialog that opens a deviation from a result');
  await act.getByRole('button', { name: 'Open the deviation' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Mentors feel unsupported/ })).toBeVisible();
});

test("a programme leader on a phone in Swedish reads the programme's surveys and the results without sideways scrolling", async ({
  page,
}) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await signIn(page, world.leader.email, PASSWORD);
  await page.getByLabel('Language').selectOption({ label: 'Svenska' });
  await expect(page.getByRole('button', { name: 'Logga ut' })).toBeVisible();
  await page.goto(`/programmes/${world.programme.id}/surveys`);
  await expect(page.getByRole('heading', { name: 'Enkätplan' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Skicka en enkät nu' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Svarsfrekvens' })).toBeVisible();
  const width = () => page.evaluate(() => document.documentElement.scrollWidth);
  expect(await width()).toBeLessThanOrEqual(375);
  await expectAccessible(page, "a programme's surveys at 375 px in Swedish");

  await page.goto(`/surveys/${surveyId}/results?programme=${world.programme.id}`);
  await expect(page.getByRole('heading', { level: 1, name: /^Resultat: / })).toBeVisible();
  await expect(page.getByText('Färre än 5 svar: fördelningen visas inte.')).toBeVisible();
  expect(await width()).toBeLessThanOrEqual(375);
  await expectAccessible(page, 'survey results at 375 px in Swedish');
  await world.leader.api.request('PATCH', '/api/users/me', { language: 'en' }, 200);
});
