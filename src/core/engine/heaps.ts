/**
 * The two heaps of an evaluation: TopK keeps the best k hits of a result (on score, then artifact
 * order), and kthLargest finds the k-th best score so far, which max-score pruning compares with
 * what the remaining terms could still add (scores only, in a reused scratch array).
 */
import type { EngineHit } from './types.js'

/** The best k hits seen so far: a binary min-heap on (score, then later document). */
export class TopK {
  private readonly heap: EngineHit[] = []
  constructor(private readonly k: number) {}

  /** Consider one hit. */
  offer(doc: number, score: number): void {
    if (this.k <= 0) return
    const h = this.heap
    if (h.length < this.k) {
      h.push({ doc, score })
      this.up(h.length - 1)
      return
    }
    // Most offers of a large result set lose to the weakest kept hit: decide without allocating.
    const min = h[0]!
    if (score < min.score || (score === min.score && doc > min.doc)) return
    h[0] = { doc, score }
    this.down(0)
  }

  /** The kept hits, best first, ties by document order. */
  sorted(): EngineHit[] {
    return [...this.heap].sort((a, b) => b.score - a.score || a.doc - b.doc)
  }

  private up(i: number): void {
    const h = this.heap
    while (i > 0) {
      const p = (i - 1) >> 1
      const hi = h[i]!
      if (!worse(hi, h[p]!)) break
      h[i] = h[p]!
      h[p] = hi
      i = p
    }
  }

  private down(i: number): void {
    const h = this.heap
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let m = i
      if (l < h.length && worse(h[l]!, h[m]!)) m = l
      if (r < h.length && worse(h[r]!, h[m]!)) m = r
      if (m === i) return
      const hi = h[i]!
      h[i] = h[m]!
      h[m] = hi
      i = m
    }
  }
}

/** The k-th largest score among the live documents (state 1) of the first `count` of `docs`; 0 when there are fewer than k. `heap`: scratch of at least k cells. */
export function kthLargest(docs: ArrayLike<number>, count: number, score: Float64Array, state: Uint8Array, k: number, heap: Float64Array): number {
  if (count < k) return 0
  let n = 0
  for (let j = 0; j < count; j++) {
    const doc = docs[j]!
    if (state[doc] !== 1) continue
    const s = score[doc]!
    if (n < k) {
      // Insert into the min-heap.
      let i = n++
      heap[i] = s
      while (i > 0) {
        const p = (i - 1) >> 1
        const hp = heap[p]!
        if (hp <= s) break
        heap[i] = hp // sift the new score up, swapping without a temporary array
        heap[p] = s
        i = p
      }
    } else if (s > heap[0]!) {
      heap[0] = s
      let i = 0
      for (;;) {
        const l = 2 * i + 1
        const r = l + 1
        let m = i
        if (l < k && heap[l]! < heap[m]!) m = l
        if (r < k && heap[r]! < heap[m]!) m = r
        if (m === i) break
        heap[i] = heap[m]!
        heap[m] = s
        i = m
      }
    }
  }
  return n < k ? 0 : heap[0]!
}

/** True when hit a ranks below hit b (lower score, or same score and later in the artifact). */
function worse(a: EngineHit, b: EngineHit): boolean {
  return a.score < b.score || (a.score === b.score && a.doc > b.doc)
}
