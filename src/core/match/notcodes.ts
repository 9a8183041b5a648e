/**
 * What looks like a code but is not one: file names and paths (`Setup.exe`, `web.config`,
 * `C:\Program Files\...`, `/var/log/...`), encoded addresses and distinguished names (the
 * `IMCEAEX-_O=..._OU=...` form of an X.500 address, `CN=...,OU=...`, `%2F`-encoded fragments),
 * variable references (`$CI_JOB_TOKEN`), GUIDs, and base64 or hex blobs. Their pieces (`Setup_Helper`, `CONTOSO_OU`, `C0000005A1B2…`)
 * match code patterns, but they name a place or a thing, not an error: they are blanked before
 * codes are looked for, in articles and pastes alike. Their words still count as words.
 */

/** Extensions of files named in support articles and logs: a name ending in one is a file. */
const FILE =
  /(?<![\w.-])[\w.-]*\.(?:exe|dll|sys|drv|ocx|msi|msp|msu|cab|config|cfg|conf|ini|inf|log|txt|xml|json|ya?ml|toml|ps1|psm1|bat|cmd|sh|rb|py|js|mjs|cs|java|jar|war|so|aspx|ashx|asmx|svc|html?|php|dmp|mdmp|etl|evtx|pem|crt|cer|pfx|zip|gz|tgz|tar|bak|ldf|mdf|ndf|trn|pst|ost|edb|vhdx?)(?![\w-]|\.\w)/gi

/**
 * The pieces of a Windows path: every segment after a backslash, and the one before it (a drive,
 * a server, a folder), unless the backslash starts a `\n`, `\r` or `\t` escape of a JSON log line
 * (one not followed by a letter), where the text before it is the message (`0x80070005\r\n`).
 * It starts only where a token does, so each token is read once.
 */
const WINDOWS_PATH = /(?<![^\s\\"'<>|])[^\s\\"'<>|]*(?:\\(?![nrt](?![A-Za-z]))[^\s\\"'<>|]*)+/g

/** A Unix path of two segments or more, not inside a URL or after a word (`HTTP/1.1`). */
const UNIX_PATH = /(?<![\w.:/])(?:\/[\w.@+~-]+){2,}\/?/g

const GUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi

/** Sixteen hex digits or more in a row: an address, a hash, a thumbprint; no code is that long. */
const HEX_BLOB = /(?<![\w])(?:0x)?[0-9a-f]{16,}(?!\w)/gi

/** A run of base64 (or base64url) characters long enough to be a blob, checked for its mix by `isBlob`. */
const BASE64_RUN = /[A-Za-z0-9+/_-]{20,}={0,2}/g

/** A variable reference (`$CI_JOB_TOKEN`, `${HOME_DIR}`, `%PROGRAM_FILES%`): the name of a setting, not an error. */
const VARIABLE = /\$\{?[A-Za-z_]\w*\}?|%[A-Za-z_]\w*%/g

/** X.500 and LDAP attribute types that start the parts of a distinguished name. */
const DN_PART = /(?<![A-Za-z])(?:CN|OU|DC|O|L|C|ST|UID)=/gi
/** A `+XX` (X.500 address encoding) or `%XX` (URL encoding) escape. */
const ESCAPE = /[+%][0-9A-F]{2}/gi

/** Random text mixes capitals, small letters and digits; words and identifiers seldom have three digits among them. */
function isBlob(run: string): boolean {
  let upper = 0
  let lower = 0
  let digit = 0
  for (let i = 0; i < run.length; i++) {
    const c = run.charCodeAt(i)
    if (c >= 65 && c <= 90) upper++
    else if (c >= 97 && c <= 122) lower++
    else if (c >= 48 && c <= 57) digit++
  }
  return upper >= 2 && lower >= 2 && digit >= 3
}

/** A whitespace-delimited token that is an encoded address or a distinguished name (two parts or escapes at least). */
function isEncoded(token: string): boolean {
  return (token.match(DN_PART)?.length ?? 0) >= 2 || (token.match(ESCAPE)?.length ?? 0) >= 2
}

/** The text with every span that is not a code blanked (a space each), so no code pattern finds anything in it. */
export function maskNonCodes(text: string): string {
  let t = text
  if (t.includes('$') || t.includes('%')) t = t.replace(VARIABLE, ' ')
  if (t.includes('=') || t.includes('%') || t.includes('+')) t = t.replace(/\S{6,}/g, (tok) => (isEncoded(tok) ? ' ' : tok))
  if (t.includes('\\')) t = t.replace(WINDOWS_PATH, (m) => (m.includes('\\') ? ' ' : m))
  if (t.includes('/')) t = t.replace(UNIX_PATH, ' ')
  if (t.includes('.')) t = t.replace(FILE, ' ')
  if (t.includes('-')) t = t.replace(GUID, ' ')
  t = t.replace(HEX_BLOB, ' ')
  return t.replace(BASE64_RUN, (m) => (isBlob(m) ? ' ' : m))
}

/** True when some of the text is not a code (a file name, a path, a GUID, a blob): an author's "code" with one is no code. */
export function holdsNonCode(text: string): boolean {
  return maskNonCodes(text) !== text
}
