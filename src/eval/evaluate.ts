/**
 * Running labelled pastes through the systems over one KB, and summing up what came back: per
 * kind and overall, ranking quality for each system and our confidence measures, with the
 * pastes our confidence got wrong listed by name.
 */
import type { IndexedKb } from '../core/article.js'
import { MATCH_DEFAULTS, type MatchOptions } from '../core/match/options.js'
import { compareKinds, type EvalCase } from './cases.js'
import { type Answered, confidenceMetrics, type ConfidenceMetrics, isRight, rankMetrics, type RankMetrics, rankOf } from './metrics.js'
import { loadMiniSearch, type OurAnswer, ours, plainLunr, plainMiniSearch, type Ranker, type System, SYSTEMS } from './systems.js'

/** The systems over one KB. `mini` is absent when MiniSearch is not installed; `baselines: false` leaves both baselines out. */
export interface Systems {
  ours: (text: string) => OurAnswer
  lunr?: Ranker
  mini?: Ranker
}

/** Build the systems for a KB: ours with `options`, and the baselines unless left out. */
export async function systemsFor(kb: IndexedKb, options: MatchOptions = MATCH_DEFAULTS, baselines = true): Promise<Systems> {
  const s: Systems = { ours: ours(kb, options) }
  if (!baselines) return s
  s.lunr = plainLunr(kb.articles)
  const MiniSearch = await loadMiniSearch()
  if (MiniSearch) s.mini = plainMiniSearch(MiniSearch, kb.articles)
  return s
}

/** One paste as each system answered it. `from`: the corpus an out-of-KB negative was taken from. */
export interface CaseRun {
  c: EvalCase
  from?: string
  ranked: Partial<Record<System, string[]>>
  ours: OurAnswer
}

/** Run every paste through the systems. */
export function runCases(cases: ReadonlyArray<{ c: EvalCase; from?: string }>, systems: Systems): CaseRun[] {
  return cases.map(({ c, from }) => {
    const answer = systems.ours(c.text)
    const ranked: CaseRun['ranked'] = { ours: answer.ranked }
    if (systems.lunr) ranked.lunr = systems.lunr(c.text)
    if (systems.mini) ranked.mini = systems.mini(c.text)
    return { c, ...(from === undefined ? {} : { from }), ranked, ours: answer }
  })
}

/** Our answer in the shape the confidence measures take. */
export const answered = (r: CaseRun): Answered => ({ ranked: r.ours.ranked, expect: r.c.expect, confidence: r.ours.confidence, confident: r.ours.confident })

/** Ranking quality of each system that ran, over some pastes. */
export interface Row {
  kind: string
  cases: number
  positives: number
  systems: Partial<Record<System, RankMetrics>>
}

/** A paste our confidence got wrong: a confident wrong article for a positive, a confident answer for a negative. */
export interface ConfidentMiss {
  id: string
  kind: string
  from?: string
  expected: string | null
  got: string
  confidence: number
  /** Rank of the expected article in our results (0: not in the top RANK_CUTOFF). */
  expectedRank: number
}

/** Our failures for --verbose: positives whose top-1 is not the expected article. */
export interface Miss {
  id: string
  kind: string
  expected: string
  got: string | null
  confidence: number
  confident: boolean
  expectedRank: number
}

/** Everything measured over one KB's pastes. */
export interface Figures {
  cases: number
  positives: number
  negatives: number
  byKind: Row[]
  overall: Row
  confidence: ConfidenceMetrics
  confidentWrong: ConfidentMiss[]
  confidentOnNegatives: ConfidentMiss[]
  misses: Miss[]
}

function row(kind: string, runs: readonly CaseRun[]): Row {
  const systems: Row['systems'] = {}
  for (const s of SYSTEMS) {
    if (runs.length > 0 && runs.every((r) => r.ranked[s] !== undefined))
      systems[s] = rankMetrics(runs.map((r) => ({ ranked: r.ranked[s]!, expect: r.c.expect })))
  }
  return { kind, cases: runs.length, positives: runs.filter((r) => r.c.expect !== null).length, systems }
}

const miss = (r: CaseRun): ConfidentMiss => ({
  id: r.c.id,
  kind: r.c.kind,
  ...(r.from === undefined ? {} : { from: r.from }),
  expected: r.c.expect,
  got: r.ours.ranked[0]!,
  confidence: r.ours.confidence,
  expectedRank: r.c.expect === null ? 0 : rankOf(r.ours.ranked, r.c.expect),
})

/** Sum up runs: a row per kind (display order) and overall, our confidence measures, and the pastes it got wrong. */
export function figures(runs: readonly CaseRun[]): Figures {
  const kinds = [...new Set(runs.map((r) => r.c.kind))].sort(compareKinds)
  const positives = runs.filter((r) => r.c.expect !== null)
  return {
    cases: runs.length,
    positives: positives.length,
    negatives: runs.length - positives.length,
    byKind: kinds.map((k) =>
      row(
        k,
        runs.filter((r) => r.c.kind === k),
      ),
    ),
    overall: row('overall', runs),
    confidence: confidenceMetrics(runs.map(answered)),
    confidentWrong: positives.filter((r) => r.ours.confident && !isRight(answered(r))).map(miss),
    confidentOnNegatives: runs.filter((r) => r.c.expect === null && r.ours.confident).map(miss),
    misses: positives
      .filter((r) => !isRight(answered(r)))
      .map((r) => ({
        id: r.c.id,
        kind: r.c.kind,
        expected: r.c.expect!,
        got: r.ours.ranked[0] ?? null,
        confidence: r.ours.confidence,
        confident: r.ours.confident,
        expectedRank: rankOf(r.ours.ranked, r.c.expect!),
      })),
  }
}
