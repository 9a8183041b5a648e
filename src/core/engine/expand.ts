/**
 * Expanding a wildcard or fuzzy search term into the index terms it stands for, with a bounded
 * amount of work. Lunr builds an automaton for the term (TokenSet.fromFuzzyString, fromString) and
 * intersects it with a TokenSet of every index term; the fuzzy automaton grows exponentially with
 * the edit distance and the term's length (`abcdefghij~9` took 2 GB), and the work is done before
 * anything can be cut. Here the same languages are recognized by small automata that are run
 * while the sorted term list is walked prefix by prefix (a trie read off the sorted list, nothing
 * built): a prefix no state survives is not entered, every character tried after a prefix is a
 * step counted against a budget, and the walk stops at the budget's count of terms or steps.
 */

/** A term's automaton, stepped one character (a UTF-16 code unit, as Lunr's TokenSet reads them) at a time. */
export interface TermAutomaton<S> {
  start: S
  /** The state after reading one more character; undefined when no term with this prefix can match. */
  step(state: S, code: number): S | undefined
  accepts(state: S): boolean
  /** A string naming the state: equal states, equal keys (so steps can be remembered). */
  key(state: S): string
}

/** How much a walk may do, and what it did (shared by the terms of one query). */
export interface ExpansionBudget {
  /** Index terms it may still add. */
  terms: number
  /** Steps it may still take: one step reads one more character after a prefix, for one range of terms. */
  steps: number
  /** Set when a walk stopped at the budget: the terms found are not all the term stands for. */
  cut: boolean
}

/**
 * The index terms (`sorted`: in UTF-16 code-unit order, as Array.prototype.sort leaves them) an
 * automaton accepts, in order, within a budget (which the walk uses up).
 */
export function walkTerms<S>(sorted: readonly string[], nfa: TermAutomaton<S>, budget: ExpansionBudget): string[] {
  const automaton = remembered(nfa)
  const out: string[] = []
  // Depth-first, children in order: [from, to) share a prefix of `depth` characters, read in `state`.
  const stack: Array<{ from: number; to: number; depth: number; state: number }> = [{ from: 0, to: sorted.length, depth: 0, state: automaton.start }]
  while (stack.length > 0) {
    const { from, to, depth, state } = stack.pop()!
    let lo = from
    // The prefix itself is a term when it is the range's first (a prefix sorts before its extensions).
    if (sorted[lo]!.length === depth) {
      if (automaton.accepts(state)) {
        if (budget.terms <= 0) {
          budget.cut = true
          break
        }
        budget.terms--
        out.push(sorted[lo]!)
      }
      lo++
    }
    const children: Array<{ from: number; to: number; depth: number; state: number }> = []
    while (lo < to) {
      if (budget.steps-- <= 0) {
        budget.cut = true
        return out
      }
      const code = sorted[lo]!.charCodeAt(depth)
      const end = upperBound(sorted, lo, to, depth, code)
      const next = automaton.step(state, code)
      if (next !== undefined) children.push({ from: lo, to: end, depth: depth + 1, state: next })
      lo = end
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!)
  }
  return out
}

/**
 * The same automaton over numbered states, each step computed once: a walk meets the same few
 * states again and again (every prefix a `*` reads, every term within the edits left), and a step
 * is then one lookup instead of building a state.
 */
function remembered<S>(a: TermAutomaton<S>): { start: number; step(state: number, code: number): number | undefined; accepts(state: number): boolean } {
  const states: S[] = []
  const accepting: boolean[] = []
  const numbers = new Map<string, number>()
  const steps: Array<Map<number, number | undefined>> = []
  const number = (s: S): number => {
    const k = a.key(s)
    let n = numbers.get(k)
    if (n === undefined) {
      numbers.set(k, (n = states.length))
      states.push(s)
      accepting.push(a.accepts(s))
      steps.push(new Map())
    }
    return n
  }
  return {
    start: number(a.start),
    step(state, code) {
      const known = steps[state]!
      if (known.has(code)) return known.get(code)
      const s = a.step(states[state]!, code)
      const next = s === undefined ? undefined : number(s)
      known.set(code, next)
      return next
    },
    accepts: (state) => accepting[state]!,
  }
}

/** The first position in [lo, hi) whose character at `depth` is above `code` (the range shares the characters before it, so they are sorted there). */
function upperBound(sorted: readonly string[], lo: number, hi: number, depth: number, code: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (sorted[mid]!.charCodeAt(depth) <= code) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * Lunr's wildcard term (`co*ion`, `*ing`): `*` stands for any run of characters, possibly empty.
 * A state is the sorted positions in the pattern reached so far.
 */
export function wildcardAutomaton(pattern: string): TermAutomaton<readonly number[]> {
  const STAR = 42 // '*'
  const codes = Array.from(pattern, (_, i) => pattern.charCodeAt(i))
  // A `*` can be passed over without reading anything.
  const close = (positions: Iterable<number>): number[] => {
    const set = new Set<number>()
    for (let p of positions) {
      set.add(p)
      while (codes[p] === STAR) set.add(++p)
    }
    return [...set].sort((a, b) => a - b)
  }
  return {
    start: close([0]),
    step(state, code) {
      const next: number[] = []
      for (const p of state) {
        if (codes[p] === STAR) next.push(p)
        else if (p < codes.length && codes[p] === code) next.push(p + 1)
      }
      return next.length > 0 ? close(next) : undefined
    },
    accepts: (state) => state.includes(codes.length),
    key: (state) => state.join(),
  }
}

/**
 * Lunr's fuzzy term (`word~2`), the language of TokenSet.fromFuzzyString: what is left of the term
 * is read from its start, each character matched, or (each costing one edit) another inserted
 * before it, it deleted, substituted, or swapped with the next one, and the swapped-back character
 * then read (and possibly edited) again. A `*` in the term matches any one character, as in
 * Lunr. A state is a list of [next position in the term, position of a character swapped back
 * (or -1), edits left], keeping only the most edits left for each pair of positions: more edits
 * left can only accept more.
 */
export function fuzzyAutomaton(term: string, distance: number): TermAutomaton<readonly number[]> {
  const L = term.length
  const codes = Array.from(term, (_, i) => term.charCodeAt(i))
  const same = (p: number, c: number) => p === 42 || p === c // 42: '*', any one character
  // The state after adding one triple, and the deletions it allows (they read nothing).
  const add = (into: number[], i: number, back: number, edits: number): void => {
    for (;;) {
      let k = 0
      for (; k < into.length; k += 3) if (into[k] === i && into[k + 1] === back) break
      if (k < into.length) {
        if (into[k + 2]! >= edits) return
        into[k + 2] = edits
      } else into.push(i, back, edits)
      const left = (back >= 0 ? 1 : 0) + L - i
      if (left === 0 || edits === 0) return
      // Delete the first character left.
      if (back >= 0) back = -1
      else i++
      edits--
    }
  }
  const start: number[] = []
  add(start, 0, -1, distance)
  return {
    start,
    step(state, c) {
      const next: number[] = []
      for (let k = 0; k < state.length; k += 3) {
        const i = state[k]!
        const back = state[k + 1]!
        const edits = state[k + 2]!
        const left = (back >= 0 ? 1 : 0) + L - i
        const head = back >= 0 ? codes[back]! : codes[i]!
        const [ri, rb] = back >= 0 ? [i, -1] : [i + 1, -1] // the state past the first character left
        if (left > 0 && same(head, c)) add(next, ri, rb, edits)
        if (edits === 0) continue
        add(next, i, back, edits - 1) // c inserted
        if (left > 0) add(next, ri, rb, edits - 1) // the first character substituted by c
        if (left > 1) {
          // The first two swapped: c is the second, and the first is read next.
          const second = back >= 0 ? codes[i]! : codes[i + 1]!
          if (same(second, c)) {
            if (back >= 0) add(next, i + 1, back, edits - 1)
            else add(next, i + 2, i, edits - 1)
          }
        }
      }
      return next.length > 0 ? next : undefined
    },
    accepts(state) {
      for (let k = 0; k < state.length; k += 3) if (state[k] === L && state[k + 1] === -1) return true
      return false
    },
    // The same triples in another order are the same state.
    key(state) {
      const triples: string[] = []
      for (let k = 0; k < state.length; k += 3) triples.push(`${state[k]},${state[k + 1]},${state[k + 2]}`)
      return triples.sort().join(';')
    },
  }
}
