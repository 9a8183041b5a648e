/**
 * A small seeded PRNG (mulberry32) and the sampling helpers the generator needs. Everything the
 * generator writes comes from here, so the same seed gives the same bytes on every machine.
 */

/** mulberry32: 32-bit state, fast, good enough for test data. Returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Mix two integers into a seed (so article i of seed s gets its own stream). */
export function mixSeed(a: number, b: number): number {
  let h = (a ^ 0x9e3779b9) >>> 0
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0
  h = (h ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35)) >>> 0
  h = Math.imul(h ^ (h >>> 13), 0x27d4eb2f) >>> 0
  return (h ^ (h >>> 16)) >>> 0
}

/** Sampling helpers over one mulberry32 stream. */
export class Rng {
  readonly next: () => number

  constructor(seed: number) {
    this.next = mulberry32(seed)
  }

  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  /** Uniform pick. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list')
    return items[Math.floor(this.next() * items.length)]!
  }

  /**
   * Skewed pick: the first items come up far more often than the last (a power law, roughly
   * Zipf-like), which is how word use in a real KB looks. `skew` 1 is uniform; 2.5 is steep.
   */
  zipf<T>(items: readonly T[], skew = 2.2): T {
    if (items.length === 0) throw new Error('pick from an empty list')
    return items[Math.floor(this.next() ** skew * items.length)]!
  }

  /** `k` distinct items (or all of them, if fewer), in pick order. */
  sample<T>(items: readonly T[], k: number, skew = 1): T[] {
    const out: T[] = []
    const seen = new Set<number>()
    const n = Math.min(k, items.length)
    let guard = 0
    while (out.length < n && guard++ < n * 20) {
      const i = Math.floor(this.next() ** skew * items.length)
      if (seen.has(i)) continue
      seen.add(i)
      out.push(items[i]!)
    }
    return out
  }

  /** `n` lowercase hex digits. */
  hex(n: number): string {
    let s = ''
    for (let i = 0; i < n; i++) s += '0123456789abcdef'[Math.floor(this.next() * 16)]
    return s
  }

  /** `n` decimal digits (leading zeros allowed). */
  digits(n: number): string {
    let s = ''
    for (let i = 0; i < n; i++) s += String(Math.floor(this.next() * 10))
    return s
  }
}
