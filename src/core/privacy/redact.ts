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
 * systems and cloud images, git's SSH user, and the fixed user names registries and git hosts take
 * with a token: `docker login -u gitlab-ci-token`, `-u AWS`, `-u _json_key`, `oauth2:`,
 * `x-access-token:`): `Login failed for user 'sa'`, `for user "postgres"`, `git@github.com` say
 * which kind of login failed, and stay.
 */
const WELL_KNOWN_ACCOUNTS =
  'root|admin|administrator|sa|postgres|mysql|oracle|sys|system|guest|anonymous|nobody|daemon|www-data|git|ubuntu|ec2-user|azureuser|gitlab-ci-token|oauth2|x-access-token|AWS|_json_key|_json_key_base64'
/**
 * Windows' built-in identities (data): NT AUTHORITY's own accounts by name (`NT AUTHORITY\NETWORK
 * SERVICE`, `\ANONYMOUS LOGON`), and the authorities whose names are services, application pools,
 * virtual machines or local groups an administrator named (`NT SERVICE\MSSQLSERVER`, `IIS
 * APPPOOL\DefaultAppPool`, `BUILTIN\Users`): what a service ran as, no person's account.
 */
const BUILTIN_AUTHORITY =
  '(?:NT AUTHORITY\\\\(?:SYSTEM|LOCAL SERVICE|NETWORK SERVICE|ANONYMOUS LOGON|IUSR|Authenticated Users|INTERACTIVE|NETWORK|SERVICE|BATCH|Everyone)(?![\\w ])|(?:NT SERVICE|NT VIRTUAL MACHINE|IIS APPPOOL|BUILTIN)\\\\[^\'"\\n\\\\]{1,64})'
/** A user name that is one of WELL_KNOWN_ACCOUNTS, whole. */
const WELL_KNOWN_ACCOUNT = new RegExp(`^(?:${WELL_KNOWN_ACCOUNTS})$`, 'i')
/** A user name as stored: itself when a well-known account, else `<user>`. */
const userShown = (name: string): string => (WELL_KNOWN_ACCOUNT.test(name) ? name : '<user>')
/** A user name as stored, quoted (`"jdoe"`, `'sa'`) or not: its quotes kept. */
const userOrQuotedShown = (user: string): string => (/^["']/.test(user) ? user[0] + userShown(user.slice(1, -1)) + user[0] : userShown(user))
/** A user value that is a well-known account or built-in identity, whole (the value's end is given by the caller). */
const NOT_A_PERSON = `(?:(?:${WELL_KNOWN_ACCOUNTS})|${BUILTIN_AUTHORITY})`

/**
 * Addresses of this machine itself (`localhost`, `127.0.0.1`, `::1`, SQL Server's `(local)`, `.` and
 * `(localdb)\…`): they name no host, and which one failed (`ECONNREFUSED 127.0.0.1:5432`) is the problem.
 */
const LOCAL_HOST = /^(?:tcp:)?(?:localhost|127(?:\.\d{1,3}){3}|::1|\(local(?:db)?\)|\.)(?:[:,\\]|$)/i
/** A host as stored: itself when this machine's own, else `<host>`. */
const hostShown = (host: string): string => (LOCAL_HOST.test(host) ? host : '<host>')

/** Characters that change nothing a reader sees: zero-width spaces, joiners, soft hyphens, direction marks, BOMs. */
const INVISIBLE = /\p{Cf}/u

/**
 * Characters left as they are: an ellipsis (`500.19…` folded to `500.19...` no longer reads as a
 * code) and super- and subscripts (`404²` is no 4042).
 */
const KEPT_AS_IS = /[\u2026\u00b2\u00b3\u00b9\u2070-\u209f]/u

/** A character folded: its NFKC form when at most 3 characters long (`ﷺ` is 18: text must not grow much), '' when invisible. */
function foldChar(c: string): string {
  let f = folded.get(c)
  if (f === undefined) {
    f = INVISIBLE.test(c) ? '' : KEPT_AS_IS.test(c) ? c : c.normalize('NFKC')
    if (f.length > 3) f = c
    if (folded.size >= 4096) folded.clear()
    folded.set(c, f)
  }
  return f
}
/** Characters folded so far (few: a text repeats its characters), bounded. */
const folded = new Map<string, string>()

/**
 * Text folded to the characters redaction's patterns are written in: full-width and other
 * compatibility forms to their plain ones (NFKC, each such character: `ｐａｓｓｗｏｒｄ＝x` is
 * `password=x`, `𝐩𝐚𝐬𝐬` is `pass`), invisible characters taken out. Only text with a non-ASCII
 * character changes.
 */
export function foldLookalikes(text: string): string {
  if (!/[^\x00-\x7f]/.test(text)) return text
  const s = text.replace(FOLDABLE, foldChar)
  return CYRILLIC_OR_GREEK.test(s) ? s.replace(WORD, latinInMixedWord) : s
}

/**
 * Data: Cyrillic and Greek letters drawn as Latin ones (the common entries of Unicode's
 * confusables), which a word mixing them with Latin letters (`pаssword` with a Cyrillic `а`) reads
 * as. A word wholly in Cyrillic or Greek is a word of its language, and stays.
 */
const LATIN_LOOKALIKES: ReadonlyMap<string, string> = new Map(
  [
    ...['а a', 'в B', 'е e', 'о o', 'р p', 'с c', 'у y', 'х x', 'ѕ s', 'і i', 'ј j', 'һ h', 'ԁ d', 'ԛ q', 'ԝ w', 'ӏ l', 'ү y'],
    ...['А A', 'В B', 'Е E', 'К K', 'М M', 'Н H', 'О O', 'Р P', 'С C', 'Т T', 'Х X', 'Ѕ S', 'І I', 'Ј J', 'Ү Y', 'Ԛ Q', 'Ԝ W'],
    ...['α a', 'ο o', 'ν v', 'ι i', 'κ k', 'υ u', 'Α A', 'Β B', 'Ε E', 'Ζ Z', 'Η H', 'Ι I', 'Κ K', 'Μ M', 'Ν N', 'Ο O', 'Ρ P', 'Τ T', 'Υ Y', 'Χ X'],
  ].map((pair) => pair.split(' ') as [string, string]),
)
const CYRILLIC_OR_GREEK = /[\u0370-\u03ff\u0400-\u052f]/
const LOOKALIKE = new RegExp(CYRILLIC_OR_GREEK.source, 'g')
/** A word: looked at once each, so folding stays linear however the scripts are laid out. */
const WORD = /[\p{L}\p{M}]+/gu

/** A word mixing Latin letters with Cyrillic or Greek look-alikes, in Latin letters; any other word as it is. */
function latinInMixedWord(word: string): string {
  return /[A-Za-z]/.test(word) && CYRILLIC_OR_GREEK.test(word) ? word.replace(LOOKALIKE, (c) => LATIN_LOOKALIKES.get(c) ?? c) : word
}

/**
 * The characters folding looks at: invisible ones, and the blocks whose compatibility forms are
 * look-alikes of ASCII (spaces and punctuation, letterlike symbols, enclosed and full-width forms,
 * ligatures, mathematical letters and digits). Text in other scripts is not touched, nor costs a
 * call per character (an 8,000-character paste in Cyrillic took 9 ms when every character was).
 */
const FOLDABLE = /[\p{Cf}\u00a0\u2000-\u206f\u2100-\u214f\u2460-\u24ff\u3000\ufb00-\ufb06\uff00-\uffef\u{1d400}-\u{1d7ff}]/gu

/**
 * Words for "password" in other languages, as settings and forms name it (data, by language; each
 * written without its accents, as accentTolerant matches them: `haslo` is `hasło`). Left out: words
 * that also name no secret (`clave` is any key in Spanish, `parola` a word in Italian).
 */
const LOCALIZED_SECRET_NAMES: Readonly<Record<string, string>> = {
  de: 'passwort|paßwort|kennwort',
  fr: 'mot[ _.-]?de[ _.-]?passe|mdp',
  es: 'contrasena',
  pt: 'senha',
  nl: 'wachtwoord',
  sv: 'losenord',
  'no/da': 'passord|adgangskode',
  fi: 'salasana',
  pl: 'haslo',
  'cs/sk': 'heslo',
  hu: 'jelszo',
  tr: 'sifre',
  'ru/uk': 'пароль',
  ja: 'パスワード',
  zh: '密码|密碼',
  ko: '비밀번호',
}

/**
 * Each ASCII letter's accented forms (`s`: `śŝşšſ`…): the letters of Unicode's Latin blocks
 * that decompose to it and combining marks; and the few that do not decompose but read as it (`ł`, `ø`).
 */
const ACCENTED_FORMS: ReadonlyMap<string, string> = (() => {
  const forms = new Map<string, string>([
    ['l', 'Łł'],
    ['o', 'Øø'],
    ['d', 'Đđ'],
    ['i', 'ı'],
    ['h', 'Ħħ'],
  ])
  for (const [from, to] of [
    [0xc0, 0x24f],
    [0x1e00, 0x1eff],
  ] as const)
    for (let cp = from; cp <= to; cp++) {
      const c = String.fromCharCode(cp)
      const decomposed = c.normalize('NFKD')
      if (!/^[A-Za-z][\u0300-\u036f]*$/.test(decomposed)) continue
      const letter = decomposed.charAt(0).toLowerCase()
      forms.set(letter, (forms.get(letter) ?? '') + c)
    }
  return forms
})()

/**
 * A pattern whose letters also match their accented forms, precomposed (`pasśword`, `pässwort`) or
 * followed by combining marks: a key's name is matched with its diacritics folded, and the text
 * itself, outside the value redacted, stays as it was written. `pattern` holds letters, groups,
 * `|`, `?` and classes without letters only (no escapes).
 */
function accentTolerant(pattern: string): string {
  // (a group each, so that a `?` after a letter, `pwd?`, applies to the letter and its marks)
  return pattern.replace(/[A-Za-z]/g, (c) => `(?:[${c.toLowerCase()}${c.toUpperCase()}${ACCENTED_FORMS.get(c.toLowerCase()) ?? ''}][\\u0300-\\u036f]{0,2})`)
}

/**
 * Names of settings whose value is a secret, as words of a key: `Password`, `DB_PASSWORD`,
 * `RABBITMQ_DEFAULT_PASS`, `pw`, `spring.datasource.password`, `aws_secret_access_key`,
 * `Ocp-Apim-Subscription-Key`; in other languages (`Kennwort`, `contraseña`, `mot_de_passe`); each
 * letter in any of its accented forms (`pasśword`).
 */
const SECRET_NAME = accentTolerant(
  [
    'pass(?:word|wd|phrase)?|pwd?|secret|client[_-]?secret|token|api[_-]?key|apikey|access[_-]?key|secret[_-]?key|private[_-]?key|account[_-]?key|shared[_-]?access[_-]?key|subscription[_-]?key|functions[_-]?key|credentials?|requirepass|masterauth',
    ...Object.values(LOCALIZED_SECRET_NAMES),
  ].join('|'),
)
/**
 * Last words of a key that name something about a secret rather than the secret
 * (`credential.helper`, `token_expiry`, `password_file`, `token_url`).
 */
const NOT_SECRET_PARTS =
  'helper|expiry|expires|expiration|ttl|timeout|lifetime|length|len|policy|type|file|path|url|uri|endpoint|name|format|mode|hint|prompt|age|reset|change|changed|required|enabled|count|size|store|manager|provider|cache|header|field|source|command|cmd|env|stdin'

/**
 * A key naming a secret: the name, alone, at the end of a word (`PGPASSWORD`, `SmtpPassword`) or
 * among words joined by `_`, `.` or `-`; never with letters after it (`SecurityTokenExpiredException` is not one),
 * nor a public one (`PublicKeyToken=30ad4fe6b2a6aeed` names an assembly), nor one whose last
 * word says what about the secret it names (NOT_SECRET_PARTS).
 */
const SECRET_KEY = `(?<![A-Za-z0-9])(?!public)(?:[A-Za-z0-9]{1,40}[_.-]){0,4}[A-Za-z0-9]{0,20}(?:${SECRET_NAME})(?:[_.-][A-Za-z0-9]{1,40}){0,4}(?<![_.-](?:${NOT_SECRET_PARTS}))(?![A-Za-z0-9])`
/**
 * Words after a secret's name that say something of it rather than being it (`using password: YES`,
 * `password: required`, `token: expired.`, `AUTH failed:`), as a whole value: `No-Access-2024` and
 * `True.Blue42` are passwords; nor an absolute path (sudo's `PWD=/srv/app` is a folder).
 */
const NOT_A_VALUE = `(?!(?:yes|no|true|false|null|none|required|invalid|expired|missing|incorrect|wrong|not|is|was|must|empty|failed|denied|rejected|unknown|mismatch|for)(?:[\\s;,'"&<>):]|[.!]?$|[.!]\\s)|\\/[\\w.-]+\\/)`
/**
 * A setting's value: quoted ("…" with \" inside, '…' with '' inside, {…} with }} inside; a quote
 * or brace never closed runs to the line's end), or words up to the `;` that ends a
 * connection-string value (`&`, `<`, `>` included there; not `=`, where a run of settings would be
 * rescanned from each), or one run of non-separators; not one
 * of NOT_A_VALUE. A run may start with `)`, `&`, `<` or `>` (`secret=)abc1`, `password=&x9`), but
 * not with the next parameter of a URL (`?password=&user=x`) or a placeholder redaction wrote.
 */
const SECRET_VALUE = `(?:"(?:[^"\\\\\\n]|\\\\.)*"|'(?:[^'\\n]|'')*'|\\{(?:[^}\\n]|\\}\\})*\\}|["'{][^\\n]*$|${NOT_A_VALUE}[^\\s;,'")][^\\s;,'"=]*(?:[ \\t]+[^\\s;,'"=]+){0,3}(?=;)|${NOT_A_VALUE}[^\\s;,'"&<>)][^\\s;,'"&<>]*|[)&<>](?![\\w.-]+=|(?:secret|token|user|host|ip|id|email)>)[^\\s;,'"]+)`

/** What joins a setting's name to its value: `=`, `:`, PHP's `=>`, and `=` percent-encoded (`%3D`) or escaped in JSON (`\u003d`). */
const SETTING_SEPARATOR = `[ \\t]*(?:=>|[=:]|%3[Dd]|\\\\u003[Dd])`

/**
 * Commands that read a password from their standard input (data: their documented flags): `sudo -S`,
 * `--password-stdin` (docker, podman, helm, oras), `passwd --stdin`, `chpasswd`, `kinit`.
 */
const STDIN_PASSWORD_READERS =
  'sudo\\b[^|\\n]{0,200}?[ \\t](?:-[A-Za-z]*S|--stdin)|[^|\\n]{0,200}?[ \\t]--password-stdin|passwd\\b[^|\\n]{0,200}?[ \\t]--stdin|chpasswd|kinit'

/**
 * Clients that take the user to log on as and the server by flags (data: their documented flags):
 * PostgreSQL's and SQL Server's tools by `-U` (`-u` is something else there), the others by `-u`;
 * all by `--user`, `--username`, `-h` and `--host`, SQL Server's by `-S` (MySQL's `-S` is a socket).
 */
const CLIENTS_USER_UPPER = 'psql|pg_dump|pg_dumpall|pg_restore|pg_basebackup|createdb|dropdb|createuser|dropuser|vacuumdb|reindexdb|pg_isready|sqlcmd|bcp|osql'
const CLIENTS_USER_LOWER =
  'mysql|mysqldump|mysqladmin|mariadb|mongo|mongosh|mongodump|mongorestore|redis-cli|(?:docker|podman|helm[ \\t]+registry|oras)[ \\t]+login'
const CLIENTS_WITH_LOGON_FLAGS = `${CLIENTS_USER_UPPER}|${CLIENTS_USER_LOWER}`
/** One character of a command: anything but a newline, `|`, `;` or `&`, or a newline a continuation escapes. */
const COMMAND_CHAR = '(?:[^\\n|;&]|(?<=[\\\\`^]\\r?)\\n)'
/** The rest of a command after its first word: to a `|`, `;`, `&` or the line's end (a continued line goes on), 400 characters at most. */
const COMMAND_REST = `${COMMAND_CHAR}{0,400}`

const USER_UPPER_CLIENT = new RegExp(`^(?:${CLIENTS_USER_UPPER})$`, 'i')
/** Patterns of logonFlags, by the user flag's letter and whether `-S` names the server. */
const logonFlagPatterns = new Map<string, RegExp>()
/** A client's user and server flags with their values, in the rest of its command: user in groups 1-2, server in 3-4. */
function logonFlags(client: string): RegExp {
  const sqlServer = /^(?:sqlcmd|bcp|osql)$/i.test(client)
  const key = `${USER_UPPER_CLIENT.test(client) ? 'U' : 'u'}${sqlServer ? 'S' : ''}`
  let re = logonFlagPatterns.get(key)
  if (!re) {
    const blank = `${COMMAND_BLANK}+`
    const user = `((?<=[ \\t\\n])(?:-${key[0]}(?:${blank}|(?=[^\\s-]))|--user(?:name)?(?:=|${blank})))(?!<|["']?[$%])("[^"\\n]{1,64}"|'[^'\\n]{1,64}'|[^\\s:;|&'"]{1,64})(?![^\\s;|&])`
    const host = `((?<=[ \\t\\n])(?:-h${blank}|--host(?:name)?(?:=|${blank})${sqlServer ? `|-S${COMMAND_BLANK}*` : ''})["']?(?:(?:tcp|np|lpc|admin):)?)([A-Za-z][\\w.-]{0,253})(?![\\w.-])`
    re = new RegExp(`${user}|${host}`, 'g')
    logonFlagPatterns.set(key, re)
  }
  return re
}

/** SASL mechanisms (IANA's registry, the common ones): `AUTH PLAIN`'s word names how, not who. */
const SASL_MECHANISM = '(?:PLAIN|LOGIN|CRAM-MD5|DIGEST-MD5|XOAUTH2?|OAUTHBEARER|SCRAM-SHA-(?:1|256|512)(?:-PLUS)?|NTLM|GSSAPI|EXTERNAL)'

/**
 * A line continuation: a shell's `\`, PowerShell's backtick or cmd's `^` ending a line, which makes
 * the next line part of the same command (`mysql -u root \` / `  -pS3cret`).
 */
const CONTINUATION = '[\\\\`^]\\r?\\n'
/** One blank between a command's words: a space, a tab, or a line continuation. */
const COMMAND_BLANK = `(?:[ \\t]|${CONTINUATION})`
/**
 * A command's words up to one of its flags, at most 200 characters: on its line, or on the next when
 * a continuation escapes the newline. (Per character, not per line: a group of lines looked for a
 * continuation from every client's name in `mysql mysql …`, half again the step's cost.)
 */
const COMMAND_SPAN = `${COMMAND_CHAR}{0,200}?`
/**
 * After a flag's first character (`-`, `/`): it follows a blank, or starts a continued line
 * (COMMAND_SPAN crosses no other newline). Looked at only where a `-` is, not at every character of the span.
 */
const AFTER_BLANK = '(?<=[ \\t\\n][-/])'

/**
 * Where a setting's or field's value starts after its `=` or `:`: on the same line, or on the next
 * when indented or quoted (YAML's `password:` / `  x`, a pretty-printed `"password":` / `"x"`), after
 * a line continuation (`PGPASSWORD=\` / `x`) or a YAML block's indicator (`password: |` / `  x`). A
 * line that starts at the margin is the next line of a log, not a value: `Enter password:` then
 * `ERROR:` / `ORA-01017: invalid username/password` (a prompt never echoes what is typed).
 */
const VALUE_START = `(?:[ \\t]*${CONTINUATION}[ \\t]*(?=\\S)|[ \\t]*[|>][+-]?\\d?[ \\t]*\\n[ \\t]+(?=\\S)|[ \\t]*\\n[ \\t]+(?=\\S)|[ \\t]*\\n(?=["'])|[ \\t]*)`

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
  'hv[sbr]\\.[A-Za-z0-9_-]{20,}',
  's\\.[A-Za-z0-9]{24}',
]

/** The parts of a name written in camel case: words (`Connection`, `HTTP`, `get`) and numbers. */
const CAMEL_PARTS = /[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+/g

/**
 * True for a type's or function's name (`Http2ConnectionException`, `SqlServer2019InstanceNotFound`,
 * `OAuth2AuthenticationException`): two capitalized words at least; every part a word of 3+
 * letters, an acronym of 2+ capitals, a number of 1-4 digits (at most two numbers), or one capital
 * before a word (`OAuth`). A random id breaks into short parts: of a million random 24-character
 * ids with a digit, 1 in 2,600 passes (1 in 90 when two-letter words passed); of 32 characters, none.
 */
export function isCamelCaseName(s: string): boolean {
  // (words joined by `-` or `_` are a passphrase or a symbolic name: isSymbolicName's)
  if (/[_-]/.test(s)) return false
  let words = 0
  let numbers = 0
  let single = false
  for (const [part] of s.matchAll(CAMEL_PARTS)) {
    if (single && !/^[A-Z][a-z]{2}/.test(part)) return false
    single = false
    if (/^\d/.test(part)) {
      if (part.length > 4 || ++numbers > 2) return false
    } else if (/^[A-Z][a-z]/.test(part)) {
      if (part.length < 3) return false
      words++
    } else if (/^[a-z]/.test(part)) {
      if (part.length < 3) return false
    } else if (/^[A-Z]/.test(part)) {
      single = part.length === 1
    }
  }
  return words >= 2 && !single
}

/**
 * Names a key is written after with a space in prose or a command (`api key 7c1e…`, `x-api-key …`,
 * `access token …`, `pw …`); the value is taken only when it looks like a key (keyLike), as the next
 * word is mostly prose (`token expired`, `the api key is invalid`). Not `secret` alone: `secret
 * db-creds-7h2k9` names a Kubernetes secret, not its value.
 */
const SPACED_SECRET_NAME =
  '(?:x[_-])?api[ _-]?(?:key|token)|apikey|(?:access|secret|subscription)[ _-]?key|(?:access|auth|bearer|refresh|session|personal[ _-]access)[ _-]?token|token|client[ _-]secret|pass(?:word|wd|phrase)|pwd?'

/**
 * Words shaped like something a support engineer needs, not a key: a hex number (`0x80070005`), a
 * version (`v2.4.57`, `13.0.3-rc1`), an error code (`ORA-01017`, `AADSTS50126`, `SHA256`), a path
 * or a URL.
 */
const NOT_KEY_LIKE = /^(?:0x[0-9a-f]+$|v?\d+(?:\.\d+)+(?:[-+][\w.]+)?$|[/\\~.]|[a-z]:\\|[a-z][a-z0-9+.-]*:\/\/)/i
/** An error code's shape: capitals, then digits (case matters: `deadbeef1234` is no code). */
const ERROR_CODE = /^[A-Z]{2,12}[-_]?\d{2,10}$/

/**
 * True for a word that reads as a key or a password rather than a word of prose: 8 characters or
 * more, letters with digits (or 16+ characters with both cases, `hZqLmBvXkWpRtYsN`), and none of
 * NOT_KEY_LIKE's shapes, nor a symbolic or a type's name (`ERR_TLS_CERT_ALTNAME_INVALID`).
 */
function keyLike(word: string): boolean {
  if (word.length < 8 || NOT_KEY_LIKE.test(word) || ERROR_CODE.test(word) || isSymbolicName(word) || isCamelCaseName(word)) return false
  if (/\d/.test(word) && /[A-Za-z]/.test(word)) return true
  return word.length >= 16 && /[A-Z][^A-Z]*[A-Z]/.test(word) && /[a-z][^a-z]*[a-z]/.test(word)
}

/**
 * Server software as HTTP's `Server:` header names it (data: the defaults of common web servers,
 * proxies, CDNs and application servers), which names no host: `Server: nginx`, `Server: Kestrel`.
 * With a version (`Apache/2.4.57`) a value is software whatever its name (host-field).
 */
const SERVER_SOFTWARE =
  /^(?:nginx|openresty|tengine|apache(?:-coyote)?|microsoft-iis|microsoft-httpapi|kestrel|cloudflare|cloudfront|amazons3|awselb|gws|gse|esf|sffe|google|gunicorn|uvicorn|hypercorn|waitress|werkzeug|wsgiserver|tornadoserver|cherrypy|jetty|tomcat|wildfly|undertow|glassfish|weblogic|websphere|ibm_http_server|oracle-http-server|lighttpd|caddy|litespeed|openlitespeed|varnish|envoy|istio-envoy|traefik|haproxy|squid|akamaighost|akamainetstorage|bigip|netlify|vercel|cowboy|kong|zeus)(?![\w.-])/i

/**
 * A field of PostgreSQL's password file (`~/.pgpass`: `hostname:port:database:username:password`),
 * `\:` an escaped colon, at most `max` characters.
 */
const pgpassField = (max: number) => `(?:[^\\s:\\\\]|\\\\.){1,${max}}`
/** A pgpass password: no unescaped colon (an IPv6 or a MAC address has more parts than a line has fields). */
const PGPASS_WORD = '(?:[^\\s:\\\\]|\\\\.)+'
/**
 * A pgpass line: five fields, the host no number alone (`12:30:…` is a time) nor a log level (a log
 * format's `WARNING:4242:app.db:connect:Connection refused` holds a process id where the port would
 * be), the port a number or `*`. Starting a line, the password runs to its end (it may hold spaces);
 * in prose, one word.
 */
const PGPASS_LINE = new RegExp(
  `(?<!\\S)((?!\\d+:|(?:error|err|warning|warn|info|debug|trace|fatal|critical|crit|notice|severe|alert|emerg):)${pgpassField(255)}):(\\d{1,5}|\\*):(${pgpassField(63)}):(${pgpassField(63)}):(?!<)(${PGPASS_WORD}(?:[ \\t]+${PGPASS_WORD})*(?=[ \\t]*$)|${PGPASS_WORD}(?!\\S))`,
  'gim',
)

/** A pgpass line as stored: host, user and password redacted; the port, the database and `*` (any) kept. */
function pgpassShown(_m: string, host: string, port: string, db: string, user: string, password: string, at: number, text: string): string {
  const field = (v: string, shown: (s: string) => string) => (v === '*' ? v : shown(v))
  let rest = ''
  if (/\s/.test(password)) {
    // In prose (not a line of the file) only the first word is the password: the rest is the sentence.
    let i = at
    while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--
    if (i > 0 && text[i - 1] !== '\n') rest = password.replace(/^\S+/, '')
  }
  return `${field(host, hostShown)}:${port}:${db}:${field(user, userShown)}:<secret>${rest}`
}

/** An IPv4 address, zero-padded parts too (`192.168.001.010`: resolvers and many tools read them as the address). */
const IPV4 = /(?<![\d.])\b(?:(?:25[0-5]|2[0-4]\d|[01]?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d?\d)\b(?!\.\d)/g
/** What a version is written after: `Version=`, `ver.`, `v`. */
const VERSION_BEFORE = /(?:\b(?:[Vv]ersion|VERSION)\s{0,3}[=:]?\s{0,3}|\b[Vv]er\.?\s{0,3}|\bv)$/
/** A package's capitalized dotted name, then a space or a slash (`Microsoft.Data.SqlClient `, `Newtonsoft.Json/`). */
const PACKAGE_BEFORE = /\b[A-Z][\w-]*(?:\.[A-Za-z][\w-]*)+[ /]$/

/**
 * An IPv4 address as stored: `<ip>`, but this machine's own (127.x, 0.0.0.0), and a four-part
 * version: after `Version=`, `v`; after a package's name, one ending in .0 (`Microsoft.Data.SqlClient
 * 5.1.1.0`, `Newtonsoft.Json/13.0.3.0`: an address ending in .0 is a network's, and a logger's or an
 * upper-case host's name before a host's address is no version). One with a port is an address.
 */
function ipv4Shown(ip: string, at: number, text: string): string {
  if (/^(?:127\.|0+\.0+\.0+\.0+$)/.test(ip)) return ip
  if (text.charCodeAt(at + ip.length) === 58 /* : */) return '<ip>'
  const before = text.slice(Math.max(0, at - 80), at)
  return VERSION_BEFORE.test(before) || (ip.endsWith('.0') && PACKAGE_BEFORE.test(before)) ? ip : '<ip>'
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
  // A setting as a name and a value, in YAML or JSON (Kubernetes' `env: - name: DB_PASSWORD` / `value: x`,
  // Azure's `{"name": "DbPassword", "slotSetting": false, "value": "x"}`): the value within 200 characters, no brace between.
  rx(
    'name-value-secret',
    new RegExp(
      `(\\bname["']?\\s*[:=]\\s*["']?${SECRET_KEY}["']?[^{}]{0,200}?\\bvalue["']?\\s*[:=][ \\t]*)("(?:[^"\\\\\\n]|\\\\.)*"|'[^'\\n]*'|[^\\s,}]+)`,
      'gi',
    ),
    (_m, head: string) => `${head}<secret>`,
  ),
  // PHP's constants: define('DB_PASSWORD', 'x').
  rx(
    'php-define',
    new RegExp(`(\\bdefine\\(\\s*(["'])${SECRET_KEY}\\2\\s*,\\s*)("(?:[^"\\\\\\n]|\\\\.)*"|'(?:[^'\\\\\\n]|\\\\.)*')`, 'gi'),
    (_m, head: string) => `${head}<secret>`,
  ),
  // PowerShell's plain-text secure string: ConvertTo-SecureString "pw" -AsPlainText.
  rx('secure-string', /\b(ConvertTo-SecureString\s+(?:-String\s+)?)("[^"\n]*"|'[^'\n]*'|[^\s-]\S*)/gi, (_m, head: string) => `${head}<secret>`),
  // GitHub Actions' `::add-mask::value` names a secret by its syntax (before `::add` reads as an IPv6 address).
  rx('add-mask', /(::add-mask::)(\S+)/g, (_m, head: string) => `${head}<secret>`, '::add-mask::'),
  // A line of PostgreSQL's password file, in the file or quoted in prose: `db01:5432:*:app_rw:pw`.
  { label: 'pgpass', apply: (s) => (s.includes(':') ? s.replace(PGPASS_LINE, pgpassShown) : s) },
  // A netrc entry (curl, git and ftp read `machine host login user password pw`, on one line or
  // several): its password, host and login. `machine` in prose (`machine account password reset`)
  // has no dotted host nor a login, and `default` is an entry only with one.
  rx(
    'netrc',
    new RegExp(
      `(?<![\\w.-])(machine\\s{1,40}(\\S{1,255})|default)((?:\\s{1,40}(?:login|account|port)\\s{1,40}\\S{1,255}){0,3})(\\s{1,40}password\\s{1,40})(?!<)${NOT_A_VALUE}\\S{1,255}`,
      'g',
    ),
    (m, head: string, host: string | undefined, fields: string, sep: string) =>
      !fields.includes('login') && !(host && /[.\d]/.test(host))
        ? m
        : `${host ? head.slice(0, -host.length) + hostShown(host) : head}${fields.replace(/(login\s+)(\S+)/, (_l, w: string, user: string) => w + userShown(user))}${sep}<secret>`,
    'password',
  ),
  // A secret's YAML block scalar (`password: |`, `token: >-`): all of the block as one value, every
  // line indented past its key (blank lines inside it too); a line back at the key's indentation ends it.
  rx(
    'yaml-block-secret',
    new RegExp(
      `^([ \\t]*)((?:-[ \\t]+)?["']?${SECRET_KEY}["']?[ \\t]*:[ \\t]*[|>][+-]?\\d?[ \\t]*\\r?\\n(?:[ \\t]*\\r?\\n)*)(\\1[ \\t]+)\\S[^\\r\\n]*(?:\\r?\\n(?:[ \\t]*\\r?\\n)*\\1[ \\t]+\\S[^\\r\\n]*)*`,
      'gim',
    ),
    (_m, indent: string, key: string, inner: string) => `${indent}${key}${inner}<secret>`,
    /:[ \t]*[|>]/,
  ),
  // Connection strings, settings, JSON and URL parameters: Password=…, "api_key": "…", DB_PASSWORD=…, ?sig=…,
  // PHP's arrays ('password' => 'x', $cfg['password'] = 'x')
  // (a YAML block's indicator at a line's end is no value: its block is yaml-block-secret's)
  // (`%3D`: the `=` of a setting percent-encoded in a URL or a form body; `\u003d`, escaped in JSON)
  // Matched from its `=` or `:`, the key looked for behind it: tried from every word of a run of
  // words (`pass_pass_…`), the key cost 4 ms on 8,000 characters; from the separators, a tenth.
  rx(
    'secret-setting',
    new RegExp(
      `(?<![ \\t])(?=${SETTING_SEPARATOR})(?<=${SECRET_KEY}["']?\\]?)(${SETTING_SEPARATOR}${VALUE_START})(?![|>][+-]?\\d?[ \\t]*\\r?$)${SECRET_VALUE}`,
      'gim',
    ),
    (_m, sep: string) => `${sep}<secret>`,
  ),
  // A password given to a command or a configuration line after a space: Redis's `AUTH pw`, `requirepass pw`,
  // and a secret setting set by a CLI (`aws configure set aws_secret_access_key …`, `git config --global http.token …`).
  // SMTP's and IMAP's `AUTH PLAIN <base64>` (`AUTHENTICATE`): the mechanism is kept, the initial
  // response after it (user and password, base64) is the secret; a mechanism alone is no password.
  rx(
    'secret-command',
    new RegExp(
      `\\b(AUTH(?:ENTICATE)?[ \\t]+${SASL_MECHANISM}(?=[ \\t]+[A-Za-z0-9+/]{8,}={0,2}(?!\\S))|AUTH|requirepass|masterauth)(${COMMAND_BLANK}+)(?!<|${SASL_MECHANISM}(?![\\w-]))${NOT_A_VALUE}[^\\s;,'"]+`,
      'g',
    ),
    (_m, w: string, sp: string) => `${w}${sp}<secret>`,
  ),
  // SMTP's `AUTH LOGIN` dialog: the server asks with `334 <base64 prompt>`, and the client's next
  // line is its user name or password in base64 (RFC 4954).
  rx(
    'sasl-response',
    /^([ \t]*(?:(?:[<>]{1,3}|S:|Server:)[ \t]*)?334(?:[ \t][^\r\n]*)?\r?\n[ \t]*(?:(?:[<>]{1,3}|C:|Client:)[ \t]*)?)([A-Za-z0-9+/]{4,}={0,2})(?=[ \t]*\r?$)/gm,
    (m, head: string, answer: string) => (answer.length % 4 === 0 ? `${head}<secret>` : m),
    '334',
  ),
  // A password sent in a protocol's dialog, as clients' verbose logs and transcripts show it: FTP's
  // and POP3's `PASS pw` (RFC 959, 1939: the rest of the line), IMAP's `a001 LOGIN user pw` (RFC 9051: a tag
  // with a digit or of three characters at most; SQL's `CREATE LOGIN x WITH` is no dialog),
  // after a direction's mark (`> `, `C: `, `Command:`). A test runner's `PASS src/app.test.js` names a file.
  rx(
    'protocol-password',
    /^([ \t]*(?:(?:[<>]{1,3}|-->|[Cc]:|Command:|Sent:|Client:)[ \t]*)?)(?:(PASS[ \t]+)(?=\S)(?!<|\*+[ \t]*\r?$)(?!\S*[\\/]\S*\.\w{1,5}(?:[ \t(]|\r?$))[^\r\n]+|((?=[\w.-]{0,19}\d|[\w.-]{1,3}[ \t])[\w.-]{1,20}[ \t]+LOGIN[ \t]+)(?:"(?:[^"\\\r\n]|\\.)*"|[^\s"]+)([ \t]+)(?!<)(?:"(?:[^"\\\r\n]|\\.)*"|\S+))/gm,
    (_m, lead: string, pass?: string, login?: string, sp?: string) => (pass ? `${lead}${pass}<secret>` : `${lead}${login}<user>${sp}<secret>`),
    /PASS|LOGIN/,
  ),
  // (set by a CLI or a Dockerfile's ENV: any case; the key may follow a registry's address, `npm config set //registry.npmjs.org/:_authToken x`)
  // The word taken whole, its key looked for behind its end: tried after each `/`, `:` and `_` of
  // the word (`set pass_pass_…`), the key cost 4 ms on 8,000 characters.
  rx(
    'secret-set',
    new RegExp(
      `\\b((?:set|ENV|config(?:[ \\t]+--\\w+)*)[ \\t]+[^\\s]{1,400}(?!\\S)(?<=[ \\t/:_]${SECRET_KEY}))(${COMMAND_BLANK}+)(?!<)${NOT_A_VALUE}(?:"[^"\\n]*"|'[^'\\n]*'|[^\\s;,'"]+)`,
      'gi',
    ),
    (_m, w: string, sp: string) => `${w}${sp}<secret>`,
  ),
  // SQL's passwords: CREATE USER x WITH PASSWORD 'pw', ALTER LOGIN x WITH PASSWORD = 'pw', IDENTIFIED BY pw,
  // MySQL's PASSWORD('pw').
  rx(
    'sql-password',
    // (one blank run per branch, and no look back over it: `password` and 8,000 blanks took minutes)
    /\b(?:(PASSWORD(?:[ \t]*[=(])?[ \t]*)('(?:[^'\n]|'')*'|"[^"\n]*")|(IDENTIFIED[ \t]+BY[ \t]+)('(?:[^'\n]|'')*'|"[^"\n]*"|[^\s;'"]+))/gi,
    (_m, head?: string, _v?: string, byHead?: string) => `${head ?? byHead}<secret>`,
  ),
  // SQL Server's procedures that take passwords by position: `sp_addlogin 'login', 'pw'` and
  // `sp_password 'old', 'new', 'login'` (named, `@passwd = 'pw'`, is a setting).
  rx(
    'sql-password-procedure',
    /\b(sp_addlogin\s+N?'(?:[^'\n]|'')*'\s*,\s*|sp_password\s+)(N?'(?:[^'\n]|'')*'|NULL)(?:(\s*,\s*)N?'(?:[^'\n]|'')*'(?=\s*,))?/gi,
    (_m, head: string, _first: string, comma?: string) => `${head}<secret>${comma === undefined ? '' : `${comma}<secret>`}`,
    /sp_(?:addlogin|password)/i,
  ),
  // A password a client takes as a flag of its own (data: the clients' documented flags), the client
  // a command's first word (`some-mongo` is a container's name): `redis-cli -a pw`, `mysql -uroot -pPw`
  // (attached only: `mysql -p db` prompts, for db), `sqlcmd -P pw`, `mongosh -p pw`, `sshpass -p pw`,
  // `docker login -p pw` (`docker run -p 80:80` publishes a port, and no password is one), `az login -p pw`, `psexec -p pw`,
  // `rdesktop -p pw`, `xfreerdp /p:pw`, `smbclient -U user%pw`, `net user name pw`, `net use \\\\h\\s pw`
  // (after the share or `/user:x`), OpenLDAP's `ldapsearch -w pw`, `7z -ppw`, `unzip -P pw`,
  // `htpasswd -b file user pw` (`-nb user pw`), `useradd -p <crypted>`, `schtasks /rp pw`, `vault login <token>`.
  rx(
    'client-password-flag',
    new RegExp(
      `(?<![\\w./-])((?:${[
        `redis-cli\\b${COMMAND_SPAN}-${AFTER_BLANK}a${COMMAND_BLANK}+`,
        `(?:mysql|mysqldump|mysqladmin|mariadb)\\b${COMMAND_SPAN}-${AFTER_BLANK}p(?=\\S)`,
        `(?:mongo|mongosh|mongodump|mongorestore|sshpass|psexec|rdesktop|(?:docker|podman|az|oras|helm[ \\t]+registry)[ \\t]+login)\\b${COMMAND_SPAN}-${AFTER_BLANK}p${COMMAND_BLANK}+`,
        `(?:sqlcmd|bcp|osql)\\b${COMMAND_SPAN}-${AFTER_BLANK}P${COMMAND_BLANK}*`,
        `xfreerdp\\b${COMMAND_SPAN}\\/${AFTER_BLANK}p:`,
        `smbclient\\b${COMMAND_SPAN}-${AFTER_BLANK}U${COMMAND_BLANK}*[^\\s%]{1,64}%`,
        `net[ \\t]+user[ \\t]+(?:"[^"\\n]{1,64}"|[^\\s/"]{1,64})[ \\t]+`,
        `net[ \\t]+use\\b${COMMAND_SPAN}(?:[ \\t]\\\\\\\\[^\\s\\\\]{1,255}\\\\\\S*|[ \\t]\\/user:\\S{1,255})[ \\t]+`,
        `(?:ldapsearch|ldapmodify|ldapadd|ldapdelete|ldapmodrdn|ldapcompare|ldapwhoami|ldappasswd|ldapexop)\\b${COMMAND_SPAN}-${AFTER_BLANK}w${COMMAND_BLANK}+`,
        `(?:7z|7za|7zr|7zz|rar|unrar)\\b${COMMAND_SPAN}-${AFTER_BLANK}p(?=\\S)`,
        `(?:zip|unzip|zipcloak)\\b${COMMAND_SPAN}-${AFTER_BLANK}P${COMMAND_BLANK}+`,
        `(?:useradd|usermod)\\b${COMMAND_SPAN}-${AFTER_BLANK}p${COMMAND_BLANK}+`,
        `schtasks\\b${COMMAND_SPAN}\\/${AFTER_BLANK}rp${COMMAND_BLANK}+`,
        `vault[ \\t]+login[ \\t]+(?![^\\s=]*=)`,
        `htpasswd\\b${COMMAND_SPAN}-${AFTER_BLANK}(?:[A-Za-z]*n[A-Za-z]*b|[A-Za-z]*b[A-Za-z]*n)[A-Za-z]*${COMMAND_BLANK}+\\S+${COMMAND_BLANK}+`,
        `htpasswd\\b${COMMAND_SPAN}-${AFTER_BLANK}(?![A-Za-z]*n)[A-Za-z]*b[A-Za-z]*${COMMAND_BLANK}+\\S+${COMMAND_BLANK}+\\S+${COMMAND_BLANK}+`,
      ].join('|')}))(?!<|-|\\/|\\d+:\\d)("[^"\\n]*"|'[^'\\n]*'|\\S+)`,
      'gi',
    ),
    (_m, head: string) => `${head}<secret>`,
  ),
  // A password echoed into a command that reads it from its standard input (data: the commands'
  // documented ways): `echo pw | sudo -S`, `… | docker login --password-stdin`, `… | passwd --stdin`,
  // `echo user:pw | chpasswd`. A variable (`echo $PW |`) is no value.
  rx(
    'stdin-password',
    new RegExp(
      `\\b((?:echo|printf)[ \\t]+(?:-[neE]{1,3}[ \\t]+)?)(?![$%])("[^"\\n]*"|'[^'\\n]*'|[^\\s|;&]+)(?=[ \\t]*\\|[ \\t]*(?:${STDIN_PASSWORD_READERS})(?![\\w-]))`,
      'g',
    ),
    (_m, head: string) => `${head}<secret>`,
    '|',
  ),
  // A password told in prose: `my password is Winter2024!`, `the password was: P@ssw0rd`. Only a
  // word a password is shaped like (a digit or a sign in it besides a word's `-` and `'`, 4 characters at least): `the password is
  // incorrect`, `is expired`, `is 8 characters` are what happened.
  rx(
    'prose-password',
    new RegExp(
      `\\b((?:pass(?:word|wd|phrase)|pwd|pin)[ \\t]+(?:is|was)(?:[ \\t]+(?:set[ \\t]+to|now|still))?[ \\t]*:?[ \\t]+)(["'\`]?)(?!<)${NOT_A_VALUE}([^\\s"'\`]{4,128})(?=\\2)`,
      'gi',
    ),
    (m, head: string, quote: string, value: string) => (/[^A-Za-z'-]/.test(value.replace(/[.,;:!?)]+$/, '')) ? `${head}${quote}<secret>` : m),
  ),
  // The user a client logs on as and the server it connects to, by the client's own flags: `psql -U
  // jdoe -h db01`, `mysql -ujdoe -h db03`, `sqlcmd -S sqlprod01\\INST1 -U jdoe`, `mongosh --username
  // jdoe --host x`, `docker login -u jdoe`. A well-known account stays (`-U postgres`, `-u root`), as
  // do `localhost`, an address (ipv4's), an instance, a port and a protocol's prefix (`tcp:<host>,1433`),
  // and a variable (`-u "$CI_REGISTRY_USER"`), which is no value. Each command is read once, from its
  // client's name to its end: from every name of a run of names (`psql psql …`), two patterns cost 4 ms on 8,000 characters.
  rx('client-logon', new RegExp(`(?<![\\w./-])(${CLIENTS_WITH_LOGON_FLAGS})\\b${COMMAND_REST}`, 'g'), (command: string, client: string) =>
    command.replace(logonFlags(client), (_f, flag: string, user?: string, hostFlag?: string, host?: string) =>
      user !== undefined ? `${flag}${userOrQuotedShown(user)}` : `${hostFlag}${hostShown(host!)}`,
    ),
  ),
  // SQL*Plus and Oracle's tools log on with user/password, with or without @service (`CONNECT scott/tiger`,
  // `sqlplus system/pw@//orahost:1521/PROD`): the tools by name, CONNECT as SQL*Plus's command (a line's
  // first word, or after its prompt: `Unable to connect TCP/IP` is no log-on).
  rx(
    'oracle-logon',
    /((?:\b(?:sqlplus|exp|imp|expdp|impdp|rman(?:[ \t]+target)?)|(?:^|SQL>)[ \t]*(?:CONN(?:ECT)?|conn(?:ect)?))[ \t]+(?:-[sSLl][ \t]+)*)(?!<)[\w$#]+\/(?:"[^"\n]*"|[^\s/@"]+)(@(?:\/\/)?[A-Za-z][A-Za-z0-9.-]*)?/gm,
    (_m, head: string, host?: string) => `${head}<user>/<secret>${host ? `@${host.startsWith('@//') ? '//' : ''}<host>` : ''}`,
  ),
  // Signatures in URLs (sig=, sas=) only as parameters: `sig: 11` is a signal.
  rx('url-signature', /([?&;](?:[\w-]{0,30}-)?(?:sig|sas|signature)=)[^\s&#;]+/gi, (_m, key: string) => `${key}<secret>`),
  // Command-line flags: --password hunter2, --api-key x; curl -u user:password.
  // (a flag's value may follow a line continuation, `--password \` / `  'x'`, and be quoted)
  rx(
    'secret-flag',
    new RegExp(`((?<!\\S)--?(?:${SECRET_KEY})(?:\\s|[\\\\\`^](?=\\r?\\n))+)(?!-)(?:"[^"\\n]*"|'[^'\\n]*'|\\S+)`, 'gi'),
    (_m, flag: string) => `${flag}<secret>`,
  ),
  rx('user-flag', /((?<!\S)(?:-u|--user)(?:\s|[\\`^](?=\r?\n))+)[^\s:]+:\S+/g, (_m, flag: string) => `${flag}<user>:<secret>`),
  // Headers that carry credentials whole.
  rx(
    'cookie-header',
    new RegExp(`\\b((?:set-)?cookie)([ \\t]*:[ \\t]*)(?=\\S)${NOT_A_VALUE}[^\\n]*`, 'gim'),
    (_m, name: string, sep: string) => `${name}${sep}<secret>`,
  ),
  rx(
    'authorization-header',
    new RegExp(`\\b((?:proxy-)?authorization)(["']?[ \\t]*[:=]${VALUE_START}["']?)(?!<)${NOT_A_VALUE}(?:([A-Za-z]+)\\s+)?[^\\s"']+`, 'gim'),
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
  rx('url-credentials', /\b([a-z][a-z0-9+._-]{0,30}:\/\/)[^/\s:@]{0,256}:[^/\s]{0,256}@/gi, (_m, scheme: string) => `${scheme}<user>:<secret>@`, '://'),
  // user/password@host after a driver's prefix or as a word (jdbc:oracle:thin:scott/tiger@//orahost:1521/ORCL, sqlplus scott/tiger@ORCL).
  rx('user-slash-password', /(?<=:|^|\s)[\w$#]+\/[^\s/@]+@(\/\/)?[A-Za-z][A-Za-z0-9.-]*/g, (_m, slashes?: string) => `<user>/<secret>@${slashes ?? ''}<host>`),
  // Well-known token shapes: JWTs (the signature may be empty), and the formats above.
  // Starting only where a run of its characters starts: from every `eyJ` of `eyJ-eyJ-…` it rescanned the run.
  // Two parts (a header and its claims, the signature cut off) to five (an encrypted JWE). A header
  // alone (`{"alg":"HS256"}`) holds nothing of anyone, and stays.
  rx('jwt', /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{5,}\.(?:eyJ[A-Za-z0-9_-]{2,}|[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*)(?:\.[A-Za-z0-9_-]*){0,3}/g, '<token>'),
  // A key id written with its secret after a colon (`AKIA…:wJalr…`, as credential files and URLs pair them) goes with it.
  rx('prefixed-key', new RegExp(`\\b(?:${KNOWN_TOKEN_FORMATS.join('|')})\\b(?::[A-Za-z0-9+/=_-]{16,}(?![A-Za-z0-9+/=_-]))?`, 'g'), '<token>'),
  // A key after its name and a space (or `api key:`), when it looks like one (keyLike): `apikey 9f8e…`,
  // `x-api-key …`, `access token …`, `pw Hunter2!`; `token expired`, `the api key is invalid` are messages.
  rx(
    'spaced-secret',
    new RegExp(
      `(?<![\\w.-])((?:[A-Za-z0-9]{1,40}[_.-]){0,3}(?:${SPACED_SECRET_NAME})(?:[ \\t]*[:=]${COMMAND_BLANK}*|${COMMAND_BLANK}+))(["'\`]?)(?!<)([^\\s"'\`<>;,]{8,256})(?=\\2)`,
      'gi',
    ),
    (m, head: string, quote: string, value: string) => (keyLike(value) ? `${head}${quote}<secret>` : m),
  ),
  // Base64 runs nobody labelled (keys, signatures): padded or holding a '+', letters and digits mixed.
  rx('base64-run', /(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{20,}={0,2}(?![A-Za-z0-9+/=])/g, (m) =>
    (m.includes('+') || m.endsWith('=')) && /\d/.test(m) && /[A-Za-z]/.test(m) ? '<secret>' : m,
  ),
  // Hosts: the host of a URL, UNC paths, connection-string or log fields that name a server, and a
  // name a lookup or connection failed for. `Server: Microsoft-IIS/10.0` and `Server: nginx` name software, not a host.
  // A URL may list several hosts (MongoDB's `h1:27017,h2:27017`); each is redacted, its port kept; a
  // host is followed by its end (`,ssl=true` is a parameter, `,PLAINTEXT://` the next URL). A user
  // without a password (`postgresql://jdoe@db7`) is a user.
  rx(
    'url-host',
    /\b([a-z][a-z0-9+._-]{0,30}:\/\/)(<user>:<secret>@|[^/\s:@<>]{1,64}@)?([a-z0-9.-]{1,255}(?::\d{1,5})?(?:,[a-z0-9.-]{1,255}(?::\d{1,5})?(?=[,/?#;\s'")\]]|$)){0,15})/gi,
    (_m, scheme: string, user: string | undefined, hosts: string) =>
      `${scheme}${user === undefined || user.startsWith('<') ? (user ?? '') : `${userShown(user.slice(0, -1))}@`}${hosts
        .split(',')
        .map((h) => h.replace(/^[^:]*/, hostShown))
        .join(',')}`,
    '://',
  ),
  // SQL Server's message header names the server (`Msg 18456, Level 14, State 1, Server SQLDEV01\\SQLEXPRESS, Line 1`): its host; the instance stays.
  rx(
    'sql-message-server',
    /(\bMsg \d+, Level \d+, State \d+, Server )([A-Za-z][\w.-]{0,253})(?=[\\,])/g,
    (_m, head: string, host: string) => `${head}${hostShown(host)}`,
    'Msg ',
  ),
  rx('unc-host', /\\\\[A-Za-z0-9.-]+(?=\\)/g, '\\\\<host>'),
  rx(
    'host-field',
    new RegExp(
      `\\b(server|data source|host|hostname|computer|machine)([ \\t]*[=:]${VALUE_START})(?![^\\s;,<]*\\/|(?:dial|lookup|read|write|connect|the|a|an|no|not|unable|error|failed|refused|timeout|timed)\\b)((?:tcp:)?[^\\s;,<]+)`,
      'gi',
    ),
    // (HTTP's `Server: nginx` names software; `Server=db01;` a host)
    (m, w: string, sep: string, host: string) => (/^server$/i.test(w) && sep.includes(':') && SERVER_SOFTWARE.test(host) ? m : `${w}${sep}${hostShown(host)}`),
  ),
  rx(
    'host-lookup',
    /\b(ENOTFOUND|EAI_AGAIN|resolve(?:\s+host(?:name)?)?:?|resolving|connect(?:ing|ion)?\s+to(?:\s+host)?)(\s+['"]?)(?!<)([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)/gi,
    (_m, w: string, sp: string, host: string) => `${w}${sp}${hostShown(host)}`,
  ),
  // An AWS ARN's account (`arn:aws:iam::123456789012:`) names a customer; an IAM user's name or an
  // assumed role's session name (often the person's) names a person. The service, the role and the
  // resource's kind stay: they tell which permission failed.
  rx(
    'aws-arn',
    /\b(arn:aws[\w-]*:[\w-]+:[\w-]*:)\d{12}(?::((?:user|federated-user)\/(?:[\w+=,.@-]+\/){0,8}|assumed-role\/[\w+=,.@-]+\/)[\w+=,.@-]+)?/g,
    (_m, head: string, kind?: string) => `${head}<id>${kind ? `:${kind}<user>` : ''}`,
    'arn:aws',
  ),
  // Local parts and domains in any script (`josé@exämple.de`, `राम@…`, `xn--` domains), a quoted local part
  // (`"john.doe"@…`, `"j doe"@…`: RFC 5322 allows any character there), the `@` percent-encoded in a URL
  // (`mailto:jdoe%40example.com`), an address literal (`jdoe@[10.0.0.1]`). A well-known account's
  // mailbox (`git@github.com`) keeps its name, not its host.
  rx(
    'email',
    /(?<![\p{L}\p{M}\p{N}._%+-]|[\p{L}\p{N}]')("(?:[^"\\\n]|\\.){1,64}"|[\p{L}\p{M}\p{N}_%+-][\p{L}\p{M}\p{N}._%+'-]{0,63})(?:@|%40)(?:(?:[\p{L}\p{M}\p{N}-]{1,63}\.){1,16}(?:\p{L}[\p{L}\p{M}]{1,62}|xn--[a-z0-9-]{1,59})(?![\p{L}\p{M}\p{N}-])|\[[0-9A-Fa-f.:]{2,45}\])/gu,
    (_m, local: string) => (WELL_KNOWN_ACCOUNT.test(local) ? `${local}@<host>` : '<email>'),
    /@|%40/,
  ),
  // user@host without a domain (ssh, Kerberos-less logins); a package version (react@18.2.0) starts with a digit.
  rx('user-at-host', /(?<![\w.@/-])([A-Za-z0-9._-]{1,64})@[A-Za-z][A-Za-z0-9-]{0,63}(?![\w.@-])/g, (_m, user: string) => `${userShown(user)}@<host>`, '@'),
  // user@address (`ssh bob@10.0.0.5`): the user; the address is ipv4's.
  rx('user-at-ip', /(?<![\w.@/-])([A-Za-z][A-Za-z0-9._-]{0,63})@(?=(?:\d{1,3}\.){3}\d{1,3}(?![\w.]))/g, (_m, user: string) => `${userShown(user)}@`, '@'),
  rx('mac-address', /\b(?:[0-9A-F]{2}[:-]){5}[0-9A-F]{2}\b/gi, '<id>'),
  { label: 'ipv4', apply: (s) => s.replace(IPV4, ipv4Shown) },
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
  // (sshd's `Invalid user x from`, `authenticating user x`; systemd-logind's `New session 4 of user x`;
  // a name may hold dots, `admin.jsmith`, but not end in one)
  rx(
    'user-named',
    new RegExp(
      `\\b(for (?:the )?(?:invalid |illegal )?user|password for(?: the user| invalid user| user)?|(?:invalid|illegal|authenticating) user|session \\d+ of user)(\\s+)(?!<|['"]|(?:invalid|illegal|the|a|an|this|that|your|my|our|their|its|his|her)\\s|(?:${WELL_KNOWN_ACCOUNTS})(?=\\.?(?:[\\s'",;:()]|$)))[^\\s'",;:()]+?(?=\\.?(?:[\\s'",;:()]|$))`,
      'gim',
    ),
    (_m, w: string, sp: string) => `${w}${sp}<user>`,
  ),
  // Who logged in, in sshd's `Accepted publickey for x from` and su's `(to root) x on pts/1`.
  rx(
    'login-user',
    /\b(Accepted [\w/-]{1,40} for |su(?:\[\d+\])?:[ \t]+(?:FAILED SU[ \t]+)?\(to [^\s)]{1,64}\)[ \t]+)(?!<)([^\s'"()]{1,64})(?= (?:from|on) )/g,
    (_m, head: string, user: string) => `${head}${userShown(user)}`,
  ),
  // The authenticated user of a web server's access log line (Common and Combined Log Format:
  // `host ident user [10/Oct/2025:13:55:36 +0000] "GET …"`); `-` is none.
  rx(
    'access-log-user',
    /^(\S{1,255} \S{1,64} )(?!-\s|<)([^\s[]{1,64})(?= \[\d{1,2}\/[A-Za-z]{3}\/\d{4}:)/gm,
    (_m, head: string, user: string) => `${head}${userShown(user)}`,
    ' [',
  ),
  // sudo's log line names who ran it: `sudo:     jdoe : TTY=pts/0 ; PWD=/home/jdoe ; USER=root ; COMMAND=…`.
  rx('sudo-user', /\b(sudo:\s+)(?!<)([^\s:]{1,64})(?=\s+:)/g, (_m, head: string, user: string) => `${head}${userShown(user)}`),
  // (Windows' security events name their subject in fields: `Account Name: jdoe`, `Workstation Name: JDOE-PC`;
  // a Java system property too, `-Dusername=jdoe`)
  rx(
    'user-field',
    new RegExp(
      `(?:\\b|(?<=-D))(user(?:name| id| name)?|account(?: name)?|logon account|login|uid)([ \\t]*[:=]${VALUE_START})(?!<|(?:${WELL_KNOWN_ACCOUNTS})(?![^\\s;,])|${BUILTIN_AUTHORITY})${NOT_A_VALUE}[^\\s;,]+`,
      'gim',
    ),
    (_m, w: string, sep: string) => `${w}${sep}<user>`,
  ),
  // A user name given by a flag that always takes one (`svn --username jdoe`, PowerShell's `-UserName
  // jdoe`); `--user` alone may take none (`pip install --user pkg`).
  rx(
    'username-flag',
    new RegExp(`((?<!\\S)--?user[-_]?name(?:[ \\t]*=[ \\t]*|${COMMAND_BLANK}+))(?!<|-|["']?[$%])("[^"\\n]{1,64}"|'[^'\\n]{1,64}'|[^\\s;,'"]{1,64})`, 'gi'),
    (_m, flag: string, user: string) => `${flag}${userOrQuotedShown(user)}`,
  ),
  rx(
    'workstation-field',
    /\b((?:workstation|source workstation|client) name)([ \t]*[:=][ \t]*)(?!<|-(?:\s|$))[^\s;,]+/gim,
    (_m, w: string, sep: string) => `${w}${sep}<host>`,
  ),
  // A Windows security identifier names one account (`S-1-5-21-3623811015-3361044348-30300820-1013`); well-known ones (`S-1-5-18`) stay.
  rx('windows-sid', /\bS-1-5-21(?:-\d{1,10}){3,4}\b/g, '<id>'),
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
 * an element (`<password>`), a secret's YAML block (`password: |`), a line continuation (`mysql -u root \`);
 * or a PEM block's BEGIN line, a PuTTY key file's first, a netrc entry's first. A text without one
 * is redacted the same line by line.
 */
const ACROSS_LINES = new RegExp(
  `(?:${SECRET_KEY}|\\b(?:server|data source|host(?:name)?|computer|machine|user(?:name| id)?|account|login|uid))(?:["']?[ \\t]*[=:](?:[ \\t]*[|>][+-]?\\d?)?|>)[ \\t]*$|\\b(?:key|name)[ \\t]*=[ \\t]*["'][^"'\\n]*["'][ \\t]*$|[ \\t=][\\\\\`^]$`,
  'im',
)
/** What every such line ends with (a YAML block's indicator may end in `-` or `+`): checked first, as most lines of a log end otherwise. */
const OPEN_LINE_END = /[=:"'>|+\-\\`^][ \t]*$/m
/** A netrc entry's first line: its password may be on a later one (`machine h` / `login u` / `password p`). */
const NETRC_ENTRY = /^[ \t]*(?:machine|default)\b/m

/** True when redacting `text` whole may take out more than redacting each of its lines alone. */
export function mayRedactAcrossLines(raw: string): boolean {
  const text = foldLookalikes(raw)
  return (
    text.includes('-----BEGIN ') || text.includes('PuTTY-User-Key-File-') || (OPEN_LINE_END.test(text) && ACROSS_LINES.test(text)) || NETRC_ENTRY.test(text)
  )
}

/** Replace every secret and personal value in `text` with its placeholder (the text folded first: foldLookalikes). */
export function redact(text: string): string {
  let s = foldLookalikes(text)
  for (const r of REDACTORS) s = r.apply(s)
  return s
}
