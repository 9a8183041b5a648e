/**
 * What the index pipeline makes of an article, field by field: the terms Lunr's builder would
 * index (core/analysis/pipeline.ts configureBuilder: kbTokenizer, then trim, expand, the KB's
 * synonyms, stop words, stem), computed over strings. The pipeline's steps are the pure functions
 * of core/analysis/terms.ts; Lunr wraps each token in an object with metadata and runs the
 * steps one after the other over the whole field, which is what this avoids. test/weights.test.ts
 * checks that the postings equal those of Lunr's own builder.
 */
import type { Synonyms } from '../../core/analysis/synonyms.js'
import { expandIdentifier, isStopKey, termKey, trim } from '../../core/analysis/terms.js'
import { splitText } from '../../core/analysis/tokenize.js'
import type { KbArticle } from '../../core/article.js'
import { FIELDS } from '../../core/fields.js'

/** One field of one article after the pipeline: its length in terms (Lunr's fieldLengths) and each term's count. */
export interface FieldTerms {
  length: number
  counts: Map<string, number>
}

// A raw token's words after trim and expand, with their keys (termKey): tokens repeat a lot
// ("error", codes on every line), so both are kept, and a word costs one lookup here instead of
// the stop-word and stem lookups of each step; emptied when full, which bounds the memory.
const SURFACE_LIMIT = 100_000
/** A raw token's words (Lunr's first two steps, kb-trim and kb-expand) and each word's key. */
interface Surface {
  words: readonly string[]
  keys: readonly string[]
}
const surfaceCache = new Map<string, Surface>()
const NONE: Surface = Object.freeze({ words: Object.freeze([]), keys: Object.freeze([]) })

/** A raw token after Lunr's first two steps (kb-trim, kb-expand), and the words' keys: nothing when it is only punctuation. */
function surfaceOf(raw: string): Surface {
  let surface = surfaceCache.get(raw)
  if (surface === undefined) {
    if (surfaceCache.size >= SURFACE_LIMIT) surfaceCache.clear()
    const t = trim(raw)
    const words = t === '' ? [] : expandIdentifier(t)
    surface = words.length === 0 ? NONE : Object.freeze({ words: Object.freeze(words), keys: Object.freeze(words.map(termKey)) })
    surfaceCache.set(raw, surface)
  }
  return surface
}

/** Count a word's key (termKey): a stop word's key gives no term (the stop-words step drops it), any other key is its term (the stem step's output). */
function count(key: string, out: FieldTerms): void {
  if (isStopKey(key)) return
  out.counts.set(key, (out.counts.get(key) ?? 0) + 1)
  out.length++
}

/** The index terms of one field's text, as Lunr's builder counts them with the KB's synonyms. */
export function analyzeField(text: string, synonyms: Synonyms): FieldTerms {
  const out: FieldTerms = { length: 0, counts: new Map() }
  const keys: string[] = []
  for (const raw of splitText(text)) for (const k of surfaceOf(raw).keys) keys.push(k)
  if (synonyms.empty) {
    for (const k of keys) count(k, out)
    return out
  }
  // The synonyms step reads the whole sequence of expanded words (a phrase needs its neighbours):
  // per position, the word stays, or the canonical words take its place (none for a phrase's later words).
  const plan = synonyms.surfacePlan(keys)
  for (let i = 0; i < keys.length; i++) {
    const replaced = plan[i]
    if (replaced === undefined) count(keys[i]!, out)
    else for (const w of replaced) count(termKey(w), out)
  }
  return out
}

/** Every indexed field of a rendered article (in the order of core/fields.ts FIELDS), analyzed. */
export function analyzeArticle(article: KbArticle, synonyms: Synonyms): FieldTerms[] {
  return FIELDS.map((f) => analyzeField(f.extract(article), synonyms))
}
