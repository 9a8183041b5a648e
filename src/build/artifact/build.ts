/**
 * Building the index: validated articles -> rendered records -> one Lunr index -> artifact bytes.
 */
import lunr from 'lunr'
import { configureBuilder } from '../../core/analysis/pipeline.js'
import { BUILTIN_ONLY, Synonyms, type SynonymSource } from '../../core/analysis/synonyms.js'
import { ContentError, NoArticlesError } from '../content/problems.js'
import { type LoadOptions, loadArticles } from '../content/load.js'
import type { ArticleSource } from '../content/schema.js'
import type { KbArticle } from '../../core/article.js'
import { toKbArticle } from './article.js'
import { serializeArtifact } from './artifact.js'
import { type CompactIndex, compactFromBuilder } from '../../core/engine/engine.js'
import { FIELDS, FIELD_NAMES } from '../../core/fields.js'
import { articleCodes } from '../../core/match/profile.js'

/** Index rendered articles with Lunr (in the given order) and keep its weights compactly, with the synonyms they were analyzed with. */
export function buildIndex(articles: KbArticle[], synonyms: SynonymSource = BUILTIN_ONLY): CompactIndex {
  const builder = new lunr.Builder()
  configureBuilder(builder, Synonyms.from(synonyms))
  builder.ref('id')
  for (const f of FIELDS) builder.field(f.name, { boost: f.boost, extractor: (doc: object) => f.extract(doc as KbArticle) })
  for (const a of articles) builder.add(a)
  return {
    ...compactFromBuilder(
      builder,
      FIELD_NAMES,
      articles.map((a) => a.id),
    ),
    synonyms,
  }
}

/**
 * Render and index validated articles (in id order, so the output is deterministic) with the KB's
 * synonyms (default: the built-in list only), returning the artifact's bytes.
 */
export function buildArtifact(sources: ArticleSource[], synonyms: SynonymSource = BUILTIN_ONLY): { bytes: string; articles: KbArticle[] } {
  const articles = [...sources].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map(toKbArticle)
  const index = buildIndex(articles, synonyms)
  return { bytes: serializeArtifact({ articles, index, codes: articles.map(articleCodes) }), articles }
}

/**
 * Load, validate and build a folder of articles (drafts only with `includeDrafts`); throws
 * ContentError listing every problem, and NoArticlesError when the folder has no article (an
 * empty KB is a mistake, not a build).
 */
export async function buildFromFolder(dir: string, options: LoadOptions = {}) {
  const { articles, synonyms, problems } = await loadArticles(dir, dir, options)
  if (problems.some((p) => p.severity === 'error')) throw new ContentError(problems)
  if (articles.length === 0) throw new NoArticlesError(dir, problems)
  return { ...buildArtifact(articles, synonyms), problems }
}
