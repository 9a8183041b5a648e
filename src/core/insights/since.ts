/**
 * The time windows of insights: `since` (and `before`) as an ISO date or time, or relative to now
 * (`7d`, `24h`, `2w`), read the same by the API and the `kb report` and `kb draft` commands.
 */

/** The window insights cover when none is given. */
export const DEFAULT_SINCE = '30d'

/** Longest window, in days: ten years, the most KB_EVENTS_RETENTION_DAYS keeps. */
export const MAX_WINDOW_DAYS = 3650

const HOUR_MS = 3_600_000
const UNIT_MS: Record<string, number> = { h: HOUR_MS, d: 24 * HOUR_MS, w: 7 * 24 * HOUR_MS }

/** What `since` accepts, in words (the 400 message says it). */
export const SINCE_FORMS = 'a date (2026-11-01), an ISO time (2026-11-01T08:00:00Z) or a span before now (24h, 7d, 2w)'

/**
 * The moment a window starts: `7d` is seven days before `now`; `2026-11-01` is that day's start
 * (UTC). Undefined when the value is neither, or the span is longer than ten years.
 */
export function parseSince(value: string, now: Date = new Date()): Date | undefined {
  const v = value.trim()
  const rel = /^(\d{1,6})([hdw])$/.exec(v)
  if (rel) {
    const ms = Number(rel[1]) * UNIT_MS[rel[2]!]!
    return ms <= MAX_WINDOW_DAYS * UNIT_MS.d! ? new Date(now.getTime() - ms) : undefined
  }
  if (!/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(v)) return undefined
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : v)
  if (Number.isNaN(date.getTime())) return undefined
  // A calendar date that does not exist (2026-02-30) is refused, not rolled over.
  if (/^\d{4}-\d{2}-\d{2}$/.test(v) && date.toISOString().slice(0, 10) !== v) return undefined
  return date
}

/** The UTC days from `from` to `to` (inclusive), as YYYY-MM-DD, at most MAX_WINDOW_DAYS + 1. */
export function daysBetween(from: Date, to: Date): string[] {
  const days: string[] = []
  const start = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate())
  for (let t = start; t <= to.getTime() && days.length <= MAX_WINDOW_DAYS; t += UNIT_MS.d!) days.push(new Date(t).toISOString().slice(0, 10))
  return days
}
