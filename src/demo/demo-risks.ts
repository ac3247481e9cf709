/**
 * The risk register of the demo organisation (ISO 9001 6.1): the risks a real programme of this
 * kind names, and one opportunity, each owned by someone who acts on it, some treated and rated
 * again after treatment, one reviewed. Recorded through the same use cases as the API.
 */
import type { Demo } from './demo-context.js';

export async function runRisks(d: Demo, programmeId: string): Promise<{ risks: number; opportunities: number }> {
  const { s, cal, team } = d;
  const qm = team.quality.ctx;
  const noMentor = await s.risks.create(qm, {
    kind: 'risk',
    programmeId,
    title: 'No mentor in the adept’s profession',
    cause: 'Few volunteer mentors in rare professions (veterinarians, pharmacists, psychologists)',
    consequence: 'Adepts wait for a match or are matched outside their profession, and the method’s promise is not kept',
    likelihood: 4,
    impact: 4,
    treatment: 'Recruit mentors through the professional associations before the intake starts',
    residualLikelihood: 2,
    residualImpact: 4,
    ownerId: team.leader.id,
    nextReviewOn: cal.day('2027-02-15'),
  });
  await s.risks.revise(
    team.leader.ctx,
    noMentor.id,
    {
      reason: 'Reviewed after the matching: two adepts were matched outside their profession; the treatment stands',
      nextReviewOn: cal.day('2027-03-15'),
    },
    noMentor.version,
  );
  await s.risks.create(qm, {
    kind: 'risk',
    programmeId,
    title: 'Mentors drop out during the year',
    cause: 'Mentors are volunteers; a new job or a move ends their commitment',
    consequence: 'Adepts left without a mentor in the middle of the programme',
    likelihood: 3,
    impact: 3,
    treatment: 'A reserve of two mentors per large profession, and a monthly check-in with every mentor',
    residualLikelihood: 2,
    residualImpact: 3,
    ownerId: team.leader.id,
    nextReviewOn: cal.day('2027-01-31'),
  });
  await s.risks.create(qm, {
    kind: 'risk',
    title: 'Co-financing requires participants to be registered job-seekers',
    cause: 'The co-financing agreement pays only for adepts registered with the employment service',
    consequence: 'An adept who finds work or studies before the end may no longer be counted, and the financing falls short',
    likelihood: 3,
    impact: 5,
    ownerId: team.board.id,
    nextReviewOn: cal.day('2027-03-31'),
  });
  await s.risks.create(qm, {
    kind: 'risk',
    title: 'Personal data of vulnerable people disclosed',
    cause: 'Participants’ stories, countries of origin and health are written down by several people',
    consequence: 'Harm to participants, loss of trust, and a breach to report to the data protection authority',
    likelihood: 2,
    impact: 5,
    treatment:
      'Names only for the programme’s leaders and the quality manager; pseudonyms in every report and export; training of every leader',
    residualLikelihood: 1,
    residualImpact: 5,
    ownerId: team.quality.id,
    nextReviewOn: cal.day('2027-06-30'),
  });
  await s.risks.create(qm, {
    kind: 'opportunity',
    title: 'Employers ask for interns with a foreign degree',
    cause: 'Engineering and health employers in the region are short of staff',
    consequence: 'Internships that lead to employment in the adepts’ own professions',
    likelihood: 4,
    impact: 4,
    treatment: 'An agreement with the regional employers’ association on internships for the next intake',
    ownerId: team.board.id,
    nextReviewOn: cal.day('2027-04-30'),
  });
  return { risks: 4, opportunities: 1 };
}
