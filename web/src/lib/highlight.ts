/**
 * Highlighting matched terms in a snippet, safely: the API's `matchedTerms` are in index form
 * (lowercased, stemmed: `refus`, `connections_refused`), so a word of the snippet is marked when
 * its lowercased form, or one of its identifier parts, starts with a term or equals it. The
 * result is text nodes and <mark> elements, never HTML parsed from API strings.
 */

// The server's token rules, copied so that the widget does not bundle the server's analysis (and
// Lunr with it); test/highlight.test.ts holds each equal to the server's on every character.
/** Token separators: TOKEN_SEPARATOR of the server's tokenizer (src/core/analysis/tokenize.ts). */
export const SEPARATOR = /[\s\-,;"'`()[\]{}<>|=!?*^~+&]+/
/** Separators inside identifiers (`Sm_AgentApi_Init`, `System.Web`, `C:\inetpub`), as src/core/analysis/terms.ts splits them. */
export const INNER = /[_.:\\/@$#%]+/
/** Punctuation at a word's ends, as src/core/analysis/terms.ts trims it. */
export const EDGE = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu

/** The forms of one word a term may be the start of. */
function forms(word: string): string[] {
  const lower = word.toLowerCase()
  const out = [lower, lower.replace(/^\d+_(?=[a-z])/, '')]
  for (const part of lower.split(INNER)) if (part) out.push(part)
  return out
}

/** True when `word` should be marked for these (index-form) terms. */
export function wordMatches(word: string, terms: readonly string[]): boolean {
  const w = word.replace(EDGE, '')
  if (!w) return false
  const fs = forms(w)
  return terms.some((t) => fs.some((f) => f === t || (t.length >= 2 && f.startsWith(t))))
}

/** The snippet cut into runs: `[text, marked]`, in order; joined, they give the text back. */
export function segments(text: string, terms: readonly string[]): Array<[string, boolean]> {
  const wanted = terms.map((t) => t.toLowerCase()).filter((t) => t.length > 0)
  const out: Array<[string, boolean]> = []
  const push = (s: string, marked: boolean) => {
    if (!s) return
    const last = out[out.length - 1]
    if (last && last[1] === marked) last[0] += s
    else out.push([s, marked])
  }
  const re = new RegExp(SEPARATOR.source, 'g')
  let start = 0
  const word = (end: number) => {
    const w = text.slice(start, end)
    if (!w) return
    if (!wanted.length || !wordMatches(w, wanted)) return push(w, false)
    // Mark the word without its edge punctuation: `"Sm_AgentApi_Init` marks `Sm_AgentApi_Init`.
    const lead = /^[^\p{L}\p{N}]*/u.exec(w)![0]
    const trail = /[^\p{L}\p{N}]*$/u.exec(w)![0]
    push(lead, false)
    push(w.slice(lead.length, w.length - trail.length), true)
    push(trail, false)
  }
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    word(m.index)
    push(m[0], false)
    start = m.index + m[0].length
  }
  word(text.length)
  return out
}

/** The snippet as DOM: text nodes, and <mark> around matched words. */
export function highlight(doc: Document, text: string, terms: readonly string[]): DocumentFragment {
  const frag = doc.createDocumentFragment()
  for (const [s, marked] of segments(text, terms)) {
    if (marked) {
      const m = doc.createElement('mark')
      m.textContent = s
      frag.append(m)
    } else frag.append(doc.createTextNode(s))
  }
  return frag
}
