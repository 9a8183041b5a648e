/**
 * Snippets: the passage of an article that holds the most of the matched terms.
 */
import type { Synonyms } from '../analysis/synonyms.js'
import { analyzeText } from '../analysis/terms.js'
import type { KbArticle } from '../article.js'

const MAX_SNIPPET = 240

/** A passage of an article: its text, its distinct terms (analyzed the first time it is looked at), and how it is shown. */
interface Passage {
  text: string
  terms?: readonly string[]
  /** The passage as shown, made the first time it is shown. */
  shown?: string
}

/** An article's passages in reading order; those of `rest` are read only when the ones before did not settle the snippet. */
interface Passages {
  list: Passage[]
  /** The texts of the passages after `list` (the cause and resolution: reading them decodes the article's stored body). */
  rest?: () => string[]
}

// Analyzing an article's passages is the main cost of a snippet, and the same articles come up
// again and again: keep the analysis of recently shown articles. Keyed by the article object, so
// an index swap never serves a stale passage; renewed after CACHE_LIMIT entries, which bounds it.
const CACHE_LIMIT = 5_000
class PassageCache {
  private map = new WeakMap<KbArticle, Passages>()
  private size = 0
  get(a: KbArticle, passages: () => Passages): Passages {
    let p = this.map.get(a)
    if (!p) {
      if (++this.size > CACHE_LIMIT) {
        this.map = new WeakMap()
        this.size = 1
      }
      p = passages()
      this.map.set(a, p)
    }
    return p
  }
}
const structured = new PassageCache()
const bodies = new PassageCache()

/**
 * Pick the passage with the most matched (index-form) terms and cut it to a readable length; `synonyms`: the index's, so its terms are found.
 * Passages are analyzed in reading order, and only until one holds every term: none after it can
 * hold more, so a match's snippet (its terms are the article's symptom terms) mostly reads the
 * symptoms alone, and leaves the stored body compressed.
 */
export function makeSnippet(a: KbArticle, terms: ReadonlySet<string>, synonyms?: Synonyms): string {
  let best: Passage | undefined
  let bestCount = 0
  // The first passage (in reading order) holding the most terms.
  const consider = (passages: Passages) => {
    const list = passages.list
    for (let i = 0; bestCount < terms.size; i++) {
      if (i === list.length) {
        if (!passages.rest) return
        for (const text of passages.rest()) list.push({ text })
        passages.rest = undefined
        if (i === list.length) return
      }
      const p = list[i]!
      p.terms ??= [...new Set(analyzeText(p.text, synonyms))]
      let count = 0
      for (const t of p.terms) if (terms.has(t)) count++
      if (count > bestCount) {
        best = p
        bestCount = count
      }
    }
  }
  // Symptoms first, then cause and resolution, in the order a reader wants them.
  consider(
    structured.get(a, () => ({
      list: a.symptoms.map((text) => ({ text })),
      rest: () => [...(a.cause?.text.split('\n') ?? []), ...a.resolution.text.split('\n')],
    })),
  )
  // The body is long: read it only when the structured parts hold none of the terms.
  if (bestCount === 0) consider(bodies.get(a, () => ({ list: [], rest: () => a.body.text.split('\n') })))
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
