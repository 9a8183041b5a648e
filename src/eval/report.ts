/**
 * The eval's reports as text: tables of ranking quality per kind for each system, our confidence
 * measures, and the pastes our confidence got wrong. Deterministic (no timings, no temporary
 * paths), so two runs on the same data print the same.
 */
import type { ConfidentMiss, Figures, Miss, Row } from './evaluate.js'
import type { ConfidenceMetrics, RankMetrics } from './metrics.js'
import type { PastesReport, SelfReport } from './owner.js'
import { SYSTEM_TITLES, SYSTEMS, type System } from './systems.js'

/** A number to two places, or `-` when there is none. */
export const f2 = (x: number | null | undefined): string => (x === null || x === undefined ? '-' : x.toFixed(2))
/** A share as a percentage to one place, or `-`. */
export const pct = (x: number | null | undefined): string => (x === null || x === undefined ? '-' : `${(x * 100).toFixed(1)}%`)

/** Lines without trailing blanks (tables pad their columns). */
export const trimLines = (lines: readonly string[]): string => lines.map((l) => l.trimEnd()).join('\n')

/** Numbers in JSON rounded to 4 places: the same data prints the same figures. */
export const roundedJson = (v: unknown): string => JSON.stringify(v, (_k, x: unknown) => (typeof x === 'number' ? Math.round(x * 10000) / 10000 : x), 2)

const CELL = 17
const cell = (m: RankMetrics | undefined): string => (m ? [m.top1, m.top3, m.mrr].map((x) => f2(x).padStart(5)).join(' ') : '(not run)'.padStart(17))

/** The systems present in a table's rows. */
const systemsOf = (rows: readonly Row[]): System[] => SYSTEMS.filter((s) => rows.some((r) => r.systems[s] !== undefined))

/** A table of top-1, top-3 and MRR per kind (positives only) for each system, then the overall row. */
export function rankTable(f: Figures): string[] {
  const rows = f.byKind.filter((r) => r.positives > 0)
  const systems = systemsOf([f.overall])
  const lines = [
    `${''.padEnd(18)}| ${systems.map((s) => SYSTEM_TITLES[s].padEnd(CELL)).join(' | ')}`,
    `${'kind'.padEnd(14)}${'n'.padStart(4)}| ${systems.map(() => ['top1', 'top3', 'MRR'].map((h) => h.padStart(5)).join(' ')).join(' | ')}`,
  ]
  const rule = '-'.repeat(18 + systems.length * (CELL + 3))
  lines.push(rule)
  const line = (r: Row): string => `${r.kind.padEnd(14)}${String(r.positives).padStart(4)}| ${systems.map((s) => cell(r.systems[s]).padEnd(CELL)).join(' | ')}`
  for (const r of rows) lines.push(line(r))
  lines.push(rule, line(f.overall))
  return lines
}

/** Our confidence measures in one line. */
export function confidenceLine(c: ConfidenceMetrics): string {
  return (
    `ECE ${f2(c.ece)}, confident on ${pct(c.confidentRate)} of positives, confident and wrong on ${pct(c.confidentWrongRate)} (${c.confidentWrong}), ` +
    `confident on ${c.confidentOnNegatives} of ${c.negatives} negatives`
  )
}

/** One line per confident miss. */
export function missLines(title: string, list: readonly ConfidentMiss[]): string[] {
  if (list.length === 0) return []
  return [
    `${title} (${list.length}):`,
    ...list.map((m) => {
      const expected =
        m.expected === null
          ? m.from
            ? `nothing (a ${m.from} paste)`
            : 'nothing'
          : `${m.expected}${m.expectedRank > 0 ? ` (rank ${m.expectedRank})` : ' (not in top 10)'}`
      return `  ${m.id} [${m.kind}]: got ${m.got} at ${m.confidence.toFixed(3)}, expected ${expected}`
    }),
  ]
}

/** One line per positive whose top-1 is wrong (--verbose). */
export function failureLines(list: readonly Miss[]): string[] {
  if (list.length === 0) return []
  return [
    `top-1 misses (${list.length}):`,
    ...list.map(
      (m) =>
        `  ${m.id} [${m.kind}]: expected ${m.expected} (${m.expectedRank > 0 ? `rank ${m.expectedRank}` : 'not in top 10'}), got ${m.got ?? 'nothing'} at ${m.confidence.toFixed(3)}${m.confident ? ', confident' : ''}`,
    ),
  ]
}

/** `kb eval --pastes` as text: the table, our confidence measures, and the pastes it got wrong. */
export function pastesText(r: PastesReport): string {
  return trimLines([
    `${r.articles} articles; ${r.cases} pastes (${r.positives} positive, ${r.negatives} negative)${r.skipped.length > 0 ? `; ${r.skipped.length} skipped` : ''}`,
    ...r.skipped.map((s) => `  skipped ${s.id}: ${s.expect} is not an article of the KB`),
    ...rankTable(r),
    `ours: ${confidenceLine(r.confidence)}`,
    ...missLines('confident and wrong', r.confidentWrong),
    ...missLines('confident on a negative', r.confidentOnNegatives),
  ])
}

/** `kb eval --self` as text: as --pastes, then the articles their own symptoms did not all find. */
export function selfText(r: SelfReport): string {
  return trimLines([
    `${r.articles} articles; ${r.asked} of ${r.symptoms} symptoms asked, each left out of the KB (${r.rounds} rounds)`,
    ...rankTable(r),
    `ours: ${confidenceLine(r.confidence)}`,
    ...missLines('confident and wrong', r.confidentWrong),
    ...(r.notFound.length === 0
      ? ['every article was found first by each of its own symptoms']
      : [
          `articles not found first by their own symptoms (${r.notFound.length}):`,
          ...r.notFound.map((a) => `  ${a.id}: ${a.found} of ${a.asked}; first instead: ${a.instead.join(', ')}`),
        ]),
  ])
}
