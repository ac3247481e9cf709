/**
 * Sending a survey and answering it through HTTP: sent by hand by a programme's leader (one
 * invitation each, a link handed out once where there is no address), answered without an account
 * in the recipient's language, once (two answers at once: one wins), declined, expired, unknown; the
 * token is nowhere in the database, and no name is in any survey table; free text waits for review.
 */
import { auditedBy } from './support/audit-events.js';
import { expectProblem, problemFields } from './support/expectations.js';
import { activateProgramme, addParticipant, createProgramme, expectStatus } from './support/programmes.js';
import { surveyInForce, tokenOf } from './support/surveys.js';
import { bearer, startTestApp } from './support/test-app.js';
import type { TestApp, TestUser } from './support/test-app.js';

const SURVEY_TABLES = [
  'survey',
  'survey_version',
  'survey_plan_entry',
  'survey_send',
  'survey_invitation',
  'survey_handout',
  'survey_response',
  'survey_text_answer',
  'survey_text_review',
  'survey_finding',
];

describe('survey invitations', () => {
  let t: TestApp;
  let qm: TestUser;
  let qm2: TestUser;
  let leader: TestUser;
  let otherLeader: TestUser;
  let auditor: TestUser;
  let programmeA: string;
  let adepts: { id: string; code: string; fullName: string }[];
  let unreachable: { id: string; code: string; fullName: string };
  let invitations: { id: string; recipient: { id: string; code: string | null }; delivery: string; language: string }[];
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    t = await startTestApp();
    t.setToday('2026-06-10');
    qm = await t.user(['quality_manager'], 'Quinn Quality');
    qm2 = await t.user(['quality_manager'], 'Astrid Approver');
    leader = await t.user(['programme_leader'], 'Leila Leader');
    otherLeader = await t.user(['programme_leader'], 'Olof Other');
    auditor = await t.user(['auditor'], 'Arne Auditor');
    const dates = { startDate: '2026-01-12', endDate: '2026-12-18' };
    programmeA = (await activateProgramme(t, qm, (await createProgramme(t, qm, { ...dates, leaderIds: [leader.id] })).id)).id;
    adepts = [];
    for (let i = 0; i < 6; i++) adepts.push(await addParticipant(t, leader, programmeA, { role: 'adept', enrolledAt: '2026-01-12' }));
    unreachable = expectStatus(
      await t.http
        .post(`/api/programmes/${programmeA}/participants`)
        .set(...bearer(leader))
        .send({
          role: 'adept',
          fullName: 'Zainab Noaddress',
          gender: 'female',
          profession: 'Nurse',
          enrolledAt: '2026-01-12',
          consentRecordedAt: '2026-01-12',
        }),
      201,
      'enrolling an adept without an address',
    );
    await addParticipant(t, leader, programmeA, { role: 'mentor', enrolledAt: '2026-01-12' });
    await surveyInForce(t, qm, qm2, 'adept-exit');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses a send by an auditor, by the leader of another programme, to the wrong audience, of an unknown survey', async () => {
    const send = (as: TestUser, body: Record<string, unknown>) =>
      t.http
        .post(`/api/programmes/${programmeA}/survey-sends`)
        .set(...bearer(as))
        .send(body);
    expectProblem(await send(auditor, { surveyKey: 'adept-exit', audience: 'adept' }), 403, 'forbidden_role');
    expectProblem(await send(otherLeader, { surveyKey: 'adept-exit', audience: 'adept' }), 404, 'not_found');
    const wrong = await send(leader, { surveyKey: 'adept-exit', audience: 'mentor' });
    expectProblem(wrong, 422, 'survey_audience_mismatch');
    expect(problemFields(wrong)).toEqual(['audience']);
    expectProblem(await send(leader, { surveyKey: 'no-such-survey', audience: 'adept' }), 422, 'unknown_survey');
    expectProblem(await send(leader, { surveyKey: 'adept-exit', audience: 'adept', recipientIds: [leader.id] }), 422, 'unknown_recipient');
    expect(await t.sql(`SELECT 1 FROM survey_send`)).toEqual([]);
  });

  it('sends by hand to every adept, one audited send: mailed where there is an address, handed out where not', async () => {
    const events = await auditedBy(t, async () => {
      const sent = expectStatus(
        await t.http
          .post(`/api/programmes/${programmeA}/survey-sends`)
          .set(...bearer(leader))
          .send({ surveyKey: 'adept-exit', audience: 'adept', expiresInDays: 14, language: 'sv' }),
        201,
        'sending',
      );
      invitations = sent.invitations;
    });
    expect(events.map((e) => e.action)).toEqual(['survey_send.create']);
    expect(invitations).toHaveLength(7);
    expect(invitations.every((i) => i.language === 'sv')).toBe(true);
    const byRecipient = new Map(invitations.map((i) => [i.recipient.id, i]));
    expect(byRecipient.get(unreachable.id)).toEqual(
      expect.objectContaining({
        delivery: 'handout',
        expiresOn: '2026-06-24',
        state: 'open',
        recipient: expect.objectContaining({ code: unreachable.code }),
      }),
    );
    expect(adepts.every((a) => byRecipient.get(a.id)?.delivery === 'mail')).toBe(true);
    // One mail per address on record, queued in the send's transaction; the link travels as a reference, never as its token.
    const mails = await t.sql<{ reason: string; params: { link: { purpose: string; id: string } } }>(
      `SELECT reason, params FROM mail_outbox WHERE template = 'survey-invitation' ORDER BY reason`,
    );
    expect(mails.map((x) => x.reason).sort()).toEqual(
      invitations
        .filter((i) => i.delivery === 'mail')
        .map((i) => `survey-invitation:${i.id}`)
        .sort(),
    );
    expect(mails.every((x) => x.params.link.purpose === 'survey-invitation')).toBe(true);
    // Sent again, nobody is left to ask.
    expectProblem(
      await t.http
        .post(`/api/programmes/${programmeA}/survey-sends`)
        .set(...bearer(leader))
        .send({ surveyKey: 'adept-exit', audience: 'adept' }),
      409,
      'survey_no_recipients',
    );
    // The list names recipients by code, never by name.
    const list = expectStatus(await t.http.get(`/api/programmes/${programmeA}/survey-invitations`).set(...bearer(auditor)), 200, 'listing');
    expect(JSON.stringify(list)).not.toMatch(/Testperson|Noaddress/);
    expectProblem(await t.http.get(`/api/programmes/${programmeA}/survey-invitations`).set(...bearer(otherLeader)), 404, 'not_found');
    for (const i of invitations) tokens.set(i.recipient.id, await tokenOf(t, i.id));
  });

  it('does not ask one person the same survey twice while an earlier link is answered, declined or open', async () => {
    const before = await t.sql(`SELECT id FROM survey_invitation`);
    const again = await t.http
      .post(`/api/programmes/${programmeA}/survey-sends`)
      .set(...bearer(leader))
      .send({ surveyKey: 'adept-exit', audience: 'adept', recipientIds: [unreachable.id] });
    expectProblem(again, 409, 'survey_already_asked');
    expect(problemFields(again)).toEqual(['recipientIds']);
    expect(await t.sql(`SELECT id FROM survey_invitation`)).toEqual(before);
  });

  it('hands the link of an invitation without an address out once, audited; a mailed one is not handed out', async () => {
    const handoutOf = (id: string, as = leader) =>
      t.http.post(`/api/programmes/${programmeA}/survey-invitations/${id}/handout`).set(...bearer(as));
    const noAddress = invitations.find((i) => i.recipient.id === unreachable.id)!;
    const events = await auditedBy(t, async () => {
      const shown = expectStatus(await handoutOf(noAddress.id), 200, 'handing out');
      expect(shown.token).toBe(tokens.get(unreachable.id));
      expect(shown.link).toMatch(new RegExp(`/s/${shown.token}$`));
    });
    expect(events.map((e) => [e.action, e.entity_id])).toEqual([['survey_invitation.hand_out', noAddress.id]]);
    expect(JSON.stringify(events)).not.toContain(tokens.get(unreachable.id));
    expectProblem(await handoutOf(noAddress.id), 409, 'survey_link_handed_out');
    expectProblem(await handoutOf(invitations.find((i) => i.delivery === 'mail')!.id), 409, 'survey_handout_not_needed');
    expectProblem(await handoutOf(noAddress.id, auditor), 403, 'forbidden_role');
  });

  it('shows the survey in the recipient language, with what is done with the answers, and nothing about them', async () => {
    const res = await t.http.get(`/api/survey-invitations/${tokens.get(adepts[0].id)}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(
      expect.objectContaining({
        language: 'sv',
        title: 'How was it? (sv)',
        privacy: expect.stringContaining('(sv)'),
        expiresOn: '2026-06-24',
      }),
    );
    expect(res.body.questions.map((q: { key: string; type: string }) => `${q.key}:${q.type}`)).toEqual([
      'overall:scale',
      'recommend:choice',
      'comments:text',
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(new RegExp(`${adepts[0].fullName}|${adepts[0].code}`));
  });

  it('answers 404 to an unknown or malformed token, before any lookup', async () => {
    expectProblem(await t.http.get(`/api/survey-invitations/${'A'.repeat(43)}`), 404, 'not_found');
    expectProblem(await t.http.get('/api/survey-invitations/short'), 404, 'not_found');
    expectProblem(await t.http.post(`/api/survey-invitations/${'b'.repeat(43)}/decline`), 404, 'not_found');
  });

  it('refuses answers that do not fit the questions, naming each; nothing is stored', async () => {
    const res = await t.http
      .post(`/api/survey-invitations/${tokens.get(adepts[0].id)}/answers`)
      .send({ answers: { overall: 7, recommend: 'maybe', extra: 1 } });
    expectProblem(res, 422, 'survey_answer_invalid');
    expect(problemFields(res).sort()).toEqual(['answers.extra', 'answers.overall', 'answers.recommend']);
    const missing = await t.http
      .post(`/api/survey-invitations/${tokens.get(adepts[0].id)}/answers`)
      .send({ answers: { recommend: 'yes' } });
    expectProblem(missing, 422, 'survey_answer_invalid');
    expect(problemFields(missing)).toEqual(['answers.overall']);
    expect(await t.sql(`SELECT 1 FROM survey_response`)).toEqual([]);
  });

  it('takes the first answer and refuses a second (410 survey_link_used); of two at once, one wins', async () => {
    const token = tokens.get(adepts[0].id)!;
    const events = await auditedBy(t, async () => {
      const res = await t.http
        .post(`/api/survey-invitations/${token}/answers`)
        .send({ answers: { overall: 4, recommend: 'yes', comments: 'Ahmed my mentor was great, call me on 070-1234567' } });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ outcome: 'answered', at: expect.any(String) });
    });
    expect(events.map((e) => e.action)).toEqual(['survey_invitation.answer']);
    expect(events[0].actor_id).toBeNull();
    expectProblem(
      await t.http.post(`/api/survey-invitations/${token}/answers`).send({ answers: { overall: 1, recommend: 'no' } }),
      410,
      'survey_link_used',
    );
    expectProblem(await t.http.get(`/api/survey-invitations/${token}`), 410, 'survey_link_used');
    expectProblem(await t.http.post(`/api/survey-invitations/${token}/decline`), 410, 'survey_link_used');

    const racing = tokens.get(adepts[1].id)!;
    const both = await Promise.all([
      t.http.post(`/api/survey-invitations/${racing}/answers`).send({ answers: { overall: 5, recommend: 'yes' } }),
      t.http.post(`/api/survey-invitations/${racing}/answers`).send({ answers: { overall: 2, recommend: 'no' } }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 410]);
    expect(both.find((r) => r.status === 410)!.body.code).toBe('survey_link_used');
    const [{ n }] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM survey_response r JOIN survey_invitation i ON i.id = r.invitation_id WHERE i.recipient_id = $1`,
      [adepts[1].id],
    );
    expect(n).toBe(1);
  });

  it('declines once; the link is then used', async () => {
    const token = tokens.get(adepts[2].id)!;
    const res = await t.http.post(`/api/survey-invitations/${token}/decline`);
    expect(res.status).toBe(200);
    expect(res.body.outcome).toBe('declined');
    expectProblem(
      await t.http.post(`/api/survey-invitations/${token}/answers`).send({ answers: { overall: 3, recommend: 'no' } }),
      410,
      'survey_link_used',
    );
  });

  it('keeps answers under the participant code, never a name, and never the token', async () => {
    const [row] = await t.sql<{ participant_code: string; role: string; answers: Record<string, unknown> }>(
      `SELECT r.participant_code, r.role, r.answers FROM survey_response r JOIN survey_invitation i ON i.id = r.invitation_id WHERE i.recipient_id = $1`,
      [adepts[0].id],
    );
    expect(row).toEqual({ participant_code: adepts[0].code, role: 'adept', answers: { overall: 4, recommend: 'yes' } });
    const dump = [];
    for (const table of SURVEY_TABLES) dump.push(JSON.stringify(await t.sql(`SELECT * FROM ${table}`)));
    const all = dump.join('\n');
    const outbox = JSON.stringify(await t.sql(`SELECT * FROM mail_outbox`));
    for (const token of tokens.values()) expect(all + outbox).not.toContain(token);
    for (const person of [...adepts, unreachable]) expect(all).not.toContain(person.fullName);
    const emails = await t.sql<{ email: string }>(`SELECT email FROM participant WHERE programme_id = $1 AND email IS NOT NULL`, [
      programmeA,
    ]);
    for (const { email } of emails) expect(all).not.toContain(email);
    const trail = JSON.stringify(await t.sql(`SELECT changes, reason FROM audit_event WHERE action LIKE 'survey%'`));
    for (const token of tokens.values()) expect(trail).not.toContain(token);
  });

  it('refuses to change or remove an answer', async () => {
    await expect(t.sql(`UPDATE survey_response SET answers = '{}'::jsonb`)).rejects.toThrow();
    await expect(t.sql(`DELETE FROM survey_text_answer`)).rejects.toThrow();
    await expect(t.sql(`TRUNCATE survey_response CASCADE`)).rejects.toThrow();
  });

  it('refuses an expired link (410 survey_link_expired)', async () => {
    t.setToday('2026-06-25');
    try {
      expectProblem(await t.http.get(`/api/survey-invitations/${tokens.get(adepts[3].id)}`), 410, 'survey_link_expired');
      expectProblem(
        await t.http.post(`/api/survey-invitations/${tokens.get(adepts[3].id)}/answers`).send({ answers: { overall: 3, recommend: 'no' } }),
        410,
        'survey_link_expired',
      );
      // A used link stays "used", whatever the day.
      expectProblem(await t.http.get(`/api/survey-invitations/${tokens.get(adepts[0].id)}`), 410, 'survey_link_used');
    } finally {
      t.setToday('2026-06-10');
    }
  });

  it('counts unknown links per address like wrong passwords: after five, 429 too_many_link_attempts with Retry-After', async () => {
    // A known link is neither counted nor refused, and does not wipe the count either (one's own
    // link would otherwise reset a guesser's count): the two unknown links of an earlier test count.
    expect((await t.http.get(`/api/survey-invitations/${tokens.get(adepts[4].id)}`)).status).toBe(200);
    const responses = [];
    for (let i = 0; i < 6; i++) responses.push(await t.http.get(`/api/survey-invitations/${String(i).repeat(43)}`));
    expect(responses.map((r) => r.status)).toEqual([404, 404, 404, 429, 429, 429]);
    const last = responses[responses.length - 1];
    expectProblem(last, 429, 'too_many_link_attempts');
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
    // The address is now throttled for unknown links, yet a link that exists still opens:
    // guessing from a shared address cannot lock a real respondent out.
    expect((await t.http.get(`/api/survey-invitations/${tokens.get(adepts[4].id)}`)).status).toBe(200);
    expectProblem(await t.http.get(`/api/survey-invitations/${'z'.repeat(43)}`), 429, 'too_many_link_attempts');
  });

  it("invites a participant in their preferred language, the send's language for the others", async () => {
    const dates = { startDate: '2026-01-12', endDate: '2026-12-18' };
    const programmeB = (await activateProgramme(t, qm, (await createProgramme(t, qm, { ...dates, leaderIds: [leader.id] })).id)).id;
    const enrol = async (fullName: string, more: Record<string, string>) =>
      expectStatus(
        await t.http
          .post(`/api/programmes/${programmeB}/participants`)
          .set(...bearer(leader))
          .send({
            role: 'adept',
            fullName,
            gender: 'female',
            profession: 'Nurse',
            enrolledAt: '2026-01-12',
            consentRecordedAt: '2026-01-12',
            ...more,
          }),
        201,
        'enrolling an adept',
      );
    let norwegian: { id: string; language: string | null } | undefined;
    const events = await auditedBy(t, async () => {
      norwegian = await enrol('Nora Nynorsk', { language: 'nb' });
    });
    expect(norwegian!.language).toBe('nb');
    expect(events.map((e) => [e.action, (e.changes as { language?: unknown }).language])).toEqual([
      ['participant.create', { old: null, new: 'nb' }],
    ]);
    const mailedNb = await enrol('Nils Nordmann', { language: 'nb', email: `nils.${Date.now()}@example.org` });
    const mailedUnknown = await enrol('Sara Svensson', { email: `sara.${Date.now()}@example.org` });
    expect(mailedUnknown.language).toBeNull();
    const unknownLanguage = await t.http
      .post(`/api/programmes/${programmeB}/participants`)
      .set(...bearer(leader))
      .send({
        role: 'adept',
        fullName: 'Ugo Unknown',
        gender: 'male',
        profession: 'Nurse',
        enrolledAt: '2026-01-12',
        consentRecordedAt: '2026-01-12',
        language: 'de',
      });
    expectProblem(unknownLanguage, 400, 'validation_failed');
    expect(problemFields(unknownLanguage)).toEqual(['language']);
    const sent = expectStatus(
      await t.http
        .post(`/api/programmes/${programmeB}/survey-sends`)
        .set(...bearer(leader))
        .send({ surveyKey: 'adept-exit', audience: 'adept', language: 'sv' }),
      201,
      'sending',
    );
    const by = new Map<string, { id: string; language: string }>(
      sent.invitations.map((i: { id: string; language: string; recipient: { id: string } }) => [i.recipient.id, i]),
    );
    expect([norwegian!.id, mailedNb.id, mailedUnknown.id].map((id) => by.get(id)?.language)).toEqual(['nb', 'nb', 'sv']);
    const form = await t.http.get(`/api/survey-invitations/${await tokenOf(t, by.get(norwegian!.id)!.id)}`);
    expect(form.status).toBe(200);
    expect(form.body).toEqual(expect.objectContaining({ language: 'nb', title: 'How was it? (nb)' }));
    const mails = await t.sql<{ reason: string; recipient_language: string }>(
      `SELECT reason, recipient_language FROM mail_outbox WHERE reason = ANY($1) ORDER BY reason`,
      [[by.get(mailedNb.id)!.id, by.get(mailedUnknown.id)!.id].map((id) => `survey-invitation:${id}`)],
    );
    expect(Object.fromEntries(mails.map((x) => [x.reason, x.recipient_language]))).toEqual({
      [`survey-invitation:${by.get(mailedNb.id)!.id}`]: 'nb',
      [`survey-invitation:${by.get(mailedUnknown.id)!.id}`]: 'sv',
    });
  });
});
