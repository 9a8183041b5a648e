/**
 * Snippets: the passage of an article that holds the most of the matched terms.
 */
import type { Synonyms } from '../analysis/synonyms.js'
import { analyzeText, indexByTerm } from '../analysis/terms.js'
import type { KbArticle } from '../article.js'

const MAX_SNIPPET = 240

/** A passage of an article (its terms are in the article's term index). */
interface Passage {
  text: string
  /** The passage as shown, made the first time it is shown. */
  shown?: string
}

/** An article's passages, with an index from term to the passages that hold it. */
interface Passages {
  list: Passage[]
  byTerm: Map<string, number[]>
}

// Analyzing an article's passages is the main cost of a snippet, and the same articles come up
// again and again: keep the analysis of recently shown articles. Keyed by the article object, so
// an index swap never serves a stale passage; renewed after CACHE_LIMIT entries, which bounds it.
const CACHE_LIMIT = 5_000
class PassageCache {
  private map = new WeakMap<KbArticle, Passages>()
  private size = 0
  get(a: KbArticle, texts: () => string[], synonyms?: Synonyms): Passages {
    let p = this.map.get(a)
    if (!p) {
      if (++this.size > CACHE_LIMIT) {
        this.map = new WeakMap()
        this.size = 1
      }
      p = analyze(texts(), synonyms)
      this.map.set(a, p)
    }
    return p
  }
}
const structured = new PassageCache()
const bodies = new PassageCache()

function analyze(texts: string[], synonyms?: Synonyms): Passages {
  // Each passage's terms are only needed for the index (which lists a passage once per term), not kept.
  const byTerm = indexByTerm(texts.map((text) => analyzeText(text, synonyms)))
  return { list: texts.map((text) => ({ text })), byTerm }
}

/** Pick the passage with the most matched (index-form) terms and cut it to a readable length; `synonyms`: the index's, so its terms are found. */
export function makeSnippet(a: KbArticle, terms: ReadonlySet<string>, synonyms?: Synonyms): string {
  let best: Passage | undefined
  let bestCount = 0
  // The first passage (in reading order) holding the most terms, counted through the term index.
  const consider = ({ list, byTerm }: Passages) => {
    const counts = new Uint16Array(list.length)
    for (const t of terms) for (const i of byTerm.get(t) ?? []) counts[i]!++
    for (let i = 0; i < list.length; i++) {
      if (counts[i]! > bestCount) {
        best = list[i]
        bestCount = counts[i]!
      }
    }
  }
  // Symptoms first, then cause and resolution, in the order a reader wants them.
  consider(structured.get(a, () => [...a.symptoms, ...(a.cause?.text.split('\n') ?? []), ...a.resolution.text.split('\n')], synonyms))
  // The body is long: read it only when the structured parts hold none of the terms.
  if (bestCount === 0) consider(bodies.get(a, () => a.body.text.split('\n'), synonyms))
  if (!best) return shorten(a.symptoms[0] ?? a.resolution.text, MAX_SNIPPET)
  best.shown ??= shorten(best.text, MAX_SNIPPET)
  return best.shown
}

/** Cut text at a word boundary, with an ellipsis when it was cut. */
export function shorten(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim()
  if (t.length <= max) return t
  const cut = t.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`
}
