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
  /**
   * Longest article id, in characters. The id is the path parameter of `GET /api/articles/:id`,
   * so the router's parameter limit and the API's id schema use this too: any id lint accepts can
   * be fetched.
   */
  articleIdChars: 100,
  /**
   * Deepest nesting of block quotes and list items in an article's Markdown (body, cause,
   * resolution), in levels, checked before the Markdown parser runs. Rendering recurses once per
   * level and a list costs the square of its depth: 32 levels render in about 50 ms, 128 in 450 ms,
   * 800 in 29 s, and 3,000 `>` overflow the stack. Real articles nest a handful of levels.
   */
  markdownNesting: 32,
} as const

/** The name of each limit as the README's table shows it, with its unit. */
export type LimitName = keyof typeof LIMITS
