/** The shapes a search engine takes in and gives back: query clauses, evaluation options, hits and results. */

/** One query clause, as Lunr's Query builds it. */
export interface Clause {
  term: string
  fields: readonly number[]
  boost: number
  usePipeline: boolean
  wildcard: number
  editDistance: number
  presence: number
}

/** Options of one evaluation. */
export interface EvaluateOptions {
  /** Keep only the best k hits (all when absent). */
  topK?: number
  /** Documents to leave out (filters). */
  accept?: (doc: number) => boolean
  /** False when only the top k matter: allows max-score pruning, and `total` then counts the documents scored. */
  exactTotal?: boolean
}

/** One hit: the article's position in the artifact and its score. */
export interface EngineHit {
  doc: number
  score: number
}

/**
 * How many documents matched, the best of them first, and the index terms of the query a document
 * holds (asked for shown hits only). `partial`: wildcard or fuzzy terms stood for more index terms
 * than the query's budget (LIMITS.queryExpansions, LIMITS.expansionSteps); the result is that of
 * the terms found within it.
 */
export interface EngineResult {
  total: number
  hits: EngineHit[]
  terms(doc: number): string[]
  partial: boolean
}
