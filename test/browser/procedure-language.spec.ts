/**
 * The step form of a procedure that uses the grown language: several choices and a checklist as
 * labelled checkboxes, a reason that becomes required as soon as the decision asks for it, what is
 * expected said in words, and a value other than expected judged in plain words. At 375 px.
 */
import { PASSWORD, makeWorld } from './support/world.js';
import type { World } from './support/world.js';
import { day, unique } from './support/api.js';
import { expect, expectAccessible, signIn, test } from './support/fixtures.js';

let world: World;
let executionId: string;
let procedureTitle: string;

test.beforeAll(async () => {
  world = await makeWorld(process.env.QMS_URL_POSTGRES!, { participants: false });
  const key = `language-${unique()}`;
  procedureTitle = `Admission talk ${key.slice(-6)}`;
  await world.qm.api.post('/api/procedures', {
    definition: {
      key,
      title: procedureTitle,
      purpose: 'Decide on admission.',
      subject: 'adept',
      responsibleRoles: ['programme_leader'],
      window: { anchor: 'enrolment', fromDays: -30, toDays: 60 },
      steps: [
        {
          key: 'talk',
          title: 'Talk',
          fields: [
            { key: 'consent', label: 'Consent given', type: 'boolean', expected: true },
            {
              key: 'topics',
              label: 'Topics discussed',
              type: 'multiselect',
              min: 1,
              max: 2,
              options: [
                { value: 'goals', label: 'Goals' },
                { value: 'work', label: 'Work' },
                { value: 'studies', label: 'Studies' },
              ],
            },
            {
              key: 'introduced',
              label: 'Introduced',
              type: 'checklist',
              items: [
                { key: 'premises', label: 'Premises' },
                { key: 'rules', label: 'House rules' },
              ],
            },
            {
              key: 'decision',
              label: 'Decision',
              type: 'enum',
              options: [
                { value: 'admitted', label: 'Admitted' },
                { value: 'not_admitted', label: 'Not admitted' },
              ],
            },
            { key: 'reason', label: 'Reason for the decision', type: 'text', requiredWhen: { field: 'decision', equals: 'not_admitted' } },
          ],
        },
      ],
    },
  });
  await world.qm.api.post(`/api/procedures/${key}/versions/1/submit`);
  await world.qm2.api.post(`/api/procedures/${key}/versions/1/approve`, { password: PASSWORD, comment: 'Approved' });
  const programme = await world.qm.api.post<{ id: string }>('/api/programmes', {
    name: `Language ${key}`,
    description: 'A programme for the procedure language.',
    targetGroup: 'Job-seekers',
    startDate: day(10),
    endDate: day(300),
    leaderIds: [world.leader.id],
  });
  await world.qm.api.post(`/api/programmes/${programme.id}/activate`);
  const adept = await world.leader.api.post<{ id: string }>(`/api/programmes/${programme.id}/participants`, {
    role: 'adept',
    fullName: 'Samir Aziz',
    gender: 'undisclosed',
    profession: 'Architect',
    enrolledAt: day(-1),
    consentRecordedAt: day(-1),
  });
  const started = await world.leader.api.post<{ id: string }>(`/api/programmes/${programme.id}/executions`, {
    procedureKey: key,
    subject: { participantId: adept.id },
  });
  executionId = started.id;
});

test('multiselect, checklist and a conditional reason at 375 px, and a value other than expected in words', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await signIn(page, world.leader.email, PASSWORD);
  await page.goto(`/executions/${executionId}`);
  const talk = page.getByRole('region', { name: 'Talk', exact: true });
  await expect(talk.getByText('Expected: Yes.')).toBeVisible();
  await expect(talk.getByText('Choose 1 to 2.')).toBeVisible();
  await expect(talk.getByText('Required when “Decision” is Not admitted.')).toBeVisible();
  const reason = talk.getByLabel(/Reason for the decision/);
  await expect(reason).toHaveJSProperty('required', false);
  await expectAccessible(page, 'a step form with checkboxes and a conditional field');

  // Keyboard: tick with the space bar.
  await talk.getByRole('checkbox', { name: 'Goals' }).focus();
  await page.keyboard.press('Space');
  await expect(talk.getByRole('checkbox', { name: 'Goals' })).toBeChecked();
  await talk.getByRole('checkbox', { name: 'Work' }).check();
  await talk.getByRole('checkbox', { name: 'Premises' }).check();
  await talk
    .getByRole('radiogroup', { name: /Consent given/ })
    .getByLabel('No')
    .check();

  // The reason becomes required as soon as the decision asks for it.
  await talk.getByLabel(/^Decision/).selectOption('not_admitted');
  await expect(reason).toHaveJSProperty('required', true);
  await talk.getByRole('button', { name: 'Record step' }).click();
  await expect(talk.getByText('This field is required.')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await expectAccessible(page, 'a conditional field refused at 375 px');

  await reason.fill('No place left this term.');
  await talk.getByRole('button', { name: 'Record step' }).click();
  await expect(talk.getByText('Recorded', { exact: true })).toBeVisible();
  await expect(talk).toContainText('Goals, Work');
  await expect(talk).toContainText('Premises');

  await page.getByRole('button', { name: 'Complete execution' }).click();
  const verdict = page.getByRole('status').filter({ hasText: 'Nonconforming' });
  await expect(verdict).toContainText('In “Talk”, “Consent given” was recorded as No; the procedure expects Yes.');
  await expect(verdict).toContainText(
    'In “Talk”, “Introduced” was recorded as Premises; the procedure expects Premises, House rules ticked.',
  );
  await expectAccessible(page, 'a judged execution with values other than expected');
  expect(procedureTitle).toBeTruthy();
});
