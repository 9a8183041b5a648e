/**
 * Figures over several interleaved load rounds, and how sure a change between two servers is.
 *
 * Why pooled: one round's p99 on this shared 2-core machine moves by ±50% from the next round's for
 * the same server (a neighbour's burst lands in one round and not the other), so the median of the
 * rounds' own p99s still moved by more than the 10% the events comparison is judged by. The p99 of
 * every latency of every round, pooled, uses all the samples (about a million at 12 rounds of 3 s)
 * and, as the two servers' rounds alternate, both see the same mix of the machine's moods.
 *
 * Why a bootstrap over rounds: a latency sample is not independent of its neighbours (a pause
 * delays every request in flight), but rounds are close to independent; resampling whole rounds,
 * the pair of a round kept together, gives an interval for the change that reflects the noise
 * between rounds (a cluster bootstrap, percentile interval).
 */
import { mulberry32 } from './prng.js'

/** A latency histogram: [bucket, count] pairs, buckets 1% wide on a log scale (see bucketOf). */
export type LatencyHistogram = Array<[number, number]>

/** Bucket width: 1%, finer than the 10% compared (autocannon's whole milliseconds are 12% at 8 ms). */
const GROWTH = 1.01
const FLOOR_MS = 0.001
const LOG_GROWTH = Math.log(GROWTH)

/** The bucket of a latency in ms: bucket b holds (FLOOR_MS·1.01^(b-1), FLOOR_MS·1.01^b]. */
export function bucketOf(ms: number): number {
  return ms <= FLOOR_MS ? 0 : Math.ceil(Math.log(ms / FLOOR_MS) / LOG_GROWTH - 1e-9)
}

/** The latency a bucket stands for: its upper bound, so a quantile is never under-reported. */
export function bucketMs(bucket: number): number {
  return FLOOR_MS * GROWTH ** bucket
}

/** The histogram of some latencies (ms). */
export function histogramOf(latencies: ArrayLike<number>): LatencyHistogram {
  const counts = new Map<number, number>()
  for (let i = 0; i < latencies.length; i++) {
    const b = bucketOf(latencies[i]!)
    counts.set(b, (counts.get(b) ?? 0) + 1)
  }
  return [...counts.entries()].sort((a, b) => a[0] - b[0])
}

/** The q-quantile (nearest rank) of histograms pooled, in ms; NaN with no sample. */
export function pooledQuantile(hists: readonly LatencyHistogram[], q: number): number {
  // Dense counts: the bootstrap pools thousands of times, and a Map per pooling cost seconds.
  let top = 0
  for (const h of hists) if (h.length) top = Math.max(top, h[h.length - 1]![0])
  const counts = new Float64Array(top + 1)
  let total = 0
  for (const h of hists)
    for (const [b, c] of h) {
      counts[b]! += c
      total += c
    }
  if (total === 0) return Number.NaN
  const rank = Math.min(total, Math.max(1, Math.ceil(q * total)))
  let seen = 0
  for (let b = 0; b <= top; b++) {
    seen += counts[b]!
    if (seen >= rank) return bucketMs(b)
  }
  return Number.NaN
}

/** One load round of one server, as pooled: its latencies, answers, seconds and CPU time. */
export interface Round {
  hist: LatencyHistogram
  requests: number
  durationS: number
  /** The server's CPU time over the round, in µs (undefined when it could not be read). */
  cpuTotalUs?: number
}

/** What is compared between two servers' rounds. */
export type Figure = 'p99' | 'rps' | 'cpuUs'

/** A figure of several rounds pooled: p99 over every latency, req/s and CPU per answer over the total. */
export function pooled(rounds: readonly Round[], figure: Figure): number {
  if (figure === 'p99')
    return pooledQuantile(
      rounds.map((r) => r.hist),
      0.99,
    )
  const requests = rounds.reduce((a, r) => a + r.requests, 0)
  if (figure === 'rps')
    return (
      requests /
      Math.max(
        0.001,
        rounds.reduce((a, r) => a + r.durationS, 0),
      )
    )
  if (rounds.some((r) => r.cpuTotalUs === undefined) || requests === 0) return Number.NaN
  return rounds.reduce((a, r) => a + r.cpuTotalUs!, 0) / requests
}

/** A change from a baseline, with its 95% interval when there are rounds enough to bootstrap. */
export interface Change {
  change: number
  lo?: number
  hi?: number
}

const RESAMPLES = 1000

/**
 * The change of a figure from `base` to `other`, pooled over rounds (round i of each ran back to
 * back), with a 95% percentile interval from resampling whole pairs of rounds (seeded: the same
 * rounds give the same interval). Fewer than 4 pairs: no interval.
 */
export function pairedChange(base: readonly Round[], other: readonly Round[], figure: Figure, seed = 17): Change {
  const change = pooled(other, figure) / pooled(base, figure) - 1
  const n = Math.min(base.length, other.length)
  if (n < 4 || !Number.isFinite(change)) return { change }
  const next = mulberry32(seed)
  const changes: number[] = []
  for (let k = 0; k < RESAMPLES; k++) {
    const a: Round[] = []
    const b: Round[] = []
    for (let i = 0; i < n; i++) {
      const j = Math.floor(next() * n)
      a.push(base[j]!)
      b.push(other[j]!)
    }
    const c = pooled(b, figure) / pooled(a, figure) - 1
    if (Number.isFinite(c)) changes.push(c)
  }
  changes.sort((x, y) => x - y)
  const at = (q: number) => changes[Math.min(changes.length - 1, Math.max(0, Math.round(q * (changes.length - 1))))]!
  return { change, lo: at(0.025), hi: at(0.975) }
}
