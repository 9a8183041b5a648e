/**
 * Where pasted text is normalized: small pure functions, each removing one kind of noise that
 * says nothing about the problem (timestamps, ids, addresses, counters), applied in order to
 * every pasted line. What identifies a problem (codes, names, message words) is left alone.
 */
import { PARENTHESIZED_STATUS } from './signals.js'

/** One normalization step: a stable label and a pure function over a line. */
export interface Normalizer {
  label: string
  apply: (line: string) => string
}

/**
 * A regular-expression step. `mayMatch`, when given, is a cheap test the line must pass for the
 * expression to match at all (a necessary condition, so skipping the scan changes nothing).
 */
const rx = (label: string, re: RegExp, by: string | ((m: string) => string) = ' ', mayMatch?: (s: string) => boolean): Normalizer => {
  // A replacement text is applied literally (no `$1` patterns), so it is a function of the match too.
  const replacer = typeof by === 'string' ? () => by : by
  const replace = (s: string) => s.replace(re, replacer)
  return { label, apply: mayMatch ? (s) => (mayMatch(s) ? replace(s) : s) : replace }
}

/** True for words joined by underscores, each letters then digits at most: `QUERY2_CUBE_ILLEGAL_AGG_FUNC`. */
export const isSymbolicName = (s: string): boolean => s.includes('_') && s.split('_').every((part) => /^[A-Za-z]{2,}\d*$/.test(part))

/** True when the text holds the character at least twice. */
const twice = (s: string, c: string): boolean => {
  const i = s.indexOf(c)
  return i >= 0 && s.indexOf(c, i + 1) >= 0
}

/** Process and thread ids (the `process-thread-id` step); `(?=\()` first, so the look-arounds run only at a parenthesis. */
const PROCESS_ID = new RegExp(
  String.raw`\b(?:pid|tid|thread|process(?: id)?|threadid|processid)[\s:=#]*\d+\b|\[\d{2,}\]|(?=\()(?<!\. )(?!${PARENTHESIZED_STATUS.source})\((?:\d{4,}|\d{3}(?!\) [a-z]{2}))\)`,
  'gi',
)

/** The steps, in order. Order matters: timestamps go before numbers are looked at. */
export const NORMALIZERS: readonly Normalizer[] = [
  // 2024-05-01T10:00:00.123Z, 2024-05-01 10:00:00,123, 2024/05/01 10:00
  rx('iso-timestamp', /\b\d{4}[-/]\d{2}[-/]\d{2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?(?:[.,:]\d{1,9})?(?:Z|[+-]\d{2}:?\d{2})?)?\b/g),
  // 5/1/2024 10:00:00 AM, 01.05.2024 10:00:00. With dots, a 2-digit year only before a time: `5.1.11` alone is a mail status code.
  rx('local-timestamp', /\b\d{1,2}(?:\/\d{1,2}\/\d{2,4}|\.\d{1,2}\.(?:\d{4}|\d{2}(?=,? \d{1,2}:\d{2})))(?:,? \d{1,2}:\d{2}(?::\d{2})?(?:\s?[AP]M)?)?\b/gi),
  // [10/Oct/2000:13:55:36 -0700] (Apache), Jan 12 10:00:00 (syslog)
  rx('clf-timestamp', /\[?\d{1,2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2}(?: [+-]\d{4})?\]?/g),
  // A date written with its weekday, whole: C's ctime and Apache's error log (`Thu Nov 28 03:14:07.907113 2025`),
  // Java's Date (`Tue Jul 08 10:11:12 CEST 2025`), HTTP's (`Sat, 30 Nov 2026 10:00:00 GMT`), `Tue Jul 08 2025`;
  // only the time gone, the day and month names were words that told one occurrence from the next.
  rx(
    'weekday-timestamp',
    /\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),?\s+(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s+\d{1,2}|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec))\b(?:\s+\d{4}\b)?(?:\s+\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?(?:\s+(?:GMT|UTC|[+-]\d{4}|[A-Z]{3,4}(?=\s+\d{4}\b)))?)?(?:\s+\d{4}\b)?/g,
  ),
  rx('syslog-timestamp', /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s+\d{1,2}\s+\d{2}:\d{2}:\d{2}\b/g),
  // 10:00:00, 10:00:00.123, 23:41:17:511 (WebSphere), 7:02:18 AM
  rx('clock-time', /\b\d{1,2}:\d{2}:\d{2}(?:[.,:]\d+)?(?:\s?[AP]M)?\b/gi),
  rx('guid', /\{?\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b\}?/gi),
  // A scheme of at most 31 characters: unbounded, every start in a long run of its characters rescanned the run.
  rx('url-host', /\b[a-z][a-z0-9+.-]{0,30}:\/\/[^/\s:]+(?::\d+)?/gi, ' ', (s) => s.includes('://')),
  rx('ipv4-port', /\b(?:\d{1,3}\.){3}\d{1,3}(?::\d{1,5})?\b/g),
  rx('ipv6', /\b(?:[0-9a-f]{1,4}:){3,7}[0-9a-f]{1,4}\b|::1\b/gi, ' ', (s) => twice(s, ':')),
  // Memory addresses: 0x00007FF8A1B2C3D4, 00007ff8`a1b2c3d4. HRESULTs are 8 hex digits and stay.
  rx(
    'memory-address',
    /\b0x[0-9a-f]{9,16}\b|\b[0-9a-f]{8}`[0-9a-f]{8}\b|\b0{4,}[0-9a-f]{8,12}\b/gi,
    ' ',
    (s) => s.includes('0x') || s.includes('0X') || s.includes('`') || s.includes('0000'),
  ),
  rx('temp-path', /\b[A-Z]:\\Users\\[^\\\s]+\\AppData\\Local\\Temp\\\S*|\/tmp\/\S+/gi),
  // Request and correlation ids: long runs of hex or base64-ish characters mixing letters and digits.
  // The mix is checked on each long run found, not by two look-aheads at every word start (the same
  // runs, several times faster).
  // A symbolic name (`DBCC4_ANTIMATTER_COLUMN_DETECTED`: words joined by "_", a word ending in
  // digits at most) is the error's name, not a value: it stays.
  rx('request-id', /\b[A-Za-z0-9_-]{24,}\b/g, (m) => (/\d/.test(m) && /[A-Za-z]/.test(m) && !isSymbolicName(m) ? ' ' : m)),
  // Zero-padded ids: WebSphere thread ids (00000091), sequence numbers (000123); not a stop code (`Bugcheck code 000000EF`).
  rx('zero-padded-id', /(?<![\w.])(?<!\b(?:bug ?check|stop)(?: code| error)?(?: was)?\W{1,3})0{2,}[0-9a-f]{1,14}(?![\w.])/gi),
  // A number in parentheses is an id (`w3wp.exe (4412)`), but not a status before its reason (.NET's `(403) Forbidden`)
  // or after a word (`access denied (403)`: PARENTHESIZED_STATUS, read as a code in articles too), nor a driver's
  // error number after its message (ODBC's `Login failed for user 'etl'. (18456)`).
  rx('process-thread-id', PROCESS_ID),
  rx('user-host-field', /\b(?:user(?:name)?|host(?:name)?|computer|machine|account)\s*[:=]\s*\S+/gi),
  // HTTPERR counters: 7_Connections_Refused -> Connections_Refused
  rx('counter-prefix', /\b\d+_(?=[A-Za-z])/g, ''),
]

/** Run every normalizer over one line. */
export function normalizeLine(line: string): string {
  let s = line
  for (const n of NORMALIZERS) s = n.apply(s)
  return s.replace(/\s+/g, ' ').trim()
}
