/**
 * Max-score pruning, for a query of optional terms when only the best k hits matter: terms are
 * scored rarest-impact first (the plan's order), and once no document first seen now could reach
 * the k-th best score found, later terms only add to the documents already scored. The hits are
 * those of the exhaustive evaluation; the total counts only the documents scored.
 */
import { kthLargest, TopK } from './heaps.js'
import { firstPosting, type Postings } from './layout.js'
import type { PlannedTerm } from './plan.js'
import type { Scratch } from './scratch.js'
import type { EngineHit } from './types.js'

/** The best k documents for optional terms in the plan's order, how many were scored, and (32 terms or fewer) which terms each hit holds, as bits by plan position. */
export function pruned(
  order: readonly PlannedTerm[],
  postings: Postings,
  scale: readonly number[],
  k: number,
  scratch: Scratch,
  docCount: number,
  accept?: (doc: number) => boolean,
): { total: number; hits: EngineHit[]; masks?: Map<number, number> } {
  scratch.ensure(docCount)
  scratch.ensureHeap(k)
  const score = scratch.score
  const withMasks = order.length <= 32
  const mask = scratch.termMask
  const state = scratch.seen // 0 unseen, 1 candidate, 2 refused by accept, 3 dropped (cannot reach the top k)
  // after[i]: the most the terms after the i-th can add (summed from the end: no rounding below 0).
  const after = new Float64Array(order.length)
  for (let i = order.length - 2; i >= 0; i--) after[i] = after[i + 1]! + order[i + 1]!.bound
  const touched = scratch.touched // the documents seen, in order (reused buffer: no array grown per query)
  let touchedCount = 0
  let candidates: number[] | undefined // set once new documents can no longer reach the top k
  let threshold = 0
  let best = 0 // the best score so far: the k-th best is no higher, so no pruning while `rest` reaches it
  const { data, offsets, stride } = postings
  for (let n = 0; n < order.length; n++) {
    const t = order[n]!
    const bit = withMasks ? 1 << n : 0
    const rest = after[n]!
    const start = offsets[t.id]!
    const end = offsets[t.id + 1]!
    if (!candidates) {
      for (let i = start; i < end; i += stride) {
        const doc = data[i]!
        const field = stride === 2 ? 0 : data[i + 1]! // summed over fields: scaled as field 0 (see evaluate)
        if (!t.inField[field]) continue
        if (state[doc] === 0) {
          state[doc] = accept && !accept(doc) ? 2 : 1
          touched[touchedCount++] = doc
        }
        if (state[doc] === 1) {
          mask[doc]! |= bit
          if ((score[doc]! += t.boost * data[i + stride - 1]! * scale[field]!) > best) best = score[doc]!
        }
      }
    } else if (candidates.length * 16 > (end - start) / stride) {
      // Only documents already scored can still change the top k; many of them: one pass over the postings.
      for (let i = start; i < end; i += stride) {
        const doc = data[i]!
        const field = stride === 2 ? 0 : data[i + 1]!
        if (state[doc] === 1 && t.inField[field]) {
          mask[doc]! |= bit
          score[doc]! += t.boost * data[i + stride - 1]! * scale[field]!
        }
      }
    } else {
      // A few of them: look each one up.
      for (const doc of candidates) {
        let i = firstPosting(postings, t.id, doc)
        for (; i < end && data[i] === doc; i += stride) {
          const field = stride === 2 ? 0 : data[i + 1]!
          if (t.inField[field]) {
            mask[doc]! |= bit
            score[doc]! += t.boost * data[i + stride - 1]! * scale[field]!
          }
        }
      }
    }
    if (!candidates && rest >= best) continue
    threshold = candidates
      ? kthLargest(candidates, candidates.length, score, state, k, scratch.kthHeap)
      : kthLargest(touched, touchedCount, score, state, k, scratch.kthHeap)
    if (threshold > 0 && rest < threshold) {
      // A document first seen now would score at most `rest`: below the k-th best already found.
      const from = candidates ?? touched
      const count = candidates ? candidates.length : touchedCount
      const kept: number[] = []
      for (let i = 0; i < count; i++) {
        const doc = from[i]!
        if (state[doc] !== 1) continue
        if (score[doc]! + rest >= threshold) kept.push(doc)
        else state[doc] = 3
      }
      candidates = kept
    }
  }
  const top = new TopK(k)
  let total = 0
  for (let i = 0; i < touchedCount; i++) {
    const doc = touched[i]!
    if (state[doc] === 1) {
      total++
      top.offer(doc, score[doc]!)
    }
    score[doc] = 0
    state[doc] = 0
  }
  const hits = top.sorted()
  const masks = withMasks ? new Map(hits.map((h) => [h.doc, mask[h.doc]!])) : undefined
  for (let i = 0; i < touchedCount; i++) mask[touched[i]!] = 0
  return { total, hits, masks }
}

/**
 * A hit's terms read off its mask (plan positions in term order): the index terms of the plan it
 * was scored for, in order; `fallback` for a document without a mask.
 */
export function termsFromMasks(
  plan: readonly PlannedTerm[],
  masks: Map<number, number>,
  terms: readonly string[],
  fallback: (doc: number) => string[],
): (doc: number) => string[] {
  // Plan positions in term order, once: each hit's terms are then read off its mask in order.
  const byTerm = plan.map((_, n) => n).sort((x, y) => plan[x]!.id - plan[y]!.id || x - y)
  return (doc: number) => {
    const m = masks.get(doc)
    if (m === undefined) return fallback(doc)
    const out: string[] = []
    let last = -1
    for (const n of byTerm) {
      const id = plan[n]!.id
      if (m & (1 << n) && id !== last) out.push(terms[(last = id)]!)
    }
    return out
  }
}
