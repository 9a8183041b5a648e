/**
 * Fitting the confidence calibration: a two-parameter logistic, P(top-1 is right) =
 * logistic(slope × raw top score + intercept), fitted by Newton's method (iteratively reweighted
 * least squares) with a small ridge so that separable data still gives finite parameters; and
 * leave-one-corpus-out, so the calibration scored on a corpus was never fitted on it.
 */

/** One paste's evidence for the calibration: our raw top score (0 when nothing was returned) and whether the top-1 was right. */
export interface CalibrationSample {
  score: number
  right: boolean
}

/** A fitted calibration. */
export interface LogisticFit {
  slope: number
  intercept: number
  samples: number
  iterations: number
}

/** Ridge on both parameters: negligible against hundreds of samples, enough to keep separable data finite. */
const RIDGE = 1e-3
const MAX_ITERATIONS = 100
const TOLERANCE = 1e-10

const logistic = (z: number): number => 1 / (1 + Math.exp(-z))

/** The maximum-likelihood logistic of `right` on `score` (with a small ridge); deterministic for the same samples in the same order. */
export function fitLogistic(samples: readonly CalibrationSample[]): LogisticFit {
  if (samples.length === 0) throw new Error('cannot fit a calibration on no samples')
  let a = 0 // slope
  let b = 0 // intercept
  let iterations = 0
  for (; iterations < MAX_ITERATIONS; iterations++) {
    // Gradient of the penalized log-likelihood, and minus its Hessian (X'WX + ridge).
    let ga = -RIDGE * a
    let gb = -RIDGE * b
    let haa = RIDGE
    let hab = 0
    let hbb = RIDGE
    for (const s of samples) {
      const p = logistic(a * s.score + b)
      const r = (s.right ? 1 : 0) - p
      const w = p * (1 - p)
      ga += r * s.score
      gb += r
      haa += w * s.score * s.score
      hab += w * s.score
      hbb += w
    }
    const det = haa * hbb - hab * hab
    const da = (hbb * ga - hab * gb) / det
    const db = (haa * gb - hab * ga) / det
    a += da
    b += db
    if (Math.abs(da) + Math.abs(db) < TOLERANCE) break
  }
  return { slope: a, intercept: b, samples: samples.length, iterations: iterations + 1 }
}

/** A sample tagged with every corpus it depends on: the KB it was asked against and the corpus its paste came from. */
export interface CorpusSample extends CalibrationSample {
  corpora: readonly string[]
}

/** The fit used to score one held-out corpus, and the corpora it was fitted on. */
export interface HeldOutFit<F> {
  heldOut: string
  trainedOn: string[]
  fit: F
}

/**
 * Leave one corpus out: for each corpus, fit on every sample that does not depend on it (neither
 * asked against its KB nor pasted from it). `fit` receives only those samples.
 */
export function leaveOneCorpusOut<F>(corpora: readonly string[], samples: readonly CorpusSample[], fit: (train: CorpusSample[]) => F): Array<HeldOutFit<F>> {
  return corpora.map((heldOut) => {
    const train = samples.filter((s) => !s.corpora.includes(heldOut))
    const trainedOn = [...new Set(train.flatMap((s) => s.corpora))].sort()
    return { heldOut, trainedOn, fit: fit(train) }
  })
}
