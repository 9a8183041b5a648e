/**
 * The error codes of an imported support article, for its `error_codes` field: found with the
 * project's one table of code patterns (src/core/match/signals.ts, which also reads symptoms at
 * load and pastes at query time) and written in the article's display form ("0x8007000d",
 * "500.19", "HTTP 404", "ERROR_ACCESS_DENIED", "Event ID 1234").
 *
 * One rule is the importer's own: an HTTP status only where the text writes it after "HTTP".
 * The shared `http-status` pattern also reads "status 401" (a log field, "exit status 128"), and
 * `error_codes` is an indexed field (boost 8): taking those would change what imported articles
 * answer (one article of the mslearn-iis corpus). It moves to signals.ts as a pattern of its own
 * when that table gains one.
 */
import { CODE_PATTERNS } from '../../core/match/signals.js'
import { unescapeMd, uniq } from './text.js'

/** The shared pattern of one kind of code; a missing kind is a programming error, found at load. */
function patternOf(kind: string): (text: string) => string[] {
  const p = CODE_PATTERNS.find((c) => c.kind === kind)
  if (!p) throw new Error(`import: no code pattern of kind "${kind}" in signals.ts`)
  return p.find
}

const hresults = patternOf('hresult')
const substatuses = patternOf('http-substatus')
/** A status written after "HTTP" ("HTTP 404", "HTTP/1.1 404", "HTTP Error 404", "HTTP: 404"). */
const HTTP_STATUS = /\bHTTP(?:\/1\.[01])?(?:\s+Error)?\s*:?\s*([1-5]\d\d)(?![\d.])/gi
const win32Names = patternOf('win32-name')
const eventIds = patternOf('event-id')

/** Codes worth matching exactly, from titles, headings and symptoms of support articles. */
export function findCodes(texts: string[]): string[] {
  const codes: string[] = []
  for (const raw of texts) {
    const t = unescapeMd(raw)
    codes.push(...hresults(t))
    // "http 500.19" as "500.19"; a substatus has at most two digits in these articles.
    for (const c of substatuses(t)) if (/^http \d{3}\.\d{1,2}$/.test(c)) codes.push(c.slice(5))
    // "HTTP 500" only when no substatus of that status was found ("500.19" says more).
    for (const m of t.matchAll(HTTP_STATUS)) {
      if (!codes.some((x) => x.startsWith(`${m[1]}.`))) codes.push(`HTTP ${m[1]}`)
    }
    // Win32 and status names as written (all capitals); COM's E_ names are left to the matcher.
    for (const c of win32Names(t)) if (!c.startsWith('e_')) codes.push(c.toUpperCase())
    for (const c of eventIds(t)) codes.push(`Event ID ${c.slice(6)}`)
  }
  return uniq(codes)
}
