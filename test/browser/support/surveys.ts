/**
 * Surveys for the browser tests, made through the API: a survey of the test's own (every question
 * type, every text in en, sv and nb), written by one quality manager and approved by the other,
 * sent by hand to participants of the world's programme, and each invitation's link handed out
 * (the participants have no e-mail address, so the sender is shown the link once).
 */
import { day, unique } from './api.js';
import type { Api } from './api.js';
import { PASSWORD } from './world.js';
import type { World } from './world.js';

const tr = (en: string, sv: string, nb: string) => ({ en, sv, nb });

export interface TestSurvey {
  id: string;
  key: string;
  titleSv: string;
  titleEn: string;
}

export async function makeSurvey(world: World, audience: 'adept' | 'mentor' = 'adept'): Promise<TestSurvey> {
  const tag = unique();
  const key = `browser-${audience}-${tag}`;
  const titleEn = `How was the programme? ${tag}`;
  const titleSv = `Hur var programmet? ${tag}`;
  const content = {
    key,
    audience,
    title: tr(titleEn, titleSv, `Hvordan var programmet? ${tag}`),
    intro: tr(
      'Tell us what worked and what did not.',
      'Berätta vad som fungerade och vad som inte gjorde det.',
      'Fortell oss hva som fungerte og hva som ikke gjorde det.',
    ),
    privacy: tr(
      'Your answers are stored under your participant code, never your name, and shown only as totals of at least five people.',
      'Dina svar sparas under din deltagarkod, aldrig ditt namn, och visas bara som summor för minst fem personer.',
      'Svarene dine lagres under deltakerkoden din, aldri navnet ditt, og vises bare som summer for minst fem personer.',
    ),
    questions: [
      {
        key: 'overall',
        type: 'scale',
        label: tr(
          'How satisfied are you with the programme overall?',
          'Hur nöjd är du med programmet som helhet?',
          'Hvor fornøyd er du med programmet alt i alt?',
        ),
        required: true,
        indicator: 'participant_satisfaction',
      },
      {
        key: 'recommend',
        type: 'choice',
        label: tr(
          'Would you recommend the programme to a friend?',
          'Skulle du rekommendera programmet till en vän?',
          'Ville du anbefalt programmet til en venn?',
        ),
        required: true,
        options: [
          { value: 'yes', label: tr('Yes', 'Ja', 'Ja') },
          { value: 'no', label: tr('No', 'Nej', 'Nei') },
        ],
      },
      {
        key: 'helped_with',
        type: 'multiselect',
        label: tr('What did the programme help you with?', 'Vad hjälpte programmet dig med?', 'Hva hjalp programmet deg med?'),
        required: false,
        options: [
          { value: 'language', label: tr('Language', 'Språket', 'Språket') },
          { value: 'network', label: tr('A professional network', 'Ett yrkesnätverk', 'Et faglig nettverk') },
          { value: 'cv', label: tr('My CV', 'Mitt CV', 'CV-en min') },
        ],
      },
      {
        key: 'comments',
        type: 'text',
        label: tr('Anything else you want to tell us?', 'Något mer du vill berätta?', 'Noe mer du vil fortelle oss?'),
        required: false,
      },
    ],
  };
  const survey = await world.qm.api.post<{ id: string }>('/api/surveys', { content, changeSummary: 'Written by the browser tests' });
  await world.qm2.api.post(`/api/surveys/${survey.id}/versions/1/approve`, {
    password: PASSWORD,
    comment: 'Fit for use',
    effectiveOn: day(0),
  });
  return { id: survey.id, key, titleSv, titleEn };
}

export interface HandedOutLink {
  invitationId: string;
  token: string;
  link: string;
}

/** Sends the survey by hand to the participants given (in `language`) and hands out each link. */
export async function sendAndHandOut(
  sender: Api,
  programmeId: string,
  survey: TestSurvey,
  audience: 'adept' | 'mentor',
  recipientIds: string[],
  language: 'en' | 'sv' | 'nb',
): Promise<HandedOutLink[]> {
  const send = await sender.post<{ invitations: { id: string; delivery: string }[] }>(`/api/programmes/${programmeId}/survey-sends`, {
    surveyKey: survey.key,
    audience,
    recipientIds,
    language,
  });
  const out: HandedOutLink[] = [];
  for (const i of send.invitations) {
    if (i.delivery !== 'handout') throw new Error(`invitation ${i.id} goes by ${i.delivery}; the test participants have no e-mail address`);
    const h = await sender.post<{ token: string; link: string }>(`/api/programmes/${programmeId}/survey-invitations/${i.id}/handout`);
    out.push({ invitationId: i.id, token: h.token, link: h.link });
  }
  return out;
}
