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

/** A step replacing `re`'s matches; `needs`: what every match holds, checked first (most text has no `@` to look for e-mails at). */
const rx = (label: string, re: RegExp, by: string | ((m: string, ...groups: string[]) => string), needs?: string | RegExp): Redactor => {
  const replace = (s: string) => s.replace(re, by as (m: string) => string)
  if (needs === undefined) return { label, apply: replace }
  const has = typeof needs === 'string' ? (s: string) => s.includes(needs) : (s: string) => needs.test(s)
  return { label, apply: (s) => (has(s) ? replace(s) : s) }
}

/**
 * Accounts every installation has, named by no person (data: defaults of databases, operating
 * systems and cloud images, and git's SSH user): `Login failed for user 'sa'`, `for user
 * "postgres"`, `git@github.com` say which kind of login failed, and stay.
 */
const WELL_KNOWN_ACCOUNTS = 'root|admin|administrator|sa|postgres|mysql|oracle|sys|system|guest|anonymous|nobody|daemon|www-data|git|ubuntu|ec2-user|azureuser'
/** Windows' built-in identities, by their authority (`NT AUTHORITY\NETWORK SERVICE`, `IIS APPPOOL\DefaultAppPool`, `BUILTIN\Users`): what a service ran as, no person's account. */
const BUILTIN_AUTHORITY = '(?:NT AUTHORITY|NT SERVICE|NT VIRTUAL MACHINE|IIS APPPOOL|BUILTIN)\\\\'
/** A user name that is one of WELL_KNOWN_ACCOUNTS, whole. */
const WELL_KNOWN_ACCOUNT = new RegExp(`^(?:${WELL_KNOWN_ACCOUNTS})$`, 'i')
/** A user value that is a well-known account or built-in identity, whole (the value's end is given by the caller). */
const NOT_A_PERSON = `(?:(?:${WELL_KNOWN_ACCOUNTS})|${BUILTIN_AUTHORITY}[^'"\\n\\\\]{1,64})`

/**
 * Addresses of this machine itself (`localhost`, `127.0.0.1`, `::1`, SQL Server's `(local)`, `.` and
 * `(localdb)\…`): they name no host, and which one failed (`ECONNREFUSED 127.0.0.1:5432`) is the problem.
 */
const LOCAL_HOST = /^(?:tcp:)?(?:localhost|127(?:\.\d{1,3}){3}|::1|\(local(?:db)?\)|\.)(?:[:,\\]|$)/i

/** Characters that change nothing a reader sees: zero-width spaces and joiners, soft hyphens, direction marks, BOMs. */
const INVISIBLE = /\p{Cf}/gu

/**
 * Text folded to the characters redaction's patterns are written in: full-width and other
 * compatibility forms to their plain ones (NFKC: `ｐａｓｓｗｏｒｄ＝x` is `password=x`), invisible
 * characters taken out. Only text with a non-ASCII character changes.
 */
export function foldLookalikes(text: string): string {
  return /[^\x00-\x7f]/.test(text) ? text.normalize('NFKC').replace(INVISIBLE, '') : text
}

/**
 * Names of settings whose value is a secret, as words of a key: `Password`, `DB_PASSWORD`,
 * `RABBITMQ_DEFAULT_PASS`, `pw`, `spring.datasource.password`, `aws_secret_access_key`,
 * `Ocp-Apim-Subscription-Key`.
 */
const SECRET_NAME =
  'pass(?:word|wd|phrase)?|pwd?|secret|client[_-]?secret|token|api[_-]?key|apikey|access[_-]?key|secret[_-]?key|private[_-]?key|account[_-]?key|shared[_-]?access[_-]?key|subscription[_-]?key|functions[_-]?key|credentials?|requirepass|masterauth'
/**
 * A key naming a secret: the name, alone, at the end of a word (`PGPASSWORD`, `SmtpPassword`) or
 * among words joined by `_`, `.` or `-`; never with letters after it (`SecurityTokenExpiredException` is not one),
 * nor a public one (`PublicKeyToken=30ad4fe6b2a6aeed` names an assembly).
 */
const SECRET_KEY = `(?<![A-Za-z0-9])(?!public)(?:[A-Za-z0-9]{1,40}[_.-]){0,4}[A-Za-z0-9]{0,20}(?:${SECRET_NAME})(?:[_.-][A-Za-z0-9]{1,40}){0,4}`
/**
 * Words after a secret's name that say something of it rather than being it (`using password: YES`,
 * `password: required`, `token: expired.`, `AUTH failed:`), as a whole value: `No-Access-2024` and
 * `True.Blue42` are passwords.
 */
const NOT_A_VALUE = `(?!(?:yes|no|true|false|null|none|required|invalid|expired|missing|incorrect|wrong|not|is|was|must|empty|failed|denied|rejected|unknown|mismatch)(?:[\\s;,'"&<>):]|[.!]?$|[.!]\\s))`
/**
 * A setting's value: quoted ("…" with \" inside, '…' with '' inside, {…} with }} inside; a quote
 * or brace never closed runs to the line's end), or words up to the `;` that ends a
 * connection-string value (`&`, `<`, `>` included there; not `=`, where a run of settings would be
 * rescanned from each), or one run of non-separators; not one
 * of NOT_A_VALUE. A run may start with `)`, `&`, `<` or `>` (`secret=)abc1`, `password=&x9`), but
 * not with the next parameter of a URL (`?password=&user=x`) or a placeholder redaction wrote.
 */
const SECRET_VALUE = `(?:"(?:[^"\\\\\\n]|\\\\.)*"|'(?:[^'\\n]|'')*'|\\{(?:[^}\\n]|\\}\\})*\\}|["'{][^\\n]*$|${NOT_A_VALUE}[^\\s;,'")][^\\s;,'"=]*(?:[ \\t]+[^\\s;,'"=]+){0,3}(?=;)|${NOT_A_VALUE}[^\\s;,'"&<>)][^\\s;,'"&<>]*|[)&<>](?![\\w.-]+=|(?:secret|token|user|host|ip|id|email)>)[^\\s;,'"]+)`

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

/** The parts of a name written in camel case: words (`Connection`, `HTTP`, `get`), numbers, `_` and `-`; one character each where nothing else fits. */
const CAMEL_PARTS = /[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+|[_-]+/g

/**
 * True for a type's or function's name (`Http2ConnectionException`, `SqlServer2019InstanceNotFound`):
 * two capitalized words at least, every part a word of 2+ letters or a number of 1-3 digits, and
 * at most two numbers. A random id breaks into one-letter parts and long numbers.
 */
export function isCamelCaseName(s: string): boolean {
  let words = 0
  let numbers = 0
  for (const [part] of s.matchAll(CAMEL_PARTS)) {
    if (/^\d/.test(part)) {
      if (part.length > 3 || ++numbers > 2) return false
    } else if (/^[A-Za-z]/.test(part)) {
      if (part.length < 2) return false
      if (/^[A-Z][a-z]/.test(part) && part.length >= 3) words++
    }
  }
  return words >= 2
}

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
  // Private keys and certificates pasted whole, or cut off before their end line; PuTTY's key files to their MAC.
  rx('pem-block', /-----BEGIN [A-Z ]+-----[\s\S]*?(?:-----END [A-Z ]+-----|$)/g, '<secret>'),
  rx('putty-key', /PuTTY-User-Key-File-\d+:[\s\S]*?(?:Private-MAC:[ \t]*[0-9a-f]*|$)/g, '<secret>', 'PuTTY-User-Key-File-'),
  // Configuration written as XML: <add key="Password" value="…"/>, <password>…</password>.
  rx(
    'xml-secret',
    new RegExp(`\\b((?:key|name)\\s*=\\s*["'](?:${SECRET_KEY})["']\\s+value\\s*=\\s*)("[^"]*"|'[^']*')`, 'gi'),
    (_m, head: string, value: string) => `${head}${value[0]}<secret>${value[0]}`,
  ),
  rx('xml-secret-element', new RegExp(`<(${SECRET_KEY})>[^<]*</\\1>`, 'gi'), (_m, name: string) => `<${name}><secret></${name}>`),
  // Connection strings, settings, JSON and URL parameters: Password=…, "api_key": "…", DB_PASSWORD=…, ?sig=…
  // (`%3D`: the `=` of a setting percent-encoded in a URL or a form body; `\u003d`, escaped in JSON)
  rx(
    'secret-setting',
    new RegExp(`(${SECRET_KEY}["']?)(\\s*(?:[=:]|%3[Dd]|\\\\u003[Dd])\\s*)${SECRET_VALUE}`, 'gim'),
    (_m, key: string, sep: string) => `${key}${sep}<secret>`,
  ),
  // A password given to a command or a configuration line after a space: Redis's `AUTH pw`, `requirepass pw`,
  // and a secret setting set by a CLI (`aws configure set aws_secret_access_key …`, `git config --global http.token …`).
  rx(
    'secret-command',
    new RegExp(
      `\\b(AUTH|requirepass|masterauth|set[ \\t]+${SECRET_KEY}|config(?:[ \\t]+--\\w+)*[ \\t]+${SECRET_KEY})([ \\t]+)(?!<)${NOT_A_VALUE}[^\\s;,'"]+`,
      'g',
    ),
    (_m, w: string, sp: string) => `${w}${sp}<secret>`,
  ),
  // A password a database or cache client takes as a flag of its own (data: the clients' documented
  // flags): `redis-cli -a pw`, `mysql -uroot -pPw` (attached only: `mysql -p db` prompts, for db),
  // `sqlcmd -P pw`, `mongosh -p pw`, `sshpass -p pw`, `docker login -p pw` (`docker run -p 80:80` publishes a port).
  rx(
    'client-password-flag',
    /\b((?:redis-cli\b[^\n|;&]{0,200}?[ \t]-a[ \t]+|(?:mysql|mysqldump|mysqladmin|mariadb)\b[^\n|;&]{0,200}?[ \t]-p(?=\S)|(?:mongo|mongosh|mongodump|mongorestore|sshpass|(?:docker|podman)[ \t]+login)\b[^\n|;&]{0,200}?[ \t]-p[ \t]+|(?:sqlcmd|bcp|osql)\b[^\n|;&]{0,200}?[ \t]-P[ \t]*))(?!<|-)\S+/g,
    (_m, head: string) => `${head}<secret>`,
  ),
  // SQL*Plus and Oracle's tools log on with user/password, with or without @service (`CONNECT scott/tiger`, `sqlplus system/pw`).
  rx(
    'oracle-logon',
    /\b((?:CONN(?:ECT)?|sqlplus|exp|imp|expdp|impdp|rman(?:[ \t]+target)?)[ \t]+(?:-[sSLl][ \t]+)*)(?!<)[\w$#]+\/[^\s/@]+/gi,
    (_m, head: string) => `${head}<user>/<secret>`,
  ),
  // Signatures in URLs (sig=, sas=) only as parameters: `sig: 11` is a signal.
  rx('url-signature', /([?&;](?:[\w-]{0,30}-)?(?:sig|sas|signature)=)[^\s&#;]+/gi, (_m, key: string) => `${key}<secret>`),
  // Command-line flags: --password hunter2, --api-key x; curl -u user:password.
  rx('secret-flag', new RegExp(`((?<!\\S)--?(?:${SECRET_KEY})\\s+)(?!-)\\S+`, 'gi'), (_m, flag: string) => `${flag}<secret>`),
  rx('user-flag', /((?<!\S)(?:-u|--user)\s+)[^\s:]+:\S+/g, (_m, flag: string) => `${flag}<user>:<secret>`),
  // Headers that carry credentials whole.
  rx(
    'cookie-header',
    new RegExp(`\\b((?:set-)?cookie)(\\s*:\\s*)(?=\\S)${NOT_A_VALUE}[^\\n]*`, 'gim'),
    (_m, name: string, sep: string) => `${name}${sep}<secret>`,
  ),
  rx(
    'authorization-header',
    new RegExp(`\\b((?:proxy-)?authorization)(["']?\\s*[:=]\\s*["']?)(?!<)${NOT_A_VALUE}(?:([A-Za-z]+)\\s+)?[^\\s"']+`, 'gim'),
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
  // Two parts (a header and its claims, the signature cut off) to five (an encrypted JWE). A header
  // alone (`{"alg":"HS256"}`) holds nothing of anyone, and stays.
  rx('jwt', /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{5,}\.(?:eyJ[A-Za-z0-9_-]{2,}|[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*)(?:\.[A-Za-z0-9_-]*){0,3}/g, '<token>'),
  // A key id written with its secret after a colon (`AKIA…:wJalr…`, as credential files and URLs pair them) goes with it.
  rx('prefixed-key', new RegExp(`\\b(?:${KNOWN_TOKEN_FORMATS.join('|')})\\b(?::[A-Za-z0-9+/=_-]{16,}(?![A-Za-z0-9+/=_-]))?`, 'g'), '<token>'),
  // Base64 runs nobody labelled (keys, signatures): padded or holding a '+', letters and digits mixed.
  rx('base64-run', /(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{20,}={0,2}(?![A-Za-z0-9+/=])/g, (m) =>
    (m.includes('+') || m.endsWith('=')) && /\d/.test(m) && /[A-Za-z]/.test(m) ? '<secret>' : m,
  ),
  // Hosts: the host of a URL, UNC paths, connection-string or log fields that name a server, and a
  // name a lookup or connection failed for. `Server: Microsoft-IIS/10.0` names software, not a host.
  // A URL may list several hosts (MongoDB's `h1:27017,h2:27017`); each is redacted, its port kept.
  rx(
    'url-host',
    /\b([a-z][a-z0-9+.-]{0,30}:\/\/)(<user>:<secret>@)?([a-z0-9.-]{1,255}(?::\d{1,5})?(?:,[a-z0-9.-]{1,255}(?::\d{1,5})?){0,15})/gi,
    (_m, scheme: string, credentials: string | undefined, hosts: string) =>
      `${scheme}${credentials ?? ''}${hosts
        .split(',')
        .map((h) => (LOCAL_HOST.test(h) ? h : h.replace(/^[^:]*/, '<host>')))
        .join(',')}`,
    '://',
  ),
  rx('unc-host', /\\\\[A-Za-z0-9.-]+(?=\\)/g, '\\\\<host>'),
  rx(
    'host-field',
    /\b(server|data source|host|hostname|computer|machine)(\s*[=:]\s*)(?![^\s;,<]*\/)((?:tcp:)?[^\s;,<]+)/gi,
    (_m, w: string, sep: string, host: string) => `${w}${sep}${LOCAL_HOST.test(host) ? host : '<host>'}`,
  ),
  rx(
    'host-lookup',
    /\b(ENOTFOUND|EAI_AGAIN|resolve(?:\s+host)?:?|resolving|connect(?:ing|ion)?\s+to)(\s+['"]?)(?!<)([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)/gi,
    (_m, w: string, sp: string, host: string) => `${w}${sp}${LOCAL_HOST.test(host) ? host : '<host>'}`,
  ),
  // Local parts and domains in any script (`josé@exämple.de`), the `@` percent-encoded in a URL
  // (`mailto:jdoe%40example.com`), an address literal (`jdoe@[10.0.0.1]`). A well-known account's
  // mailbox (`git@github.com`) keeps its name, not its host.
  rx(
    'email',
    /(?<![\p{L}\p{N}._%+'-])([\p{L}\p{N}._%+'-]{1,64})(?:@|%40)(?:(?:[\p{L}\p{N}-]{1,63}\.){1,8}\p{L}{2,63}(?![\p{L}\p{N}-])|\[[0-9A-Fa-f.:]{2,45}\])/gu,
    (_m, local: string) => (WELL_KNOWN_ACCOUNT.test(local) ? `${local}@<host>` : '<email>'),
    /@|%40/,
  ),
  // user@host without a domain (ssh, Kerberos-less logins); a package version (react@18.2.0) starts with a digit.
  rx(
    'user-at-host',
    /(?<![\w.@/-])([A-Za-z0-9._-]{1,64})@[A-Za-z][A-Za-z0-9-]{0,63}(?![\w.@-])/g,
    (_m, user: string) => `${WELL_KNOWN_ACCOUNT.test(user) ? user : '<user>'}@<host>`,
    '@',
  ),
  rx('mac-address', /\b(?:[0-9A-F]{2}[:-]){5}[0-9A-F]{2}\b/gi, '<id>'),
  // Zero-padded parts too (`192.168.001.010`): resolvers and many tools read them as the address.
  // Not a four-part version (`Version=13.0.0.0`, `v1.2.3.4`, `Microsoft.Data.SqlClient 5.1.1.0`,
  // `Newtonsoft.Json/13.0.3.0`: a capitalized dotted name before it; a host name is written lower
  // case, and Java's `db.corp/10.0.0.5` stays an address); not this machine's own (127.x, 0.0.0.0).
  rx(
    'ipv4',
    /(?<![\d.]|\b[Vv]ersion\s{0,3}[=:]?\s{0,3}|\bVERSION\s{0,3}[=:]?\s{0,3}|\b[Vv]er\.?\s{0,3}|\bv|\b[A-Z][\w-]*(?:\.[A-Za-z][\w-]*)+[ /])\b(?:(?:25[0-5]|2[0-4]\d|[01]?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d?\d)\b(?!\.\d)/g,
    (m) => (/^(?:127\.|0+\.0+\.0+\.0+$)/.test(m) ? m : '<ip>'),
  ),
  // Full (8 groups, a port may follow: `…:9abc:443`) or with "::"; the text is short by then (events
  // store a bounded excerpt). `::1` and `::` are this machine's own.
  rx(
    'ipv6',
    /(?<![\w:])(?:(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}(?:%[\w.-]+)?(?=:\d{1,5}(?![\w:]))|(?:(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}|[0-9a-f]{0,4}(?::[0-9a-f]{1,4}){0,6}::(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4}){0,6})?)(?:%[\w.-]+)?(?![\w:]))/gi,
    (m) => (m === '::1' || m === '::' ? m : '<ip>'),
  ),
  rx('guid', /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<id>'),
  // Numbers that name a person: payment cards (Luhn), international phone numbers, US social security numbers.
  rx('card-number', /\b\d(?:[ -]?\d){12,18}\b/g, (m) => (luhn(m.replace(/\D/g, '')) ? '<id>' : m)),
  rx('phone-number', /(?<![\w+])\+\d{1,3}[ .-]?(?:\(\d{1,4}\)[ .-]?)?\d{2,4}(?:[ .-]?\d{2,4}){1,4}(?![\w.])/g, '<id>'),
  rx('ssn', /\b\d{3}-\d{2}-\d{4}\b/g, '<id>'),
  // User names where a message names them: for user 'x' or "x", role "x", for user x, password for x.
  // (a well-known account or a built-in identity stays: `for user 'sa'`, `'NT AUTHORITY\ANONYMOUS LOGON'`)
  rx(
    'user-quoted',
    new RegExp(`\\b(for user|user|login|account|username|role)(\\s+)(['"])(?!<|${NOT_A_PERSON}\\3)[^'"\\n]{1,128}\\3`, 'gi'),
    (_m, w: string, sp: string, q: string) => `${w}${sp}${q}<user>${q}`,
  ),
  rx(
    'user-named',
    new RegExp(`\\b(for (?:invalid |illegal )?user|password for(?: invalid user)?)(\\s+)(?!<|['"]|(?:${WELL_KNOWN_ACCOUNTS})(?![\\w-]))[^\\s'".,;:()]+`, 'gi'),
    (_m, w: string, sp: string) => `${w}${sp}<user>`,
  ),
  rx(
    'user-field',
    new RegExp(`\\b(user(?:name| id)?|account|login|uid)(\\s*[:=]\\s*)(?!<|(?:${WELL_KNOWN_ACCOUNTS})(?![^\\s;,]))${NOT_A_VALUE}[^\\s;,]+`, 'gim'),
    (_m, w: string, sep: string) => `${w}${sep}<user>`,
  ),
  // DOMAIN\user, but not a path's folders (C:\WINDOWS\system32, MSSQL15.MSSQLSERVER\MSSQL\DATA), nor a built-in identity.
  rx('domain-user', /(?<![\\:.\w])(?<!\b(?:NT|IIS) )(?!BUILTIN\\)[A-Z][A-Z0-9-]{1,14}\\[A-Za-z0-9._$-]{2,}(?![\\\w$-])/g, '<user>'),
  // Home folders name their owner: C:\Users\jdoe\..., /home/jdoe/..., /Users/jdoe/..., ~jdoe/...
  rx('home-folder', /(\b[A-Z]:\\Users\\|\/home\/|\/Users\/)[^\\/\s]+/gi, (_m, prefix: string) => `${prefix}<user>`),
  rx('home-tilde', /(?<![\w~])~[a-z_][\w.-]*/g, '~<user>'),
  // Long random-looking runs (request ids, keys nobody labelled): letters and digits mixed, 24+
  // characters; a symbolic name (ERR_HTTP2_PROTOCOL_ERROR) or a type's name (Http2ConnectionException) stays.
  rx('opaque-id', /\b[A-Za-z0-9_-]{24,}\b/g, (m) => (/\d/.test(m) && /[A-Za-z]/.test(m) && !isSymbolicName(m) && !isCamelCaseName(m) ? '<id>' : m)),
]

/**
 * A line that ends where a redaction's value would start, the value on the next line: a setting's
 * or field's name with its `=` or `:` (`"password":`, `Server:`), an XML key (`<add key="DbPassword"`),
 * an element (`<password>`); or a PEM block's BEGIN line, or a PuTTY key file's first. A text without one is redacted the same
 * line by line.
 */
const ACROSS_LINES = new RegExp(
  `(?:${SECRET_KEY}|\\b(?:server|data source|host(?:name)?|computer|machine|user(?:name| id)?|account|login|uid))(?:["']?[ \\t]*[=:]|>)[ \\t]*$|\\b(?:key|name)[ \\t]*=[ \\t]*["'][^"'\\n]*["'][ \\t]*$`,
  'im',
)
/** What every such line ends with: checked first, as most lines of a log end otherwise. */
const OPEN_LINE_END = /[=:"'>][ \t]*$/m

/** True when redacting `text` whole may take out more than redacting each of its lines alone. */
export function mayRedactAcrossLines(raw: string): boolean {
  const text = foldLookalikes(raw)
  return text.includes('-----BEGIN ') || text.includes('PuTTY-User-Key-File-') || (OPEN_LINE_END.test(text) && ACROSS_LINES.test(text))
}

/** Replace every secret and personal value in `text` with its placeholder (the text folded first: foldLookalikes). */
export function redact(text: string): string {
  let s = foldLookalikes(text)
  for (const r of REDACTORS) s = r.apply(s)
  return s
}
