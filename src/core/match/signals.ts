/**
 * Recognizing error codes and names in text: HRESULTs, HTTP status and substatus, Win32 and
 * errno names, event ids, exception classes, product message ids, component file names.
 * The same extractor runs over article symptoms (at load) and over pastes, so codes compare
 * in one canonical form.
 */
import { canonicalHex, equivalentCodes, HTTP_REASON } from './codes.js'
import { maskNonCodes } from './notcodes.js'
import { MATCH_DEFAULTS, type MatchOptions } from './options.js'

/**
 * Version of code recognition: what `articleCodes` (profile.ts) makes of an article, with the
 * patterns below, the equivalents of codes.ts and the literal codes and placeholders of profile.ts.
 * Each article's codes are computed at build and stored in the artifact, so bump this when any
 * of them changes what it finds: artifacts built before are then refused, not used with stale
 * codes. test/artifact-version.test.ts fails when the stored codes change without a bump.
 */
export const CODES_VERSION = 4

/**
 * An HTTP error status in parentheses after a word (`denied access to my repository (403)`,
 * `Forbidden (403)`): the status, in articles and pastes alike. Only statuses HTTP defines, and
 * only after a plain word: after a file name or `process` it is a process id (`w3wp.exe (512)`),
 * after a sentence a driver's error number (ODBC's `Login failed for user 'etl'. (18456)`). Paste
 * normalization keeps what this matches (normalize.ts), so both sides read it the same way.
 */
export const PARENTHESIZED_STATUS =
  /(?<=(?<![\w.])[A-Za-z]{2,} )(?<!\b(?:[Pp]id|[Tt]id|[Pp]rocess|[Tt]hread) )\((4(?:0\d|1[0-8]|2[1-689]|31|51)|50[0-8]|51[01])\)(?!\w)/g

/** A status and its reason phrase: `403 Forbidden`, `(503) Server Unavailable`. */
const REASON_AFTER_STATUS = new RegExp(`(?:\\b|\\()([1-5]\\d\\d)\\)? (?:${HTTP_REASON})\\b`, 'gi')

/** One code pattern: a label for the kind and a function returning canonical codes found. */
interface CodePattern {
  kind: string
  /** What the text must contain for the pattern to find anything: a cheap test that skips the scan. */
  hint?: RegExp
  find: (text: string) => string[]
}

/** What `pick` makes of every match of a global pattern, skipping matches it refuses. */
function all(re: RegExp, text: string, pick: (m: RegExpMatchArray) => string | undefined): string[] {
  const out: string[] = []
  for (const m of text.matchAll(re)) {
    const v = pick(m)
    if (v) out.push(v)
  }
  return out
}

export const CODE_PATTERNS: readonly CodePattern[] = [
  { kind: 'hresult', hint: /0x/i, find: (t) => all(/\b0x[0-9a-f]{8}\b/gi, t, (m) => canonicalHex(m[0].slice(2))) },
  // A stop (bugcheck) code as Windows, its event log and the debugger write it: `Stop code: 0xEF`,
  // `The bugcheck was: 0x000000ef`, `BugCheck EF, {...}`, `STOP 000000EF`. Written without 0x, a
  // value must hold a digit or be at most two letters (`BugCheck EF`), so a word (`stop added`) is none.
  {
    kind: 'stop-code',
    hint: /bug ?check|stop/i,
    find: (t) =>
      all(/\b(?:bug ?check(?: code)?|stop(?: code| error)?)(?: was)?\W{1,3}(?:0x([0-9a-f]{1,8})|((?=[a-f]{0,7}\d)[0-9a-f]{1,8}|[a-f]{1,2}))\b/gi, t, (m) =>
        canonicalHex(m[1] ?? m[2]!),
      ),
  },
  // Written without 0x (`8007000d`, `c0000005`): only with a facility prefix HRESULTs and NTSTATUS codes use, not any 8 hex digits.
  {
    kind: 'hresult-bare',
    hint: /80|c00/i,
    find: (t) => all(/(?<![\w.-])(?:800[2-9a]|801[0-9]|c00[0-3])[0-9a-f]{4}(?![\w.-])/gi, t, (m) => `0x${m[0].toLowerCase()}`),
  },
  // Mail enhanced status codes (RFC 3463), after the reply code or a word that makes them codes: `550 5.1.1`, `#550 5.7.1`, `status 4.4.7`.
  {
    kind: 'mail-status',
    hint: /\d\.\d/,
    find: (t) => all(/(?:\b[245]\d\d[\s-]+|#|\b(?:status|code|error|ndr|dsn)\W{1,3})([245]\.\d{1,3}\.\d{1,3})(?!\d|\.\d)/gi, t, (m) => `mail ${m[1]}`),
  },
  { kind: 'http-substatus', hint: /\d\.\d/, find: (t) => all(/(?<![\d.])([1-5]\d\d)\.(\d{1,3})(?![\d.])/g, t, (m) => `http ${m[1]}.${m[2]}`) },
  // A status that HTTP defines (1xx stops at 103): a process's `exit status 128` is none, nor one
  // named after a slash (systemd's `status=203/EXEC`). git and curl write `The requested URL returned error: 403`.
  {
    kind: 'http-status',
    hint: /http|status|returned/i,
    find: (t) =>
      all(
        /\b(?<!exit )(?:HTTP(?:\/\d(?:\.\d)?)?(?: Error)?|status(?: code)?|returned error)[\s:=]+(10[0-3]|[2-5]\d\d)(?![\d.]|\/[A-Za-z])/gi,
        t,
        (m) => `http ${m[1]}`,
      ),
  },
  // `403 Forbidden`, and .NET's `(403) Forbidden` and `(503) Server Unavailable`.
  {
    kind: 'http-reason',
    hint: /\d\)? [a-z]/i,
    find: (t) => all(REASON_AFTER_STATUS, t, (m) => `http ${m[1]}`),
  },
  // `denied access to my repository (403)`, Django's `Forbidden (403)` and `Server Error (500)`.
  { kind: 'http-parenthesized', hint: /\(\d/, find: (t) => all(PARENTHESIZED_STATUS, t, (m) => `http ${m[1]}`) },
  {
    kind: 'win32-name',
    hint: /_/,
    find: (t) => all(/\b(?:ERROR|WSAE|STATUS|RPC_S|SEC_E|CRYPT_E|CERT_E|NTE|E)_[A-Z0-9_]{3,}\b/g, t, (m) => m[0].toLowerCase()),
  },
  {
    kind: 'errno',
    hint: /E[A-Z]/,
    find: (t) => all(/\b(?:E(?:CONN|ADDR|HOST|NET|TIME|NO|ACCES|PIPE|MFILE|PROTO)[A-Z]*|WSAE[A-Z]+)\b/g, t, (m) => m[0].toLowerCase()),
  },
  // A socket error spelled as its message (strerror): `upstream timed out (110: Connection timed out)`, Java's
  // `ConnectException: Connection refused`. Windows words the same errors otherwise, and its messages are matched as words.
  {
    kind: 'errno-message',
    hint: /connection|address|route|network|pipe/i,
    find: (t) =>
      all(
        /\b(?:Connection (refused|timed out|reset by peer)|(Address already in use)|(No route to host)|(Network is unreachable)|(Broken pipe))\b/gi,
        t,
        errnoOfMessage,
      ),
  },
  // .NET: SocketException (10055), Win32Exception (0x80004005), COMException (0x800A01A8)
  {
    kind: 'exception-code',
    hint: /exception \(/i,
    find: (t) => all(/\b\w*Exception \((0x[0-9a-f]{8}|\d{3,5})\)/gi, t, (m) => (m[1]!.startsWith('0x') ? canonicalHex(m[1]!.slice(2)) : `win32 ${m[1]}`)),
  },
  { kind: 'win32-status', hint: /win32/i, find: (t) => all(/\bwin32[-\s]?(?:status|error)?(?: code)?[\s:=]+(\d{1,5})\b/gi, t, (m) => `win32 ${m[1]}`) },
  { kind: 'event-xml', hint: /<eventid/i, find: (t) => all(/<EventID[^>]*>(\d{2,5})<\/EventID>/gi, t, (m) => `event ${m[1]}`) },
  { kind: 'event-id', hint: /event/i, find: (t) => all(/\bEvent\s?ID[\s:=>]*(\d{2,5})\b|\bevent (\d{3,5})\b/gi, t, (m) => `event ${m[1] ?? m[2]}`) },
  // SQL Server "Msg 18456, Level 14", "Error: 18456, Severity: 14", reference pages' "Error 18456"
  { kind: 'error-number', hint: /msg|error/i, find: (t) => all(/\b(?<!returned )(?:Msg|Error)[:#]?\s+(\d{2,6})\b(?![.\d])/gi, t, (m) => `error ${m[1]}`) },
  // A driver's native error number after the message it goes with (ODBC: `Login failed for user 'etl'. (18456) (SQLDriverConnect)`).
  { kind: 'native-error', hint: /\. \(\d/, find: (t) => all(/\. \((\d{3,6})\)/g, t, (m) => `error ${m[1]}`) },
  {
    kind: 'exception',
    hint: /Exception|Error|Fault/,
    find: (t) => all(EXCEPTION, t, (m) => (m[1] === 'Error' ? undefined : m[1]!.toLowerCase())),
  },
  { kind: 'doc-id', hint: /KB|PI|APAR|CVE/, find: (t) => all(/\b(?:KB\d{6,9}|PI\d{5}|APAR \w+|CVE-\d{4}-\d+)\b/g, t, (m) => m[0].toLowerCase()) },
  // Mixed-case identifiers with underscores: Sm_AgentApi_Init, Connections_Refused, ERR_CONNECTION_RESET; not a
  // method of a stack frame (`at _Default.Page_Load(Object sender, EventArgs e)`): code that ran, not an error.
  {
    kind: 'identifier',
    hint: /_/,
    find: (t) => all(/\b(?<!\.)[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+\b(?!\()/g, t, (m) => (/[A-Z]/.test(m[0]) ? m[0].toLowerCase() : undefined)),
  },
]

/** The errno a strerror message names (the groups of the `errno-message` pattern). */
function errnoOfMessage(m: RegExpMatchArray): string {
  const connection = m[1]?.toLowerCase()
  if (connection) return connection === 'refused' ? 'econnrefused' : connection === 'timed out' ? 'etimedout' : 'econnreset'
  return m[2] ? 'eaddrinuse' : m[3] ? 'ehostunreach' : m[4] ? 'enetunreach' : 'epipe'
}

/**
 * An exception class, with its namespace (`System.Net.Sockets.SocketException`): the last
 * exception-named part of a dotted name. A match starts only where a dotted name starts (not after
 * `part.`): from a later part it could find nothing the first start did not, and trying every part
 * again read the rest of the name again, the square of its length (`a.a.a…` of 2,000 characters
 * took 5 ms a line). The look-behind reads back one part at most.
 */
const EXCEPTION = /\b(?<!\b[A-Za-z_]\w*\.)(?:[A-Za-z_][\w]*\.)*([A-Z][\w]*(?:Exception|Error|Fault))\b/g

/** Text without any of these cannot hold a code: most log chatter is skipped in one test. */
const MAY_HOLD_CODE =
  /[\d_]|Exception|Error|Fault|\bE[A-Z]{4,}|[Bb]ug ?[Cc]heck|BUG ?CHECK|[Rr]efused|[Tt]imed out|by peer|in use|[Uu]nreach|[Nn]o route|[Bb]roken pipe/

/** All canonical codes found in a text, with their equivalent spellings, deduplicated, in order. */
export function extractCodes(text: string): string[] {
  if (!MAY_HOLD_CODE.test(text)) return []
  const t = maskNonCodes(text)
  const out = new Set<string>()
  for (const p of CODE_PATTERNS) {
    if (p.hint && !p.hint.test(t)) continue
    for (const c of p.find(t)) for (const e of equivalentCodes(c)) out.add(e)
  }
  return [...out]
}

/**
 * Words of an error report. Besides failure words, the refusals, absences and limits that tools
 * print without the word "error" (git's `remote: You are not allowed to download code from this
 * project.`, `No such file or directory`, `token has expired`, `rate limit exceeded`).
 */
const ERROR_WORDS =
  /\b(?:error|errors|fail(?:ed|ure|s)?|fatal|exception|denied|refused|unable|cannot|can't|could not|couldn't|invalid|timed? ?out|unavailable|forbidden|abort(?:ed)?|crash(?:ed)?|not found|stopped|rejected|reset|critical|warning|severe|panic|not allowed|not permitted|(?:not |un)authori[sz]ed|no such|does not exist|already exists|expired|exceeded|too many|unexpected(?:ly)?|(?:not |un)supported)\b/i
const LOG_LEVEL = /\b(?:ERROR|FATAL|CRIT(?:ICAL)?|SEVERE|ALERT|EMERG|WARN(?:ING)?)\b/
/**
 * A quiet level among the first words of a line. The leading run of non-word characters is taken
 * whole (a look-ahead and a back-reference: an atomic group): a run of punctuation could be split
 * between it and the first word in as many ways as it is long, and trying each was the square of
 * the line's length (a line of 2,000 dots took 4 ms). Taking it whole finds the same lines: the
 * first word then starts at a letter or digit, and every split left as many words or more.
 */
const QUIET_LEVEL = /^(?=(\W*))\1(?:\S+\s+){0,3}\b(?:INFO|DEBUG|TRACE|VERBOSE|NOTICE)\b/

/**
 * Codes that mark a line as worth reading even without an error word (digits alone do not): an
 * HRESULT (also bare, with a facility prefix), an exception or error class (`OutOfMemoryError`),
 * a bugcheck, an HTTP error status, a Win32 status, an errno name, a message or event id.
 */
const STRONG_CODE =
  /\b0x[0-9a-fA-F]{8}\b|\b(?:800[2-9aA]|801\d|[cC]00[0-3])[0-9a-fA-F]{4}\b|Exception|Fault\b|[a-z]Error\b|[Bb]ug ?[Cc]heck|\b(?:HTTP|[Ss]tatus)\W{0,3}[45]\d\d\b|\b[Ww]in32 status [1-9]|\bE[A-Z]{4,}\b|\b(?:Msg|Event\s?ID)\W{0,3}\d/

/**
 * An identifier with underscores marks a line worth reading only with a capital in it
 * (`Sm_AgentApi_Init`, `ERROR_ACCESS_DENIED`), as in extractCodes: lowercase snake_case
 * (`svc_portal`, `max_pool_size`) fills log chatter and names no error. Apart from STRONG_CODE, so
 * that only lines holding an underscore (one fast `includes`) are scanned for it.
 */
const STRONG_IDENTIFIER = /\b(?=\w*[A-Z])[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]+\b/

/**
 * A cheap first look at a line of a long paste: could it be (part of) the error? It runs on every
 * line of a long paste, so each test is one scan: same answers as one expression, about 0.7 of
 * the time of a prefilter followed by the whole expression (measured on the bench's 40 KB logs).
 */
export function mayBeError(line: string): boolean {
  return LOG_LEVEL.test(line) || ERROR_WORDS.test(line) || STRONG_CODE.test(line) || (line.includes('_') && STRONG_IDENTIFIER.test(line))
}

/** True when one of the first words of a line is a quiet log level (INFO, DEBUG…): chatter. */
export function hasQuietLevel(line: string): boolean {
  return QUIET_LEVEL.test(line)
}

/**
 * Codes that say which error a line reports whatever its level: an HRESULT or stop code, an HTTP
 * substatus, an event or message number, a mail status, an exception class. An INFO line carrying
 * one is not chatter (an installer logs `exit code 80070643` at INFO; a JVM's OutOfMemoryError
 * lands in whatever logger caught it); a bare status, a name or an identifier is not enough.
 */
const STRONG = /^0x|^http \d{3}\.\d|^event \d|^error \d|^mail \d|^[a-z]\w*(?:exception|error|fault)$/

/** True when one of a line's codes is a strong one (`STRONG`). */
export function hasStrongCode(codes: readonly string[]): boolean {
  return codes.some((c) => STRONG.test(c))
}

/**
 * A process's exit status (`Job failed: exit code 1`, `Process completed with exit code 1`,
 * `script returned exit code 1`, `returned non-zero exit status 1`, `failed with exit code 127`):
 * the outcome a CI runner, shell or build tool reports after the error, which it does not name.
 */
export const EXIT_STATUS = /\bexit(?:ed)?(?: with)?(?: code| status)\W{0,3}-?\d+\b|\bnon-zero exit (?:code|status)\b/i

/** How much a line looks like an error report: 0 (chatter) to 1 (an error line); pass the codes if already known. */
export function errorLikeness(
  line: string,
  codes: readonly string[] = extractCodes(line),
  w: MatchOptions['errorLikeness'] = MATCH_DEFAULTS.errorLikeness,
): number {
  let s = 0
  if (LOG_LEVEL.test(line)) s += w.logLevel
  if (ERROR_WORDS.test(line)) s += w.errorWord
  if (codes.length > 0) s += w.code
  if (hasQuietLevel(line) && !hasStrongCode(codes)) s -= w.quietLevel
  if (/^\s+at\s+[\w.$<>]+\(/.test(line) || /^\s+at\s/.test(line)) s -= w.stackFrame // stack frames: context, not the error
  if (EXIT_STATUS.test(line) && !hasStrongCode(codes)) s -= w.exitStatus // the outcome: the error is on another line
  return Math.max(0, Math.min(1, s))
}
