/**
 * Full-text search. Lunr's query syntax (field:, +, -, *, ~, ^) works; text that is not valid
 * syntax falls back to plain terms through the query builder, and the response says so.
 */
import lunr from 'lunr'
import { splitText } from '../analysis/tokenize.js'
import type { IndexedKb } from '../article.js'
import type { EngineResult, SearchEngine } from '../engine/engine.js'
import { type ArticleFilter, matchesFilter } from '../results/filters.js'
import { round } from '../results/round.js'
import { makeSnippet } from '../results/snippet.js'

/** A search request, already validated. */
export interface SearchParams extends ArticleFilter {
  q: string
  limit: number
  offset: number
}

/** One search hit. */
export interface SearchHit {
  id: string
  title: string
  score: number
  snippet: string
  products: string[]
  tags: string[]
  matchedTerms: string[]
}

/**
 * The search answer: `syntax` tells whether the query was read as Lunr syntax or as plain words;
 * `partial`, that its wildcard or fuzzy terms stood for more index terms than one search expands
 * (LIMITS.queryExpansions, LIMITS.expansionSteps), and the results are those of the terms expanded.
 */
export interface SearchResult {
  total: number
  syntax: 'lunr' | 'plain'
  partial: boolean
  notice?: string
  results: SearchHit[]
}

/**
 * Run a query as Lunr syntax, or as plain terms when the syntax is invalid. Throws QueryLimitError
 * (engine.ts) for a query over a limit of a search, whichever way it was read.
 */
export function runQuery(
  index: SearchEngine,
  q: string,
  opts: { topK?: number; accept?: (doc: number) => boolean } = {},
): { result: EngineResult; syntax: 'lunr' | 'plain'; notice?: string } {
  try {
    return { result: index.search(q, opts), syntax: 'lunr' }
  } catch (err) {
    if (!(err instanceof lunr.QueryParseError)) throw err
    const fields = index.fields.map((_, i) => i)
    const clauses = splitText(q).map((term) => ({
      term,
      fields,
      boost: 1,
      usePipeline: true,
      wildcard: 0,
      editDistance: 0,
      presence: lunr.Query.presence.OPTIONAL,
    }))
    return {
      result: index.evaluate(clauses, opts),
      syntax: 'plain',
      notice: `The query is not valid search syntax (${err.message}); it was searched as plain words.`,
    }
  }
}

/** Search the KB: rank, filter, page, and build a snippet for each hit on the page. */
export function search(kb: IndexedKb, p: SearchParams): SearchResult {
  const filtered = p.product || p.tag
  const { result, syntax, notice } = runQuery(kb.index, p.q, {
    topK: p.offset + p.limit,
    accept: filtered ? (doc) => matchesFilter(kb.articles[doc]!, p) : undefined,
  })
  const results = result.hits.slice(p.offset).map((h) => {
    const a = kb.articles[h.doc]!
    const terms = new Set(result.terms(h.doc))
    return {
      id: a.id,
      title: a.title,
      score: round(h.score),
      snippet: makeSnippet(a, terms, kb.index.synonyms),
      products: a.products,
      tags: a.tags,
      matchedTerms: [...terms].sort(),
    }
  })
  return { total: result.total, syntax, partial: result.partial, ...(notice ? { notice } : {}), results }
}
