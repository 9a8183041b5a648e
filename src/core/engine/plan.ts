/**
 * Planning a query: what each clause stands for in the index (its terms through the search
 * pipeline, wildcard and fuzzy terms expanded), the query vector's norm per field (Lunr's score
 * divides by it), and per term the most it can add to one document's score, most first.
 */
import lunr from 'lunr'
import type { Synonyms } from '../analysis/synonyms.js'
import { analyzeToken, isStopKey, termKeys } from '../analysis/terms.js'
import type { ExpansionBudget } from './expand.js'
import type { Lexicon } from './lexicon.js'
import type { Clause } from './types.js'

/** Lunr's presence of a clause that must match (`+term`). */
export const REQUIRED = lunr.Query.presence.REQUIRED
/** Lunr's presence of a clause that must not match (`-term`). */
export const PROHIBITED = lunr.Query.presence.PROHIBITED

/** A clause's term as the evaluation plans it. */
export interface PlannedTerm {
  id: number
  inField: Uint8Array
  fields: readonly number[]
  boost: number
  presence: number
  /** 1-based number of the required clause the term stands for; 0 when the clause is not required. */
  clauseNo: number
  /** Upper bound of what the term adds to one document's score. */
  bound: number
}

/** A planned query. */
export interface QueryPlan {
  /** The index terms of the clauses, by bound (most first), then term number. */
  terms: PlannedTerm[]
  /** Per field: what a stored weight is multiplied by (1 / (1000 × the query vector's norm in that field)). */
  scale: number[]
  /** Every term asked in every field: scored from the postings summed over fields. */
  whole: boolean
  /** The numbers of the terms not prohibited, in order. */
  positiveTerms: number[]
  requiredClauses: number
  /** A required clause that no index term satisfies. */
  impossible: boolean
  /** Prohibited clauses only: the query matches every other document, as Lunr's isNegated(). */
  negated: boolean
}

/** The largest weights of each term: per (term, field), and summed over fields per term. */
export interface TermBounds {
  maxWeight: Int32Array
  docMaxWeight: Int32Array
}

/** Plan the clauses of a query over an index of `fieldCount` fields, read with the index's synonyms; expansions share the budget. */
export function planQuery(
  clauses: readonly Clause[],
  lexicon: Lexicon,
  fieldCount: number,
  weights: TermBounds,
  budget: ExpansionBudget,
  synonyms?: Synonyms,
): QueryPlan {
  const F = fieldCount
  const plan: PlannedTerm[] = []
  const queryWeights: Array<Map<number, number>> = Array.from({ length: F }, () => new Map())
  const positiveTerms = new Set<number>()
  let requiredClauses = 0
  let impossible = false
  const negated = clauses.length > 0 && clauses.every((c) => c.presence === PROHIBITED)
  const termsOf = clauseTerms(clauses, synonyms, budget)
  for (const [c, clause] of clauses.entries()) {
    const inField = new Uint8Array(F)
    for (const f of clause.fields) inField[f] = 1
    const clauseNo = clause.presence === REQUIRED ? ++requiredClauses : 0
    for (const term of termsOf[c]!) {
      const expanded = clause.wildcard || clause.editDistance || term.includes('*') ? lexicon.expand(term, clause, budget) : lexicon.has(term) ? [term] : []
      if (expanded.length === 0 && clause.presence === REQUIRED) impossible = true
      for (const e of expanded) {
        const id = lexicon.idOf(e)
        if (clause.presence !== PROHIBITED) {
          positiveTerms.add(id)
          for (const f of clause.fields) queryWeights[f]!.set(id, (queryWeights[f]!.get(id) ?? 0) + clause.boost)
        }
        plan.push({ id, inField, fields: clause.fields, boost: clause.boost, presence: clause.presence, clauseNo, bound: 0 })
      }
    }
  }
  // Lunr's score: sum over fields of (query · field vector) / |query in that field|; weights are stored ×1000.
  const scale = queryWeights.map((w) => {
    const norm = Math.sqrt([...w.values()].reduce((sum, v) => sum + v * v, 0))
    return norm > 0 ? 1 / (1000 * norm) : 0
  })
  // Every term asked in every field: every field has the same scale, and a document's weights
  // are read summed over fields (one posting per article, not per field).
  const whole = plan.length > 0 && plan.every((t) => t.fields.length === F)
  // The most a term can add to one document: its largest weight in each field it is asked in, or
  // its largest summed weight. Both evaluations add terms up in this order and read the same
  // postings, so they give bit-identical scores.
  for (const t of plan) {
    let b = 0
    if (whole) b = weights.docMaxWeight[t.id]! * scale[0]!
    else for (const f of t.fields) b += weights.maxWeight[t.id * F + f]! * scale[f]!
    t.bound = t.boost * b * (1 + 1e-9)
  }
  plan.sort((a, b) => b.bound - a.bound || a.id - b.id)
  return { terms: plan, scale, whole, positiveTerms: [...positiveTerms].sort((a, b) => a - b), requiredClauses, impossible, negated }
}

/** A clause read through the pipeline as a word (no wildcard, no edit distance): synonyms apply to it. */
const isWord = (c: Clause): boolean => c.usePipeline && !c.wildcard && !c.editDistance && !c.term.includes('*')

/** Two clauses asked alike: one optional phrase can span them. */
const alike = (a: Clause, b: Clause): boolean =>
  a.presence === lunr.Query.presence.OPTIONAL && b.presence === a.presence && b.boost === a.boost && b.fields.join() === a.fields.join()

/**
 * Each clause's index terms. Consecutive words asked alike are read as one sequence with the
 * index's synonyms, so a phrase (`app pool`) is found across clauses; its terms go to its first
 * clause. What synonyms add beyond the words typed counts against the expansion budget: past it,
 * those words are read without synonyms and the result is flagged partial.
 */
export function clauseTerms(clauses: readonly Clause[], synonyms: Synonyms | undefined, budget: ExpansionBudget): Array<readonly string[]> {
  const out: Array<readonly string[]> = clauses.map((c) => (c.usePipeline ? analyzeToken(c.term) : [c.term]))
  if (!synonyms || synonyms.empty) return out
  for (let i = 0; i < clauses.length;) {
    if (!isWord(clauses[i]!)) {
      i++
      continue
    }
    let end = i + 1
    while (end < clauses.length && isWord(clauses[end]!) && alike(clauses[i]!, clauses[end]!)) end++
    const keys: string[] = []
    const owner: number[] = []
    for (let c = i; c < end; c++) {
      for (const k of termKeys(clauses[c]!.term)) {
        keys.push(k)
        owner.push(c)
      }
    }
    const placed = synonyms.applyPlaced(keys, 'query')
    const added = placed.length - keys.filter((k) => !isStopKey(k)).length
    if (added > budget.terms) budget.cut = true
    else {
      budget.terms -= Math.max(0, added)
      const terms = Array.from({ length: end - i }, () => new Set<string>())
      for (const p of placed) terms[owner[p.at]! - i]!.add(p.term)
      for (let c = i; c < end; c++) out[c] = [...terms[c - i]!]
    }
    i = end
  }
  return out
}
