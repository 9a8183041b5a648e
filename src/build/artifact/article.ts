/** Making the stored form of an article: its Markdown fields rendered. */
import type { KbArticle } from '../../core/article.js'
import type { ArticleSource } from '../content/schema.js'
import { renderMarkdown } from '../render/markdown.js'

/** Render a validated article's Markdown fields. */
export function toKbArticle(a: ArticleSource): KbArticle {
  return {
    id: a.id,
    title: a.title,
    symptoms: a.symptoms,
    environment: a.environment,
    cause: a.cause === undefined ? null : renderMarkdown(a.cause),
    resolution: renderMarkdown(a.resolution),
    body: renderMarkdown(a.body),
    products: a.products,
    tags: a.tags,
    errorCodes: a.errorCodes,
    references: a.references,
    updated: a.updated ?? null,
    source: a.source,
  }
}
