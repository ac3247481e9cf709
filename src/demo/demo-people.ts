/**
 * The people of the demonstration programme: staff, and adepts with the mentors they are matched
 * with. Everyone is invented. Dates are scripted dates (see demo-calendar.ts).
 */
import type { Role } from '../common/roles.js';
import type { Gender, LeavingOutcome } from '../programmes/participant-kinds.js';

/** The one password of every demo account (printed at the end of the run). */
export const DEMO_PASSWORD = 'Mentorskap-demo-2026';

export type StaffKey = 'quality' | 'approver' | 'leader' | 'leader2' | 'board' | 'auditor';

export interface DemoStaff {
  name: string;
  email: string;
  roles: Role[];
  /** What the person does, for the printed list of accounts. */
  title: string;
}

export const STAFF: Record<StaffKey, DemoStaff> = {
  quality: {
    name: 'Karin Lindqvist',
    email: 'karin.lindqvist@mentorskap.example.org',
    roles: ['quality_manager'],
    title: 'Quality manager',
  },
  approver: {
    name: 'Johan Bergström',
    email: 'johan.bergstrom@mentorskap.example.org',
    roles: ['quality_manager'],
    title: 'Quality manager (second signatory)',
  },
  leader: { name: 'Sara Nilsson', email: 'sara.nilsson@mentorskap.example.org', roles: ['programme_leader'], title: 'Programme leader' },
  leader2: {
    name: 'Leyla Karimi',
    email: 'leyla.karimi@mentorskap.example.org',
    roles: ['programme_leader'],
    title: 'Programme leader (joined November 2025)',
  },
  board: { name: 'Per Sandberg', email: 'per.sandberg@mentorskap.example.org', roles: ['board_member'], title: 'Chair of the board' },
  auditor: {
    name: 'Maria Wallin',
    email: 'maria.wallin@mentorskap.example.org',
    roles: ['auditor'],
    title: 'Internal auditor (read-only)',
  },
};

/** The training modules the shipped procedures name in `requiredCompetence`. */
export const MODULES = {
  intake: 'Programme leader training, module 1: intake interviews',
  matching: 'Programme leader training, module 2: matching mentors and adepts',
  followUp: 'Programme leader training, module 3: follow-up and evaluation',
} as const;

/**
 * Sara has held every module since 2025. Leyla joined in November 2025 and held her first intake
 * interview a week before she completed module 1: a competence finding the system detects.
 */
export const TRAINING: { staff: StaffKey; module: string; completedAt: string; validUntil?: string; evidence: string }[] = [
  {
    staff: 'leader',
    module: MODULES.intake,
    completedAt: '2025-09-15',
    validUntil: '2028-09-14',
    evidence: 'Course certificate, staff file S. Nilsson',
  },
  {
    staff: 'leader',
    module: MODULES.matching,
    completedAt: '2025-09-16',
    validUntil: '2028-09-15',
    evidence: 'Course certificate, staff file S. Nilsson',
  },
  {
    staff: 'leader',
    module: MODULES.followUp,
    completedAt: '2025-09-17',
    validUntil: '2028-09-16',
    evidence: 'Course certificate, staff file S. Nilsson',
  },
  {
    staff: 'leader2',
    module: MODULES.intake,
    completedAt: '2025-11-20',
    validUntil: '2028-11-19',
    evidence: 'Course certificate, staff file L. Karimi',
  },
  {
    staff: 'leader2',
    module: MODULES.matching,
    completedAt: '2026-02-17',
    validUntil: '2029-02-16',
    evidence: 'Course certificate, staff file L. Karimi',
  },
  {
    staff: 'leader2',
    module: MODULES.followUp,
    completedAt: '2026-02-18',
    validUntil: '2029-02-17',
    evidence: 'Course certificate, staff file L. Karimi',
  },
];

export type Outcome = 'employed_full_time' | 'employed_part_time' | 'studies' | 'internship' | 'job_seeking' | 'other';
type Cefr = 'a2' | 'b1' | 'b2' | 'c1';

export interface DemoMentor {
  name: string;
  gender: Gender;
  profession: string;
  country: string;
  workplace: string;
}

export interface DemoAdept {
  name: string;
  gender: Gender;
  country: string;
  profession: string;
  /** Degree, university and year, as told in the intake interview. */
  degree: string;
  years: number;
  goal: string;
  swedish: Cefr;
  english: Cefr;
  /** Day of the intake interview, and who held it. */
  intake: string;
  leader: 'leader' | 'leader2';
  mentor: DemoMentor;
  /** No mentor of the same profession could be found (the rationale says why). */
  otherProfession?: string;
  /** What went differently for this adept. */
  story?: 'late_intake' | 'consent_not_recorded' | 'untrained_interviewer' | 'late_follow_up' | 'no_follow_up' | 'feedback';
  withdrawn?: { day: string; reason: string; outcome: LeavingOutcome };
  /** Final evaluation, for those whose evaluation is done (the others are scheduled for December). */
  outcome?: { is: Outcome; own?: boolean; details?: string; satisfaction: number; feedback: string };
}

const SE = 'Sweden';
const m = (name: string, gender: Gender, profession: string, workplace: string, country = SE): DemoMentor => ({
  name,
  gender,
  profession,
  workplace,
  country,
});

export const ADEPTS: DemoAdept[] = [
  {
    name: 'Amina Haddad',
    gender: 'female',
    country: 'Syria',
    profession: 'Civil engineer',
    degree: 'MSc in structural engineering, Damascus University, 2011',
    years: 9,
    goal: 'Structural engineer at a consultancy',
    swedish: 'b2',
    english: 'c1',
    intake: '2025-10-20',
    leader: 'leader',
    mentor: m('Lars Ekström', 'male', 'Civil engineer', 'structural design consultancy'),
    outcome: {
      is: 'employed_full_time',
      own: true,
      satisfaction: 5,
      feedback: 'The mentor opened the door to the consultancy that hired me.',
    },
  },
  {
    name: 'Tesfaye Girma',
    gender: 'male',
    country: 'Ethiopia',
    profession: 'Physician',
    degree: 'MD, Addis Ababa University, 2010',
    years: 11,
    goal: 'Swedish medical licence, then general practice',
    swedish: 'b2',
    english: 'c1',
    intake: '2025-10-22',
    leader: 'leader',
    mentor: m('Helena Strand', 'female', 'Physician', 'primary care centre'),
    outcome: {
      is: 'internship',
      own: true,
      details: 'Practical service for the medical licence at a primary care centre',
      satisfaction: 5,
      feedback: 'Knowing how a Swedish health centre works made the practical service possible.',
    },
  },
  {
    name: 'Olena Kovalenko',
    gender: 'female',
    country: 'Ukraine',
    profession: 'Teacher (mathematics)',
    degree: 'MEd in mathematics education, Kyiv, 2008',
    years: 14,
    goal: 'Mathematics teacher at an upper secondary school',
    swedish: 'b1',
    english: 'b2',
    intake: '2025-10-27',
    leader: 'leader',
    mentor: m('Birgitta Sjöberg', 'female', 'Teacher (mathematics)', 'upper secondary school'),
    outcome: {
      is: 'employed_part_time',
      own: true,
      details: '60 % post while the teaching certificate is processed',
      satisfaction: 4,
      feedback: 'Good support with the application for a teaching certificate.',
    },
  },
  {
    name: 'Reza Ahmadi',
    gender: 'male',
    country: 'Iran',
    profession: 'Software developer',
    degree: 'BSc in computer engineering, Sharif University of Technology, 2014',
    years: 8,
    goal: 'Backend developer',
    swedish: 'b1',
    english: 'c1',
    intake: '2025-10-29',
    leader: 'leader',
    mentor: m('Jonas Lund', 'male', 'Software developer', 'logistics software company'),
    outcome: {
      is: 'employed_full_time',
      own: true,
      satisfaction: 5,
      feedback: 'Practising technical interviews with my mentor was decisive.',
    },
  },
  {
    name: 'María Fernanda López',
    gender: 'female',
    country: 'Colombia',
    profession: 'Economist',
    degree: 'MSc in economics, Universidad de los Andes, 2012',
    years: 10,
    goal: 'Financial analyst in the public sector',
    swedish: 'b2',
    english: 'c1',
    intake: '2025-11-03',
    leader: 'leader',
    mentor: m('Eva Hedlund', 'female', 'Economist', 'municipal finance department'),
    outcome: {
      is: 'employed_full_time',
      own: true,
      satisfaction: 5,
      feedback: 'My mentor explained how public-sector budgeting works here.',
    },
  },
  {
    name: 'Farid Rahimi',
    gender: 'male',
    country: 'Afghanistan',
    profession: 'Pharmacist',
    degree: 'BPharm, Kabul University, 2013',
    years: 6,
    goal: 'Licensed pharmacist at a community pharmacy',
    swedish: 'b1',
    english: 'b2',
    intake: '2025-11-04',
    leader: 'leader',
    mentor: m('Cecilia Forsberg', 'female', 'Pharmacist', 'community pharmacy'),
    outcome: {
      is: 'studies',
      own: true,
      details: 'Supplementary programme for pharmacists with a foreign degree',
      satisfaction: 4,
      feedback: 'I now know the way to a Swedish licence.',
    },
  },
  {
    name: 'Nadia Benali',
    gender: 'female',
    country: 'Morocco',
    profession: 'Architect',
    degree: 'Diploma of architecture, ENA Rabat, 2012',
    years: 9,
    goal: 'Architect at a practice working with housing',
    swedish: 'b2',
    english: 'b2',
    intake: '2025-11-05',
    leader: 'leader',
    story: 'consent_not_recorded',
    mentor: m('Gustav Nyberg', 'male', 'Architect', 'architectural practice'),
    outcome: { is: 'employed_full_time', own: true, satisfaction: 5, feedback: 'Portfolio reviews with my mentor made the difference.' },
  },
  {
    name: 'Aliaksandr Kazlou',
    gender: 'male',
    country: 'Belarus',
    profession: 'Electrical engineer',
    degree: 'MSc in electrical power engineering, Minsk, 2009',
    years: 13,
    goal: 'Electrical design engineer',
    swedish: 'b1',
    english: 'b2',
    intake: '2025-11-10',
    leader: 'leader',
    story: 'feedback',
    mentor: m('Fredrik Sundberg', 'male', 'Electrical engineer', 'energy utility'),
    outcome: {
      is: 'employed_full_time',
      own: true,
      satisfaction: 4,
      feedback: 'After a difficult spring the meetings became regular and useful.',
    },
  },
  {
    name: 'Priya Raman',
    gender: 'female',
    country: 'India',
    profession: 'IT project manager',
    degree: 'MBA and BTech in information technology, Chennai, 2010',
    years: 12,
    goal: 'Project manager in IT',
    swedish: 'a2',
    english: 'c1',
    intake: '2025-11-11',
    leader: 'leader',
    mentor: m('Malin Åberg', 'female', 'IT project manager', 'IT consultancy'),
    outcome: {
      is: 'employed_part_time',
      own: true,
      details: '75 % as project coordinator',
      satisfaction: 4,
      feedback: 'Helpful network; more Swedish practice would have helped.',
    },
  },
  {
    name: 'Samir Khalil',
    gender: 'male',
    country: 'Lebanon',
    profession: 'Dentist',
    degree: 'DDS, Lebanese University, 2012',
    years: 10,
    goal: 'Licensed dentist in public dental care',
    swedish: 'b2',
    english: 'c1',
    intake: '2025-11-12',
    leader: 'leader2',
    story: 'untrained_interviewer',
    mentor: m('Anders Berg', 'male', 'Dentist', 'public dental service'),
    outcome: {
      is: 'studies',
      own: true,
      details: 'Supplementary programme for dentists with a foreign degree',
      satisfaction: 5,
      feedback: 'Admitted to the supplementary programme thanks to the plan we made.',
    },
  },
  {
    name: 'Chen Jing',
    gender: 'female',
    country: 'China',
    profession: 'Chemist',
    degree: 'PhD in analytical chemistry, Wuhan University, 2015',
    years: 7,
    goal: 'Analytical chemist in the pharmaceutical industry',
    swedish: 'b1',
    english: 'c1',
    intake: '2025-11-17',
    leader: 'leader',
    mentor: m('Sofia Lindgren', 'female', 'Chemist', 'pharmaceutical company'),
    outcome: {
      is: 'internship',
      own: true,
      details: 'Six-month laboratory internship',
      satisfaction: 4,
      feedback: 'The internship came through my mentor’s colleagues.',
    },
  },
  {
    name: 'Kwame Mensah',
    gender: 'male',
    country: 'Ghana',
    profession: 'Accountant',
    degree: 'BCom in accounting, University of Ghana, 2013',
    years: 8,
    goal: 'Accountant at an accounting firm',
    swedish: 'b1',
    english: 'c1',
    intake: '2025-11-24',
    leader: 'leader2',
    mentor: m('Per-Olof Dahl', 'male', 'Accountant', 'accounting firm'),
    outcome: {
      is: 'job_seeking',
      satisfaction: 3,
      feedback: 'Good meetings, but Swedish accounting software was new to me; I keep applying.',
    },
  },
  {
    name: 'Yasmin Saleh',
    gender: 'female',
    country: 'Iraq',
    profession: 'Registered nurse',
    degree: 'BSc in nursing, University of Baghdad, 2014',
    years: 7,
    goal: 'Registered nurse in hospital care',
    swedish: 'b1',
    english: 'b1',
    intake: '2025-11-25',
    leader: 'leader2',
    mentor: m('Annika Wikström', 'female', 'Registered nurse', 'regional hospital'),
    withdrawn: { day: '2026-05-04', reason: 'Moved abroad for family reasons', outcome: 'personal_reasons' },
  },
  {
    name: 'Hamid Nouri',
    gender: 'male',
    country: 'Iran',
    profession: 'Mechanical engineer',
    degree: 'MSc in mechanical engineering, Isfahan University of Technology, 2011',
    years: 10,
    goal: 'Design engineer in manufacturing',
    swedish: 'b2',
    english: 'b2',
    intake: '2025-11-26',
    leader: 'leader',
    mentor: m('Erik Johansson', 'male', 'Mechanical engineer', 'machinery manufacturer'),
    outcome: { is: 'employed_full_time', own: true, satisfaction: 5, feedback: 'Study visits at my mentor’s company led to the job.' },
  },
  {
    name: 'Ana Souza',
    gender: 'female',
    country: 'Brazil',
    profession: 'Psychologist',
    degree: 'Degree in psychology, Universidade de São Paulo, 2013',
    years: 8,
    goal: 'Licensed psychologist',
    swedish: 'b1',
    english: 'c1',
    intake: '2025-12-01',
    leader: 'leader2',
    mentor: m('Lena Holmberg', 'female', 'Psychologist', 'child and adolescent psychiatry'),
    withdrawn: { day: '2026-03-16', reason: 'Took a job in another region and left the programme', outcome: 'left_for_work' },
  },
  {
    name: 'Mohammed Al-Tamimi',
    gender: 'male',
    country: 'Syria',
    profession: 'Lawyer',
    degree: 'LLB, University of Aleppo, 2010',
    years: 11,
    goal: 'Legal adviser',
    swedish: 'b2',
    english: 'b2',
    intake: '2025-12-02',
    leader: 'leader',
    mentor: m('Karl Engström', 'male', 'Lawyer', 'law firm'),
    outcome: {
      is: 'other',
      details: 'Law degree under assessment; volunteer legal adviser at a migrant organisation',
      satisfaction: 4,
      feedback: 'I understand the Swedish legal professions now.',
    },
  },
  {
    name: 'Fatima Diallo',
    gender: 'female',
    country: 'Senegal',
    profession: 'Agronomist',
    degree: 'MSc in agronomy, Université Cheikh Anta Diop, 2012',
    years: 9,
    goal: 'Adviser in agriculture or horticulture',
    swedish: 'b1',
    english: 'b2',
    intake: '2025-12-03',
    leader: 'leader2',
    story: 'late_follow_up',
    mentor: m('Ingrid Falk', 'female', 'Agronomist', 'rural economy society'),
    outcome: {
      is: 'employed_part_time',
      own: false,
      details: 'Part-time at a garden centre while applying for adviser posts',
      satisfaction: 4,
      feedback: 'A good mentor; the follow-up came late.',
    },
  },
  {
    name: 'Abdirahman Warsame',
    gender: 'male',
    country: 'Somalia',
    profession: 'Statistician',
    degree: 'BSc in statistics, Somali National University, 2012',
    years: 8,
    goal: 'Statistician in a public agency',
    swedish: 'b2',
    english: 'b2',
    intake: '2025-12-08',
    leader: 'leader2',
    mentor: m('Omar Jama', 'male', 'Statistician', 'government statistics agency', 'Somalia'),
  },
  {
    name: 'Elif Yıldız',
    gender: 'female',
    country: 'Turkey',
    profession: 'Civil engineer',
    degree: 'BSc in civil engineering, Middle East Technical University, 2013',
    years: 8,
    goal: 'Road and traffic engineer',
    swedish: 'b1',
    english: 'c1',
    intake: '2025-12-09',
    leader: 'leader',
    mentor: m('Maja Lindberg', 'female', 'Civil engineer', 'transport administration'),
  },
  {
    name: 'Tran Van Minh',
    gender: 'male',
    country: 'Vietnam',
    profession: 'Software tester',
    degree: 'BSc in software engineering, Hanoi University of Science and Technology, 2015',
    years: 6,
    goal: 'Test automation engineer',
    swedish: 'a2',
    english: 'b2',
    intake: '2025-12-10',
    leader: 'leader2',
    story: 'no_follow_up',
    mentor: m('Viktor Persson', 'male', 'Software tester', 'telecom company'),
  },
  {
    name: 'Shirin Moradi',
    gender: 'female',
    country: 'Iran',
    profession: 'Landscape architect',
    degree: 'MSc in landscape architecture, University of Tehran, 2014',
    years: 7,
    goal: 'Landscape architect in a municipality',
    swedish: 'b1',
    english: 'b2',
    intake: '2026-01-08',
    leader: 'leader',
    story: 'late_intake',
    mentor: m('Karolina Nord', 'female', 'Landscape architect', 'municipal planning office'),
    outcome: { is: 'job_seeking', satisfaction: 4, feedback: 'My portfolio is ready; I am applying for posts now.' },
  },
  {
    name: 'Yonas Tekle',
    gender: 'male',
    country: 'Eritrea',
    profession: 'Veterinarian',
    degree: 'DVM, Hamelmalo Agricultural College, 2013',
    years: 7,
    goal: 'Veterinarian in animal health or food control',
    swedish: 'b1',
    english: 'b2',
    intake: '2025-12-11',
    leader: 'leader2',
    mentor: m('Johanna Blom', 'female', 'Biomedical scientist', 'food control laboratory'),
    otherProfession:
      'No veterinarian could be found as a mentor; a biomedical scientist in food control, whose laboratory works with veterinarians, knows the field Yonas aims for.',
  },
];
