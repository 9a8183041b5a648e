/**
 * Snippets: the passage of an article that holds the most of the matched terms.
 */
import { analyzeToken } from '../analysis/terms.js'
import { splitText } from '../analysis/tokenize.js'
import type { KbArticle } from '../indexing/article.js'

const MAX_SNIPPET = 240

/** A passage of an article with its index-form terms. */
interface Passage {
  text: string
  terms: ReadonlySet<string>
}

// Analyzing an article's passages is the main cost of a snippet, and the same articles come up
// again and again: keep the analysis of recently shown articles. Keyed by the article object, so
// an index swap never serves a stale passage; renewed after CACHE_LIMIT entries, which bounds it.
const CACHE_LIMIT = 5_000
class PassageCache {
  private map = new WeakMap<KbArticle, Passage[]>()
  private size = 0
  get(a: KbArticle, texts: () => string[]): Passage[] {
    let p = this.map.get(a)
    if (!p) {
      if (++this.size > CACHE_LIMIT) {
        this.map = new WeakMap()
        this.size = 1
      }
      p = analyze(texts())
      this.map.set(a, p)
    }
    return p
  }
}
const structured = new PassageCache()
const bodies = new PassageCache()

function analyze(texts: string[]): Passage[] {
  return texts.map((text) => ({ text, terms: new Set(splitText(text).flatMap((raw) => analyzeToken(raw))) }))
}

/** Pick the passage with the most matched (index-form) terms and cut it to a readable length. */
export function makeSnippet(a: KbArticle, terms: ReadonlySet<string>): string {
  let best = a.symptoms[0] ?? a.cause.text
  let bestCount = 0
  const consider = (list: Passage[]) => {
    for (const p of list) {
      let n = 0
      for (const t of terms) if (p.terms.has(t)) n++
      if (n > bestCount) {
        best = p.text
        bestCount = n
      }
    }
  }
  // Symptoms first, then cause and resolution, in the order a reader wants them.
  consider(structured.get(a, () => [...a.symptoms, ...a.cause.text.split('\n'), ...a.resolution.text.split('\n')]))
  // The body is long: read it only when the structured parts hold none of the terms.
  if (bestCount === 0) consider(bodies.get(a, () => a.body.text.split('\n')))
  return shorten(best, MAX_SNIPPET)
}

/** Cut text at a word boundary, with an ellipsis when it was cut. */
export function shorten(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim()
  if (t.length <= max) return t
  const cut = t.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`
}
