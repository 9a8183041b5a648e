/**
 * Term normalization: small pure functions over one token string, composed in order.
 * `analyzeToken` is the whole chain; `pipeline.ts` registers the same steps with Lunr.
 */
import lunr from 'lunr'
import { splitText } from './tokenize.js'

const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu
/** Separators inside identifiers: `Sm_AgentApi_Init`, `System.Web`, `C:\inetpub`, `net::ERR_X`. */
const INNER_SEPARATOR = /[_.:\\/@$#%]+/
const CAMEL_BOUNDARY = /(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])/
/** A leading counter as in HTTPERR's `7_Connections_Refused`. */
const COUNTER_PREFIX = /^\d+_(?=[a-z])/i
const HEX_CODE = /^0x[0-9a-f]+$/i

/** Strip punctuation from both ends of a token (`(0x80070005),` -> `0x80070005`). */
export function trim(token: string): string {
  return token.replace(EDGE_PUNCTUATION, '')
}

/** True for a token that is an identifier or code rather than a plain word. */
export function isIdentifier(token: string): boolean {
  return /[\d_.:\\/@$#%]/.test(token) || /[a-z][A-Z]/.test(token)
}

/**
 * Expand an identifier into itself plus its parts, lowercased: `Sm_AgentApi_Init` ->
 * `sm_agentapi_init, sm, agentapi, init, agent, api`; `7_Connections_Refused` also gives
 * `connections_refused`. Hex codes stay whole. Plain words are just lowercased.
 */
export function expandIdentifier(token: string): string[] {
  const whole = token.toLowerCase()
  if (!isIdentifier(token) || HEX_CODE.test(token)) return [whole]
  const out = new Set<string>([whole])
  const uncounted = token.replace(COUNTER_PREFIX, '')
  if (uncounted !== token) out.add(uncounted.toLowerCase())
  for (const part of token.split(INNER_SEPARATOR)) {
    const p = trim(part)
    if (p.length < 2) continue
    out.add(p.toLowerCase())
    const camel = p.split(CAMEL_BOUNDARY)
    if (camel.length > 1) {
      for (const c of camel) if (c.length >= 2) out.add(c.toLowerCase())
    }
  }
  return [...out]
}

const STOP_WORDS = new Set(
  // Lunr's English list, less the words that carry meaning in error text ("not", "cannot", "no").
  `a able about across after all almost also am among an and any are as at be because been but by
  can could dear did do does either else ever every for from get got had has have he her hers him
  his how however i if in into is it its just least let like likely may me might most must my
  neither of off often on only or other our own rather said say says she should since so some than
  that the their them then there these they this tis to too twas us wants was we were what when
  where which while who whom why will with would yet you your`.split(/\s+/),
)

/** True when a (lowercased) term is a stop word and carries nothing for search. */
export function isStopWord(term: string): boolean {
  return STOP_WORDS.has(term)
}

const PLAIN_WORD = /^\p{L}+$/u

/** Stem plain words with Lunr's Porter stemmer; codes, numbers and identifiers stay as they are. */
export function stem(term: string): string {
  if (!PLAIN_WORD.test(term) || term.length < 4) return term
  return lunr.stemmer(new lunr.Token(term, {})).toString()
}

/** Marks a stop word's key: stop words are dropped from the index, but still part of a phrase (`log in` is not `log`). */
const STOP_MARK = '\u0001'

// Stemming is most of the cost of a key, and the Lunr step asks one for every token it indexes.
const KEY_CACHE_LIMIT = 100_000
const stemCache = new Map<string, string>()

/** The key a term (lowercased, one part of a token) is compared by in synonyms: its index form, or for a stop word the marked word. */
export function termKey(term: string): string {
  if (isStopWord(term)) return STOP_MARK + term
  let key = stemCache.get(term)
  if (key === undefined) {
    if (stemCache.size >= KEY_CACHE_LIMIT) stemCache.clear()
    stemCache.set(term, (key = stem(term)))
  }
  return key
}

/** True for the key of a stop word, which gives no index term. */
export function isStopKey(key: string): boolean {
  return key.charCodeAt(0) === 1
}

// termKeys and analyzeToken are pure and tokens repeat a lot ("error", "the", codes in every line
// of a log), so results are kept; each cache is emptied when full, which bounds its memory.
const CACHE_LIMIT = 100_000
const keyCache = new Map<string, readonly string[]>()
const cache = new Map<string, readonly string[]>()

/** A raw token's keys (`termKey`): trimmed, expanded, each once, stop words kept and marked. */
export function termKeys(raw: string): readonly string[] {
  let out = keyCache.get(raw)
  if (out === undefined) {
    if (keyCache.size >= CACHE_LIMIT) keyCache.clear()
    out = Object.freeze(keysUncached(raw))
    keyCache.set(raw, out)
  }
  return out
}

function keysUncached(raw: string): string[] {
  const t = trim(raw)
  if (t === '') return []
  const out: string[] = []
  for (const term of expandIdentifier(t)) {
    const k = termKey(term)
    if (!out.includes(k)) out.push(k)
  }
  return out
}

/** The whole per-token chain, as the Lunr pipeline runs it: trim, expand, drop stop words, stem. */
export function analyzeToken(raw: string): readonly string[] {
  let out = cache.get(raw)
  if (out === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear()
    out = Object.freeze(termKeys(raw).filter((k) => !isStopKey(k)))
    cache.set(raw, out)
  }
  return out
}

/** The keys of a phrase, in order (a synonym as written: `app pool`, `e-mail`, `log in`). */
export function phraseKeys(text: string): string[] {
  const out: string[] = []
  for (const raw of splitText(text)) for (const k of termKeys(raw)) out.push(k)
  return out
}

/** The words of a phrase after expansion, before stop words and stemming: what the Lunr pipeline's later steps take. */
export function phraseSurface(text: string): string[] {
  return splitText(text).flatMap((raw) => {
    const t = trim(raw)
    return t === '' ? [] : expandIdentifier(t)
  })
}

/** A rewrite of a whole key sequence (synonyms.ts `Synonyms`): phrases need their neighbours, so it is not a per-token step. */
export interface SequenceRewrite {
  apply(keys: readonly string[], side: 'index' | 'query'): string[]
}

/**
 * Analyze text into ordered index-form terms: the tokenizer, then the per-token chain, and with
 * `synonyms` their rewrite of the sequence (`side`: an article's text, or a query or paste).
 */
export function analyzeText(text: string, synonyms?: SequenceRewrite, side: 'index' | 'query' = 'index'): string[] {
  if (synonyms) return synonyms.apply(phraseKeys(text), side)
  // A plain loop: flatMap over the tokens measured 2.5 times slower, on every line of every paste.
  const out: string[] = []
  for (const raw of splitText(text)) for (const term of analyzeToken(raw)) out.push(term)
  return out
}

/** Where each term (or term number) occurs: term -> positions (ascending, each once) of the items holding it. */
export function indexByTerm<T = string>(items: ReadonlyArray<Iterable<T>>): Map<T, number[]> {
  const byTerm = new Map<T, number[]>()
  items.forEach((terms, i) => {
    for (const t of terms) {
      const at = byTerm.get(t)
      if (!at) byTerm.set(t, [i])
      else if (at[at.length - 1] !== i) at.push(i) // a term repeated in one item
    }
  })
  return byTerm
}
