/**
 * Knowledge gaps: the questions the KB did not answer (no confident match, no result) or whose
 * answers users rejected, grouped into templates (templates.ts) by the first line the matcher
 * read as the error, with what the KB knows of the codes read (the products of its articles that
 * list them). Pure: the questions come from the events database (runtime/events/insights.ts).
 */
import { mineTemplates } from './templates.js'

/** A question that is a gap, as read from the events. */
export interface GapQuestion {
  at: Date
  kind: 'search' | 'match'
  /** The stored question: redacted and normalized, one line per line read. */
  text: string
  codes: string[]
  /** Times it was asked with the same answer (one stored row); 1 when not said. */
  count?: number
  /** True when a user said an answer was not related, or related but did not solve it. */
  rejected: boolean
  /** How many of its answers users rejected; 1 when `rejected` and not said. */
  rejections?: number
}

/** One group of gap questions: one error, whatever its values. */
export interface Gap {
  /** Stable while the group's template does not change: a hash of the codes and the template. */
  id: string
  /** The first line, `<*>` where the questions' values differ. */
  template: string
  count: number
  firstSeen: string
  lastSeen: string
  /** The latest question of the group, as stored (redacted). */
  example: string
  codes: string[]
  /** Products of the KB's articles that list one of the codes; none when no article does. */
  products: string[]
  /** Questions of the group whose answer a user rejected. */
  rejected: number
}

/** Codes and products listed on a gap, at most. */
const MAX_LISTED = 20

/** The first line of a stored question: what its template is mined from. */
export function firstLine(text: string): string {
  const nl = text.indexOf('\n')
  return (nl < 0 ? text : text.slice(0, nl)).trim()
}

/**
 * Group gap questions (any order) into gaps, largest first (then most recent); `productsOf`
 * gives the products of the KB's articles listing a code. Returns the gaps and how many questions
 * were left out because the miner's bounds were reached.
 */
export function groupGaps(questions: readonly GapQuestion[], productsOf: (code: string) => readonly string[]): { gaps: Gap[]; overflow: number } {
  // Oldest first, so a group's first line is its oldest and the result does not depend on the read order.
  const sorted = [...questions].sort((a, b) => a.at.getTime() - b.at.getTime() || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0))
  const { groups, overflow } = mineTemplates(sorted.map((q) => ({ text: firstLine(q.text), key: [...new Set(q.codes)].sort().join(' ') })))
  const gaps = groups.map((g) => {
    const members = g.members.map((i) => sorted[i]!)
    const last = members[members.length - 1]!
    const codes = [...new Set(members.flatMap((q) => q.codes))].sort().slice(0, MAX_LISTED)
    const products = [...new Set(codes.flatMap((c) => productsOf(c)))].sort().slice(0, MAX_LISTED)
    return {
      id: g.id,
      template: g.template,
      count: members.reduce((n, q) => n + (q.count ?? 1), 0),
      firstSeen: members[0]!.at.toISOString(),
      lastSeen: last.at.toISOString(),
      example: last.text,
      codes,
      products,
      rejected: members.reduce((n, q) => n + (q.rejected ? (q.rejections ?? 1) : 0), 0),
    }
  })
  gaps.sort((a, b) => b.count - a.count || (a.lastSeen < b.lastSeen ? 1 : a.lastSeen > b.lastSeen ? -1 : 0) || (a.id < b.id ? -1 : 1))
  return { gaps, overflow }
}
