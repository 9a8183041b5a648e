/**
 * The eval's measures, pure: ranking quality (top-1, top-3, MRR) over labelled pastes, and how
 * well our confidence says what it means (expected calibration error, confident and
 * confident-wrong rates). Every share is of the cases it names; null when there are none.
 */

/** Ranks beyond this count as a miss for MRR, for every system alike. */
export const RANK_CUTOFF = 10
/** Equal-width confidence bins of the expected calibration error. */
export const ECE_BINS = 10

/** Ranking quality over positive pastes. */
export interface RankMetrics {
  positives: number
  top1: number | null
  top3: number | null
  mrr: number | null
}

/** How our confidence behaves on a set of pastes (positives and negatives). */
export interface ConfidenceMetrics {
  /** Expected calibration error of the top-1 confidence, over every paste (a negative's top-1 is never right). */
  ece: number | null
  /** Share of positives answered confidently (right or wrong). */
  confidentRate: number | null
  /** Share of positives answered confidently with a wrong article. */
  confidentWrongRate: number | null
  confidentWrong: number
  negatives: number
  /** Negatives answered confidently (each one a false answer). */
  confidentOnNegatives: number
}

/** One paste as a system answered it: the ids it ranked, best first, and what was expected (null: nothing fits). */
export interface Ranked {
  ranked: readonly string[]
  expect: string | null
}

/** One paste as we answered it: our ranking plus the top-1's confidence and whether it was presented as the answer. */
export interface Answered extends Ranked {
  confidence: number
  confident: boolean
}

/** A share, or null when there is nothing to take a share of. */
export const share = (n: number, d: number): number | null => (d === 0 ? null : n / d)

/** The 1-based rank of `id` within the cutoff, or 0 when it is not there. */
export function rankOf(ranked: readonly string[], id: string, cutoff = RANK_CUTOFF): number {
  const i = ranked.indexOf(id)
  return i < 0 || i >= cutoff ? 0 : i + 1
}

/** Top-1, top-3 and MRR over the positive pastes (negatives are ignored). */
export function rankMetrics(cases: readonly Ranked[], cutoff = RANK_CUTOFF): RankMetrics {
  let positives = 0
  let top1 = 0
  let top3 = 0
  let rr = 0
  for (const c of cases) {
    if (c.expect === null) continue
    positives++
    const rank = rankOf(c.ranked, c.expect, cutoff)
    if (rank === 1) top1++
    if (rank >= 1 && rank <= 3) top3++
    if (rank >= 1) rr += 1 / rank
  }
  return { positives, top1: share(top1, positives), top3: share(top3, positives), mrr: share(rr, positives) }
}

/** True when our top-1 is the expected article (never for a negative). */
export const isRight = (c: Ranked): boolean => c.expect !== null && c.ranked[0] === c.expect

/**
 * Expected calibration error: the pastes binned by top-1 confidence into equal-width bins ([lo, hi),
 * the last one holding 1.0), then the mean over bins of |share right - mean confidence|, weighted
 * by the bin's share of pastes.
 */
export function expectedCalibrationError(points: ReadonlyArray<{ confidence: number; right: boolean }>, bins = ECE_BINS): number | null {
  if (points.length === 0) return null
  const n = new Array<number>(bins).fill(0)
  const conf = new Array<number>(bins).fill(0)
  const right = new Array<number>(bins).fill(0)
  for (const p of points) {
    const b = Math.min(bins - 1, Math.max(0, Math.floor(p.confidence * bins)))
    n[b]!++
    conf[b]! += p.confidence
    if (p.right) right[b]!++
  }
  let ece = 0
  for (let b = 0; b < bins; b++) if (n[b]! > 0) ece += (n[b]! / points.length) * Math.abs(right[b]! / n[b]! - conf[b]! / n[b]!)
  return ece
}

/** Our confidence measures over a set of answered pastes. */
export function confidenceMetrics(cases: readonly Answered[]): ConfidenceMetrics {
  const positives = cases.filter((c) => c.expect !== null)
  const negatives = cases.filter((c) => c.expect === null)
  const confident = positives.filter((c) => c.confident)
  const wrong = confident.filter((c) => !isRight(c)).length
  return {
    ece: expectedCalibrationError(cases.map((c) => ({ confidence: c.confidence, right: isRight(c) }))),
    confidentRate: share(confident.length, positives.length),
    confidentWrongRate: share(wrong, positives.length),
    confidentWrong: wrong,
    negatives: negatives.length,
    confidentOnNegatives: negatives.filter((c) => c.confident).length,
  }
}
