/**
 * Snippets: the passage of an article that holds the most of the matched terms.
 */
import { analyzeToken } from '../analysis/terms.js'
import { splitText } from '../analysis/tokenize.js'
import type { KbArticle } from '../indexing/article.js'

const MAX_SNIPPET = 240

/** Passages in the order a reader would want them: symptoms first, then cause and resolution. */
function passages(a: KbArticle): string[] {
  return [...a.symptoms, ...a.cause.text.split('\n'), ...a.resolution.text.split('\n')]
}

/** How many distinct matched terms a passage holds. */
function countMatches(passage: string, terms: ReadonlySet<string>): number {
  const hit = new Set<string>()
  for (const raw of splitText(passage)) for (const t of analyzeToken(raw)) if (terms.has(t)) hit.add(t)
  return hit.size
}

/** Pick the passage with the most matched (index-form) terms and cut it to a readable length. */
export function makeSnippet(a: KbArticle, terms: ReadonlySet<string>): string {
  let best = a.symptoms[0] ?? a.cause.text
  let bestCount = 0
  const consider = (list: string[]) => {
    for (const p of list) {
      const n = countMatches(p, terms)
      if (n > bestCount) {
        best = p
        bestCount = n
      }
    }
  }
  consider(passages(a))
  // The body is long: read it only when the structured parts hold none of the terms.
  if (bestCount === 0) consider(a.body.text.split('\n'))
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
