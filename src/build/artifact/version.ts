/**
 * The artifact's version: one component for each computation it stores, so that an artifact
 * built by older code is refused (with a rebuild hint) rather than loaded with stale data. Each
 * component is the version of the code that computes that part; bump the one whose output
 * changed. test/artifact-version.test.ts keeps a digest of each part for a fixture KB and fails
 * when a part changes while its version stays.
 */
import { ANALYSIS_VERSION } from '../../core/analysis/pipeline.js'
import { CODES_VERSION } from '../../core/match/signals.js'

/** Every stored computation, with the version of the code that makes it. */
export const ARTIFACT_VERSIONS = {
  /**
   * The file's layout (write.ts). 4: the version gained its components. 5: the index carries its
   * synonyms. 6: binary: a padded JSON header region, then sections (varint postings, terms, a
   * forward index, per article its META as JSON and its rendered text compressed), 8-byte aligned.
   * 7: a posting's article step and field in one varint, weights unsigned; forward counts of 1 in a bit.
   * 8: an `articles.keys` section (each article's id and codes), so a server decodes an article's
   * META only when it is first asked for.
   */
  layout: 8,
  /** The stored articles: cause, resolution and body rendered to HTML and text (build/render). */
  render: 1,
  /** The index's terms: tokenizer and pipeline (core/analysis, ANALYSIS_VERSION). */
  analysis: ANALYSIS_VERSION,
  /** The index's weights: Lunr's BM25 with the boosts of core/fields.ts, kept ×1000 (core/engine compactFromBuilder). */
  index: 1,
  /** Each article's match codes (core/match: signals.ts, codes.ts, profile.articleCodes; CODES_VERSION). */
  codes: CODES_VERSION,
} as const
export type ArtifactComponent = keyof typeof ARTIFACT_VERSIONS

/** The version an artifact's header carries: the components in the order above, `layout.render.analysis.index.codes`. */
export const ARTIFACT_VERSION = Object.values(ARTIFACT_VERSIONS).join('.')
