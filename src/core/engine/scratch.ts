/**
 * Per-query buffers, one cell per document, kept by an engine and reused by every evaluation:
 * evaluation is synchronous, so sharing them is safe, and no array is allocated per query.
 */
export class Scratch {
  score = new Float64Array(0)
  /** Per document: seen by the exhaustive pass, or the state of max-score pruning (see prune.ts). */
  seen = new Uint8Array(0)
  /** Per document, which of (up to 32) pruned-query terms it holds: the hits' matched terms without a lookup each. */
  termMask = new Uint32Array(0)
  /** The documents seen, in order. */
  touched = new Int32Array(0)
  requiredMet = new Uint16Array(0)
  clauseOf = new Uint16Array(0)
  banned = new Uint8Array(0)
  /** kthLargest's heap: it runs after most terms of a pruned query. */
  kthHeap = new Float64Array(0)

  /** Make the per-document buffers hold `docCount` documents. */
  ensure(docCount: number): void {
    if (this.score.length < docCount) {
      this.score = new Float64Array(docCount)
      this.seen = new Uint8Array(docCount)
      this.termMask = new Uint32Array(docCount)
      this.touched = new Int32Array(docCount)
      this.requiredMet = new Uint16Array(docCount)
      this.clauseOf = new Uint16Array(docCount)
      this.banned = new Uint8Array(docCount)
    }
  }

  /** Make kthLargest's heap hold k scores. */
  ensureHeap(k: number): void {
    if (this.kthHeap.length < k) this.kthHeap = new Float64Array(k)
  }
}
