/**
 * Deterministic UUIDs (version 4 layout) from a seed: the same seed gives the same sequence, so
 * the demo plant has the same ids on every machine. A 32-bit mulberry generator is plenty here
 * (uniqueness within one assessment, not unpredictability); no library offers a seeded UUID.
 */
export function seededIds(seed: string): () => string {
  let state = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) state = Math.imul(state ^ seed.charCodeAt(i), 0x01000193) >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const hex8 = () => next().toString(16).padStart(8, '0');
  return () => {
    const a = hex8();
    const b = hex8();
    const c = hex8();
    const d = hex8();
    const variant = ((parseInt(c[0]!, 16) & 0x3) | 0x8).toString(16);
    return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`;
  };
}
