/**
 * Equivalent spellings of one error: an HRESULT that wraps a Win32 code (`0x80070005` is Win32 5),
 * a Win32 or Winsock number and its symbolic name (`6` is `ERROR_INVALID_HANDLE`, `10055` is
 * `WSAENOBUFS`). A code found in a paste is matched in all its spellings.
 */

/** Common Win32, Winsock and WinHTTP codes seen in web-server troubleshooting. */
export const WIN32_NAMES: Readonly<Record<number, string>> = {
  2: 'ERROR_FILE_NOT_FOUND',
  3: 'ERROR_PATH_NOT_FOUND',
  5: 'ERROR_ACCESS_DENIED',
  6: 'ERROR_INVALID_HANDLE',
  13: 'ERROR_INVALID_DATA',
  32: 'ERROR_SHARING_VIOLATION',
  53: 'ERROR_BAD_NETPATH',
  64: 'ERROR_NETNAME_DELETED',
  87: 'ERROR_INVALID_PARAMETER',
  121: 'ERROR_SEM_TIMEOUT',
  1058: 'ERROR_SERVICE_DISABLED',
  1225: 'ERROR_CONNECTION_REFUSED',
  1229: 'ERROR_CONNECTION_INVALID',
  1236: 'ERROR_CONNECTION_ABORTED',
  1326: 'ERROR_LOGON_FAILURE',
  10048: 'WSAEADDRINUSE',
  10053: 'WSAECONNABORTED',
  10054: 'WSAECONNRESET',
  10055: 'WSAENOBUFS',
  10060: 'WSAETIMEDOUT',
  10061: 'WSAECONNREFUSED',
  12002: 'ERROR_WINHTTP_TIMEOUT',
  12029: 'ERROR_WINHTTP_CANNOT_CONNECT',
  12030: 'ERROR_WINHTTP_CONNECTION_ERROR',
}

const BY_NAME = new Map(Object.entries(WIN32_NAMES).map(([n, name]) => [name.toLowerCase(), Number(n)]))

/** POSIX errno names that Winsock mirrors (`ECONNREFUSED` is `WSAECONNREFUSED`, 10061). */
const WINSOCK_OF_ERRNO: Readonly<Record<string, string>> = {
  econnrefused: 'wsaeconnrefused',
  etimedout: 'wsaetimedout',
  econnreset: 'wsaeconnreset',
  econnaborted: 'wsaeconnaborted',
  eaddrinuse: 'wsaeaddrinuse',
  enobufs: 'wsaenobufs',
}
const ERRNO_OF_WINSOCK = new Map(Object.entries(WINSOCK_OF_ERRNO).map(([errno, wsa]) => [wsa, errno]))

/** A canonical code and its other spellings (itself first). */
export function equivalentCodes(code: string): string[] {
  const out = [code]
  const sub = /^http (\d{3})\.\d+$/.exec(code)
  if (sub) out.push(`http ${sub[1]}`)
  const hr = /^0x8007([0-9a-f]{4})$/.exec(code)
  // A product's "error 10061" quoting a Winsock number (10000-11999) is that Winsock error.
  const winsockNumber = /^error (1[01]\d{3})$/.exec(code)
  const win32 = hr
    ? parseInt(hr[1]!, 16)
    : /^win32 (\d+)$/.exec(code)
      ? Number(code.slice(6))
      : winsockNumber
        ? Number(winsockNumber[1])
        : BY_NAME.get(WINSOCK_OF_ERRNO[code] ?? code)
  if (WINSOCK_OF_ERRNO[code]) out.push(WINSOCK_OF_ERRNO[code])
  if (win32 !== undefined) {
    out.push(`win32 ${win32}`)
    const name = WIN32_NAMES[win32]?.toLowerCase()
    if (name) out.push(name)
    if (name && ERRNO_OF_WINSOCK.has(name)) out.push(ERRNO_OF_WINSOCK.get(name)!)
    if (win32 < 0x10000) out.push(`0x8007${win32.toString(16).padStart(4, '0')}`)
  }
  return [...new Set(out)]
}

/**
 * The one spelling of a hex code (`0x000000EF`, `000000EF`, `0xEF`): a value that fits in 16 bits
 * (a stop code, a small status) without leading zeros (`0xef`), a larger one as the 8 digits of an
 * HRESULT or NTSTATUS (`0x8007000d`); zero (success, an empty parameter) is no code.
 */
export function canonicalHex(hex: string): string | undefined {
  const v = parseInt(hex, 16)
  if (!v) return undefined
  return v <= 0xffff ? `0x${v.toString(16)}` : `0x${v.toString(16).padStart(8, '0')}`
}

/** POSIX and Winsock socket error names, and their Winsock numbers: they end many unrelated problems (a stopped database, a dead upstream, a closed port). */
const SOCKET_ERROR = /^(?:wsa)?e(?:connrefused|timedout|connreset|connaborted|addrinuse|nobufs|hostunreach|netunreach|pipe)$|^win32 100(?:48|5[3-5]|6[01])$/

/** HRESULTs that say only that something failed: E_FAIL ("Unspecified error"), E_UNEXPECTED. */
const UNSPECIFIED_HRESULTS = new Set(['0x80004005', '0x8000ffff'])

/**
 * An error or exception class named for saying nothing (`UnknownError`, `InternalError`,
 * `UnexpectedException`, `GeneralFault`): a status column's or a wrapper's placeholder for "it
 * failed", the name of no problem in particular.
 */
const UNSPECIFIED_NAME = /^(?:unknown|unexpected|unspecified|internal|general|generic|other|undefined|unhandled)(?:error|exception|fault)$/

/** The reason phrases of HTTP's error statuses (RFC 9110, and the older wordings servers still send). */
export const HTTP_REASON =
  'Bad Request|Unauthorized|Forbidden|Not Found|Method Not Allowed|Not Acceptable|Proxy Authentication Required|Request Time-?out|Conflict|Gone|Length Required|Precondition Failed|(?:Request Entity|Payload) Too Large|Unsupported Media Type|Too Many Requests|Internal Server Error|Not Implemented|Bad Gateway|(?:Service|Server) Unavailable|Gateway Time-?out|HTTP Version Not Supported'

const REASON_CODE = new RegExp(`^"(?:${HTTP_REASON})"$`, 'i')

/** True for a listed code that is an HTTP status's reason phrase (`"service unavailable"`): it says what the status says, and weighs as much. */
export function isHttpReason(code: string): boolean {
  return REASON_CODE.test(code)
}

/** True for an error class named for saying nothing (`UNSPECIFIED_NAME`): it weighs as listed words do, whatever its df. */
export function isUnspecifiedName(code: string): boolean {
  return UNSPECIFIED_NAME.test(code)
}

/** True for a code that ends many unrelated problems, in any of its spellings: a socket error (`0x8007274d` is ECONNREFUSED), an unspecified HRESULT, an unspecified error class. */
export function isGenericCode(code: string): boolean {
  return UNSPECIFIED_HRESULTS.has(code) || UNSPECIFIED_NAME.test(code) || equivalentCodes(code).some((c) => SOCKET_ERROR.test(c))
}

/** Kinds of code specific enough that naming a different one is evidence against an article. */
const SPECIFIC_KINDS: ReadonlyArray<[string, RegExp]> = [
  ['hresult', /^0x[0-9a-f]{8}$/],
  ['stop', /^0x[0-9a-f]{1,4}$/],
  ['mail', /^mail \d\.\d+\.\d+$/],
  ['substatus', /^http \d{3}\.\d+$/],
  ['event', /^event \d+$/],
  ['sql', /^error \d+$/],
]

/** The codes of each specific kind among some canonical codes; kinds without any are left out. */
export function codesByKind(codes: Iterable<string>): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const c of codes) {
    for (const [kind, re] of SPECIFIC_KINDS) {
      if (!re.test(c)) continue
      const list = out.get(kind)
      if (list) list.push(c)
      else out.set(kind, [c])
    }
  }
  return out
}

/** True when a paste and an article name codes of the same specific kind (`codesByKind` of each), but share none of them. */
export function kindsConflict(
  paste: ReadonlyMap<string, readonly string[]>,
  article: ReadonlyMap<string, readonly string[]>,
  articleCodes: ReadonlySet<string>,
): boolean {
  for (const [kind, mine] of paste) if (article.has(kind) && !mine.some((c) => articleCodes.has(c))) return true
  return false
}
