/**
 * Every limit a client, an author or an artifact meets, in one place. Each is enforced where its
 * input is read, by importing it from here, and the README's table of limits is this object
 * (test/limits.test.ts checks that the two agree). Change a limit here, and only here.
 */
export const LIMITS = {
  /** Longest `q` of a search, in characters. */
  searchQueryChars: 1000,
  /** Lines of a paste read, at most; the rest are ignored. */
  pasteLines: 4000,
  /** Characters of one pasted line read, at most; the rest of the line is ignored. */
  pasteLineChars: 2000,
  /** Longest product or tag filter, in characters. */
  filterChars: 200,
} as const

/** The name of each limit as the README's table shows it, with its unit. */
export type LimitName = keyof typeof LIMITS
