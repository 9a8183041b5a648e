/**
 * The limits of one search (LIMITS) that are checked before any work: a query over one is refused
 * with a QueryLimitError whose message names the limit and its value.
 */
import { LIMITS, type LimitName } from '../../limits.js'
import type { Clause } from './types.js'

/** A query over one of the limits of a search (LIMITS): refused before any work, with a message naming the limit and its value. */
export class QueryLimitError extends Error {
  constructor(
    readonly limit: LimitName,
    message: string,
  ) {
    super(message)
    this.name = 'QueryLimitError'
  }
}

/** The start of a term for a message: long terms are cut. */
function preview(term: string): string {
  return term.length > 20 ? `${term.slice(0, 20)}…` : term
}

/**
 * Refuse a query over one of the limits of a search, before any work: more terms than
 * LIMITS.queryClauses, an edit distance over LIMITS.fuzzyEditDistance, a fuzzy or wildcard term
 * longer than LIMITS.patternTermChars (but for a prefix: a trailing `*`). The message names the limit and its value.
 */
export function checkLimits(clauses: readonly Clause[]): void {
  if (clauses.length > LIMITS.queryClauses) {
    throw new QueryLimitError('queryClauses', `The query has ${clauses.length} terms, over the limit of ${LIMITS.queryClauses}`)
  }
  for (const c of clauses) {
    if (c.editDistance > LIMITS.fuzzyEditDistance) {
      throw new QueryLimitError(
        'fuzzyEditDistance',
        `Fuzzy edit distance ${c.editDistance} in "${preview(c.term)}~${c.editDistance}" is over the limit of ${LIMITS.fuzzyEditDistance}`,
      )
    }
    // A trailing `*` alone is a range of the sorted terms, found by binary search whatever its length
    // (a registry path is a fine prefix): only a fuzzy term or another wildcard walks the terms.
    const kind = c.editDistance > 0 ? 'Fuzzy' : (c.wildcard || c.term.includes('*')) && !/^[^*]+\*$/.test(c.term) ? 'Wildcard' : undefined
    if (kind && c.term.length > LIMITS.patternTermChars) {
      throw new QueryLimitError(
        'patternTermChars',
        `${kind} term "${preview(c.term)}" is ${c.term.length} characters long, over the limit of ${LIMITS.patternTermChars}`,
      )
    }
  }
}
