/**
 * Knowledge gaps: the questions the KB did not answer (no confident match, no result) or whose
 * answers users rejected, grouped into templates (templates.ts) by the line that says the error
 * (`minedLine`: the first line that is not a stack frame or a header) and the codes written in it
 * (`lineCodes`), with what the KB knows of the codes read (the products of its articles that list
 * them). Pure: the questions come from the events database (runtime/events/insights.ts).
 */
import { equivalentCodes, isGenericCode } from '../match/codes.js'
import { W3cReader } from '../match/logformats.js'
import { maskNonCodes } from '../match/notcodes.js'
import { CODE_PATTERNS, errorLikeness, EXIT_STATUS, extractCodes } from '../match/signals.js'
import { mineTemplates, templateTokens } from './templates.js'

/** A question that is a gap, as read from the events. */
export interface GapQuestion {
  at: Date
  kind: 'search' | 'match'
  /** The stored question: redacted and normalized, one line per line read. */
  text: string
  codes: string[]
  /** Times it was asked with the same answer (one stored row); 1 when not said. */
  count?: number
  /** True when a user said an answer was not related, or related but did not solve it. */
  rejected: boolean
  /** How many of its answers users rejected; 1 when `rejected` and not said. */
  rejections?: number
}

/** One group of gap questions: one error, whatever its values. */
export interface Gap {
  /**
   * A hash of the line's codes and the group's oldest question's line: stable as newer questions
   * join and widen the template. It changes when that oldest question leaves the window (a later
   * `since`, or more than LIMITS.insightsGapQuestions newer gap questions): the group's next
   * question is then its first. A window with a fixed start (an ISO `since`) keeps it.
   */
  id: string
  /** The line mined (`minedLine`), `<*>` where the questions' values differ. */
  template: string
  count: number
  firstSeen: string
  lastSeen: string
  /** The latest question of the group, as stored (redacted). */
  example: string
  codes: string[]
  /**
   * Products of the KB's articles that list one of the codes, but for codes that end many
   * unrelated problems (`isGenericCode`) and a parent code read with its child (`http 500` with
   * `http 500.19`); none when no article does.
   */
  products: string[]
  /** Questions of the group whose answer a user rejected. */
  rejected: number
}

/** Codes and products listed on a gap, at most. */
const MAX_LISTED = 20

/** A Python-style frame: the file and line only, its source line on the next line. */
const LOCATION_FRAME = /^File "[^"]*", line \d+/

/**
 * A file position alone: `/app/main.go:12 +0x1d`, `C:\src\x.cs:42`, and where Node stopped on an
 * uncaught error (`node:internal/process/promises:288`, `/app/server.js:12`), its source line and
 * a `^` marker under it on the next lines.
 */
const POSITION_ALONE = /^(?:[A-Za-z]+:)?[\w.~<>-]*[/\\]\S*:\d+(?::\d+)?(?:\s+\+0x[0-9a-f]+)?$/i

/** Frames a source line follows, which is no error of its own. */
const SOURCE_FOLLOWS: readonly RegExp[] = [LOCATION_FRAME, POSITION_ALONE]

/**
 * A record's field (`Log Name:  System`, `Event ID: 7000`, `Last State: Terminated`): a label of
 * one to four words (each capitalized, lower-case or an acronym: `KeyError: 'x'` is no field), a
 * colon, a value. Event Viewer's copied details and `kubectl describe` are
 * made of them; their error is in a longer line (`Description:`'s text), not in `Log Name: System`.
 */
const FIELD_LINE = /^(\p{Lu}(?:\p{Ll}+|\p{Lu}*)(?:[ _-]\p{L}(?:\p{Ll}+|\p{Lu}*)){0,3}):[ \t]+(\S.*)$/u

/** A level given as a field's value (`Level: Error`): what kind of record, not which error. */
const LEVEL_VALUE = /^(?:error|warning|critical|fatal|information|info|verbose|debug)$/i

/**
 * True for a field that only describes its record: a label that says no error (`Error: …` does), a
 * value of at most three words that says none either, or a level.
 */
export function isRecordField(line: string): boolean {
  const m = FIELD_LINE.exec(line)
  if (!m || errorLikeness(m[1]!) > 0) return false
  const value = m[2]!.trim()
  return value.split(/\s+/).length <= 3 && (LEVEL_VALUE.test(value) || errorLikeness(value) === 0)
}

/**
 * Stack frames, as stored (trimmed): where an error happened, not what it was. Shapes, not any
 * one language's words: a frame names a call and a file position, or is numbered, or is a
 * position or a call alone on its line.
 */
const FRAME_SHAPES: readonly RegExp[] = [
  // `at pkg.Type.method(Type.java:42)`, `at Ns.Type.Method() in C:\src\x.cs:line 42`, `at fn (/app/x.js:3:5)`, `at /app/x.js:3:5`
  // (each part matched one way only, so a long line costs its length, not its square)
  /^at\s+(?:(?:async|new)\s+)?(?:[\w$.<>[\]`'-]+\(|\S+\s+\((?=[^()]*[/\\:])[^()]*\)|\S*[/\\][^\s/\\]*:\d+(?::\d+)?(?!\S))/,
  LOCATION_FRAME,
  // `from /app/lib/x.rb:10:in 'call'`
  /^from\s+\S+:\d+/,
  // Numbered, with a path, an address or a module path: `#0 /var/www/x.php(12): f()`, `#1 {main}`,
  // `#1 0x00007f3a in raise () from /lib/libc.so.6`, `3: std::rt::lang_start`, `7: 0x55d2 - <unknown>`
  /^#\d+\s+(?:\S*[/\\]|\{main\}|\[internal|0x[0-9a-f]+\s)/i,
  /^\d+:\s+(?:0x[0-9a-f]+\s+-\s+\S|[\w<>]+::)/i,
  POSITION_ALONE,
  // A qualified call alone: `main.main()`, `main.(*Server).Run(0xc000010000)`
  /^[\w$]+(?:\.[\w$*()[\]]+)+\([^()]*\)$/,
  // Frames left out: `... 12 more`
  /^\.{3}\s*\d+\s/,
]

/** True when a stored line is a stack frame (`FRAME_SHAPES`). */
export function isFrameLine(line: string): boolean {
  return FRAME_SHAPES.some((re) => re.test(line))
}

/**
 * True when a line introduces others rather than saying an error: a header (`Traceback (most
 * recent call last):`, `Stack trace:`, `goroutine 1 [running]:`: ends with a colon, nothing of an
 * error in it), a separator or a marker (`--- End of stack trace ---`, `^^^^^`).
 */
export function isPreambleLine(line: string): boolean {
  return (
    (/:$/.test(line) && errorLikeness(line) === 0) ||
    /^[^\p{L}\p{N}]*$/u.test(line) ||
    /^([^\p{L}\p{N}\s])\1\1.*\1\1\1$/u.test(line) ||
    LOG_DIRECTIVE.test(line) ||
    PROMPT.test(line) ||
    CHAINED.test(line)
  )
}

/** Data: the sentences that join two chained tracebacks (Python's), which say no error of their own. */
const CHAINED = /^(?:During handling of the above exception, another exception occurred|The above exception was the direct cause of the following exception):?$/

/**
 * Data: how a build, or a phase, stage, step or job of one, reports that it ended failed, alone on
 * its line: `Phase complete: BUILD State: FAILED`, `Stage 'test' finished with result FAILURE`,
 * `Finished: FAILURE`, `BUILD FAILED in 14s`, `[INFO] BUILD FAILURE`, `FAILURE: Build failed with an exception.`
 */
const STAGE_OUTCOME =
  /^(?:\[\w+\]\s*)?(?:(?:phase|stage|step|job|task|build|pipeline)\b.{0,60}?\b(?:complete|completed|finished|ended)\b.{0,60}?\b(?:state|status|result)\W{1,3}(?:failed|failure|error|errored|aborted|timed[_ ]?out|cancell?ed)|finished: (?:failure|aborted|unstable)|build (?:failed|failure)(?: in \S+)?|failure: build failed with an exception)\.?$/i

/**
 * How a job or command ended, when the error is on another line: `ERROR: Job failed: exit code 1`,
 * `make: *** [Makefile:3: build] Error 1`, `npm ERR! code ELIFECYCLE` and npm's lines after it, a
 * stage's end (STAGE_OUTCOME): every failure of a CI job ends with one, and mined it would make them one gap.
 */
const OUTCOME_LINE = new RegExp(
  `${EXIT_STATUS.source}|^make(?:\\[\\d+\\])?: \\*\\*\\* |\\bELIFECYCLE\\b|${STAGE_OUTCOME.source}|^npm ERR! (?:errno -?\\d+$|Failed at the |This is probably not a problem|A complete log of this run)`,
  'i',
)

/**
 * A log file's own header: a directive of the W3C extended format (`#Software: Microsoft Internet
 * Information Services 10.0`, `#Fields: date time …`; not any `#Word:`, `#Error: …` is an error) or the file name `tail` prints
 * between files (`==> /var/log/nginx/error.log <==`). Every log of the kind starts with one.
 */
const LOG_DIRECTIVE = /^#(?:Software|Version|Date|Fields|Remark|Start-Date|End-Date):|^==> .* <==$/

/**
 * A command as typed at a prompt (`$ git push origin main`, `PS C:\app> dotnet run`, `C:\>iisreset`: a
 * Windows path up to its `>` holds none of `<>:*?"|`, so `C:\src\App.csproj : error NU1102 … (>= 2.0)` is none;
 * `<user>@<host>:~$ make`, `[<user>@<host> app]# systemctl start x`, `mysql> `, `postgres=# `, `SQL> `):
 * what was run, not what went wrong; every failure of `git push` would otherwise be one gap.
 */
const PROMPT =
  /^(?:\$|(?:[\w.-]{1,64}|<\w+>)@(?:[\w.-]{1,64}|<\w+>)(?::[^\s$#]{0,200})?[$#]|\[[^\]\n]{1,100}\][$#]|(?:mysql|mariadb|sqlite|SQL|\w{1,30}=)[>#])\s+\S|^(?:PS [A-Za-z]:\\[^<>:*?"|\n]{0,200}>|[A-Za-z]:\\[^<>:*?"|\n]{0,200}>)\s*\S/

/**
 * The line of a stored question its template is mined from: of the lines that are neither a stack
 * frame, nor a frame's source line (the line after a `File "…", line N` frame or a position alone,
 * unless it is the last), nor a preamble, nor a record's field, nor how a job ended (OUTCOME_LINE,
 * unless nothing else is left), the first that reads like an error at all (a level, an error word,
 * a code that can be an error: `KeyError: 'x'`, not a module's time stamp), else the first; a traceback's header would make every traceback one gap, `Log Name: System` every Event
 * Viewer entry, and a paste's progress output (`Cloning into 'x'...`, stored when the matcher read
 * no line as the error) every failure of that command. When every line is one of those: the last
 * frame (a traceback cut before its error), else the record's fields together (`Last State:
 * Terminated Reason: OOMKilled Exit Code: 137`), else the first line.
 */
export function minedLine(text: string): string {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
  let lastFrame: string | undefined
  const fields: string[] = []
  let first: string | undefined
  let outcome: string | undefined
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (isFrameLine(line)) {
      lastFrame = line
      // Its source line, when something follows it (the error, or the next frame).
      if (SOURCE_FOLLOWS.some((re) => re.test(line)) && i + 2 < lines.length && !isFrameLine(lines[i + 1]!)) i++
      continue
    }
    if (isRecordField(line)) {
      fields.push(line)
      continue
    }
    if (isPreambleLine(line)) continue
    if (OUTCOME_LINE.test(line)) {
      outcome ??= line
      continue
    }
    if (errorLikeness(line, extractCodes(line).filter(canBeError)) > 0) return line
    first ??= line
  }
  return first ?? outcome ?? lastFrame ?? (fields.length ? fields.join(' ') : (lines[0] ?? ''))
}

/** Quoted text: names and values (`database "Sales_2024"`, `user 'sa'`), whatever they look like. */
const QUOTED = /"[^"\n]*"|“[^”\n]*”|‘[^’\n]*’|«[^»\n]*»|`[^`\n]*`|(?<![\p{L}\p{N}])'[^'\n]*'(?![\p{L}\p{N}])/gu

/**
 * Kinds of code that are names more often than errors when keying a line: an identifier with a
 * digit is a name with a number (`Sales_2024`, `svc_sql01`), and one without is a word, which
 * keeps lines apart anyway (templates.ts).
 */
const NAME_KINDS = new Set(['identifier'])

/**
 * Kinds of code read in quoted text too: HRESULTs and NTSTATUS codes (a failure's 0x8… or 0xC…),
 * which no name looks like; not an address (`referenced memory at "0xfffffff8"`) or a stop code
 * read out of words (`'docker stop db'`).
 */
const QUOTED_CODE_KINDS = new Set(['hresult', 'hresult-bare'])

/**
 * True for a code that can be an error: not 8 hex digits with the top bit clear. That bit is an
 * HRESULT's or NTSTATUS's failure severity (0x8…–0xF…); without it, 8 hex digits read as a code
 * are a success status or a value (a module's link time stamp before 2038, a checksum).
 */
const canBeError = (code: string): boolean => !/^0x[0-7][0-9a-f]{7}$/.test(code)

/**
 * The codes written in a line, outside quoted text, that can be errors, sorted: what keeps two
 * lines apart. Codes read elsewhere in a question, or in quotes (`database "Sales_2024"`), or that
 * are values (`time stamp: 0x5e7d1d4d`) differ from one occurrence to the next, and would split
 * one error into as many gaps.
 */
export function lineCodes(line: string): string[] {
  const notNames = (kind: string) => !NAME_KINDS.has(kind)
  const codes = codesOf(line.replace(QUOTED, ' '), notNames)
  // A W3C log line (IIS, HTTP.SYS) ends in its status, substatus and Win32 status: spelled out, as the matcher reads them.
  const w3c = new W3cReader().explain(line)
  if (w3c) codes.push(...codesOf(w3c, notNames))
  // A hex error number is no name, quoted or not (`runtime error '800a01ad'`, `'ASP 0178 : 80070005'`).
  const quoted = line.match(QUOTED)
  if (quoted) codes.push(...codesOf(quoted.join(' '), (kind) => QUOTED_CODE_KINDS.has(kind)).filter((c) => /^0x[8c]/.test(c)))
  const outcomes = OUTCOME_CODES.flatMap(([re, name]) => [...line.matchAll(re)].map((m) => `${name} ${m[1]!.toLowerCase()}`))
  return [...new Set([...codes.filter(canBeError).flatMap(equivalentCodes), ...outcomes])].sort()
}

/** The codes of the kinds `keep` says that the matcher's patterns read in a text, its non-codes masked (match/notcodes.ts). */
function codesOf(text: string, keep: (kind: string) => boolean): string[] {
  const t = maskNonCodes(text)
  return CODE_PATTERNS.filter((p) => keep(p.kind) && (!p.hint || p.hint.test(t))).flatMap((p) => p.find(t))
}

/**
 * How a process or a request ended, written as a labelled number or word: a value to the miner (a
 * digit, an `=`, a quote), yet `exited with code 137` (killed) and `code 1` are different errors,
 * and so are `status=1/FAILURE` and `status=9/KILL`, `result 'exit-code'` and `'timeout'`, or a 502
 * and a 404 in an access log. Keys of gaps only: the matcher reads its own codes (match/signals.ts).
 */
const OUTCOME_CODES: readonly (readonly [RegExp, string])[] = [
  [/\bexit(?:ed)?(?: with)?(?: exit)? (?:code|status)[\s:=]{0,3}(-?\d{1,5})\b/gi, 'exit'],
  [/\b(?:exit[_-]?code|exit[_-]?status|status)=(-?\d{1,5})(?:\/\w+)?/gi, 'exit'],
  [/\bcode=(\p{L}+)/giu, 'exit'],
  // systemd's result of a unit, quoted (a value to the miner): `Failed with result 'exit-code'` and `'oom-kill'` differ.
  [/\bwith result '([\p{L}-]{1,30})'/giu, 'result'],
  [/\bstatus[ _-]?code[\s:="]{1,3}([1-5]\d\d)\b/gi, 'http'],
  // An access log's status, after the quoted request line (read with its quotes): `"GET / HTTP/1.1" 502 157`
  [/HTTP\/\d(?:\.\d)?" ([1-5]\d\d)\b/g, 'http'],
]

/**
 * The codes whose articles' products describe a gap: not a generic code (a socket error ends many
 * unrelated problems), nor a parent read with its child (`http 500` with `http 500.19`: a child's
 * spellings include its parent, a parent's do not include the child).
 */
export function productCodes(codes: readonly string[]): string[] {
  const specific = codes.filter((c) => !isGenericCode(c))
  const parents = new Set(
    specific.flatMap((c) => {
      const spellings = equivalentCodes(c)
      return spellings.filter((p) => p !== c && !equivalentCodes(p).includes(c))
    }),
  )
  return specific.filter((c) => !parents.has(c))
}

/** A group of gap questions as mined: its id and template, and its questions, oldest first. */
export interface GapGroup {
  id: string
  template: string
  members: GapQuestion[]
}

/**
 * Group gap questions (any order) by the template of the line that says their error and its
 * codes. Returns the groups in order of their oldest question, and how many questions were left
 * out because the miner's bounds were reached.
 */
export function gapGroups(questions: readonly GapQuestion[]): { groups: GapGroup[]; overflow: number } {
  // Oldest first: a group's first line is its oldest, which its id is made from, and the result does not depend on the read order.
  const sorted = [...questions].sort((a, b) => a.at.getTime() - b.at.getTime() || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0))
  // The line as the miner reads it (bounded tokens and characters), and its codes read from the
  // same text, once per distinct question and line: the same question comes back again and again.
  const keys = new Map<string, string>()
  const mined = new Map<string, string>()
  const { groups, overflow } = mineTemplates(
    sorted.map((q) => {
      let text = mined.get(q.text)
      if (text === undefined) mined.set(q.text, (text = templateTokens(minedLine(q.text)).join(' ')))
      let key = keys.get(text)
      if (key === undefined) keys.set(text, (key = lineCodes(text).join(' ')))
      return { text, key }
    }),
  )
  return { groups: groups.map((g) => ({ id: g.id, template: g.template, members: g.members.map((i) => sorted[i]!) })), overflow }
}

/**
 * Group gap questions (any order) into gaps, largest first (then most recent); `productsOf`
 * gives the products of the KB's articles listing a code. Returns the gaps and how many questions
 * were left out because the miner's bounds were reached.
 */
export function groupGaps(questions: readonly GapQuestion[], productsOf: (code: string) => readonly string[]): { gaps: Gap[]; overflow: number } {
  const { groups, overflow } = gapGroups(questions)
  const gaps = groups.map((g) => {
    const members = g.members
    const last = members[members.length - 1]!
    // Not values read as codes (a link time stamp): these become a draft's error_codes.
    const codes = [...new Set(members.flatMap((q) => q.codes).filter(canBeError))].sort().slice(0, MAX_LISTED)
    const products = [...new Set(productCodes(codes).flatMap((c) => productsOf(c)))].sort().slice(0, MAX_LISTED)
    return {
      id: g.id,
      template: g.template,
      count: members.reduce((n, q) => n + (q.count ?? 1), 0),
      firstSeen: members[0]!.at.toISOString(),
      lastSeen: last.at.toISOString(),
      example: last.text,
      codes,
      products,
      rejected: members.reduce((n, q) => n + (q.rejected ? (q.rejections ?? 1) : 0), 0),
    }
  })
  gaps.sort((a, b) => b.count - a.count || (a.lastSeen < b.lastSeen ? 1 : a.lastSeen > b.lastSeen ? -1 : 0) || (a.id < b.id ? -1 : 1))
  return { gaps, overflow }
}
