/**
 * The register of host organisations and the internships of the demo programme: three invented
 * hosts (a hospital, an engineering consultancy, a municipality) and four placements recorded by
 * the adepts' leaders, one of which led to employment, one ended early and one still running.
 * Recorded through the same use cases as the API.
 */
import type { Demo } from './demo-context.js';
import type { ProgrammeRun } from './demo-programme.js';

export interface DemoInternships {
  organisations: number;
  internships: number;
  employed: number;
}

export async function runInternships(d: Demo, run: ProgrammeRun): Promise<DemoInternships> {
  const { s, cal, team } = d;
  const qm = team.quality.ctx;
  const hospital = await s.organisations.create(qm, {
    name: 'Northbay University Hospital',
    sector: 'public',
    contactName: 'Helena Strand',
    contactEmail: 'helena.strand@northbay-hospital.example',
    contactPhone: '+46 31 555 01 00',
    notes: 'Takes interns in medicine, nursing and pharmacy; a licence application must be under way',
  });
  const consultancy = await s.organisations.create(team.leader.ctx, {
    name: 'Brightline Structural Engineering AB',
    sector: 'private',
    contactName: 'Johan Ek',
    contactEmail: 'johan.ek@brightline.example',
    notes: 'Structural and civil engineering; interns work in Swedish from the first week',
  });
  const municipality = await s.organisations.create(qm, {
    name: 'Eastvale Municipality',
    sector: 'public',
    contactName: 'Lina Berg',
    contactPhone: '+46 31 555 02 00',
  });
  await s.organisations.revise(
    qm,
    municipality.id,
    { reason: 'The contact moved to the education department', contactName: 'Omar Hassan', contactEmail: 'omar.hassan@eastvale.example' },
    municipality.version,
  );

  const adept = (name: string) => {
    const a = run.adepts.find((x) => x.data.name === name);
    if (!a) throw new Error(`the demo has no adept ${name}`);
    return a;
  };
  const place = async (
    name: string,
    organisationId: string,
    p: { supervisorName: string; supervisorRole: string; startDate: string; endDate: string; hoursPerWeek?: number },
  ) => {
    const a = adept(name);
    const placed = await s.internships.place(a.leader.ctx, run.programmeId, {
      participantId: a.id,
      organisationId,
      supervisorName: p.supervisorName,
      supervisorRole: p.supervisorRole,
      startDate: cal.day(p.startDate),
      endDate: cal.day(p.endDate),
      hoursPerWeek: p.hoursPerWeek,
    });
    return { a, placed };
  };

  const amina = await place('Amina Haddad', consultancy.id, {
    supervisorName: 'Erik Sandberg',
    supervisorRole: 'Head of the bridge design group',
    startDate: '2026-04-13',
    endDate: '2026-08-28',
    hoursPerWeek: 40,
  });
  await s.internships.recordOutcome(amina.a.leader.ctx, amina.placed.id, { outcome: 'completed' }, amina.placed.version);
  await s.internships.revise(
    amina.a.leader.ctx,
    amina.placed.id,
    {
      reason: 'The consultancy offered her a position after the internship',
      outcome: 'employed',
      note: 'Employed as structural engineer from September',
    },
    amina.placed.version + 1,
  );

  const tesfaye = await place('Tesfaye Girma', hospital.id, {
    supervisorName: 'Dr. Maria Öberg',
    supervisorRole: 'Senior consultant, internal medicine',
    startDate: '2026-05-04',
    endDate: '2026-07-31',
    hoursPerWeek: 32,
  });
  await s.internships.recordOutcome(tesfaye.a.leader.ctx, tesfaye.placed.id, { outcome: 'completed' }, tesfaye.placed.version);

  const olena = await place('Olena Kovalenko', municipality.id, {
    supervisorName: 'Annika Lund',
    supervisorRole: 'Head teacher, Eastvale secondary school',
    startDate: '2026-03-02',
    endDate: '2026-06-12',
    hoursPerWeek: 20,
  });
  await s.internships.recordOutcome(
    olena.a.leader.ctx,
    olena.placed.id,
    { outcome: 'ended_early', endedOn: cal.day('2026-05-15'), note: 'Started a course for the Swedish teacher’s licence instead' },
    olena.placed.version,
  );

  await place('Priya Raman', municipality.id, {
    supervisorName: 'Kalle Nyström',
    supervisorRole: 'IT manager',
    startDate: '2026-09-07',
    endDate: '2026-12-11',
  });

  return { organisations: 3, internships: 4, employed: 1 };
}
