/**
 * What of a paste is compared with symptoms: its most informative lines and windows of lines
 * around them (messages wrapped over several lines), indexed by term number; and the segment that
 * best matches one symptom, scored by rarity-weighted coverage and word order.
 */
import { indexByTerm } from '../analysis/terms.js'
import type { MatchOptions } from './options.js'
import type { Paste, PasteLine } from './paste.js'
import { numberPairs, type WeightedSymptom } from './profile.js'

/** A pasted line, or a window of consecutive lines (a message wrapped over several), to compare with symptoms. */
export interface Segment {
  /** Index of its first line in the paste, and how many lines it spans. */
  first: number
  count: number
  /** Its terms' numbers in order (-1 for a term no article has). */
  ids: Int32Array
  /** Adjacent pairs of term numbers (`pairKey`), made when first needed. */
  pairs?: Set<number>
  /** Terms (by number) it holds only as parts of identifiers, with the numbers of those identifiers (-1: no article has it); absent when none. */
  splitOnly?: Map<number, number[]>
}

/** Scratch space of bestSegment: weight per segment, and the segments touched (all zeros between uses). */
export interface Scratch {
  acc: Float64Array
  touched: Int32Array
}

/** The segments of a paste, with an index from term number to the segments holding it. */
export interface Segments extends Scratch {
  list: Segment[]
  byId: Map<number, number[]>
  /** How many terms each pasted line has, by line index. */
  lineLengths: Int32Array
  /**
   * Whether each pasted line is a chain of messages, each wrapping the next (`isErrorChain`); the
   * order of a typed sentence says nothing of causes.
   */
  chainLines: Uint8Array
}

/** The options segments and their scoring use (`MatchOptions`). */
export type SegmentOptions = Pick<
  MatchOptions,
  'maxScoredLines' | 'windowLines' | 'lineWeightBase' | 'minSymptomCoverage' | 'pruneBelowBest' | 'orderShare' | 'splitPartShare'
>

/**
 * The lines to compare with symptoms, plus windows of `windowLines` lines for messages wrapped
 * over several lines, indexed by term. A long paste keeps the lines richest in the query's terms
 * (weighted by how error-like each line is) and the windows around them. The scratch space is
 * reused, or grown to the number of segments (keep the returned one).
 */
export function makeSegments(
  paste: Paste,
  lineIds: readonly Int32Array[],
  queryWeight: ReadonlyMap<string, number>,
  scratch: Scratch,
  o: SegmentOptions,
  idOf: ReadonlyMap<string, number> = new Map(),
): Segments {
  const all = paste.lines
  let chosen = all.map((_, i) => i)
  if (all.length > o.maxScoredLines) {
    const worth = all.map((l) => {
      let v = 0
      for (const t of l.termSet) v += queryWeight.get(t) ?? 0
      return v * (o.lineWeightBase + l.errorLike)
    })
    chosen = chosen
      .filter((i) => worth[i]! > 0)
      .sort((a, b) => worth[b]! - worth[a]! || a - b)
      .slice(0, o.maxScoredLines)
      .sort((a, b) => a - b)
  }
  const list: Segment[] = chosen.map((i) => ({ first: i, count: 1, ids: lineIds[i]!, splitOnly: splitOnlyIds(paste, i, 1, idOf) }))
  // Windows: every window of `windowLines` consecutive lines (fewer at the end, at least 2) that holds a chosen line.
  const starts = new Set<number>()
  for (const i of chosen) for (let s = Math.max(0, i - (o.windowLines - 1)); s <= i && s + 1 < all.length; s++) starts.add(s)
  for (const i of [...starts].sort((a, b) => a - b)) {
    const count = Math.min(o.windowLines, all.length - i)
    const parts = lineIds.slice(i, i + count)
    const ids = new Int32Array(parts.reduce((n, p) => n + p.length, 0))
    parts.reduce((at, p) => (ids.set(p, at), at + p.length), 0)
    list.push({ first: i, count, ids, splitOnly: splitOnlyIds(paste, i, count, idOf) })
  }
  const room = scratch.acc.length >= list.length ? scratch : { acc: new Float64Array(list.length * 2), touched: new Int32Array(list.length * 2) }
  const byId = indexByTerm(list.map((seg) => seg.ids))
  byId.delete(-1) // terms without a number match nothing
  return {
    list,
    byId,
    lineLengths: Int32Array.from(lineIds, (ids) => ids.length),
    chainLines: Uint8Array.from(all, (l) => (isErrorChain(l) ? 1 : 0)),
    ...room,
  }
}

/** Message separators: `outer: inner`, and a JSON log's `"key":` before each field. */
const SEPARATOR = /:\s|":/g

/** A line that looks like an error and holds messages wrapped in one another (two separators at least): `rpc error: ...: x509: ...`. */
function isErrorChain(line: PasteLine): boolean {
  return line.errorLike > 0 && (line.raw.match(SEPARATOR)?.length ?? 0) >= 2
}

/**
 * How far before the end of its line a symptom's match ends: the share of that line's terms after
 * the last term of the symptom the segment holds (0 when the match ends the line). An error that
 * wraps another writes the cause after its own words (`transport: Error while dialing: ...: x509:
 * certificate signed by unknown authority`, a JSON log's `exception.class` before its message), so
 * of two messages matched on one line, the one ending later is the deeper cause.
 */
export function tailShare(s: WeightedSymptom, seg: Segment, segs: Segments): number {
  let chain = false
  for (let line = seg.first; line < seg.first + seg.count; line++) if (segs.chainLines[line]) chain = true
  if (!chain) return 0 // most lines: nothing to walk
  const ids = seg.ids
  let k = ids.length - 1
  while (k >= 0 && !s.ids.includes(ids[k]!)) k--
  if (k < 0) return 0
  // The line of term k: walk the segment's lines, each `lineLengths` terms long.
  let start = 0
  for (let line = seg.first; line < seg.first + seg.count; line++) {
    const n = segs.lineLengths[line]!
    if (k < start + n) return segs.chainLines[line] ? (start + n - 1 - k) / n : 0
    start += n
  }
  return 0
}

/** The split-only terms of lines `first`.. (`count` lines) by number: those no line of them holds as a word of its own. */
function splitOnlyIds(paste: Paste, first: number, count: number, idOf: ReadonlyMap<string, number>): Map<number, number[]> | undefined {
  const lines = paste.lines.slice(first, first + count)
  let out: Map<number, number[]> | undefined
  for (const line of lines) {
    for (const [term, wholes] of line.splitOnly) {
      const id = idOf.get(term) ?? -1
      if (id < 0 || lines.some((l) => l.termSet.has(term) && !l.splitOnly.has(term))) continue
      out ??= new Map()
      out.set(id, [...(out.get(id) ?? []), ...wholes.map((w) => idOf.get(w) ?? -1)])
    }
  }
  return out
}

/** The segment that best matches a symptom: its similarity (0..1), and the weight of the symptom's terms it holds (a sum of IDFs). */
export interface SegmentMatch {
  segment: Segment
  score: number
  weight: number
}

/**
 * The pasted segment that best matches a symptom, with the similarity (0..1). Only segments
 * holding enough of the symptom's weight are scored in full, so a long paste stays cheap.
 */
export function bestSegment(s: WeightedSymptom, segs: Segments, o: SegmentOptions): SegmentMatch | undefined {
  const total = s.total
  if (total === 0) return undefined
  const { acc, touched } = segs
  let n = 0
  for (let k = 0; k < s.ids.length; k++) {
    const at = segs.byId.get(s.ids[k]!)
    if (!at) continue
    const w = s.weights[k]!
    for (const i of at) {
      const v = acc[i]!
      if (v === 0) touched[n++] = i
      // A word the segment holds only inside an identifier counts a share, unless the symptom names that identifier too.
      const wholes = segs.list[i]!.splitOnly?.get(s.ids[k]!)
      acc[i] = v + (wholes && !wholes.some((id) => id >= 0 && s.ids.includes(id)) ? w * o.splitPartShare : w)
    }
  }
  const sp = s.pairs
  let best: SegmentMatch | undefined
  for (let j = 0; j < n; j++) {
    const i = touched[j]!
    const weight = acc[i]!
    const coverage = weight / total
    acc[i] = 0 // left clean for the next symptom
    if (coverage < o.minSymptomCoverage || coverage < (best?.score ?? 0) * o.pruneBelowBest) continue
    const segment = segs.list[i]!
    let score = coverage
    if (sp.length > 0) {
      // Words of the symptom in the symptom's order count for more than the same words scattered.
      const lp = (segment.pairs ??= numberPairs(segment.ids))
      let shared = 0
      for (let j = 0; j < sp.length; j++) if (lp.has(sp[j]!)) shared++
      score = coverage * (1 - o.orderShare + o.orderShare * (shared / sp.length))
    }
    score *= s.strength
    if (score > (best?.score ?? 0)) best = { segment, score, weight }
  }
  return best
}

/** A segment as the user pasted it: its lines, joined with " / " when it spans several. */
export function segmentText(paste: Paste, seg: Segment): string {
  return paste.lines
    .slice(seg.first, seg.first + seg.count)
    .map((l) => l.raw)
    .join(' / ')
}
