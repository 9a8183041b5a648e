/**
 * Where a question is redacted before it is stored (the KCS loop's events): small pure steps,
 * applied in order, each replacing one kind of personal or secret value with a placeholder.
 * Secrets go first, so that a password is never half-kept as an "address" or a "user". What
 * identifies a problem (codes, exception names, message words) stays, so the stored question
 * still groups with others of its kind. Where a value cannot be told from a word (`password: x`),
 * the rule errs on the side of privacy.
 */
import { isSymbolicName } from '../match/normalize.js'

/** One redaction step: a stable label (stored with nothing, but named in docs and tests) and a pure function over text. */
export interface Redactor {
  label: string
  apply: (text: string) => string
}

/** A step replacing `re`'s matches; `needs`: a character every match holds, checked first (most text has no `@` to look for e-mails at). */
const rx = (label: string, re: RegExp, by: string | ((m: string, ...groups: string[]) => string), needs?: string): Redactor => ({
  label,
  apply: needs ? (s) => (s.includes(needs) ? s.replace(re, by as (m: string) => string) : s) : (s) => s.replace(re, by as (m: string) => string),
})

/**
 * Names of settings whose value is a secret, as words of a key: `Password`, `DB_PASSWORD`,
 * `RABBITMQ_DEFAULT_PASS`, `pw`, `spring.datasource.password`, `aws_secret_access_key`,
 * `Ocp-Apim-Subscription-Key`.
 */
const SECRET_NAME =
  'pass(?:word|wd|phrase)?|pwd?|secret|client[_-]?secret|token|api[_-]?key|apikey|access[_-]?key|secret[_-]?key|private[_-]?key|account[_-]?key|shared[_-]?access[_-]?key|subscription[_-]?key|functions[_-]?key|credentials?|requirepass|masterauth'
/**
 * A key naming a secret: the name, alone, at the end of a word (`PGPASSWORD`, `SmtpPassword`) or
 * among words joined by `_`, `.` or `-`; never with letters after it (`SecurityTokenExpiredException` is not one).
 */
const SECRET_KEY = `(?<![A-Za-z0-9])(?:[A-Za-z0-9]{1,40}[_.-]){0,4}[A-Za-z0-9]{0,20}(?:${SECRET_NAME})(?:[_.-][A-Za-z0-9]{1,40}){0,4}`
/**
 * Words after a secret's name that say something of it rather than being it (`using password: YES`,
 * `password: required`, `token: expired.`, `AUTH failed:`), as a whole value: `No-Access-2024` and
 * `True.Blue42` are passwords.
 */
const NOT_A_VALUE = `(?!(?:yes|no|true|false|null|none|required|invalid|expired|missing|incorrect|wrong|not|is|was|must|empty|failed|denied|rejected|unknown|mismatch)(?:[\\s;,'"&<>):]|[.!]?$|[.!]\\s))`
/**
 * A setting's value: quoted ("…" with \" inside, '…' with '' inside, {…} with }} inside), or words
 * up to the `;` that ends a connection-string value (`&`, `<`, `>` included there), or one run of
 * non-separators; not one of NOT_A_VALUE.
 */
const SECRET_VALUE = `(?:"(?:[^"\\\\\\n]|\\\\.)*"|'(?:[^'\\n]|'')*'|\\{(?:[^}\\n]|\\}\\})*\\}|${NOT_A_VALUE}[^\\s;,'")][^\\s;,'"]*(?:[ \\t]+[^\\s;,'"=]+){0,3}(?=;)|${NOT_A_VALUE}[^\\s;,'"&<>)][^\\s;,'"&<>]*)`

/**
 * Well-known token formats (data, not rules of one KB): a value of one of these shapes is a
 * credential wherever it appears. The shapes are published by their issuers.
 */
const KNOWN_TOKEN_FORMATS: readonly string[] = [
  'gh[pousr]_[A-Za-z0-9]{20,}',
  'github_pat_[A-Za-z0-9_]{20,}',
  'glpat-[A-Za-z0-9_-]{20,}',
  'xox[abprs]-[A-Za-z0-9-]{10,}',
  '(?:AKIA|ASIA)[0-9A-Z]{16}',
  '[rs]k_(?:live|test)_[A-Za-z0-9]{16,}',
  'sk-[A-Za-z0-9_-]{20,}',
  'AIza[0-9A-Za-z_-]{30,}',
  'npm_[A-Za-z0-9]{30,}',
  'ya29\\.[A-Za-z0-9_.-]{8,}',
  'whsec_[A-Za-z0-9]{20,}',
  'xapp-[A-Za-z0-9-]{10,}',
  'SG\\.[A-Za-z0-9_-]{16,}\\.[A-Za-z0-9_-]{16,}',
]

/** Luhn's check, for runs of digits that may be a payment card number. */
function luhn(digits: string): boolean {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48
    if (i % 2 === 1 && (d *= 2) > 9) d -= 9
    sum += d
  }
  return sum % 10 === 0
}

/**
 * The steps, in order. Every unbounded run in a pattern is followed by nothing it must find, or
 * bounded (an e-mail's local part, a URL's scheme and host): a paste is someone else's input, and
 * a pattern that rescans a long run from each of its characters would cost seconds.
 */
export const REDACTORS: readonly Redactor[] = [
  // Private keys and certificates pasted whole, or cut off before their end line.
  rx('pem-block', /-----BEGIN [A-Z ]+-----[\s\S]*?(?:-----END [A-Z ]+-----|$)/g, '<secret>'),
  // Configuration written as XML: <add key="Password" value="…"/>, <password>…</password>.
  rx(
    'xml-secret',
    new RegExp(`\\b((?:key|name)\\s*=\\s*["'](?:${SECRET_KEY})["']\\s+value\\s*=\\s*)("[^"]*"|'[^']*')`, 'gi'),
    (_m, head: string, value: string) => `${head}${value[0]}<secret>${value[0]}`,
  ),
  rx('xml-secret-element', new RegExp(`<(${SECRET_KEY})>[^<]*</\\1>`, 'gi'), (_m, name: string) => `<${name}><secret></${name}>`),
  // Connection strings, settings, JSON and URL parameters: Password=…, "api_key": "…", DB_PASSWORD=…, ?sig=…
  // (`%3D`: the `=` of a setting percent-encoded in a URL or a form body)
  rx(
    'secret-setting',
    new RegExp(`(${SECRET_KEY}["']?)(\\s*(?:[=:]|%3[Dd])\\s*)${SECRET_VALUE}`, 'gi'),
    (_m, key: string, sep: string) => `${key}${sep}<secret>`,
  ),
  // A password given to a command or a configuration line after a space: Redis's `AUTH pw`, `requirepass pw`.
  rx(
    'secret-command',
    new RegExp(`\\b(AUTH|requirepass|masterauth)([ \\t]+)(?!<)${NOT_A_VALUE}[^\\s;,'"]+`, 'g'),
    (_m, w: string, sp: string) => `${w}${sp}<secret>`,
  ),
  // Signatures in URLs (sig=, sas=) only as parameters: `sig: 11` is a signal.
  rx('url-signature', /([?&;](?:sig|sas|signature)=)[^\s&#;]+/gi, (_m, key: string) => `${key}<secret>`),
  // Command-line flags: --password hunter2, --api-key x; curl -u user:password.
  rx('secret-flag', new RegExp(`((?<!\\S)--?(?:${SECRET_KEY})\\s+)(?!-)\\S+`, 'gi'), (_m, flag: string) => `${flag}<secret>`),
  rx('user-flag', /((?<!\S)(?:-u|--user)\s+)[^\s:]+:\S+/g, (_m, flag: string) => `${flag}<user>:<secret>`),
  // Headers that carry credentials whole.
  rx('cookie-header', /\b((?:set-)?cookie)(\s*:\s*)[^\n]*/gi, (_m, name: string, sep: string) => `${name}${sep}<secret>`),
  rx(
    'authorization-header',
    /\b((?:proxy-)?authorization)(["']?\s*[:=]\s*["']?)(?!<)(?:([A-Za-z]+)\s+)?[^\s"']+/gi,
    (_m, name: string, sep: string, scheme?: string) => `${name}${sep}${scheme ? `${scheme} ` : ''}<token>`,
  ),
  // A credential after its scheme anywhere: it has a digit or is long (`NTLM authentication failed` is a message).
  rx(
    'auth-scheme',
    // (an HRESULT after the word, `Negotiate 0x80090302`, is the error, not a credential)
    /\b(Bearer|Basic|Token|Negotiate|NTLM|Digest)\s+(?!0x[0-9a-f]{8}\b)(?=[A-Za-z0-9._~+/=-]*\d|[A-Za-z0-9._~+/=-]{20})[A-Za-z0-9._~+/=-]{8,}/gi,
    (_m, scheme: string) => `${scheme} <token>`,
  ),
  // Credentials inside URLs: scheme://user:password@host (the user may be empty, the password may hold an @).
  rx('url-credentials', /\b([a-z][a-z0-9+.-]{0,30}:\/\/)[^/\s:@]{0,256}:[^/\s]{0,256}@/gi, (_m, scheme: string) => `${scheme}<user>:<secret>@`, '://'),
  // user/password@host after a driver's prefix or as a word (jdbc:oracle:thin:scott/tiger@//orahost:1521/ORCL, sqlplus scott/tiger@ORCL).
  rx('user-slash-password', /(?<=:|^|\s)[\w$#]+\/[^\s/@]+@(\/\/)?[A-Za-z][A-Za-z0-9.-]*/g, (_m, slashes?: string) => `<user>/<secret>@${slashes ?? ''}<host>`),
  // Well-known token shapes: JWTs (the signature may be empty), and the formats above.
  // Starting only where a run of its characters starts: from every `eyJ` of `eyJ-eyJ-…` it rescanned the run.
  rx('jwt', /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, '<token>'),
  rx('prefixed-key', new RegExp(`\\b(?:${KNOWN_TOKEN_FORMATS.join('|')})\\b`, 'g'), '<token>'),
  // Base64 runs nobody labelled (keys, signatures): padded or holding a '+', letters and digits mixed.
  rx('base64-run', /(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{20,}={0,2}(?![A-Za-z0-9+/=])/g, (m) =>
    (m.includes('+') || m.endsWith('=')) && /\d/.test(m) && /[A-Za-z]/.test(m) ? '<secret>' : m,
  ),
  // Hosts: the host of a URL, UNC paths, connection-string or log fields that name a server, and a
  // name a lookup or connection failed for. `Server: Microsoft-IIS/10.0` names software, not a host.
  rx(
    'url-host',
    /\b([a-z][a-z0-9+.-]{0,30}:\/\/)(?:<user>:<secret>@)?[a-z0-9.-]{1,255}/gi,
    (m, scheme: string) => `${scheme}${m.includes('@') ? '<user>:<secret>@' : ''}<host>`,
    '://',
  ),
  rx('unc-host', /\\\\[A-Za-z0-9.-]+(?=\\)/g, '\\\\<host>'),
  rx(
    'host-field',
    /\b(server|data source|host|hostname|computer|machine)(\s*[=:]\s*)(?![^\s;,<]*\/)(?:tcp:)?[^\s;,<]+/gi,
    (_m, w: string, sep: string) => `${w}${sep}<host>`,
  ),
  rx(
    'host-lookup',
    /\b(ENOTFOUND|EAI_AGAIN|resolve(?:\s+host)?:?|resolving|connect(?:ing|ion)?\s+to)(\s+['"]?)(?!<)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/gi,
    (_m, w: string, sp: string) => `${w}${sp}<host>`,
  ),
  rx('email', /\b[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9.-]{1,255}\.[A-Za-z]{2,}\b/g, '<email>', '@'),
  // user@host without a domain (ssh, Kerberos-less logins); a package version (react@18.2.0) starts with a digit.
  rx('user-at-host', /(?<![\w.@/-])[A-Za-z0-9._-]{1,64}@[A-Za-z][A-Za-z0-9-]{0,63}(?![\w.@-])/g, '<user>@<host>', '@'),
  rx('mac-address', /\b(?:[0-9A-F]{2}[:-]){5}[0-9A-F]{2}\b/gi, '<id>'),
  // Zero-padded parts too (`192.168.001.010`): resolvers and many tools read them as the address.
  rx('ipv4', /\b(?:(?:25[0-5]|2[0-4]\d|[01]?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d?\d)\b/g, '<ip>'),
  // Full (8 groups) or with "::"; the text is short by then (events store a bounded excerpt).
  rx(
    'ipv6',
    /(?<![\w:])(?:(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}|[0-9a-f]{0,4}(?::[0-9a-f]{1,4}){0,6}::(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4}){0,6})?)(?:%[\w.-]+)?(?![\w:])/gi,
    '<ip>',
  ),
  rx('guid', /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<id>'),
  // Numbers that name a person: payment cards (Luhn), international phone numbers, US social security numbers.
  rx('card-number', /\b\d(?:[ -]?\d){12,18}\b/g, (m) => (luhn(m.replace(/\D/g, '')) ? '<id>' : m)),
  rx('phone-number', /(?<![\w+])\+\d{1,3}[ .-]?(?:\(\d{1,4}\)[ .-]?)?\d{2,4}(?:[ .-]?\d{2,4}){1,4}(?![\w.])/g, '<id>'),
  rx('ssn', /\b\d{3}-\d{2}-\d{4}\b/g, '<id>'),
  // User names where a message names them: for user 'x' or "x", role "x", for user x, password for x.
  rx(
    'user-quoted',
    /\b(for user|user|login|account|username|role)(\s+)(['"])(?!<)[^'"\n]{1,128}\3/gi,
    (_m, w: string, sp: string, q: string) => `${w}${sp}${q}<user>${q}`,
  ),
  rx(
    'user-named',
    /\b(for (?:invalid |illegal )?user|password for(?: invalid user)?)(\s+)(?!<|['"])[^\s'".,;:()]+/gi,
    (_m, w: string, sp: string) => `${w}${sp}<user>`,
  ),
  rx('user-field', /\b(user(?:name| id)?|account|login|uid)(\s*[:=]\s*)(?!<)[^\s;,]+/gi, (_m, w: string, sep: string) => `${w}${sep}<user>`),
  // DOMAIN\user, but not a path's folders (C:\WINDOWS\system32, MSSQL15.MSSQLSERVER\MSSQL\DATA).
  rx('domain-user', /(?<![\\:.\w])[A-Z][A-Z0-9-]{1,14}\\[A-Za-z0-9._$-]{2,}(?![\\\w$-])/g, '<user>'),
  // Home folders name their owner: C:\Users\jdoe\..., /home/jdoe/..., /Users/jdoe/..., ~jdoe/...
  rx('home-folder', /(\b[A-Z]:\\Users\\|\/home\/|\/Users\/)[^\\/\s]+/gi, (_m, prefix: string) => `${prefix}<user>`),
  rx('home-tilde', /(?<![\w~])~[a-z_][\w.-]*/g, '~<user>'),
  // Long random-looking runs (request ids, keys nobody labelled): letters and digits mixed, 24+
  // characters; a symbolic name (ERR_HTTP2_PROTOCOL_ERROR) is the error's name and stays.
  rx('opaque-id', /\b[A-Za-z0-9_-]{24,}\b/g, (m) => (/\d/.test(m) && /[A-Za-z]/.test(m) && !isSymbolicName(m) ? '<id>' : m)),
]

/**
 * A line that ends where a redaction's value would start, the value on the next line: a setting's
 * or field's name with its `=` or `:` (`"password":`, `Server:`), an XML key (`<add key="DbPassword"`),
 * an element (`<password>`); or a PEM block's BEGIN line. A text without one is redacted the same
 * line by line.
 */
const ACROSS_LINES = new RegExp(
  `(?:${SECRET_KEY}|\\b(?:server|data source|host(?:name)?|computer|machine|user(?:name| id)?|account|login|uid))(?:["']?[ \\t]*[=:]|>)[ \\t]*$|\\b(?:key|name)[ \\t]*=[ \\t]*["'][^"'\\n]*["'][ \\t]*$`,
  'im',
)
/** What every such line ends with: checked first, as most lines of a log end otherwise. */
const OPEN_LINE_END = /[=:"'>][ \t]*$/m

/** True when redacting `text` whole may take out more than redacting each of its lines alone. */
export function mayRedactAcrossLines(text: string): boolean {
  return text.includes('-----BEGIN ') || (OPEN_LINE_END.test(text) && ACROSS_LINES.test(text))
}

/** Replace every secret and personal value in `text` with its placeholder. */
export function redact(text: string): string {
  let s = text
  for (const r of REDACTORS) s = r.apply(s)
  return s
}
