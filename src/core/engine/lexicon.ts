/**
 * The index's sorted term list and what is looked up in it: a term's number, the terms a wildcard
 * or fuzzy term stands for (a bounded walk of the list, expand.ts, or for a trailing `*` a range
 * of it), and the terms one edit from a word (what a misspelt word may have meant).
 */
import { LIMITS } from '../../limits.js'
import { type ExpansionBudget, fuzzyAutomaton, walkTerms, wildcardAutomaton } from './expand.js'

/**
 * Words whose one-edit neighbours are kept (`wordsOneEditAway`), at most; emptied when full, which
 * bounds the memory. Each lookup tries hundreds of variants of the word, and a paste's unknown
 * words come back: a host, a product or a user's own word, in paste after paste.
 */
const CORRECTIONS_KEPT = 10_000

/** A budget that never runs out (direct calls outside a query). */
export function unbounded(): ExpansionBudget {
  return { terms: Number.POSITIVE_INFINITY, steps: Number.POSITIVE_INFINITY, cut: false }
}

/** The sorted index terms, numbered by position, and the expansions of search terms into them. */
export class Lexicon {
  /**
   * Each term's number, made on the first lookup: at 10,000 articles it takes 60 ms and a few
   * megabytes per thread, and a thread that never looks a term up (a server's main thread while
   * its workers answer) never makes it; a query worker makes it in its warm-up, after it is ready.
   */
  private termIds: Map<string, number> | undefined
  /** The length of the longest index term: a longer word is more edits than that length difference from every term. */
  private readonly longestTerm: number
  /** The characters index terms are made of (what one edit can insert or substitute), the letters among them, and the longest term of letters only. */
  private alphabet: { all: string[]; letters: string[]; longestWord: number } | undefined
  /** Words looked up by `wordsOneEditAway`, with what was found. */
  private readonly corrections = new Map<string, readonly string[]>()

  /** `terms`: the index terms, sorted (UTF-16 code-unit order). */
  constructor(readonly terms: readonly string[]) {
    this.longestTerm = terms.reduce((n, t) => Math.max(n, t.length), 0)
  }

  /** True when the index holds the term (in index form). */
  has(term: string): boolean {
    return this.termId().has(term)
  }

  /** The index's number for a term (in index form), or -1 when the index lacks it. */
  idOf(term: string): number {
    return this.termId().get(term) ?? -1
  }

  /** Index terms within `distance` edits of a term, in order, as Lunr's TokenSet finds them; at most as many, and as much work, as the budget allows. */
  fuzzy(term: string, distance: number, budget: ExpansionBudget = unbounded()): string[] {
    // Deleting more than `distance` characters is needed to reach any index term.
    if (term.length - distance > this.longestTerm) return []
    return walkTerms(this.terms, fuzzyAutomaton(term, distance), budget)
  }

  /** Index terms a wildcard or fuzzy clause stands for, as Lunr's TokenSet would find them, within the query's budget. */
  expand(term: string, clause: { editDistance: number }, budget: ExpansionBudget): string[] {
    // As Lunr: a fuzzy term only when an edit distance is given, else `*` wildcards in the string.
    if (clause.editDistance) return this.fuzzy(term, clause.editDistance, budget)
    if (/^[^*]+\*$/.test(term)) return this.withPrefix(term.slice(0, -1), budget)
    return walkTerms(this.terms, wildcardAutomaton(term), budget)
  }

  /** Index terms starting with a prefix: a range of the sorted term list (as many as the budget allows). */
  withPrefix(prefix: string, budget: ExpansionBudget = unbounded()): string[] {
    let lo = 0
    let hi = this.terms.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.terms[mid]! < prefix) lo = mid + 1
      else hi = mid
    }
    const out: string[] = []
    for (let i = lo; i < this.terms.length && this.terms[i]!.startsWith(prefix); i++) {
      if (budget.terms-- <= 0) {
        budget.cut = true
        break
      }
      out.push(this.terms[i]!)
    }
    return out
  }

  /**
   * Index terms of letters only, one edit from a word of letters only: what a misspelt word may have
   * meant. Only letters are tried where a character is inserted or replaced, so it costs a fraction
   * of `fuzzy(word, 1)` on an index whose terms hold digits and punctuation too. A word longer than
   * every letters-only index term plus one is no such term's misspelling, and one longer than a
   * fuzzy search term may be (LIMITS.patternTermChars) was not typed by hand: neither is looked up
   * (each variant tried is a string of the word's length, and a pasted "word" can be thousands of
   * letters: three of 2,000 took 0.7-2.2 s).
   */
  wordsOneEditAway(word: string): string[] {
    const { letters, longestWord } = this.characters()
    if (word.length > Math.min(longestWord + 1, LIMITS.patternTermChars)) return []
    let found = this.corrections.get(word)
    if (found === undefined) {
      found = this.oneEditAway(word, letters).filter((t) => /^\p{L}+$/u.test(t))
      if (this.corrections.size >= CORRECTIONS_KEPT) this.corrections.clear()
      this.corrections.set(word, found)
    }
    return [...found] // a copy: callers sort it
  }

  /**
   * Index terms at most one edit from a term (Lunr's edit distance 1: a character inserted,
   * deleted, substituted, or two adjacent ones swapped): every variant is looked up in the term map.
   */
  private oneEditAway(term: string, alphabet = this.characters().all): string[] {
    const found = new Set<string>()
    const ids = this.termId()
    const probe = (v: string) => {
      if (ids.has(v)) found.add(v)
    }
    probe(term)
    for (let i = 0; i <= term.length; i++) {
      const head = term.slice(0, i)
      const tail = term.slice(i)
      for (const c of alphabet) probe(head + c + tail)
      if (i === term.length) break
      const rest = term.slice(i + 1)
      probe(head + rest)
      for (const c of alphabet) if (c !== term[i]) probe(head + c + rest)
      if (i + 1 < term.length) probe(head + term[i + 1] + term[i] + term.slice(i + 2))
    }
    return [...found]
  }

  /** Each term's number, by term. */
  private termId(): Map<string, number> {
    if (!this.termIds) {
      const ids = new Map<string, number>()
      for (let i = 0; i < this.terms.length; i++) ids.set(this.terms[i]!, i)
      this.termIds = ids
    }
    return this.termIds
  }

  /** The characters of the index's terms (UTF-16 code units, as in Lunr's TokenSet), the letters among them, and the length of the longest term of letters only. */
  private characters(): { all: string[]; letters: string[]; longestWord: number } {
    if (!this.alphabet) {
      const chars = new Set<string>()
      for (const t of this.terms) for (let i = 0; i < t.length; i++) chars.add(t[i]!)
      const all = [...chars]
      const longestWord = this.terms.reduce((n, t) => (t.length > n && /^\p{L}+$/u.test(t) ? t.length : n), 0)
      this.alphabet = { all, letters: all.filter((c) => /\p{L}/u.test(c)), longestWord }
    }
    return this.alphabet
  }
}
