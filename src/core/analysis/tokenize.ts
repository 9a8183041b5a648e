/**
 * Tokenizing: one tokenizer for index and query time.
 *
 * It splits on white space, hyphens and punctuation that never belongs to an identifier, and
 * keeps case, so that the pipeline can still split `HttpException` by its camel case. Characters
 * inside identifiers (`_ . : \ / @ $ # %`) stay, so `Sm_AgentApi_Init`, `0x80070005`, `500.19`,
 * `C:\inetpub\logs` and `System.Web.HttpException` survive whole; the pipeline adds their parts.
 */
import lunr from 'lunr'

/** Characters that end a token. Hyphen is one, as in Lunr, so query syntax `-term` keeps working. */
export const TOKEN_SEPARATOR = /[\s\-,;"'`()[\]{}<>|=!?*^~+&]+/

/** Split text into raw (not yet normalized) token strings. */
export function splitText(text: string): string[] {
  return text.split(TOKEN_SEPARATOR).filter((t) => t.length > 0)
}

/**
 * A Lunr tokenizer with the same contract as `lunr.tokenizer`: it returns `lunr.Token`s with
 * position and index metadata, for strings or arrays of strings.
 */
export function kbTokenizer(obj?: unknown, metadata?: object): lunr.Token[] {
  if (obj === null || obj === undefined) return []
  if (Array.isArray(obj)) {
    return obj.flatMap((item, i) => kbTokenizer(item, { ...metadata, index: i }))
  }
  const str = String(obj)
  const tokens: lunr.Token[] = []
  const re = new RegExp(TOKEN_SEPARATOR.source, 'g')
  let start = 0
  const push = (end: number): void => {
    if (end > start) {
      tokens.push(
        new lunr.Token(str.slice(start, end), {
          ...metadata,
          position: [start, end - start],
          index: tokens.length,
        }),
      )
    }
  }
  for (let m = re.exec(str); m !== null; m = re.exec(str)) {
    push(m.index)
    start = m.index + m[0].length
  }
  push(str.length)
  return tokens
}
