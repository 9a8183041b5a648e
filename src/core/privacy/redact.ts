/**
 * Where a question is redacted before it is stored (the KCS loop's events): small pure steps,
 * applied in order, each replacing one kind of personal or secret value with a placeholder.
 * Secrets go first, so that a password is never half-kept as an "address" or a "user". What
 * identifies a problem (codes, exception names, message words) stays, so the stored question
 * still groups with others of its kind.
 */

/** One redaction step: a stable label (stored with nothing, but named in docs and tests) and a pure function over text. */
export interface Redactor {
  label: string
  apply: (text: string) => string
}

const rx = (label: string, re: RegExp, by: string | ((m: string, ...groups: string[]) => string)): Redactor => ({
  label,
  apply: (s) => s.replace(re, by as (m: string) => string),
})

/** The steps, in order. */
export const REDACTORS: readonly Redactor[] = [
  // Private keys and certificates pasted whole.
  rx('pem-block', /-----BEGIN [A-Z ]+-----[\s\S]*?-----END [A-Z ]+-----/g, '<secret>'),
  // Connection strings and key=value settings: Password=..., pwd=..., secret=..., api_key: ...
  rx(
    'secret-setting',
    /\b(password|passwd|pwd|secret|client_secret|api[_-]?key|apikey|access[_-]?key|secret[_-]?key|token|auth[_-]?token|access[_-]?token|sas|sig)(\s*[=:]\s*)("[^"]*"|'[^']*'|[^\s;,'"]+)/gi,
    (_m, key: string, sep: string) => `${key}${sep}<secret>`,
  ),
  // Authorization headers: Bearer/Basic/Token credentials.
  rx('auth-header', /\b(Bearer|Basic|Token|Negotiate|NTLM)\s+[A-Za-z0-9._~+/=-]{8,}/g, (_m, scheme: string) => `${scheme} <token>`),
  // Credentials inside URLs: scheme://user:password@host
  rx('url-credentials', /\b([a-z][a-z0-9+.-]*:\/\/)[^/\s:@]+:[^/\s@]+@/gi, (_m, scheme: string) => `${scheme}<user>:<secret>@`),
  // Well-known token shapes: JWTs, GitHub/GitLab/Slack/AWS/Stripe-style keys.
  rx('jwt', /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\b/g, '<token>'),
  rx(
    'prefixed-key',
    /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|glpat-[A-Za-z0-9_-]{20,}|xox[abprs]-[A-Za-z0-9-]{10,}|AKIA[0-9A-Z]{16}|[rs]k_(?:live|test)_[A-Za-z0-9]{16,}|sk-[A-Za-z0-9_-]{20,})\b/g,
    '<token>',
  ),
  // Hosts: the host of a URL, and connection-string or log fields that name a server.
  rx(
    'url-host',
    /\b([a-z][a-z0-9+.-]*:\/\/)(?:<user>:<secret>@)?[a-z0-9.-]+/gi,
    (m, scheme: string) => `${scheme}${m.includes('@') ? '<user>:<secret>@' : ''}<host>`,
  ),
  rx('host-field', /\b(server|data source|host|hostname|computer|machine)(\s*[=:]\s*)(?:tcp:)?[^\s;,<]+/gi, (_m, w: string, sep: string) => `${w}${sep}<host>`),
  rx('email', /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b/g, '<email>'),
  rx('ipv4', /\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b/g, '<ip>'),
  // Full (8 groups) or with "::"; the text is short by then (events store a bounded excerpt).
  rx(
    'ipv6',
    /(?<![\w:])(?:(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}|[0-9a-f]{0,4}(?::[0-9a-f]{1,4}){0,6}::(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4}){0,6})?)(?![\w:])/gi,
    '<ip>',
  ),
  rx('guid', /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<id>'),
  // User names where a message names them: for user 'x', User: DOMAIN\x, user=x, DOMAIN\x.
  rx('user-quoted', /\b(for user|user|login|account|username)(\s+)'[^'\n]{1,128}'/gi, (_m, w: string, sp: string) => `${w}${sp}'<user>'`),
  rx('user-field', /\b(user(?:name| id)?|account|login|uid)(\s*[:=]\s*)(?!<)[^\s;,]+/gi, (_m, w: string, sep: string) => `${w}${sep}<user>`),
  rx('domain-user', /\b[A-Z][A-Z0-9-]{1,14}\\[A-Za-z0-9._$-]{2,}/g, '<user>'),
  // Home folders name their owner: C:\Users\jdoe\..., /home/jdoe/..., /Users/jdoe/...
  rx('home-folder', /(\b[A-Z]:\\Users\\|\/home\/|\/Users\/)[^\\/\s]+/gi, (_m, prefix: string) => `${prefix}<user>`),
  // Long random-looking runs (request ids, keys nobody labelled): letters and digits mixed, 24+ characters.
  rx('opaque-id', /\b[A-Za-z0-9_-]{24,}\b/g, (m) => (/\d/.test(m) && /[A-Za-z]/.test(m) ? '<id>' : m)),
]

/** Replace every secret and personal value in `text` with its placeholder. */
export function redact(text: string): string {
  let s = text
  for (const r of REDACTORS) s = r.apply(s)
  return s
}
