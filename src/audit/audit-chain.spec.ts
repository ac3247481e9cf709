import { createHash } from 'node:crypto';
import { ChainVerifier, GENESIS_HASH, hashEvent } from './audit-chain.js';
import type { ChainedEvent, UnhashedEvent } from './audit-chain.js';

function unhashed(seq: number, prevHash: string, overrides: Partial<UnhashedEvent> = {}): UnhashedEvent {
  return {
    seq,
    occurredAt: `2026-03-0${(seq % 9) + 1}T09:30:00.000Z`,
    actorId: '2f1d4c0e-8a7b-4c36-9a51-0d3f5e6a7b8c',
    actorEmail: 'quality@example.org',
    action: seq === 1 ? 'user.create' : 'user.update',
    entityType: 'user',
    entityId: `user-${seq}`,
    entityVersion: seq,
    changes: { name: { old: `Name ${seq - 1}`, new: `Name ${seq}` } },
    reason: null,
    requestId: `req-${seq}`,
    prevHash,
    ...overrides,
  };
}

/** A correct chain of n events from the genesis hash. */
function chain(n: number, from = 1, prevHash = GENESIS_HASH): ChainedEvent[] {
  const out: ChainedEvent[] = [];
  let prev = prevHash;
  for (let seq = from; seq < from + n; seq++) {
    const e = unhashed(seq, prev);
    const hash = hashEvent(e);
    out.push({ ...e, hash });
    prev = hash;
  }
  return out;
}

function verify(events: ChainedEvent[], opts?: { anchored?: boolean }) {
  const v = new ChainVerifier(opts);
  for (const e of events) if (!v.push(e)) break;
  return v;
}

describe('hashEvent', () => {
  const e = unhashed(1, GENESIS_HASH);

  it('is SHA-256 over the canonical JSON (RFC 8785) of every member but the hash', () => {
    const canonical =
      '{"action":"user.create","actorEmail":"quality@example.org","actorId":"2f1d4c0e-8a7b-4c36-9a51-0d3f5e6a7b8c",' +
      '"changes":{"name":{"new":"Name 1","old":"Name 0"}},"entityId":"user-1","entityType":"user","entityVersion":1,' +
      `"occurredAt":"2026-03-02T09:30:00.000Z","prevHash":"${GENESIS_HASH}","reason":null,"requestId":"req-1","seq":1}`;
    expect(hashEvent(e)).toBe(createHash('sha256').update(canonical).digest('hex'));
  });

  it('is deterministic', () => {
    expect(hashEvent(e)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashEvent({ ...e })).toBe(hashEvent(e));
    expect(hashEvent(structuredClone(e))).toBe(hashEvent(e));
  });

  it('does not depend on the order of keys, at any depth', () => {
    const reordered = Object.fromEntries(Object.entries(e).reverse()) as unknown as UnhashedEvent;
    expect(hashEvent(reordered)).toBe(hashEvent(e));
    const changesA = { roles: { old: ['a'], new: ['b'] }, name: { old: 'x', new: 'y' } };
    const changesB = { name: { new: 'y', old: 'x' }, roles: { new: ['b'], old: ['a'] } };
    expect(hashEvent({ ...e, changes: changesA })).toBe(hashEvent({ ...e, changes: changesB }));
  });

  it('depends on array order, which is data', () => {
    const a = hashEvent({ ...e, changes: { roles: { old: null, new: ['admin', 'auditor'] } } });
    const b = hashEvent({ ...e, changes: { roles: { old: null, new: ['auditor', 'admin'] } } });
    expect(a).not.toBe(b);
  });

  it('changes when any member changes', () => {
    const variants: Partial<UnhashedEvent>[] = [
      { seq: 2 },
      { occurredAt: '2026-03-02T09:30:00.001Z' },
      { actorId: null },
      { actorEmail: 'other@example.org' },
      { action: 'user.delete' },
      { entityType: 'procedure' },
      { entityId: 'user-2' },
      { entityVersion: null },
      { changes: {} },
      { reason: 'correction' },
      { requestId: null },
      { prevHash: 'f'.repeat(64) },
    ];
    const hashes = new Set([hashEvent(e), ...variants.map((v) => hashEvent({ ...e, ...v }))]);
    expect(hashes.size).toBe(variants.length + 1);
  });

  it('ignores a hash member and members outside the event', () => {
    const withExtras = { ...e, hash: 'whatever', note: 'not part of an event' } as UnhashedEvent;
    expect(hashEvent(withExtras)).toBe(hashEvent(e));
  });
});

describe('ChainVerifier', () => {
  it('accepts a correct chain and reports its extent and head', () => {
    const events = chain(5);
    const v = verify(events);
    expect(v.checkHead({ seq: 5, hash: events[4].hash })).toBe(true);
    expect(v.verdict()).toEqual({ valid: true, events: 5, firstSeq: 1, lastSeq: 5, headHash: events[4].hash });
  });

  it('accepts the empty chain, whose head is the genesis hash', () => {
    const v = new ChainVerifier();
    expect(v.checkHead({ seq: 0, hash: GENESIS_HASH })).toBe(true);
    expect(v.verdict()).toEqual({ valid: true, events: 0, firstSeq: null, lastSeq: null, headHash: GENESIS_HASH });
  });

  it('reports a missing event as a sequence gap at its seq', () => {
    const events = chain(5);
    const v = verify([...events.slice(0, 2), ...events.slice(3)]);
    expect(v.verdict()).toMatchObject({ valid: false, firstInvalidSeq: 3, problem: 'sequence_gap', events: 2, lastSeq: 2 });
  });

  it('reports a chain that does not start at 1', () => {
    expect(verify(chain(3).slice(1)).verdict()).toMatchObject({ valid: false, firstInvalidSeq: 1, problem: 'sequence_gap' });
  });

  it('reports a duplicated or out-of-order event', () => {
    const events = chain(4);
    expect(verify([events[0], events[1], events[1], events[2]]).verdict()).toMatchObject({
      valid: false,
      firstInvalidSeq: 3,
      problem: 'sequence_gap',
      detail: expect.stringContaining('out of order or duplicated'),
    });
  });

  it('reports an event that does not point at its predecessor as a broken link', () => {
    const events = chain(4);
    const relinked = unhashed(3, 'a'.repeat(64));
    events[2] = { ...relinked, hash: hashEvent(relinked) };
    expect(verify(events).verdict()).toMatchObject({ valid: false, firstInvalidSeq: 3, problem: 'broken_link', events: 2 });
  });

  it('reports an altered event as a hash mismatch', () => {
    const events = chain(4);
    events[1] = { ...events[1], changes: { name: { old: 'Name 1', new: 'Forged' } } };
    expect(verify(events).verdict()).toMatchObject({ valid: false, firstInvalidSeq: 2, problem: 'hash_mismatch', events: 1 });
  });

  it('reports an altered event with a recomputed hash at the next event', () => {
    const events = chain(4);
    const forged = { ...events[1], action: 'user.delete' };
    events[1] = { ...forged, hash: hashEvent(forged) };
    expect(verify(events).verdict()).toMatchObject({ valid: false, firstInvalidSeq: 3, problem: 'broken_link' });
  });

  it('reports a head that does not match the last event', () => {
    const events = chain(3);
    const v = verify(events);
    expect(v.checkHead({ seq: 3, hash: 'b'.repeat(64) })).toBe(false);
    expect(v.verdict()).toMatchObject({ valid: false, firstInvalidSeq: 3, problem: 'head_mismatch' });
  });

  it('reports events missing at the end, when the head is further on', () => {
    const v = verify(chain(3));
    expect(v.checkHead({ seq: 5, hash: 'c'.repeat(64) })).toBe(false);
    expect(v.verdict()).toMatchObject({ valid: false, firstInvalidSeq: 4, problem: 'sequence_gap' });
  });

  it('reports events beyond the head as unexpected', () => {
    const events = chain(4);
    const v = verify(events);
    expect(v.checkHead({ seq: 3, hash: events[2].hash })).toBe(false);
    expect(v.verdict()).toMatchObject({ valid: false, firstInvalidSeq: 4, problem: 'unexpected_event' });

    const w = verify(chain(2));
    w.reportUnexpected(3);
    expect(w.verdict()).toMatchObject({ valid: false, firstInvalidSeq: 3, problem: 'unexpected_event' });
  });

  it.each([
    ['a missing member', (e: ChainedEvent) => ({ ...e, action: undefined })],
    ['a member of the wrong type', (e: ChainedEvent) => ({ ...e, seq: String(e.seq) })],
    ['changes that are not an object', (e: ChainedEvent) => ({ ...e, changes: null })],
    ['not an object at all', () => 'event'],
  ])('reports %s as a malformed event', (_what, spoil) => {
    const events = chain(3);
    const v = verify([events[0], spoil(events[1]) as unknown as ChainedEvent, events[2]]);
    expect(v.verdict()).toMatchObject({ valid: false, firstInvalidSeq: 2, problem: 'malformed_event', events: 1 });
  });

  it('reports input that is not an event at the seq expected next', () => {
    const v = verify(chain(2));
    v.reportMalformed('line 3 is not JSON');
    expect(v.verdict()).toMatchObject({ valid: false, firstInvalidSeq: 3, problem: 'malformed_event', detail: 'line 3 is not JSON' });
  });

  it('keeps the first failure and ignores what follows', () => {
    const events = chain(5);
    events[1] = { ...events[1], action: 'user.delete' };
    const v = new ChainVerifier();
    expect(v.push(events[0])).toBe(true);
    expect(v.push(events[1])).toBe(false);
    expect(v.failed).toBe(true);
    expect(v.push(events[2])).toBe(false);
    expect(v.checkHead({ seq: 5, hash: events[4].hash })).toBe(false);
    v.reportUnexpected(9);
    expect(v.verdict()).toMatchObject({ valid: false, firstInvalidSeq: 2, problem: 'hash_mismatch', events: 1, lastSeq: 1 });
  });

  it('checks an export that starts later from its first prevHash when not anchored', () => {
    const all = chain(6);
    const tail = all.slice(3);
    expect(verify(tail, { anchored: false }).verdict()).toEqual({ valid: true, events: 3, firstSeq: 4, lastSeq: 6, headHash: all[5].hash });
    expect(verify([tail[0], tail[2]], { anchored: false }).verdict()).toMatchObject({
      valid: false,
      firstInvalidSeq: 5,
      problem: 'sequence_gap',
    });
  });
});
