import { linkToken, linkTokenKey } from '../../src/common/link-tokens.js';
import { expectStatus } from './programmes.js';
import { TEST_JWT_SECRET, bearer } from './test-app.js';
import type { TestApp, TestUser } from './test-app.js';

const text = (s: string) => ({ en: s, sv: `${s} (sv)`, nb: `${s} (nb)` });

/** A small survey: one scale question feeding an indicator, a choice, and free text. */
export function surveyContent(key: string, audience: 'adept' | 'mentor' | 'host' = 'adept') {
  return {
    key,
    audience,
    title: text('How was it?'),
    intro: text('Tell us about the programme.'),
    privacy: text('Your answers are kept under your code and shown only as totals of five or more.'),
    questions: [
      { key: 'overall', type: 'scale', label: text('All in all'), indicator: 'participant_satisfaction' },
      {
        key: 'recommend',
        type: 'choice',
        label: text('Would you recommend it?'),
        options: [
          { value: 'yes', label: text('Yes') },
          { value: 'no', label: text('No') },
        ],
      },
      { key: 'comments', type: 'text', required: false, label: text('Anything else?') },
    ],
  };
}

/** Creates a survey as `author` and has `approver` approve version 1 (in force today). */
export async function surveyInForce(
  t: TestApp,
  author: TestUser,
  approver: TestUser,
  key: string,
  audience: 'adept' | 'mentor' | 'host' = 'adept',
) {
  const created = expectStatus(
    await t.http
      .post('/api/surveys')
      .set(...bearer(author))
      .send({ content: surveyContent(key, audience) }),
    201,
    'creating a survey',
  ) as { id: string };
  expectStatus(
    await t.http
      .post(`/api/surveys/${created.id}/versions/1/approve`)
      .set(...bearer(approver))
      .send({ password: approver.password, comment: 'Reviewed' }),
    200,
    'approving the survey',
  );
  return created.id;
}

/** The token of an invitation's link, made as the mail is (from the stored nonce and the service's key). */
export async function tokenOf(t: TestApp, invitationId: string): Promise<string> {
  const [row] = await t.sql<{ nonce: string }>(`SELECT nonce FROM survey_invitation WHERE id = $1`, [invitationId]);
  return linkToken(linkTokenKey(TEST_JWT_SECRET), { purpose: 'survey-invitation', id: invitationId, nonce: row.nonce });
}

/**
 * A survey in force sent to the adepts of a programme, one invitation answered with free text: the
 * records the route table's survey operations point at.
 */
export async function surveyRecords(t: TestApp, author: TestUser, approver: TestUser, programmeId: string) {
  const surveyId = await surveyInForce(t, author, approver, 'world-survey');
  const sent = expectStatus(
    await t.http
      .post(`/api/programmes/${programmeId}/survey-sends`)
      .set(...bearer(approver))
      .send({ surveyKey: 'world-survey', audience: 'adept' }),
    201,
    'sending a survey',
  ) as { invitations: { id: string }[] };
  const [answered, open] = sent.invitations;
  const answeredToken = await tokenOf(t, answered.id);
  expectStatus(
    await t.http
      .post(`/api/survey-invitations/${answeredToken}/answers`)
      .send({ answers: { overall: 4, recommend: 'yes', comments: 'Good' } }),
    200,
    'answering it',
  );
  const [text] = await t.sql<{ id: string }>(`SELECT id FROM survey_text_answer ORDER BY id LIMIT 1`);
  return { surveyId, invitationId: open.id, token: await tokenOf(t, open.id), textAnswerId: text.id };
}
