/**
 * The time windows of insights: `since` (and `before`) as an ISO date or time, or relative to now
 * (`7d`, `24h`, `2w`), read the same by the API and the `kb report` and `kb draft` commands.
 * Every form is read in UTC unless it carries an offset, and a moment is checked against the
 * range its use allows before it reaches the database (PostgreSQL refuses years past 9999).
 */

/** The window insights cover when none is given. */
export const DEFAULT_SINCE = '30d'

/** Longest window, in days: ten years, the most KB_EVENTS_RETENTION_DAYS keeps. */
export const MAX_WINDOW_DAYS = 3650

const HOUR_MS = 3_600_000
/** Milliseconds in a day. */
export const DAY_MS = 24 * HOUR_MS
const UNIT_MS: Record<string, number> = { h: HOUR_MS, d: DAY_MS, w: 7 * DAY_MS }

/**
 * The moments any `since` or `before` may name: no event predates the Unix epoch (events are
 * stamped by this service's clock), and 9999 is the last year a four-digit form prints.
 */
export const EARLIEST_MOMENT = new Date('1970-01-01T00:00:00.000Z')
export const LATEST_MOMENT = new Date('9999-12-31T23:59:59.999Z')

/** What `since` accepts, in words (the 400 message says it). */
export const SINCE_FORMS = 'a date (2026-11-01), an ISO time (2026-11-01T08:00:00Z) or a span before now (24h, 7d, 2w)'

/** Where a `since` may fall, in words (the 400 message of one out of range). */
export const SINCE_RANGE = `at most ten years (${MAX_WINDOW_DAYS}d) before now, and not after now`

/** Where a `before` may fall, in words: a future moment is allowed, and deletes every event written so far. */
export const BEFORE_RANGE = 'from 1970-01-01 to 9999-12-31 (UTC)'

/** YYYY-MM-DD, then optionally a time (T, t or a space) with seconds, fractions and an offset (Z, ±HH, ±HHMM, ±HH:MM) as RFC 3339 and PostgreSQL print them. */
const ABSOLUTE = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?([Zz]|([+-])(\d{2})(?::?(\d{2}))?)?)?$/

/**
 * The moment a `since` or `before` names, whatever the range (the callers check it): `7d` is seven
 * days before `now` (up to six digits); `2026-11-01` is that day's start and `2026-11-01T08:00`
 * that time, in UTC unless an offset is given. Undefined when the value is neither, or names a
 * calendar date or time that does not exist (2026-02-30, 25:00): refused, not rolled over.
 */
export function parseMoment(value: string, now: Date = new Date()): Date | undefined {
  const v = value.trim()
  const rel = /^(\d{1,6})([hdw])$/.exec(v)
  if (rel) return new Date(now.getTime() - Number(rel[1]) * UNIT_MS[rel[2]!]!)
  const m = ABSOLUTE.exec(v)
  if (!m) return undefined
  const [year, month, day, hour = 0, minute = 0, second = 0] = m.slice(1, 7).map((s) => (s === undefined ? undefined : Number(s)))
  const offsetHours = Number(m[10] ?? 0)
  const offsetMinutes = Number(m[11] ?? 0)
  if (hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMinutes > 59) return undefined
  // setUTCFullYear, not Date.UTC: Date.UTC reads the years 0-99 as 1900-1999.
  const date = new Date(0)
  date.setUTCFullYear(year!, month! - 1, day!)
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month! - 1 || date.getUTCDate() !== day) return undefined
  const millis = Number((m[7] ?? '').slice(0, 3).padEnd(3, '0'))
  const offsetMs = (m[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000
  return new Date(date.getTime() + ((hour * 60 + minute) * 60 + second) * 1000 + millis - offsetMs)
}

/** True when a moment is one any `since` or `before` may name (EARLIEST_MOMENT to LATEST_MOMENT). */
export function isSaneMoment(at: Date): boolean {
  return at.getTime() >= EARLIEST_MOMENT.getTime() && at.getTime() <= LATEST_MOMENT.getTime()
}

/** True when a moment may start a window ending `now`: at most ten years before it, and not after it. */
export function isSinceInRange(at: Date, now: Date = new Date()): boolean {
  return isSaneMoment(at) && at.getTime() <= now.getTime() && at.getTime() >= now.getTime() - MAX_WINDOW_DAYS * DAY_MS
}

/**
 * The moment a window starts (parseMoment), when it may start one (isSinceInRange). Undefined
 * otherwise: a window would be empty (a `since` after now) or longer than ten years.
 */
export function parseSince(value: string, now: Date = new Date()): Date | undefined {
  const at = parseMoment(value, now)
  return at && isSinceInRange(at, now) ? at : undefined
}

/**
 * The moment events are deleted before (parseMoment), within the sane range: a moment in the
 * future is allowed ("delete everything written so far"), not one PostgreSQL cannot store.
 */
export function parseBefore(value: string, now: Date = new Date()): Date | undefined {
  const at = parseMoment(value, now)
  return at && isSaneMoment(at) ? at : undefined
}

/** The UTC days from `from` to `to` (inclusive), as YYYY-MM-DD, at most MAX_WINDOW_DAYS + 1. */
export function daysBetween(from: Date, to: Date): string[] {
  const days: string[] = []
  const start = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate())
  for (let t = start; t <= to.getTime() && days.length <= MAX_WINDOW_DAYS; t += DAY_MS) days.push(new Date(t).toISOString().slice(0, 10))
  return days
}
