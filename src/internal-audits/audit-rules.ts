/**
 * The internal audit's plain rules (ISO 9001 9.2): its states and what each allows, the answers
 * a checklist item takes, the kinds of finding, the ISO 9001 clauses an audit may name as
 * criteria (with their titles in the console's languages), and when a finding counts as handled.
 */

export const AUDIT_STATES = ['planned', 'in_progress', 'reported', 'closed'] as const;
export type AuditState = (typeof AUDIT_STATES)[number];

export const IMPORTANCE = ['low', 'medium', 'high'] as const;
export type Importance = (typeof IMPORTANCE)[number];

export const ANSWER_RESULTS = ['conforming', 'nonconforming', 'observation', 'not_applicable'] as const;
export type AnswerResult = (typeof ANSWER_RESULTS)[number];

export const FINDING_KINDS = ['nonconformity', 'observation', 'opportunity'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export const FINDING_GRADES = ['major', 'minor'] as const;
export type FindingGrade = (typeof FINDING_GRADES)[number];

export type AuditUse = 'edit' | 'start' | 'record' | 'report' | 'close';

/** The state each use needs: planning is edited and started, a started audit is recorded and reported, a reported one closed. */
const NEEDS: Record<AuditUse, AuditState> = {
  edit: 'planned',
  start: 'planned',
  record: 'in_progress',
  report: 'in_progress',
  close: 'reported',
};

export function allows(state: AuditState, use: AuditUse): boolean {
  return NEEDS[use] === state;
}

export function neededState(use: AuditUse): AuditState {
  return NEEDS[use];
}

/** A planned audit is due once its month has come (this month or earlier) and it has not started. */
export function isDue(state: AuditState, year: number, month: number, today: string): boolean {
  const now = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7));
  return state === 'planned' && year * 12 + month <= now;
}

export interface LocalisedTitle {
  en: string;
  sv?: string;
  nb?: string;
}

/** The ISO 9001:2015 clauses an audit names as criteria, with their titles. */
export const CLAUSES: Readonly<Record<string, LocalisedTitle>> = {
  '4.1': {
    en: 'Understanding the organisation and its context',
    sv: 'Förståelse av organisationen och dess förutsättningar',
    nb: 'Forståelse av organisasjonen og dens kontekst',
  },
  '4.2': {
    en: 'Needs and expectations of interested parties',
    sv: 'Intressenters behov och förväntningar',
    nb: 'Interessentenes behov og forventninger',
  },
  '4.3': {
    en: 'Scope of the quality management system',
    sv: 'Kvalitetsledningssystemets omfattning',
    nb: 'Kvalitetsstyringssystemets omfang',
  },
  '4.4': {
    en: 'Quality management system and its processes',
    sv: 'Kvalitetsledningssystemet och dess processer',
    nb: 'Kvalitetsstyringssystemet og dets prosesser',
  },
  '5.1': { en: 'Leadership and commitment', sv: 'Ledarskap och åtagande', nb: 'Lederskap og engasjement' },
  '5.2': { en: 'Quality policy', sv: 'Kvalitetspolicy', nb: 'Kvalitetspolitikk' },
  '5.3': { en: 'Roles, responsibilities and authorities', sv: 'Roller, ansvar och befogenheter', nb: 'Roller, ansvar og myndighet' },
  '6.1': {
    en: 'Actions to address risks and opportunities',
    sv: 'Åtgärder för att hantera risker och möjligheter',
    nb: 'Tiltak for å håndtere risikoer og muligheter',
  },
  '6.2': {
    en: 'Quality objectives and planning to achieve them',
    sv: 'Kvalitetsmål och planering för att uppnå dem',
    nb: 'Kvalitetsmål og planlegging for å nå dem',
  },
  '6.3': { en: 'Planning of changes', sv: 'Planering av ändringar', nb: 'Planlegging av endringer' },
  '7.1': { en: 'Resources', sv: 'Resurser', nb: 'Ressurser' },
  '7.2': { en: 'Competence', sv: 'Kompetens', nb: 'Kompetanse' },
  '7.3': { en: 'Awareness', sv: 'Medvetenhet', nb: 'Bevissthet' },
  '7.4': { en: 'Communication', sv: 'Kommunikation', nb: 'Kommunikasjon' },
  '7.5': { en: 'Documented information', sv: 'Dokumenterad information', nb: 'Dokumentert informasjon' },
  '8.1': { en: 'Operational planning and control', sv: 'Verksamhetsplanering och styrning', nb: 'Operasjonell planlegging og styring' },
  '8.2': { en: 'Requirements for products and services', sv: 'Krav på produkter och tjänster', nb: 'Krav til produkter og tjenester' },
  '8.4': {
    en: 'Control of externally provided processes, products and services',
    sv: 'Styrning av externt tillhandahållna processer, produkter och tjänster',
    nb: 'Styring av eksternt leverte prosesser, produkter og tjenester',
  },
  '8.5': {
    en: 'Production and service provision',
    sv: 'Produktion och tillhandahållande av tjänster',
    nb: 'Produksjon og levering av tjenester',
  },
  '8.5.1': {
    en: 'Control of production and service provision',
    sv: 'Styrning av produktion och tillhandahållande av tjänster',
    nb: 'Styring av produksjon og tjenesteyting',
  },
  '8.5.2': { en: 'Identification and traceability', sv: 'Identifiering och spårbarhet', nb: 'Identifikasjon og sporbarhet' },
  '8.6': {
    en: 'Release of products and services',
    sv: 'Frisläppning av produkter och tjänster',
    nb: 'Frigivelse av produkter og tjenester',
  },
  '8.7': { en: 'Control of nonconforming outputs', sv: 'Styrning av avvikande utfall', nb: 'Styring av avvikende resultater' },
  '9.1': {
    en: 'Monitoring, measurement, analysis and evaluation',
    sv: 'Övervakning, mätning, analys och utvärdering',
    nb: 'Overvåking, måling, analyse og evaluering',
  },
  '9.1.2': { en: 'Customer satisfaction', sv: 'Kundtillfredsställelse', nb: 'Kundetilfredshet' },
  '9.2': { en: 'Internal audit', sv: 'Internrevision', nb: 'Internrevisjon' },
  '9.3': { en: 'Management review', sv: 'Ledningens genomgång', nb: 'Ledelsens gjennomgåelse' },
  '10.2': { en: 'Nonconformity and corrective action', sv: 'Avvikelse och korrigerande åtgärd', nb: 'Avvik og korrigerende tiltak' },
  '10.3': { en: 'Continual improvement', sv: 'Ständig förbättring', nb: 'Kontinuerlig forbedring' },
};

export const CLAUSE_NUMBERS = Object.keys(CLAUSES);

/** Clause numbers in the standard's order (9.1.2 after 9.1, 10.2 after 9.3). */
export function byClause(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Whether a finding is handled, so the audit may close. An observation is handled once
 * recorded. A nonconformity is handled when its deviation has been analysed (an action plan was
 * agreed: `action_plan`, `in_progress` or `closed`), when an action is planned for it, or when a
 * quality manager cancelled the deviation as unfounded (with a reason, in the deviation's record).
 * An opportunity for improvement is handled when its improvement action exists and is not cancelled.
 */
export function isHandled(
  f: { kind: FindingKind },
  deviation: { state: string; actions: number } | null,
  action: { state: string } | null,
): boolean {
  switch (f.kind) {
    case 'observation':
      return true;
    case 'nonconformity':
      return (
        deviation !== null && (['action_plan', 'in_progress', 'closed', 'cancelled'].includes(deviation.state) || deviation.actions > 0)
      );
    case 'opportunity':
      return action !== null && action.state !== 'cancelled';
  }
}
