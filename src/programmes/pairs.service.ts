import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { conflict, notFound, unprocessable } from '../common/problem.js';
import type { RequestContext } from '../common/request-context.js';
import { ProgrammeAccess } from './programme-access.js';
import { Pair, Participant } from './participant.entity.js';
import type { PairResponse } from './participant.dto.js';
import { toPairResponse } from './participant.mapper.js';
import { withArticle } from '../common/wording.js';

@Injectable()
export class PairsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly access: ProgrammeAccess,
  ) {}

  async create(
    ctx: RequestContext,
    programmeId: string,
    input: { mentorId: string; adeptId: string; matchedAt: string; rationale: string },
  ): Promise<PairResponse> {
    return this.dataSource.transaction(async (m) => {
      const programme = await this.access.writable(m, ctx, programmeId, { lock: true });
      if (programme.status === 'closed') throw conflict('programme_closed', 'A closed programme takes no new pairs');
      const people = await m.getRepository(Participant).findBy([{ id: input.mentorId }, { id: input.adeptId }]);
      const mentor = people.find((p) => p.id === input.mentorId);
      const adept = people.find((p) => p.id === input.adeptId);
      const problems = [...check(mentor, 'mentorId', 'mentor', programmeId), ...check(adept, 'adeptId', 'adept', programmeId)];
      if (problems.length)
        throw unprocessable('invalid_pair', 'A pair needs an active mentor and an active adept of this programme', { errors: problems });
      if (input.matchedAt < mentor!.enrolledAt! || input.matchedAt < adept!.enrolledAt!) {
        throw unprocessable('matched_before_enrolment', 'A pair cannot be matched before both are enrolled', {
          errors: [{ field: 'matchedAt', message: 'must be on or after both enrolment dates' }],
        });
      }
      const active = await m
        .getRepository(Pair)
        .createQueryBuilder('p')
        .where('p.adept_id = :id AND p.ended_at IS NULL', { id: input.adeptId })
        .getOne();
      if (active)
        throw conflict('adept_already_paired', 'The adept is already in an active pair (pairId); end that pair first for a rematch', {
          pairId: active.id,
        });
      const [row] = await m.query<{ id: string }[]>(
        `INSERT INTO pair (programme_id, mentor_id, adept_id, matched_at, rationale) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [programmeId, input.mentorId, input.adeptId, input.matchedAt, input.rationale],
      );
      const pair = await m.getRepository(Pair).findOneByOrFail({ id: row.id });
      await this.audit.append(m, ctx, {
        action: 'pair.create',
        entityType: 'pair',
        entityId: pair.id,
        changes: {
          programmeId: { old: null, new: programmeId },
          mentor: { old: null, new: mentor!.code },
          adept: { old: null, new: adept!.code },
          matchedAt: { old: null, new: input.matchedAt },
          rationale: { old: null, new: await this.audit.personal(input.rationale, m) },
        },
      });
      // Whoever may write to the programme is entitled to what was written about the people.
      return toPairResponse(
        pair,
        new Map([
          [mentor!.id, mentor!.code],
          [adept!.id, adept!.code],
        ]),
      );
    });
  }

  /** The pairs, and whether the actor may read what was written about the people (`ProgrammeAccess.identifies`). */
  async list(ctx: RequestContext, programmeId: string): Promise<PairResponse[]> {
    const m = this.dataSource.manager;
    await this.access.readable(m, ctx, programmeId);
    const names = await this.access.identifies(m, ctx, programmeId);
    const pairs = await m.getRepository(Pair).find({ where: { programmeId }, order: { matchedAt: 'ASC', createdAt: 'ASC' } });
    const codes = await this.codes(programmeId);
    return pairs.map((pair) => toPairResponse(pair, codes, names));
  }

  async end(ctx: RequestContext, pairId: string, date: string, reason: string): Promise<PairResponse> {
    return this.dataSource.transaction(async (m) => {
      const found = await m.getRepository(Pair).findOneBy({ id: pairId });
      if (!found) throw notFound('Pair');
      await this.access.writable(m, ctx, found.programmeId, { what: 'Pair' });
      await m.query(`SELECT 1 FROM pair WHERE id = $1 FOR UPDATE`, [pairId]);
      const pair = await m.getRepository(Pair).findOneByOrFail({ id: pairId });
      if (pair.endedAt !== null) throw conflict('pair_ended', `The pair already ended on ${pair.endedAt}`);
      if (date < pair.matchedAt)
        throw unprocessable('end_before_match', 'A pair cannot end before it was matched', {
          errors: [{ field: 'date', message: 'must be on or after matchedAt' }],
        });
      await m.query(`UPDATE pair SET ended_at = $2, end_reason = $3 WHERE id = $1`, [pairId, date, reason]);
      const after = await m.getRepository(Pair).findOneByOrFail({ id: pairId });
      await this.audit.append(m, ctx, {
        action: 'pair.end',
        entityType: 'pair',
        entityId: pairId,
        changes: { endedAt: { old: null, new: date }, endReason: { old: null, new: await this.audit.personal(reason, m) } },
      });
      return toPairResponse(after, await this.codes(pair.programmeId, m));
    });
  }

  private async codes(programmeId: string, m = this.dataSource.manager): Promise<Map<string, string>> {
    const rows = await m.query<
      {
        id: string;
        code: string;
      }[]
    >(`SELECT id, code FROM participant WHERE programme_id = $1`, [programmeId]);
    return new Map(rows.map((r) => [r.id, r.code]));
  }
}

function check(p: Participant | undefined, field: string, role: string, programmeId: string) {
  if (!p || p.programmeId !== programmeId) return [{ field, message: `is not a participant of this programme` }];
  if (p.role !== role) return [{ field, message: `is ${withArticle(p.role)}, not ${withArticle(role)}` }];
  if (p.status !== 'active') return [{ field, message: `is ${p.status}` }];
  return [];
}
