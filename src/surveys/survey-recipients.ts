import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { addDays } from '../common/calendar.js';
import type { UserLanguage } from '../common/languages.js';
import { linkToken, linkTokenHash, newLinkNonce } from '../common/link-tokens.js';
import type { LinkTokenRef } from '../common/link-tokens.js';
import { internshipsOfProgramme } from '../internships/internships.queries.js';
import { participantEmails, participantLanguages, participantsOfProgramme } from '../programmes/programmes.queries.js';
import type { SurveyAudience } from './survey-content.js';
import type { Delivery } from './survey-moments.js';
import { insertInvitation } from './surveys.queries.js';

/** What a link opens: a token made for a survey invitation opens nothing else. */
export const INVITATION_PURPOSE = 'survey-invitation';

/** Someone a survey can be sent to: a participant of the programme, or an internship (its supervisor). */
export interface Recipient {
  kind: 'participant' | 'internship';
  id: string;
  role: SurveyAudience;
  /** The participant code; null for a host contact. */
  code: string | null;
  /** Where the invitation is mailed; null: the sender hands the link out. Never stored with the survey. */
  email: string | null;
  /** Their preferred language, when known (a participant's); else the send's language applies. */
  language: UserLanguage | null;
}

/**
 * The audience of a programme a survey can go to: its adepts or mentors taking part (active or
 * completed; applicants and those who left are not asked), or the supervisors of its internships.
 */
export async function recipientsOf(m: EntityManager, programmeId: string, audience: SurveyAudience): Promise<Recipient[]> {
  if (audience === 'host') {
    return (await internshipsOfProgramme(m, programmeId)).map((i) => ({
      kind: 'internship',
      id: i.id,
      role: 'host',
      code: null,
      email: i.supervisorEmail,
      language: null,
    }));
  }
  const people = (await participantsOfProgramme(m, programmeId)).filter((p) => p.role === audience && p.status !== 'withdrawn');
  const ids = people.map((p) => p.id);
  const emails = await participantEmails(m, ids);
  const languages = await participantLanguages(m, ids);
  return people.map((p) => ({
    kind: 'participant',
    id: p.id,
    role: audience,
    code: p.code,
    email: emails.get(p.id) ?? null,
    language: languages.get(p.id) ?? null,
  }));
}

export interface Invite {
  sendId: string;
  versionId: string;
  programmeId: string;
  planEntryId: string | null;
  language: UserLanguage;
  today: string;
  expiresInDays: number;
}

/**
 * Makes one recipient's invitation: a random nonce, the token made from it under the service's key
 * and only the token's hash stored. Null when the plan entry has asked the recipient already.
 */
export async function invite(
  m: EntityManager,
  key: Buffer,
  r: Recipient,
  x: Invite,
): Promise<{ id: string; ref: LinkTokenRef; delivery: Delivery; expiresOn: string } | null> {
  const id = randomUUID();
  const ref: LinkTokenRef = { purpose: INVITATION_PURPOSE, id, nonce: newLinkNonce() };
  const delivery: Delivery = r.email ? 'mail' : 'handout';
  const expiresOn = addDays(x.today, x.expiresInDays);
  const made = await insertInvitation(m, {
    id,
    sendId: x.sendId,
    versionId: x.versionId,
    programmeId: x.programmeId,
    planEntryId: x.planEntryId,
    recipientKind: r.kind,
    recipientId: r.id,
    role: r.role,
    language: r.language ?? x.language,
    delivery,
    nonce: ref.nonce,
    tokenHash: linkTokenHash(linkToken(key, ref)),
    expiresOn,
  });
  return made ? { id, ref, delivery, expiresOn } : null;
}
