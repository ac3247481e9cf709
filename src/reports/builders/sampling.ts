/**
 * The auditor's random sample of subjects: `size` of `total`, drawn with a seeded generator so
 * that the same seed draws the same subjects again (on the same list of subjects). The seed is
 * printed in the report; anyone can repeat the draw with it.
 */

/** Largest seed accepted and generated: any 32-bit unsigned integer. */
export const MAX_SEED = 4_294_967_295;

/** Mulberry32: a small, well-spread 32-bit generator; the same seed gives the same sequence everywhere. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The positions (0-based, ascending) of `size` of `total` items chosen at random with `seed`: the
 * first `size` steps of a Fisher–Yates shuffle. `size` above `total` takes every item.
 */
export function samplePositions(total: number, size: number, seed: number): number[] {
  const n = Math.min(total, Math.max(0, size));
  const next = generator(seed);
  const positions = Array.from({ length: total }, (_, i) => i);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(next() * (total - i));
    [positions[i], positions[j]] = [positions[j], positions[i]];
  }
  return positions.slice(0, n).sort((a, b) => a - b);
}
