/**
 * What the index pipeline makes of an article, field by field: the terms Lunr's builder would
 * index (core/analysis/pipeline.ts configureBuilder: kbTokenizer, then trim, expand, the KB's
 * synonyms, stop words, stem), computed over strings. The pipeline's steps are the pure functions
 * of core/analysis/terms.ts; Lunr wraps each token in an object with metadata and runs the
 * steps one after the other over the whole field, which is what this avoids. test/weights.test.ts
 * checks that the postings equal those of Lunr's own builder.
 */
import type { Synonyms } from '../../core/analysis/synonyms.js'
import { expandIdentifier, isStopWord, termKey, trim } from '../../core/analysis/terms.js'
import { splitText } from '../../core/analysis/tokenize.js'
import type { KbArticle } from '../../core/article.js'
import { FIELDS } from '../../core/fields.js'

/** One field of one article after the pipeline: its length in terms (Lunr's fieldLengths) and each term's count. */
export interface FieldTerms {
  length: number
  counts: Map<string, number>
}

// A raw token's words after trim and expand: tokens repeat a lot ("error", codes on every line),
// so they are kept; emptied when full, which bounds the memory.
const SURFACE_LIMIT = 100_000
const surfaceCache = new Map<string, readonly string[]>()
const NONE: readonly string[] = Object.freeze([])

/** A raw token after Lunr's first two steps (kb-trim, kb-expand): nothing when it is only punctuation. */
function surfaceWords(raw: string): readonly string[] {
  let words = surfaceCache.get(raw)
  if (words === undefined) {
    if (surfaceCache.size >= SURFACE_LIMIT) surfaceCache.clear()
    const t = trim(raw)
    words = t === '' ? NONE : Object.freeze(expandIdentifier(t))
    surfaceCache.set(raw, words)
  }
  return words
}

/** Add a word that passed the synonyms step: the stop-words step drops it, or the stem step gives its term (termKey is stem, cached, for a word that is not a stop word). */
function emit(word: string, out: FieldTerms): void {
  if (isStopWord(word)) return
  const term = termKey(word)
  out.counts.set(term, (out.counts.get(term) ?? 0) + 1)
  out.length++
}

/** The index terms of one field's text, as Lunr's builder counts them with the KB's synonyms. */
export function analyzeField(text: string, synonyms: Synonyms): FieldTerms {
  const out: FieldTerms = { length: 0, counts: new Map() }
  const words: string[] = []
  for (const raw of splitText(text)) for (const w of surfaceWords(raw)) words.push(w)
  if (synonyms.empty) {
    for (const w of words) emit(w, out)
    return out
  }
  // The synonyms step reads the whole sequence of expanded words (a phrase needs its neighbours):
  // per position, the word stays, or the canonical words take its place (none for a phrase's later words).
  const plan = synonyms.surfacePlan(words.map(termKey))
  for (let i = 0; i < words.length; i++) {
    const replaced = plan[i]
    if (replaced === undefined) emit(words[i]!, out)
    else for (const w of replaced) emit(w, out)
  }
  return out
}

/** Every indexed field of a rendered article (in the order of core/fields.ts FIELDS), analyzed. */
export function analyzeArticle(article: KbArticle, synonyms: Synonyms): FieldTerms[] {
  return FIELDS.map((f) => analyzeField(f.extract(article), synonyms))
}
