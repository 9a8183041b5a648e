/**
 * Collecting the forward index as articles arrive, in any order (from build threads, or kept from
 * a previous artifact), in flat growable arrays: a term is a number from the first time it is
 * seen, and each (article, field) a run of [term, count] pairs. `finish` puts the articles in
 * their final order and numbers the terms they use in sorted order (model.ts ForwardIndex).
 */
import { FIELD_NAMES } from '../../core/fields.js'
import type { ForwardIndex } from '../artifact/model.js'
import type { FieldTerms } from './analyze.js'
import { U32List } from './grow.js'

const FIELD_COUNT = FIELD_NAMES.length

/** One article's fields as numbers: per field its length, where its pairs end in `pairs` (counted in pairs), and [term, count] pairs with terms in some local numbering. */
export interface PackedFields {
  lengths: ArrayLike<number>
  ends: ArrayLike<number>
  pairs: ArrayLike<number>
}

/** Collects articles' forward entries in arrival order; `finish` orders them. */
export class ForwardCollector {
  private readonly numbers = new Map<string, number>()
  private readonly words: string[] = []
  private readonly lengths = new U32List()
  /** Per (article, field) in arrival order: where its pairs end, counted in pairs (it starts where the one before ends). */
  private readonly ends = new U32List()
  private readonly pairs = new U32List(1 << 16)

  /** Articles added so far. */
  get size(): number {
    return this.lengths.length / FIELD_COUNT
  }

  /** Terms seen so far. */
  get termCount(): number {
    return this.words.length
  }

  /** A term's number, given on first sight. */
  term(word: string): number {
    let n = this.numbers.get(word)
    if (n === undefined) {
      n = this.words.length
      this.numbers.set(word, n)
      this.words.push(word)
    }
    return n
  }

  /** Add an analyzed article (fields in FIELDS order); returns its arrival number. */
  addAnalyzed(fields: readonly FieldTerms[]): number {
    const doc = this.size
    for (const f of fields) {
      this.lengths.push(f.length)
      for (const [word, count] of f.counts) {
        this.pairs.push(this.term(word))
        this.pairs.push(count)
      }
      this.ends.push(this.pairs.length / 2)
    }
    return doc
  }

  /** Add an article given as numbers, `termOf` turning its local term numbers into this collector's; returns its arrival number. */
  addPacked(fields: PackedFields, termOf: (local: number) => number): number {
    const doc = this.size
    let at = 0
    for (let f = 0; f < FIELD_COUNT; f++) {
      this.lengths.push(fields.lengths[f]!)
      for (const end = fields.ends[f]!; at < end; at++) {
        this.pairs.push(termOf(fields.pairs[2 * at]!))
        this.pairs.push(fields.pairs[2 * at + 1]!)
      }
      this.ends.push(this.pairs.length / 2)
    }
    return doc
  }

  /**
   * The forward index of the articles `order` (arrival numbers, in the index's order): only the
   * terms they use, sorted as Lunr's terms are (`sort()`, UTF-16 code units), each (article,
   * field)'s pairs by ascending term.
   */
  finish(order: ArrayLike<number>): ForwardIndex {
    const start = (slot: number): number => (slot === 0 ? 0 : this.ends.at(slot - 1))
    const pairs = this.pairs.view()
    // The terms the ordered articles use (an article left out, a duplicate or a deleted one, may hold terms no other has).
    const used = new Uint8Array(this.words.length)
    let total = 0
    for (let i = 0; i < order.length; i++) {
      for (let f = 0; f < FIELD_COUNT; f++) {
        const slot = order[i]! * FIELD_COUNT + f
        const end = this.ends.at(slot)
        for (let p = start(slot); p < end; p++) used[pairs[2 * p]!] = 1
        total += end - start(slot)
      }
    }
    const kept: number[] = []
    for (let t = 0; t < used.length; t++) if (used[t]) kept.push(t)
    const terms = kept.map((t) => this.words[t]!).sort()
    const rank = new Uint32Array(this.words.length)
    terms.forEach((word, r) => (rank[this.numbers.get(word)!] = r))

    const lengths = new Uint32Array(order.length * FIELD_COUNT)
    const starts = new Uint32Array(order.length * FIELD_COUNT + 1)
    const out = new Uint32Array(total * 2)
    // Per term of the run being copied: its count, looked up after the run's terms are sorted.
    const countOf = new Uint32Array(terms.length)
    let scratch = new Uint32Array(64)
    let at = 0
    for (let i = 0; i < order.length; i++) {
      for (let f = 0; f < FIELD_COUNT; f++) {
        const slot = order[i]! * FIELD_COUNT + f
        const to = i * FIELD_COUNT + f
        lengths[to] = this.lengths.at(slot)
        starts[to] = at
        const from = start(slot)
        const n = this.ends.at(slot) - from
        if (n > scratch.length) scratch = new Uint32Array(n * 2)
        for (let p = 0; p < n; p++) {
          const r = rank[pairs[2 * (from + p)]!]!
          scratch[p] = r
          countOf[r] = pairs[2 * (from + p) + 1]!
        }
        const run = scratch.subarray(0, n).sort()
        for (let p = 0; p < n; p++) {
          out[2 * (at + p)] = run[p]!
          out[2 * (at + p) + 1] = countOf[run[p]!]!
        }
        at += n
      }
    }
    starts[order.length * FIELD_COUNT] = at
    return { fields: [...FIELD_NAMES], docCount: order.length, terms, lengths, starts, pairs: out }
  }
}

/** The forward index of analyzed articles, in the given order (what buildArtifact and kb dev index). */
export function forwardOf(articles: ReadonlyArray<readonly FieldTerms[]>): ForwardIndex {
  const collector = new ForwardCollector()
  for (const fields of articles) collector.addAnalyzed(fields)
  return collector.finish(articles.map((_a, i) => i))
}
