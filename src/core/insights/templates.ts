/**
 * Log template mining: questions that are the same error with different values (ids, users, paths,
 * ports) become one group with one template, `<*>` where the values differ.
 *
 * This is Drain (P. He, J. Zhu, Z. Zheng, M. R. Lyu, "Drain: An Online Log Parsing Approach with
 * Fixed Depth Tree", IEEE ICWS 2017): a line is routed down a tree of fixed depth, first by its
 * number of tokens, then by its first tokens (a value token routes as `<*>`, and a node with too
 * many children sends the rest to its `<*>` child), to a leaf holding a few groups; it joins the
 * most similar group whose similarity (equal tokens / tokens) reaches the threshold, the
 * differing positions becoming `<*>`, or starts a group of its own.
 *
 * Two changes for questions rather than log lines, both so that different errors stay apart:
 * - the caller's key (gaps.ts: the codes of the line, such as HRESULTs, HTTP substatus, SQL Msg
 *   numbers) is part of the route: lines with different codes are different problems, however
 *   alike their words;
 * - two words that differ (neither looks like a value: no digit, path, placeholder, quote or `=`)
 *   keep the lines apart: "connection refused" and "connection reset" are different errors, where
 *   "port 8080" and "port 8443" are one;
 * - but a word in a slot that holds a name (`nameSlot`: `nginx.service:`, `4242 (java)`, `container
 *   api in`, `No such image: nginx`, a syslog line's host) is a name, not a word: it differs from a
 *   name of the same slot as a value does, so one error in two units, processes, containers or
 *   hosts is one group; from a word or another slot's name as a word does (`container api` and
 *   `container restarted` stay apart).
 * Routing and similarity use one notion of how a token compares (`tokenKinds`), computed once per
 * token from the token and its two neighbours.
 * Pure, deterministic (the same items in the same order give the same groups) and bounded: tokens
 * per line, characters per token, children per node and groups per leaf are capped, so the cost is
 * linear in the items.
 */

/** Options of the miner; every default chosen for pasted error lines. */
export interface TemplateOptions {
  /** Prefix tokens routed on below the token-count layer (Drain's depth minus 2). Default 2. */
  prefixTokens: number
  /** Share of equal tokens a line needs to join a group (Drain's st). Default 0.5, as the paper's for most logs. */
  similarity: number
  /** Children of one tree node, at most; the rest route to `<*>` (Drain's maxChild). Default 100. */
  maxChildren: number
  /** Groups of one leaf, at most; a line that would start one more is counted in `overflow`. Default 200. */
  maxGroupsPerLeaf: number
  /** Tokens of a line read, at most; the rest are ignored. Default 64. */
  maxTokens: number
  /**
   * Characters of a token read, at most; the rest are ignored. Default 100: longer than words, so
   * only values (paths, URLs, blobs) are cut, and a 2,000-character token costs what a word does.
   */
  maxTokenChars: number
}

/** The defaults (see each field). */
export const defaultTemplateOptions: TemplateOptions = {
  prefixTokens: 2,
  similarity: 0.5,
  maxChildren: 100,
  maxGroupsPerLeaf: 200,
  maxTokens: 64,
  maxTokenChars: 100,
}

/** One line to mine: its text, and what must be equal for two lines to be one group (the codes read). */
export interface TemplateItem {
  text: string
  key?: string
}

/** A group of lines and their template. */
export interface TemplateGroup {
  /**
   * Stable id: a hash of the key and the group's first line (`groupId`). Lines join groups in input
   * order, so later lines never change it; it changes only when the first line is no longer given.
   */
  id: string
  template: string
  key: string
  /** Positions in the input of the lines of this group, in input order. */
  members: number[]
}

/** The wildcard of a template. */
export const WILDCARD = '<*>'

/**
 * A line as the miner reads it: its tokens, each token's number (equal tokens, equal numbers;
 * 0 is `<*>`) so that comparing is comparing numbers, and, once, each token's kind (`tokenKinds`).
 */
interface Line {
  tokens: string[]
  ids: number[]
  kinds: string[]
}

interface Group extends Line {
  key: string
  members: number[]
  id: string
}

interface Node {
  children: Map<string, Node>
  groups: Group[]
}

const newNode = (): Node => ({ children: new Map(), groups: [] })

/**
 * A token: a run of characters other than white space, where quoted text counts as one character
 * (`'C:\\Program Files\\x.dll'` is one token), so a value with spaces in it does not change the
 * line's number of tokens, which routes it. An apostrophe inside a word (`can't`) opens no quote.
 * Quotes of up to 200 characters: an opening quote never closed costs that much, not the line.
 */
const TOKEN = /(?:"[^"\n]{0,200}"|“[^”\n]{0,200}”|‘[^’\n]{0,200}’|«[^»\n]{0,200}»|`[^`\n]{0,200}`|(?<![\p{L}\p{N}])'[^'\n]{0,200}'(?![\p{L}\p{N}])|\S)+/gu

/** The tokens of a line as the miner reads them: split on white space outside quotes, at most `max`, each cut at `maxChars`. */
export function templateTokens(text: string, max = defaultTemplateOptions.maxTokens, maxChars = defaultTemplateOptions.maxTokenChars): string[] {
  const tokens: string[] = []
  for (const m of text.matchAll(TOKEN)) {
    tokens.push(m[0].length > maxChars ? m[0].slice(0, maxChars) : m[0])
    if (tokens.length === max) break
  }
  return tokens
}

/** True when a token is a value rather than a word: a digit, a path, a placeholder, a quote, an assignment. */
export function isValueToken(token: string): boolean {
  return token === WILDCARD || /[\d/\\<>'"=@]/.test(token)
}

/** The kind of a word: equal to itself only. (A value's kind is WILDCARD; a name's, its slot.) */
const WORD = ''

/**
 * How each token of a line compares: WILDCARD for a value (to anything), '' for a word (to itself
 * only), else the slot that makes it a name (`nameSlot`: to a name of that slot or a value).
 */
function tokenKinds(tokens: readonly string[]): string[] {
  return tokens.map((t, i) => (isValueToken(t) ? WILDCARD : (nameSlot(tokens, i) ?? WORD)))
}

/**
 * The slot of a word that is a name by where or how it is written, as a label (lines whose names
 * have one label differ there by a value); undefined for a word. Shapes, not names: a systemd
 * unit, a process's name in parentheses, a name after a noun that introduces one, a name an error
 * reports at the line's end, a syslog line's host. A constant-time look at the token and its
 * neighbours, so mining stays linear.
 */
function nameSlot(tokens: readonly string[], i: number): string | undefined {
  const [before, token, after] = [tokens[i - 1], tokens[i]!, tokens[i + 1]]
  return dottedName(token) ?? nameAfterNumber(before, token) ?? introducedName(before, token, after) ?? reportedName(tokens, i) ?? syslogHost(tokens, i)
}

/** Data: programs that write to syslog with no pid (`webfront kernel: …`), so their name ends in the colon itself. */
const PIDLESS_PROGRAMS = new Set(['kernel:', 'sudo:'])

/** A program's name in syslog: `sshd`, `CRON`, `systemd-logind`, `postfix/smtpd`. */
const PROGRAM = /^[\p{L}_][\p{L}\d_./-]*$/u

/**
 * The host a syslog line starts with (`webfront sshd[812]: …`, stored as `webfront sshd : …` once
 * the normalizer took the pid and the time out): the first token, when a program follows it with
 * what is left of its `[pid]:` (a colon standing alone; `[1]:` whole, as one digit is no pid to the
 * normalizer) or, for the programs that write none, its colon. Any other `word word:` is a phrase:
 * `remote error: tls: …` and `local error: tls: …` are two errors. A host with a digit is a value already.
 */
function syslogHost(tokens: readonly string[], i: number): string | undefined {
  if (i !== 0 || !/^\p{Ll}[\p{Ll}_.-]*$/u.test(tokens[0]!)) return undefined
  const program = tokens[1] ?? ''
  const written =
    (tokens[2] === ':' && PROGRAM.test(program)) ||
    PIDLESS_PROGRAMS.has(program) ||
    (/^[^[]+\[\d+\]:$/.test(program) && PROGRAM.test(program.slice(0, program.indexOf('['))))
  return written ? `${WILDCARD} host` : undefined
}

/**
 * `name.type` of a systemd unit (`nginx.service:`, `docker.socket`), its slot the punctuation around
 * it. Only units: a file, a package or a member named in an error is often the problem itself
 * (`zlib.h` and `ffi.h` missing need two packages; `express.json` and `res.json` are two mistakes).
 * Read from the end, then the name before it: no backtracking over the token.
 */
const DOTTED_TYPE = /\.(\p{Ll}{1,12})([)\]]?[.,:;]?)$/u
const DOTTED_STEM = /^([([]?)[\p{L}_][\p{L}_.-]*$/u

/** Data: systemd's unit types, one slot (`nginx.service:` and `docker.socket:` are both a unit). */
const UNIT_TYPES = new Set(['service', 'socket', 'timer', 'mount', 'automount', 'swap', 'target', 'path', 'slice', 'scope', 'device'])

/** The slot of a unit's name (DOTTED_TYPE, DOTTED_STEM): `<*>.unit:` for `nginx.service:`. */
function dottedName(token: string): string | undefined {
  const type = DOTTED_TYPE.exec(token)
  if (!type || !UNIT_TYPES.has(type[1]!)) return undefined
  const stem = DOTTED_STEM.exec(token.slice(0, type.index))
  return stem ? `${stem[1]}${WILDCARD}.unit${type[2]}` : undefined
}

/**
 * A name in parentheses after a number, a placeholder or a word that names a process (`Killed
 * process 4242 (java)`, stored as `Killed (java)` once the normalizer took the pid out; `(nginx) of
 * user 0 dumped core.` at a line's start). Starting lower-case: `(EACCES)`, `(SIGSEGV)` or
 * `(NotFound)` say which error; and not after another word: `denied (publickey)` says how.
 */
function nameAfterNumber(before: string | undefined, token: string): string | undefined {
  const m = /^\((\p{Ll}[\p{L}_.-]*)\)([.,:;]?)$/u.exec(token)
  return m && (before === undefined || /^(?:\d+|<[\w-]+>|killed|process|task|comm)$/i.test(before)) ? `(${WILDCARD})${m[2]}` : undefined
}

/** In NAMING_NOUNS: a verb (in the past, `failed`, `exited`, or an auxiliary, `is`, `was`) ends the noun's name as its prepositions do. */
const VERB_ENDED = '-ed'

/** In NAMING_NOUNS: the line's end ends the noun's name (`Started container api`). */
const LINE_ENDED = '$'

/** Data: auxiliaries that follow a subject's name as a verb in the past does (`Container api is unhealthy`). */
const AUXILIARIES = new Set(['is', 'was', 'has', 'had', 'will', 'cannot', 'does', 'did'])

/**
 * Data, not products: nouns that introduce a thing by its name right after them (`container api`,
 * `user admin`), for `introducedName`.
 */
const NAMING_NOUNS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  // (each with what ends such a name: a preposition, `container api in pod …`, `user admin from <ip>`;
  // `user photo in Outlook` and `container logs from` name no one; VERB_ENDED: or a verb, as
  // Kubernetes' events write `Container api failed liveness probe` and `Node kind-worker has been
  // rebooted`; LINE_ENDED: or the line's end, `Started container api` (not for `node`: `upgrade to
  // node lts`); `status`: `Node kind-worker status is now: NodeNotReady`)
  ['container', new Set(['in', 'on', VERB_ENDED, LINE_ENDED])],
  ['pod', new Set(['in', 'on', VERB_ENDED, LINE_ENDED])],
  ['node', new Set(['in', 'from', 'status', VERB_ENDED])],
  ['namespace', new Set(['in', 'on'])],
  ['deployment', new Set(['in', 'on'])],
  ['user', new Set(['from'])],
  // (`lookup db on <ip>:53`, `lookup db.internal: no such host`: Go's resolver names the host it
  // looked up, before the resolver's address or a colon; `no such table: app_user`)
  ['lookup', new Set(['on', ':'])],
  ['table', new Set(['in'])],
])

/**
 * Data: words that follow those nouns without being a name: function words, and the second nouns of
 * compounds (`container image from`, `user account on`, `node version is`).
 */
const NOT_NAMES = new Set([
  ...['a', 'an', 'the', 'and', 'or', 'not', 'no', 'is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'does', 'did', 'can', 'cannot', 'will'],
  ...['in', 'on', 'at', 'from', 'of', 'for', 'to', 'with', 'by', 'as', 'that', 'which'],
  ...[
    'name',
    'id',
    'image',
    'images',
    'runtime',
    'status',
    'state',
    'account',
    'session',
    'group',
    'data',
    'config',
    'network',
    'sandbox',
    'process',
    'manager',
  ],
  ...['logs', 'log', 'metrics', 'manifest', 'layer', 'layers', 'port', 'ports', 'memory', 'cpu', 'storage', 'restart', 'restarts', 'spec', 'template'],
  // (and the compounds of Kubernetes' and Node's nouns, `node version is`, and an error's words, `lookup error:`)
  ...['version', 'versions', 'module', 'modules', 'pool', 'pools', 'affinity', 'selector', 'security', 'startup', 'shutdown'],
  ...['health', 'probe', 'disk', 'volume', 'volumes', 'error', 'errors', 'timeout', 'failure'],
])

/** A name after a naming noun: lower-case, its parts joined by `.` (`my-db.default.svc`, `john.doe`). */
const INTRODUCED = /^[\p{Ll}_][\p{Ll}_-]*(?:\.[\p{Ll}_-]+)*$/u

/**
 * A lower-case name after a noun that introduces one, ended by one of the noun's prepositions
 * (`failed container api in pod`), a verb (`Container api failed liveness probe`), the line's end
 * (`Started container api`) or a colon of its own (`lookup db.internal: no such host`), or after
 * the noun and a colon at the line's end (`No such container: api`); not a function word, a
 * compound's noun or a participle itself (`container restarted in`).
 */
function introducedName(before: string | undefined, token: string, after: string | undefined): string | undefined {
  if (before === undefined) return undefined
  const colon = before.endsWith(':')
  const noun = (colon ? before.slice(0, -1) : before).toLowerCase()
  const ends = NAMING_NOUNS.get(noun)
  if (!ends) return undefined
  // A colon of its own ends the name for the nouns that say so: its slot is apart from the others' (`lookup <*>:`).
  const own = !colon && ends.has(':') && token.endsWith(':')
  const name = own ? token.slice(0, -1) : token
  if (!INTRODUCED.test(name) || NOT_NAMES.has(name) || /..(?:ed|ing)$/.test(name)) return undefined
  const ended = colon
    ? after === undefined
    : own ||
      (after === undefined ? ends.has(LINE_ENDED) : ends.has(after) || (ends.has(VERB_ENDED) && (AUXILIARIES.has(after) || /^\p{Ll}{2,}ed$/u.test(after))))
  return ended ? `${noun} ${WILDCARD}${own ? ':' : ''}` : undefined
}

/** A name an error reports after a colon: any word of letters, with `_.:-` (`nginx:latest`, `--force`, `my-db.default`). */
const REPORTED = /^[\p{L}_-][\p{L}_.:-]*$/u

/** Data: what a line reports is unknown or not found that is a word, not a name (`unknown error: timeout`, `unknown status: degraded`). */
const NOT_REPORTED = new Set(['error:', 'errors:', 'exception:', 'failure:', 'status:', 'state:', 'reason:', 'result:', 'cause:', 'value:'])

/**
 * The name an error reports at the line's end, after what it looked for: `No such image: nginx`,
 * `unknown command: deploy`, `context not found: staging`. Its slot is the words before it, so
 * another noun (`No such volume:`) is another slot; a word in their place before the colon keeps
 * lines apart as any word does.
 */
function reportedName(tokens: readonly string[], i: number): string | undefined {
  if (i < 2 || i !== tokens.length - 1 || !REPORTED.test(tokens[i]!)) return undefined
  const [a, b, c] = [tokens[i - 3]?.toLowerCase(), tokens[i - 2]!.toLowerCase(), tokens[i - 1]!.toLowerCase()]
  if (!/^\p{L}[\p{L}_-]*:$/u.test(c) || NOT_REPORTED.has(c)) return undefined
  const slot =
    (a === 'no' && b === 'such') || b === 'unknown'
      ? `${b} ${c}`
      : b === 'not' && c === 'found:' && a !== undefined && /^\p{L}[\p{L}_-]*$/u.test(a)
        ? `${a} ${b} ${c}`
        : undefined
  return slot && `${slot} ${WILDCARD}`
}

/**
 * Where a line's tokens stop being the error's: after a systemd unit followed by ` - ` (systemd
 * 250 and later write the unit's description there, `Failed to start nginx.service - A high
 * performance web server…`): the description is the unit's, and its length would route one
 * error in two units apart.
 */
function errorTokens(tokens: string[]): string[] {
  for (let i = 0; i + 1 < tokens.length; i++) if (tokens[i + 1] === '-' && dottedName(tokens[i]!)) return tokens.slice(0, i + 1)
  return tokens
}

/**
 * Group lines into templates (Drain, with the changes above). Returns the groups in order of
 * their first line, and how many lines found a leaf already full of groups (`overflow`).
 */
export function mineTemplates(items: readonly TemplateItem[], options: Partial<TemplateOptions> = {}): { groups: TemplateGroup[]; overflow: number } {
  const o = { ...defaultTemplateOptions, ...options }
  const root = newNode()
  const all: Group[] = []
  // Groups made so far per key and first line: two such groups (a line that no longer joins the
  // group its twin started, once wildcards have taken most of it) get ids told apart by their rank.
  const twins = new Map<string, number>()
  const numbers = new Map<string, number>([[WILDCARD, 0]])
  const numberOf = (t: string): number => {
    let n = numbers.get(t)
    if (n === undefined) numbers.set(t, (n = numbers.size))
    return n
  }
  let overflow = 0
  items.forEach((item, i) => {
    const tokens = errorTokens(templateTokens(item.text, o.maxTokens, o.maxTokenChars))
    if (tokens.length === 0) return
    const line = { tokens, ids: tokens.map(numberOf), kinds: tokenKinds(tokens) }
    const key = item.key ?? ''
    const leaf = route(root, `${tokens.length}\u0000${key}`, line, o)
    const best = mostSimilar(leaf.groups, line, o.similarity)
    if (best) {
      merge(best, line)
      best.members.push(i)
    } else if (leaf.groups.length < o.maxGroupsPerLeaf) {
      const first = tokens.join(' ')
      const twin = `${key}\u0000${first}`
      const rank = twins.get(twin) ?? 0
      twins.set(twin, rank + 1)
      const g = { ...line, key, members: [i], id: groupId(key, first, rank) }
      leaf.groups.push(g)
      all.push(g)
    } else overflow++
  })
  return {
    groups: all.map((g) => ({ id: g.id, template: g.tokens.join(' '), key: g.key, members: g.members })),
    overflow,
  }
}

/** The leaf of a line: by token count and key, then by its first tokens. */
function route(root: Node, first: string, line: Line, o: TemplateOptions): Node {
  let node = child(root, first, Number.POSITIVE_INFINITY)
  // A value or a name routes as `<*>`, as it compares in mostSimilar: two lines that may join are in one leaf.
  for (let d = 0; d < Math.min(o.prefixTokens, line.tokens.length); d++) node = child(node, line.kinds[d] === WORD ? line.tokens[d]! : WILDCARD, o.maxChildren)
  return node
}

/** A node's child for a token, made if there is room; when there is none, its `<*>` child. */
function child(node: Node, token: string, max: number): Node {
  const found = node.children.get(token)
  if (found) return found
  const label = node.children.size < max - 1 || token === WILDCARD ? token : WILDCARD
  let made = node.children.get(label)
  if (!made) {
    made = newNode()
    node.children.set(label, made)
  }
  return made
}

/**
 * The group a line joins: the highest share of equal tokens at or above the threshold (wildcards
 * are not counted equal, as in Drain; ties go to the group with more wildcards, then the oldest),
 * among the groups it differs from only at values and at names of one slot.
 */
function mostSimilar(groups: Group[], line: Line, threshold: number): Group | undefined {
  const { ids, kinds } = line
  let best: Group | undefined
  let bestSim = -1
  let bestWild = -1
  for (const g of groups) {
    let same = 0
    let wild = 0
    let wordsDiffer = false
    for (let i = 0; i < ids.length; i++) {
      const a = g.ids[i]!
      if (a !== 0 && a === ids[i]) {
        same++
        continue
      }
      if (a === 0) wild++
      if (!mayDiffer(g.kinds[i]!, kinds[i]!)) {
        wordsDiffer = true
        break
      }
    }
    if (wordsDiffer) continue
    const sim = same / ids.length
    if (sim >= threshold && (sim > bestSim || (sim === bestSim && wild > bestWild))) {
      best = g
      bestSim = sim
      bestWild = wild
    }
  }
  return best
}

/** True when two tokens of these kinds may differ in one group: one is a value, or both are names of one slot. */
function mayDiffer(a: string, b: string): boolean {
  return a === WILDCARD || b === WILDCARD || (a === b && a !== WORD)
}

/**
 * Merge a line of the same length into a group's template: equal tokens kept, the others `<*>`,
 * still a name of their slot when both were (so a word there later keeps its line apart), else a value.
 */
function merge(g: Group, line: Line): void {
  for (let i = 0; i < g.ids.length; i++) {
    if (g.ids[i] === line.ids[i]) continue
    g.tokens[i] = WILDCARD
    g.ids[i] = 0
    // A value joining names of a slot leaves it a slot (a word there still keeps its line apart,
    // whichever came first); a word and a value make it a value, as in Drain.
    const a = g.kinds[i]!
    const b = line.kinds[i]!
    g.kinds[i] = a === b ? a : a === WORD || b === WORD ? WILDCARD : a === WILDCARD ? b : a
  }
}

/**
 * The id of a group: FNV-1a (64 bits) of its key and first line, 16 hex digits; `rank` tells
 * apart groups with the same key and first line (0 for the first, and then not hashed).
 */
export function groupId(key: string, firstLine: string, rank = 0): string {
  const text = `${key}\u0000${firstLine}${rank ? `\u0000${rank}` : ''}`
  // The 64-bit state as two 32-bit halves: exact in doubles, and ten times faster than BigInt
  // (5,000 first lines of 6,400 characters: 0.3 s, where BigInt took 3.6 s).
  let hi = 0xcbf29ce4
  let lo = 0x84222325
  for (let i = 0; i < text.length; i++) {
    lo = (lo ^ text.charCodeAt(i)) >>> 0
    // Times the FNV prime 2^40 + 0x1b3: the low half times 0x1b3, its carry, and the low half shifted 40 bits into the high half.
    const low = lo * 0x1b3
    hi = (hi * 0x1b3 + Math.floor(low / 0x100000000) + ((lo << 8) >>> 0)) >>> 0
    lo = low >>> 0
  }
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0')
}
