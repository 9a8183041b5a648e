/**
 * Decoding log lines whose meaning is in column positions: IIS W3C logs and HTTPERR logs. A line
 * such as `... GET /app - 443 - 10.0.0.9 Mozilla/5.0 - 500 19 13 31` says "HTTP 500.19, Win32 13"
 * only to someone who knows the columns; this spells it out so codes and words can match.
 */

/** Columns that carry the problem, by W3C field name. */
const SPELL: Record<string, (v: string) => string> = {
  'sc-status': (v) => `HTTP ${v}`,
  'sc-substatus': (v) => (v === '0' ? '' : `substatus ${v}`),
  'sc-win32-status': (v) => (v === '0' ? '' : `win32 status ${v}`),
  's-reason': (v) => v,
}

/** Reads a paste's `#Fields:` header, then spells out each data line that follows. */
export class W3cReader {
  private fields: string[] | undefined

  /** Extra text that spells out the codes hidden in a log line ('' if none). */
  explain(line: string): string {
    const trimmed = line.trim()
    if (trimmed.startsWith('#Fields:')) {
      this.fields = trimmed.slice(8).trim().split(/\s+/)
      return ''
    }
    if (trimmed.startsWith('#')) return ''
    if (this.fields) {
      const values = trimmed.split(/\s+/)
      if (values.length === this.fields.length) return this.fromFields(values)
    }
    return fromDefaultLayout(trimmed)
  }

  private fromFields(values: string[]): string {
    const parts: string[] = []
    let status: string | undefined
    let sub: string | undefined
    this.fields!.forEach((f, i) => {
      const v = values[i]!
      if (v === '-' || !SPELL[f]) return
      if (f === 'sc-status') status = v
      if (f === 'sc-substatus') sub = v
      const s = SPELL[f]!(v)
      if (s) parts.push(s)
    })
    if (status && sub && sub !== '0') parts.push(`HTTP ${status}.${sub}`)
    return parts.join(' ')
  }
}

/** Without a header: IIS's default layout ends in `status substatus win32-status time-taken`. */
function fromDefaultLayout(line: string): string {
  // The layout ends in a number: a line that does not is not one (and skips the regex's scan).
  const last = line.charCodeAt(line.length - 1)
  if (!(last >= 48 && last <= 57)) return ''
  const m = /\s([1-5]\d\d) (\d{1,3}) (\d{1,10}) \d+$/.exec(line)
  if (!m) return ''
  const [, status, sub, win32] = m
  return [`HTTP ${status}`, sub !== '0' ? `HTTP ${status}.${sub}` : '', win32 !== '0' ? `win32 status ${win32}` : ''].filter(Boolean).join(' ')
}
