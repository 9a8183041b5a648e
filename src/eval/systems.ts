/**
 * The systems the eval compares over one KB: ours (the Matcher, with the options given, so a
 * calibration can be swapped in) and two untuned baselines a user would try first, plain Lunr
 * (a dependency) and MiniSearch (a development dependency: compared only where it is installed).
 */
import lunr from 'lunr'
import type { IndexedKb, KbArticle } from '../core/article.js'
import { FIELDS } from '../core/fields.js'
import { Matcher } from '../core/match/match.js'
import { MATCH_DEFAULTS, type MatchOptions } from '../core/match/options.js'
import { RANK_CUTOFF } from './metrics.js'

/** The systems, in display order. */
export const SYSTEMS = ['ours', 'lunr', 'mini'] as const
export type System = (typeof SYSTEMS)[number]
export const SYSTEM_TITLES: Record<System, string> = { ours: 'ours', lunr: 'plain Lunr', mini: 'MiniSearch' }

/** A paste in, article ids out (best first, at most RANK_CUTOFF). */
export type Ranker = (text: string) => string[]

/** Our answer to one paste. */
export interface OurAnswer {
  ranked: string[]
  /** Raw score of the top-1 (0 when nothing was returned): what the calibration maps to a confidence. */
  score: number
  confidence: number
  confident: boolean
}

/** Our matcher over a KB, with these options (the calibration among them). */
export function ours(kb: IndexedKb, options: MatchOptions = MATCH_DEFAULTS): (text: string) => OurAnswer {
  const matcher = new Matcher(kb, options)
  return (text) => {
    const m = matcher.match({ text, limit: RANK_CUTOFF })
    const top = m.results[0]
    return { ranked: m.results.map((r) => r.id), score: top?.score ?? 0, confidence: top?.confidence ?? 0, confident: !m.noConfidentMatch }
  }
}

/** Field texts for the baselines: our indexed fields, extracted the same way, without boosts. */
function baselineDoc(a: KbArticle): Record<string, string> {
  const doc: Record<string, string> = { id: a.id }
  for (const f of FIELDS) doc[f.name] = f.extract(a)
  return doc
}

const byScoreThenId = (a: { ref: string; score: number }, b: { ref: string; score: number }): number =>
  b.score - a.score || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0)

/** Baseline 1: a default Lunr index (default tokenizer and pipelines), query = paste with punctuation blanked (Lunr's query syntax would refuse it). */
export function plainLunr(articles: readonly KbArticle[]): Ranker {
  const docs = articles.map(baselineDoc)
  const index = lunr(function () {
    this.ref('id')
    for (const f of FIELDS) this.field(f.name)
    for (const d of docs) this.add(d)
  })
  return (text) =>
    index
      .search(text.replace(/[^\p{L}\p{N}\s]/gu, ' '))
      .map((r) => ({ ref: r.ref, score: r.score }))
      .sort(byScoreThenId)
      .slice(0, RANK_CUTOFF)
      .map((r) => r.ref)
}

interface MiniSearchLike {
  addAll(docs: Array<Record<string, string>>): void
  search(text: string): Array<{ id: unknown; score: number }>
}
type MiniSearchClass = new (options: { fields: string[]; storeFields: string[] }) => MiniSearchLike

/**
 * MiniSearch's class when it is installed, else undefined. The name is a variable so that the
 * bundler leaves the import to run time: the installed `kb` has no development dependencies.
 */
export async function loadMiniSearch(): Promise<MiniSearchClass | undefined> {
  const name = 'minisearch'
  try {
    const mod = (await import(name)) as { default: MiniSearchClass }
    return mod.default
  } catch {
    return undefined
  }
}

/** Baseline 2: MiniSearch with default options over the same fields, query = the paste as is. */
export function plainMiniSearch(MiniSearch: MiniSearchClass, articles: readonly KbArticle[]): Ranker {
  const mini = new MiniSearch({ fields: FIELDS.map((f) => f.name), storeFields: ['id'] })
  mini.addAll(articles.map(baselineDoc))
  return (text) =>
    mini
      .search(text)
      .map((r) => ({ ref: String(r.id), score: r.score }))
      .sort(byScoreThenId)
      .slice(0, RANK_CUTOFF)
      .map((r) => r.ref)
}
