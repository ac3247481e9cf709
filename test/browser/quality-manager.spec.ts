/**
 * A quality manager's work: programmes created, activated and migrated to a new procedure version;
 * deviations filtered, analysed and closed with a signature; a corrective action planned and its
 * effectiveness judged by someone other than its owner; a stale record and a lost connection.
 */
import { PASSWORD, makeWorld } from './support/world.js';
import type { World } from './support/world.js';
import { day } from './support/api.js';
import { expect, expectAccessible, signIn, test } from './support/fixtures.js';

let world: World;
test.beforeAll(async () => {
  world = await makeWorld(process.env.QMS_URL_POSTGRES!);
});

test('creates and activates a programme, then migrates its plan to a newly approved version', async ({ page }) => {
  await signIn(page, world.qm.email, PASSWORD);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Programmes' }).click();
  await expect(page.getByRole('table', { name: 'Programmes you may see' })).toBeVisible();
  await expectAccessible(page, 'the programme list');
  await page.getByRole('button', { name: 'New programme' }).click();
  const dialog = page.getByRole('dialog', { name: 'New programme' });
  await dialog.getByLabel('Name').fill('Mentorskap hösten');
  await dialog.getByLabel('Description').fill('An autumn cohort.');
  await dialog.getByLabel('Target group').fill('Engineers with a degree from abroad');
  await dialog.getByLabel('Start date').fill(day(40));
  await dialog.getByLabel('End date').fill(day(300));
  await dialog.getByRole('checkbox', { name: world.leader.name }).check();
  await expectAccessible(page, 'the new programme dialog');
  await dialog.getByRole('button', { name: 'Create programme' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mentorskap hösten' })).toBeVisible();
  await expect(page.getByText('Planned', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Activate programme' }).click();
  const plan = page.getByRole('table', { name: 'Procedure versions pinned for this programme' });
  // Every procedure in force is pinned (other tests may add procedures to the shared database).
  const inForce = (await world.qm.api.get<{ effectiveVersion: number | null }[]>('/api/procedures')).filter(
    (p) => p.effectiveVersion,
  ).length;
  await expect(plan.getByRole('row')).toHaveCount(inForce + 1);

  // A second version of the matching procedure is approved (through the API, by two quality managers).
  const current = await world.qm.api.get<{ definition: Record<string, unknown> }>('/api/procedures/matching/versions/1');
  const draft = await world.qm.api.post<{ number: number }>('/api/procedures/matching/versions', {
    definition: { ...current.definition, purpose: { en: 'Match each adept with a mentor of the same profession, and say why.' } },
    changeSummary: 'Purpose reworded',
  });
  await world.qm.api.post(`/api/procedures/matching/versions/${draft.number}/submit`);
  await world.qm2.api.post(`/api/procedures/matching/versions/${draft.number}/approve`, { password: PASSWORD, comment: 'Approved' });

  await page.reload();
  const row = plan.getByRole('row', { name: /Matching of mentor and adept/ });
  await row.getByRole('button', { name: `Migrate to version ${draft.number}` }).click();
  const migrate = page.getByRole('dialog', { name: /Migrate Matching of mentor and adept/ });
  await migrate.getByLabel('Reason').fill('The new purpose asks for a rationale.');
  await migrate.getByRole('button', { name: 'Migrate' }).click();
  await expect(row.getByRole('cell').nth(1)).toHaveText(String(draft.number));
});

test('deviations: filters in the URL, analysis, a corrective action, closure signed', async ({ page }) => {
  await signIn(page, world.qm.email, PASSWORD);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Deviations' }).click();
  await page.getByRole('link', { name: 'Record deviation' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Record a deviation' })).toBeVisible();
  await page.getByLabel('Programme').selectOption({ label: world.programme.name });
  await page.getByRole('button', { name: 'Record deviation' }).click();
  // Empty fields: the service's field errors appear on the fields.
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('textbox', { name: 'Title' }).fill('Mentor not told about the confidentiality rules');
  await page.getByRole('textbox', { name: 'Description' }).fill('A mentor said in the feedback that nobody explained what may be shared.');
  await page.getByLabel('Severity').selectOption({ label: 'Major' });
  await page.getByLabel('Source').selectOption({ label: 'Participant feedback' });
  await expectAccessible(page, 'the deviation form');
  await page.getByRole('button', { name: 'Record deviation' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Mentor not told about the confidentiality rules/ })).toBeVisible();
  const reference = (await page.getByRole('heading', { level: 1 }).textContent())!.split(':')[0];

  await page.goto('/deviations');
  await page.getByLabel('Severity').selectOption({ label: 'Major' });
  await page.getByLabel('Source').selectOption({ label: 'Participant feedback' });
  await expect(page).toHaveURL(/severity=major/);
  await expect(page).toHaveURL(/source=participant_feedback/);
  await page.reload();
  await expect(page.getByLabel('Severity')).toHaveValue('major');
  const list = page.getByRole('table', { name: /deviation/ });
  await expect(list.getByRole('row', { name: new RegExp(reference) })).toBeVisible();
  await expectAccessible(page, 'the filtered deviation list');
  await list.getByRole('link', { name: reference }).click();

  await page.getByRole('button', { name: 'Start analysis' }).click();
  let dialog = page.getByRole('dialog', { name: 'Start analysis' });
  await dialog.getByLabel('Comment').fill('Taken up with the programme leader.');
  await dialog.getByRole('button', { name: 'Start analysis' }).click();
  await expect(page.getByText('Analysis', { exact: true }).first()).toBeVisible();

  await page.getByRole('button', { name: 'Agree action plan' }).click();
  dialog = page.getByRole('dialog', { name: 'Agree action plan' });
  await dialog.getByLabel('Root cause').fill('The introduction day agenda has no item on confidentiality.');
  await dialog.getByLabel('Comment').fill('Agreed with the leader.');
  await dialog.getByRole('button', { name: 'Agree action plan' }).click();
  await expect(page.getByRole('region', { name: 'Analysis' })).toContainText('The introduction day agenda has no item on confidentiality.');

  await page.getByRole('link', { name: 'Plan corrective action' }).click();
  await page.getByLabel('What will be done').fill('Add confidentiality to the introduction day agenda and the handbook.');
  await page.getByLabel('Owner').selectOption({ label: world.leader.name });
  await page.getByLabel('Effectiveness criterion').fill('Every mentor of the next cohort confirms the rules in the mid-point follow-up.');
  // Judged at once here, so the test can close it today (the default waits 30 days after implementation).
  await page.getByLabel('Days after implementation before effectiveness is judged').fill('0');
  await expectAccessible(page, 'the corrective action form');
  await page.getByRole('button', { name: 'Plan action' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /CA-.*Corrective action/ })).toBeVisible();
  const actionUrl = page.url();
  // The quality manager is not the owner: the owner's steps are open to a quality manager as well.
  await expect(page.getByRole('button', { name: 'Start' })).toBeEnabled();

  await page.getByRole('link', { name: reference }).click();
  await page.getByRole('button', { name: 'Start carrying out' }).click();
  dialog = page.getByRole('dialog', { name: 'Start carrying out' });
  await dialog.getByLabel('Comment').fill('The action is planned.');
  await dialog.getByRole('button', { name: 'Start carrying out' }).click();
  // Closing waits for the corrective action, and the disabled button says why.
  await expect(page.getByRole('button', { name: 'Close deviation' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Close deviation' })).toHaveAccessibleDescription(
    'Close or cancel every linked corrective action first.',
  );
  await expectAccessible(page, 'a deviation in progress');

  // The owner carries it out (through the API here; the leader's own spec does it in the console).
  const owner = world.leader.api;
  const id = actionUrl.split('/').pop()!;
  await owner.post(`/api/corrective-actions/${id}/transitions`, { to: 'in_progress', comment: 'Started' });
  await owner.post(`/api/corrective-actions/${id}/transitions`, { to: 'implemented', comment: 'Done', evidence: 'Agenda v3' });
  await owner.post(`/api/corrective-actions/${id}/transitions`, { to: 'effectiveness_check', comment: 'Ready for the check' });

  await page.goto(actionUrl);
  await page.getByRole('button', { name: 'Effective: close with signature' }).click();
  dialog = page.getByRole('dialog', { name: 'Effective: close with signature' });
  await dialog.getByLabel('Evidence').fill('All six mentors confirmed the rules at the mid-point follow-up.');
  await dialog.getByLabel('Comment').fill('Effective.');
  await dialog.getByRole('button', { name: 'Continue to signature' }).click();
  const sign = page.getByRole('dialog', { name: 'Sign' });
  await expect(sign).toContainText('Closed as effective: the effectiveness criterion is met');
  await expect(sign).toContainText('Add confidentiality to the introduction day agenda');
  await expect(sign).toContainText(world.qm.name);
  await expectAccessible(page, 'the signature dialog');
  await sign.getByLabel('Password').fill('not-my-password');
  await sign.getByRole('button', { name: 'Sign' }).click();
  await expect(sign.getByRole('alert')).toHaveText('The password is wrong. The signature was not made.');
  await sign.getByLabel('Password').fill(PASSWORD);
  await sign.getByRole('button', { name: 'Sign' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'History' })).toContainText(`Signed by ${world.qm.name}`);

  await page.getByRole('link', { name: reference }).click();
  await page.getByRole('button', { name: 'Close deviation' }).click();
  dialog = page.getByRole('dialog', { name: 'Close deviation' });
  await dialog.getByLabel('Comment').fill('Corrected and effective.');
  await dialog.getByRole('button', { name: 'Continue to signature' }).click();
  const closeSign = page.getByRole('dialog', { name: 'Sign' });
  await expect(closeSign).toContainText('Closed: the deviation is corrected and its actions are effective');
  await expect(closeSign).toContainText(reference);
  await closeSign.getByLabel('Password').fill(PASSWORD);
  await closeSign.getByRole('button', { name: 'Sign' }).click();
  await expect(page.getByRole('list', { name: 'History' })).toContainText(`Signed by ${world.qm.name}`);
  await expect(page.getByRole('button', { name: 'Reopen' })).toBeVisible();
  await expectAccessible(page, 'a closed deviation with its timeline');
});

test('an improvement action without a deviation names its source, and the list filters by source', async ({ page }) => {
  await signIn(page, world.qm.email, PASSWORD);
  await page.goto('/corrective-actions');
  await page.getByRole('link', { name: 'Plan an improvement action' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Plan an improvement action' })).toBeVisible();
  await page.getByLabel('Type').selectOption('improvement');
  await page.getByLabel('Source', { exact: true }).selectOption('internal_audit');
  await page.getByLabel('The source in words').fill('Audit of matching, opportunity 2: feedback to mentors');
  await page.getByRole('textbox', { name: 'What will be done' }).fill('A two-hour course for mentors in giving feedback.');
  await page.getByLabel('Due date').fill(day(45));
  await page
    .getByRole('textbox', { name: 'Effectiveness criterion' })
    .fill('Mentor feedback scores 4 of 5 or better at the next follow-ups.');
  await expectAccessible(page, 'the improvement action form');
  await page.getByRole('button', { name: 'Plan action' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^CA-/ })).toBeVisible();
  await expect(page.getByText(/Source: Internal audit \(Audit of matching/)).toBeVisible();
  await page.goto('/corrective-actions?source=internal_audit');
  await expect(page.getByRole('cell', { name: /Internal audit: Audit of matching/ }).first()).toBeVisible();
  await expectAccessible(page, 'actions filtered by source');
});

test('someone else changed the record: the console says so and reloads it', async ({ page }) => {
  const d = await world.leader.api.post<{ id: string; version: number }>('/api/deviations', {
    programmeId: world.programme.id,
    title: 'Room booked twice',
    description: 'Two interviews were booked in the same room.',
    severity: 'minor',
    source: 'manual',
    detectedAt: new Date().toISOString(),
  });
  await signIn(page, world.qm.email, PASSWORD);
  await page.goto(`/deviations/${d.id}`);
  await page.getByRole('button', { name: 'Edit analysis' }).click();
  await page.getByLabel('Containment').fill('Moved one interview to the library.');
  // Meanwhile the leader records the containment too.
  const res = await fetch(`${process.env.QMS_URL_POSTGRES}/api/deviations/${d.id}`, {
    method: 'PATCH',
    headers: { Authorization: `Bearer ${world.leader.api.token}`, 'Content-Type': 'application/json', 'If-Match': `"${d.version}"` },
    body: JSON.stringify({ containment: 'Second room booked at the town hall.' }),
  });
  expect(res.status).toBe(200);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('alert')).toContainText('Someone else changed this record since you opened it.');
  await expectAccessible(page, 'a stale record');
  await page.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByRole('region', { name: 'Analysis' })).toContainText('Second room booked at the town hall.');
});

test('a lost connection offers to try again', async ({ page, consoleErrors }) => {
  await signIn(page, world.qm.email, PASSWORD);
  await page.route('**/api/corrective-actions**', (route) => route.abort('internetdisconnected'));
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Corrective actions' }).click();
  await expect(page.getByRole('alert')).toContainText('The service cannot be reached. Check your connection and try again.');
  await page.unroute('**/api/corrective-actions**');
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(
    page.getByRole('table', { name: /corrective action/ }).or(page.getByText('No corrective actions match these filters.')),
  ).toBeVisible();
  // The browser reports the refused requests in its console: those were this test's doing.
  consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((e) => !e.includes('net::ERR_INTERNET_DISCONNECTED')));
});

test('indicators are charts with a text description and a table alternative', async ({ page }) => {
  await signIn(page, world.qm.email, PASSWORD);
  await page.goto(`/programmes/${world.programme.id}/indicators`);
  const outcomes = page.getByRole('figure', { name: 'Outcomes of the final evaluations' });
  await expect(outcomes.getByRole('img', { name: /Outcomes of the final evaluations/ })).toBeVisible();
  await outcomes.getByText('Show as a table').click();
  await expect(outcomes.getByRole('table').getByRole('columnheader', { name: 'Value' })).toBeVisible();
  await expect(page.getByText('Adepts enrolled')).toBeVisible();
  await expectAccessible(page, 'the indicators tab');
});

test('a quality objective shows its owner, deadline, status by text and icon, trend, plan and history by quarter', async ({ page }) => {
  const o = await world.qm.api.post<{ id: string }>('/api/quality-objectives', {
    programmeId: world.programme.id,
    indicator: 'open_deviations',
    comparator: '<=',
    target: 50,
    title: `Few open deviations ${day(0)}`,
  });
  await signIn(page, world.qm.email, PASSWORD);
  await page.goto(`/programmes/${world.programme.id}/indicators`);
  const card = page.getByRole('region', { name: `Few open deviations ${day(0)}` });
  await expect(card.getByText(/^Owner .* · deadline /)).toBeVisible();
  await expect(card.getByText('Met', { exact: true })).toBeVisible();
  await expect(card.getByText('No measurement recorded yet.')).toBeVisible();
  await card.getByRole('button', { name: "Record this quarter's measurement" }).click();
  await expect(card.getByRole('table', { name: 'Measurements by quarter' }).getByRole('cell', { name: /^\d{4}-Q[1-4]$/ })).toBeVisible();
  await expectAccessible(page, 'a quality objective with its history');
  const stored = await world.qm.api.get<{ history: unknown[] }>(`/api/quality-objectives/${o.id}`);
  expect(stored.history).toHaveLength(1);
});

test('a quality manager sets an objective in percent (kept as a fraction), is told at the field when the target is out of range, and changes it with a reason', async ({
  page,
}) => {
  const title = `Adepts complete ${day(0)} ${Date.now()}`;
  await signIn(page, world.qm.email, PASSWORD);
  await page.goto(`/programmes/${world.programme.id}/indicators`);
  await page.getByRole('button', { name: 'New objective' }).click();
  const dialog = page.getByRole('dialog', { name: 'New quality objective' });
  await dialog.getByLabel('Objective').fill(title);
  await dialog.getByLabel('Measure').selectOption({ label: 'Adepts who completed' });
  await dialog.getByLabel('Comparison').selectOption({ label: 'at least' });
  const target = dialog.getByLabel('Target (percent)');
  await expect(target).toHaveAccessibleDescription(/90 means 90 % \(kept as 0\.9\)/);
  // 150 % is sent as 1.5: no rate reaches it, and the service's refusal is said at the field.
  await target.fill('150');
  // The owner proposed is the quality manager setting it.
  await expect(dialog.getByLabel('Owner')).toHaveValue(world.qm.id);
  await dialog.getByLabel('Deadline').fill(day(60));
  await dialog.getByRole('button', { name: 'Set the objective' }).click();
  await expect(target).toHaveAccessibleDescription(/The target can never be reached with this measure\./);
  await expectAccessible(page, 'the new objective dialog with a refused target');
  await target.fill('92.5');
  await dialog.getByRole('button', { name: 'Set the objective' }).click();
  await expect(dialog).toBeHidden();
  const card = page.getByRole('region', { name: title });
  await expect(card.getByText(/target at least 92\.5\s?%/)).toBeVisible();
  const listed = await world.qm.api.get<
    { id: string; title: string; indicator: string; comparator: string; target: number; version: number }[]
  >(`/api/quality-objectives?programmeId=${world.programme.id}`);
  const set = listed.find((o) => o.title === title)!;
  expect(set).toMatchObject({ indicator: 'completion_rate', comparator: '>=', target: 0.925, version: 1 });

  // Someone else changes it while the dialog is open: the version sent (If-Match) is stale, the console says so.
  await card.getByRole('button', { name: `Edit ${title}` }).click();
  const edit = page.getByRole('dialog', { name: `Change the objective: ${title}` });
  const res = await fetch(`${process.env.QMS_URL_POSTGRES}/api/quality-objectives/${set.id}`, {
    method: 'PATCH',
    headers: { Authorization: `Bearer ${world.qm.api.token}`, 'Content-Type': 'application/json', 'If-Match': '"1"' },
    body: JSON.stringify({ deadline: day(90), reason: 'Moved with the cohort.' }),
  });
  expect(res.status).toBe(200);
  await edit.getByLabel('Reason for the change').fill('A stale change.');
  await edit.getByRole('button', { name: 'Save the change' }).click();
  await expect(edit.getByRole('alert')).toContainText('Someone else changed this record since you opened it.');
  await edit.getByRole('button', { name: 'Reload' }).click();
  await expect(edit).toBeHidden();

  // The change needs a reason; it is sent with the version read (If-Match) and kept in the audit trail.
  await card.getByRole('button', { name: `Edit ${title}` }).click();
  await expect(edit.getByLabel('Target (percent)')).toHaveValue(/^92\.5/);
  await edit.getByLabel('Target (percent)').fill('95');
  await edit.getByLabel('Reason for the change').fill('The board raised the bar after the last review.');
  await expectAccessible(page, 'the change objective dialog');
  await edit.getByRole('button', { name: 'Save the change' }).click();
  await expect(edit).toBeHidden();
  await expect(card.getByText(/target at least 95\s?%/)).toBeVisible();
  const changed = await world.qm.api.get<{ target: number; version: number }>(`/api/quality-objectives/${set.id}`);
  expect(changed).toMatchObject({ target: 0.95, deadline: day(90), version: 3 });
});

test('a correction that would clear a nonconformity awaits approval; approved with a signature, it shows as conforming after correction', async ({
  page,
}) => {
  // Through the API, as the leader: the cohort's introduction day completed without its participation
  // agreements (nonconforming), then the forgotten step added as a correction, held for a quality manager.
  const leader = world.leader.api;
  const e = await leader.post<{ id: string }>(`/api/programmes/${world.programme.id}/executions`, {
    procedureKey: 'introduction-day',
    subject: { cohort: true },
  });
  // The steps must lie after the version became effective (the world adopted the baseline moments
  // ago) and before the minute the console's form proposes for the added step (it is ordered last):
  // when both fall in this minute, wait for the next one.
  test.setTimeout(120_000);
  const version = await leader.get<{ effectiveFrom: string }>('/api/procedures/introduction-day/versions/1');
  const effective = new Date(version.effectiveFrom).getTime();
  const minuteStart = (ms: number) => ms - (ms % 60_000);
  if (effective + 4_000 >= minuteStart(Date.now()))
    await new Promise((r) => setTimeout(r, minuteStart(effective) + 60_000 - Date.now() + 1_000));
  const ago = (order: number) => new Date(effective + (6 - order) * 1_000).toISOString();
  const steps: [string, Record<string, unknown>, number][] = [
    ['working_forms', { working_forms_presented: true }, 5],
    ['rules_and_content', { rules_presented: true, content_presented: true }, 4],
    ['attendance', { adepts_present: 3, mentors_present: 3 }, 3],
  ];
  for (const [stepKey, values, at] of steps) await leader.post(`/api/executions/${e.id}/steps`, { stepKey, values, performedAt: ago(at) });
  const done = await leader.post<{ findings: { rule: string; stepKey?: string }[] }>(`/api/executions/${e.id}/complete`);
  expect(done.findings.map((f) => `${f.rule} ${f.stepKey}`)).toEqual(['missing_step participation_agreements']);
  // The leader adds the forgotten step in the console, as a correction with a reason: it is held.
  await signIn(page, world.leader.email, PASSWORD);
  await page.goto(`/executions/${e.id}`);
  const agreements = page.getByRole('region', { name: 'Participation agreements signed' });
  await agreements.getByRole('button', { name: 'Add as a correction' }).click();
  const form = agreements.getByRole('form', { name: 'Add after completion: Participation agreements signed' });
  await form
    .getByRole('radiogroup', { name: /Participation agreements signed by all/ })
    .getByLabel('Yes')
    .check();
  await form.getByLabel('Why the step is added after completion').fill('Signed on the day but not recorded before completion');
  await expectAccessible(page, 'adding a forgotten step to a completed execution');
  await form.getByRole('button', { name: 'Add step' }).click();
  await expect(page.getByText(/awaits a quality manager's approval/).first()).toBeVisible();
  await expect(page.getByRole('region', { name: /added after completion/ }).getByText('Awaiting approval', { exact: true })).toBeVisible();
  // Still nonconforming, and the leader is offered no decision.
  await expect(page.getByRole('button', { name: 'Approve' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Sign out' }).click();

  await signIn(page, world.qm.email, PASSWORD);
  const section = page.getByRole('region', { name: /Corrections awaiting approval/ });
  await section
    .getByRole('link', { name: /introduction-day/ })
    .first()
    .click();
  const correction = page.getByRole('region', { name: /added after completion/ });
  await expect(correction.getByText('Awaiting approval', { exact: true })).toBeVisible();
  await expectAccessible(page, 'an execution with a correction awaiting approval');
  await correction.getByLabel('Reason').fill('The decision letter is on file, dated before completion.');
  await correction.getByRole('button', { name: 'Approve' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign' });
  await expect(dialog.getByText('Correction approval')).toBeVisible();
  await dialog.getByLabel('Password').fill(PASSWORD);
  await dialog.getByRole('button', { name: 'Sign' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Conforming after correction' })).toBeVisible();
  await expect(correction.getByText('Approved', { exact: true })).toBeVisible();
  await expectAccessible(page, 'an execution conforming after correction');

  // The deviation the completion opened stays open, and shows how its execution was corrected.
  const deviations = await world.qm.api.get<{ items: { id: string; executionId: string | null; state: string }[] }>(
    `/api/deviations?programmeId=${world.programme.id}&limit=100`,
  );
  const deviation = deviations.items.find((d) => d.executionId === e.id)!;
  expect(deviation.state).toBe('open');
  await page.goto(`/deviations/${deviation.id}`);
  await expect(page.getByText('Conforming after correction').first()).toBeVisible();
  await expectAccessible(page, 'a deviation whose execution is conforming after correction');

  // The matrix shows the status in words and with an icon, linking to the execution.
  await page.goto(`/programmes/${world.programme.id}/conformance`);
  const cell = page.getByRole('link', { name: new RegExp(`^Conforming after correction: .*`) }).first();
  await expect(cell).toBeVisible();
  await expect(cell).toHaveAttribute('href', `/executions/${e.id}`);
  await expectAccessible(page, 'the matrix with a cell conforming after correction');
});
