/**
 * `npm run eval`: every corpus's labelled pastes against that corpus's own KB, with positives of
 * other products' corpora as extra out-of-KB negatives, and the confidence calibration fitted
 * leave-one-corpus-out, so that each corpus is scored with a calibration never fitted on it.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { MATCH_DEFAULTS, optionsDigest, type MatchOptions } from '../core/match/options.js'
import { type CorpusSample, fitLogistic, leaveOneCorpusOut } from './calibration.js'
import { type EvalCase } from './cases.js'
import { BUNDLED, buildCorpusKb, type CorpusKb, type CorpusSource } from './corpora.js'
import { type CaseRun, figures, type Figures, runCases, systemsFor } from './evaluate.js'
import { type ConfidenceMetrics, confidenceMetrics, isRight } from './metrics.js'
import { answered } from './evaluate.js'

/** What the harness needs. */
export interface HarnessOptions {
  corpora: CorpusSource[]
  cases: EvalCase[]
  /** Mapping files of imported corpora: `<mapsDir>/<corpus>.yml`. */
  mapsDir?: string
  /** False: every KB is built with no synonyms at all, neither the built-in list nor its synonyms.yml, to measure what they do (default true). */
  synonyms?: boolean
  /** The product family of each corpus (default: its own name): pastes of one family are not out-of-KB for a KB of the same family. */
  families?: Record<string, string>
  /** Positives taken from each corpus of another family as out-of-KB negatives for a KB (a fixed sample). */
  crossNegatives?: number
  /** The matching options (their calibration is the shipped one being reported). */
  options?: MatchOptions
}

/** A fitted calibration as options.ts holds it. */
export interface Calibration {
  slope: number
  intercept: number
  optionsDigest: string
}

/** One corpus's figures. */
export interface CorpusReport {
  corpus: string
  family: string
  articles: number
  files?: { imported: number; skipped: number }
  map?: string
  warnings: string[]
  /** Out-of-KB negatives taken from each other corpus. */
  crossNegatives: Record<string, number>
  /** The calibration it is scored with: fitted on the other corpora only. */
  heldOutCalibration: Calibration & { trainedOn: string[]; samples: number }
  heldOut: Figures
  /** Our confidence measures with the calibration options.ts ships (fitted on every corpus, this one included). */
  shipped: ConfidenceMetrics
}

/** The harness's answer. */
export interface HarnessReport {
  corpora: CorpusReport[]
  /** Corpora that gave no KB, and why. */
  unbuilt: Array<{ corpus: string; reason: string }>
  dataset: { cases: number; evaluated: number; skipped: Array<{ id: string; reason: string }> }
  confidenceThreshold: number
  shippedCalibration: Calibration
  /** Fitted on every corpus: what options.ts should ship. */
  recommendedCalibration: Calibration & { samples: number }
}

/** Default out-of-KB negatives per other corpus. */
export const CROSS_NEGATIVES = 20

/** FNV-1a of a string: a fixed, platform-independent order for sampling. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0
  return h
}

/** A fixed sample of `n` cases: ordered by a hash of the id (then the id), the first n. */
export function sampleCases(cases: readonly EvalCase[], n: number): EvalCase[] {
  return [...cases]
    .map((c) => ({ c, h: fnv1a(c.id) }))
    .sort((a, b) => a.h - b.h || (a.c.id < b.c.id ? -1 : a.c.id > b.c.id ? 1 : 0))
    .slice(0, n)
    .map((x) => x.c)
}

/**
 * The corpus a case is asked against: its `corpus` field, else (older data) `bundled` for a
 * negative or an id of the bundled articles, else the corpus whose KB holds the expected id.
 */
export function corpusOf(c: EvalCase, kbs: readonly CorpusKb[]): string | undefined {
  if (c.corpus !== undefined) return c.corpus
  if (c.expect === null) return BUNDLED
  return kbs.find((kb) => kb.artifact.articles.some((a) => a.id === c.expect))?.name
}

const round = (x: number, places: number): number => Math.round(x * 10 ** places) / 10 ** places

/** A fitted logistic as a calibration of these options (slope and intercept rounded as options.ts writes them). */
const asCalibration = (fit: { slope: number; intercept: number }, options: MatchOptions): Calibration => ({
  slope: round(fit.slope, 2),
  intercept: round(fit.intercept, 2),
  optionsDigest: optionsDigest(options),
})

/** Build every corpus's KB, run its pastes, fit the calibration leaving each corpus out, and score each with its own fit. */
export async function runHarness(opts: HarnessOptions): Promise<HarnessReport> {
  const options = opts.options ?? MATCH_DEFAULTS
  const families = opts.families ?? {}
  const familyOf = (corpus: string): string => families[corpus] ?? corpus
  const crossN = opts.crossNegatives ?? CROSS_NEGATIVES

  const tmp = await mkdtemp(path.join(os.tmpdir(), 'kb-eval-'))
  const kbs: CorpusKb[] = []
  const unbuilt: HarnessReport['unbuilt'] = []
  try {
    for (const source of opts.corpora) {
      // An imported corpus that gives no KB is reported, not fatal: the others are still measured. The bundled articles must build.
      const kb = await buildCorpusKb(source, tmp, opts.mapsDir, opts.synonyms).catch((err: unknown) => {
        if (source.form === 'articles') throw err
        unbuilt.push({ corpus: source.name, reason: err instanceof Error ? err.message : String(err) })
        return undefined
      })
      if (kb) kbs.push(kb)
    }
  } finally {
    await rm(tmp, { recursive: true, force: true })
  }

  // Each case on its corpus's KB; a case whose corpus or expected article is not there is skipped, with the reason.
  const skipped: HarnessReport['dataset']['skipped'] = []
  const own = new Map<string, EvalCase[]>(kbs.map((kb) => [kb.name, []]))
  for (const c of opts.cases) {
    const corpus = corpusOf(c, kbs)
    const kb = kbs.find((k) => k.name === corpus)
    if (!kb) skipped.push({ id: c.id, reason: corpus === undefined ? `expected article ${c.expect} is in no corpus` : `no KB for corpus ${corpus}` })
    else if (c.expect !== null && !kb.artifact.articles.some((a) => a.id === c.expect))
      skipped.push({ id: c.id, reason: `${c.expect} is not in the ${corpus} KB` })
    else own.get(kb.name)!.push({ ...c, corpus: kb.name })
  }

  // Run every corpus's pastes (its own, then a fixed sample of other products' positives) with the shipped options.
  const asked = new Map<string, Array<{ c: EvalCase; from?: string }>>()
  const crossCounts = new Map<string, Record<string, number>>()
  for (const kb of kbs) {
    const list: Array<{ c: EvalCase; from?: string }> = own.get(kb.name)!.map((c) => ({ c }))
    const counts: Record<string, number> = {}
    for (const other of kbs) {
      if (familyOf(other.name) === familyOf(kb.name)) continue
      const sample = sampleCases(
        own.get(other.name)!.filter((c) => c.expect !== null),
        crossN,
      )
      counts[other.name] = sample.length
      for (const c of sample) list.push({ c: { ...c, corpus: kb.name, kind: 'out-of-kb', expect: null }, from: other.name })
    }
    asked.set(kb.name, list)
    crossCounts.set(kb.name, counts)
  }
  const shippedRuns = new Map<string, CaseRun[]>()
  for (const kb of kbs) shippedRuns.set(kb.name, runCases(asked.get(kb.name)!, await systemsFor(kb.artifact, options)))

  // The calibration's evidence: each paste's raw top score and whether its top-1 was right, tagged with the corpora it depends on.
  const samples: CorpusSample[] = []
  for (const [corpus, runs] of shippedRuns) {
    for (const r of runs) samples.push({ score: r.ours.score, right: isRight(answered(r)), corpora: r.from === undefined ? [corpus] : [corpus, r.from] })
  }
  const names = kbs.map((k) => k.name)
  // A corpus with nothing else to fit on (a single corpus) is scored with the shipped calibration.
  const folds = leaveOneCorpusOut(names, samples, (train) => (train.length > 0 ? fitLogistic(train) : undefined))
  const all = fitLogistic(samples)

  const reports: CorpusReport[] = []
  for (const kb of kbs) {
    const fold = folds.find((f) => f.heldOut === kb.name)!
    const calibration = fold.fit ? asCalibration(fold.fit, options) : { ...options.calibration }
    const held = runCases(asked.get(kb.name)!, await systemsFor(kb.artifact, { ...options, calibration }, false))
    const shipped = shippedRuns.get(kb.name)!
    // Rankings do not depend on the calibration: the baselines' come from the first run.
    const heldOut = held.map((r, i) => ({ ...shipped[i]!, ranked: { ...shipped[i]!.ranked, ours: r.ours.ranked }, ours: r.ours }))
    reports.push({
      corpus: kb.name,
      family: familyOf(kb.name),
      articles: kb.artifact.articles.length,
      ...(kb.files ? { files: kb.files } : {}),
      ...(kb.map ? { map: path.basename(kb.map) } : {}),
      warnings: kb.warnings,
      crossNegatives: crossCounts.get(kb.name)!,
      heldOutCalibration: { ...calibration, trainedOn: fold.trainedOn, samples: fold.fit?.samples ?? 0 },
      heldOut: figures(heldOut),
      shipped: confidenceMetrics(shipped.map(answered)),
    })
  }
  return {
    corpora: reports,
    unbuilt,
    dataset: { cases: opts.cases.length, evaluated: opts.cases.length - skipped.length, skipped },
    confidenceThreshold: options.confidenceThreshold,
    shippedCalibration: { ...options.calibration },
    recommendedCalibration: { ...asCalibration(all, options), samples: all.samples },
  }
}
