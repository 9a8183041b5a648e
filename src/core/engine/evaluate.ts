/**
 * The exhaustive evaluation of a planned query: every posting of every term. Per document: its
 * score, whether it was seen, how many required clauses it satisfies (clauseOf: the last one
 * counted), whether a prohibited term holds it; then the documents kept, counted, and the best
 * k of them.
 */
import { TopK } from './heaps.js'
import type { Postings } from './layout.js'
import { PROHIBITED, type QueryPlan } from './plan.js'
import type { Scratch } from './scratch.js'
import type { EngineHit } from './types.js'

/** How many documents match the plan (and pass `accept`), and the best `topK` of them, best first (ties: artifact order). */
export function scoreAll(
  q: QueryPlan,
  postings: Postings,
  topK: number,
  scratch: Scratch,
  docCount: number,
  accept?: (doc: number) => boolean,
): { total: number; hits: EngineHit[] } {
  const { terms: plan, scale, requiredClauses, impossible, negated } = q
  scratch.ensure(docCount)
  const { score, seen, touched, requiredMet, clauseOf, banned } = scratch
  let touchedCount = 0
  const bannedDocs: number[] = []
  const { data, offsets, stride } = postings
  for (const t of plan) {
    for (let i = offsets[t.id]!, end = offsets[t.id + 1]!; i < end; i += stride) {
      const doc = data[i]!
      // Summed over fields, a posting is scaled as field 0: every field has the same scale then.
      const field = stride === 2 ? 0 : data[i + 1]!
      if (!t.inField[field]) continue
      if (t.presence === PROHIBITED) {
        if (!banned[doc]) {
          banned[doc] = 1
          bannedDocs.push(doc)
        }
        continue
      }
      if (t.clauseNo && clauseOf[doc] !== t.clauseNo) {
        clauseOf[doc] = t.clauseNo
        requiredMet[doc]!++
      }
      if (!seen[doc]) {
        seen[doc] = 1
        touched[touchedCount++] = doc
      }
      score[doc]! += t.boost * data[i + stride - 1]! * scale[field]!
    }
  }
  const keep = (doc: number) => !impossible && !banned[doc] && requiredMet[doc] === requiredClauses && (!accept || accept(doc))
  const unconditional = bannedDocs.length === 0 && requiredClauses === 0 && !accept
  const top = new TopK(topK)
  let total = 0
  if (negated) {
    for (let doc = 0; doc < docCount; doc++) {
      if (!keep(doc)) continue
      total++
      top.offer(doc, 0)
    }
  }
  for (let i = 0; i < touchedCount; i++) {
    const doc = touched[i]!
    if (unconditional || keep(doc)) {
      total++
      top.offer(doc, score[doc]!)
    }
    score[doc] = 0
    seen[doc] = 0
    requiredMet[doc] = 0
    clauseOf[doc] = 0
  }
  for (const doc of bannedDocs) banned[doc] = 0
  return { total, hits: top.sorted() }
}
