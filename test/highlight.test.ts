/**
 * The widget's highlighting (web/src/lib/highlight.ts), pure functions run here without a browser,
 * and its copy of the server's token rules held equal to the server's on every character.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { expandIdentifier, trim } from '../src/core/analysis/terms.js'
import { TOKEN_SEPARATOR } from '../src/core/analysis/tokenize.js'
import { EDGE, INNER, SEPARATOR, segments, wordMatches } from '../web/src/lib/highlight.js'

/** Every code point as a string, lone surrogates included. */
function* everyCharacter(): Generator<string> {
  for (let cp = 0; cp <= 0x10ffff; cp++) yield String.fromCodePoint(cp)
}
const ALNUM = /[\p{L}\p{N}]/u

describe('highlighting matched terms (index form) in a snippet', () => {
  const marked = (text: string, terms: string[]) =>
    segments(text, terms)
      .filter(([, m]) => m)
      .map(([t]) => t)

  it('marks words that start with a stemmed term, or whose identifier parts do', () => {
    assert.deepEqual(marked('HTTPERR log lines look like "<date> <time> - - 7_Connections_Refused -"', ['connect', 'connections_refused', 'refus']), [
      '7_Connections_Refused',
    ])
    assert.deepEqual(marked('connect() failed (111: Connection refused) while connecting', ['connect', 'refus']), [
      'connect',
      'Connection',
      'refused',
      'connecting',
    ])
    assert.deepEqual(marked('shows "Sm_AgentApi_Init Failed" and nothing else.', ['sm_agentapi_init', 'fail']), ['Sm_AgentApi_Init', 'Failed'])
    assert.deepEqual(marked('a apple', ['a']), ['a'], 'a one-letter term marks only the word itself')
    assert.deepEqual(marked('no terms here', []), [])
  })

  it('gives the text back unchanged, markup included, as text', () => {
    for (const text of ['<img src=x onerror=alert(1)> Connections_Refused', '  spaced   out  ', '', '"quoted", (paren) & amp;']) {
      assert.equal(
        segments(text, ['connections_refus', 'img', 'quot'])
          .map(([t]) => t)
          .join(''),
        text,
      )
    }
  })
})

describe("the widget's token rules are the server's", () => {
  it('separates words on exactly the characters the server tokenizer does', () => {
    assert.equal(SEPARATOR.flags, TOKEN_SEPARATOR.flags)
    const differ: string[] = []
    for (const c of everyCharacter()) if (SEPARATOR.test(c) !== TOKEN_SEPARATOR.test(c)) differ.push(`U+${c.codePointAt(0)!.toString(16)}`)
    assert.deepEqual(differ, [])
  })

  it('splits identifiers on exactly the characters the server splits them on', () => {
    // `ab?cd` with ? neither a letter, a digit nor a token separator: the server gives its part
    // `ab` exactly when ? is an identifier separator (terms.ts).
    const differ: string[] = []
    for (const c of everyCharacter()) {
      if (ALNUM.test(c) || TOKEN_SEPARATOR.test(c)) continue
      if (INNER.test(c) !== expandIdentifier(`ab${c}cd`).includes('ab')) differ.push(`U+${c.codePointAt(0)!.toString(16)}`)
    }
    assert.deepEqual(differ, [])
  })

  it('trims the same punctuation from the ends of a word', () => {
    const differ: string[] = []
    for (const c of everyCharacter()) if (`${c}ab${c}`.replace(EDGE, '') !== trim(`${c}ab${c}`)) differ.push(`U+${c.codePointAt(0)!.toString(16)}`)
    assert.deepEqual(differ, [])
  })

  it('drops a leading counter as the server does: 7_Connections_Refused also matches connections_refused', () => {
    assert.ok(expandIdentifier('7_Connections_Refused').includes('connections_refused'))
    assert.equal(wordMatches('7_Connections_Refused', ['connections_refused']), true)
  })
})
