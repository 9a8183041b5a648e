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
  /** Results of one search page, at most (`limit`). */
  searchResults: 50,
  /** Results of one match, at most (`limit`). */
  matchResults: 20,
  /** Articles of one page of the article list, at most (`limit`). */
  articlePage: 100,
  /** Results skipped, at most (`offset` of searches and of the article list): deep pages are not a use. */
  resultOffset: 10_000,
  /**
   * Bytes of a too-large request body read (and dropped) before its 413 is sent, at most: a client
   * still sending when the connection closes loses the answer (http/drain.ts). Past this the 413
   * is sent and the connection closed. 32 MiB: twice the largest KB_MAX_BODY_BYTES, read in well
   * under a second on loopback.
   */
  oversizeBodyDrainBytes: 32 * 1024 * 1024,
  /** Milliseconds spent reading a too-large request body before its 413 is sent anyway, at most. */
  oversizeBodyDrainMs: 10_000,
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
  /**
   * Most inline openers between two blank lines of an article's Markdown (a paragraph, or a list
   * or table without blank lines): `[` of links and images, and the marks of `*`, `_` and `~` runs
   * that could open emphasis. Links and emphasis nest, and the parser's cost grows with the
   * square of their depth (2,000 nested `![` take 15 s, 2,000 nested `*a ` overflow the stack);
   * at 128 the worst paragraph renders in about 0.15 s, at 256 in 0.4 s. The bundled articles and
   * the 262 files of the benchmark corpora have at most 50.
   */
  markdownInlineOpeners: 128,
  /**
   * Deepest nesting of elements in an imported HTML source, in levels, checked after parsing and
   * before conversion to Markdown: the conversion recurses once per level (400 nested tables
   * overflow the stack) and nested inline elements cost more than the square of their depth (256
   * nested `<b>`/`<i>` take 5 s, 800 take 75 s). At 64 the worst chain converts in about 30 ms;
   * real pages and help-center bodies nest 10 to 30 levels.
   */
  importHtmlNesting: 64,
  /**
   * Largest edit distance of a fuzzy search term (`word~2`), as Elasticsearch's fuzziness: the
   * terms within 3 or more edits of a word are most of a vocabulary, and Lunr's automaton for them
   * grows exponentially with the distance (`abcdefghij~9` took 2 GB and the process down).
   */
  fuzzyEditDistance: 2,
  /**
   * Longest fuzzy or wildcard search term, in characters, as typed (before `~` or with its `*`s).
   * The cost of expanding one grows with its length (`a`×1000`~2`); no word is typed this long on
   * purpose. A prefix (`hklm\system\…*`, one trailing `*`) is exempt: it is a binary search of
   * the sorted terms whatever its length. Typo correction of a paste skips longer words too.
   */
  patternTermChars: 64,
  /** Terms (clauses) of one search, at most: each reads its postings. */
  queryClauses: 100,
  /**
   * Index terms all the wildcard and fuzzy terms of one search stand for, at most (Lucene's
   * default maximum clause count): past it the search answers with these, flagged `partial`.
   */
  queryExpansions: 1024,
  /**
   * Steps of the walk that expands the wildcard and fuzzy terms of one search over the sorted
   * index terms (one step: one character tried after a prefix of index terms), at most: past it
   * the search answers with what was found, flagged `partial`. A step takes 0.1-0.6 us, so this is
   * 10-60 ms; a leading wildcard tries every prefix of the index (7,000 for the bundled KB).
   */
  expansionSteps: 100_000,
  /**
   * Symptoms `kb eval --self` asks, at most (every article's first, then every article's second,
   * ...): each is a match, and its rounds rebuild the KB. Enough for a KB of several hundred
   * articles; a larger one is sampled across all its articles.
   */
  selfEvalSymptoms: 2000,
  /**
   * Gap questions (unanswered or rejected) the insights read for `GET /api/insights/gaps` and
   * `kb draft`, at most: the latest ones of the window. Template mining is linear in them (a few
   * milliseconds a thousand); a KB missing more than this many answers a month has its top gaps
   * in the latest ones anyway.
   */
  insightsGapQuestions: 5000,
  /** Groups and one-way rules of a KB's synonyms.yml, at most. */
  synonymGroups: 500,
  /** Terms of one synonym group (or of one one-way rule's `from`), at most. */
  synonymGroupTerms: 20,
  /**
   * Words of one synonym term, at most: a word of a query or paste can be read as a term's words,
   * so this bounds how much synonyms can grow a query. Real ones have one to three.
   */
  synonymTermWords: 6,
} as const

/** The name of each limit as the README's table shows it, with its unit. */
export type LimitName = keyof typeof LIMITS
