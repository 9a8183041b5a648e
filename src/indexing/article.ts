/** The article as the artifact stores it and the API serves it: Markdown rendered. */
import type { ArticleReference, ArticleSource } from '../content/schema.js'
import { renderMarkdown, type RenderedText } from '../render/markdown.js'

/** An article in the artifact: structured fields plus each Markdown field rendered three ways. */
export interface KbArticle {
  id: string
  title: string
  symptoms: string[]
  environment: string[]
  cause: RenderedText
  resolution: RenderedText
  body: RenderedText
  products: string[]
  tags: string[]
  errorCodes: string[]
  references: ArticleReference[]
  updated: string | null
  source: string
}

/** Render a validated article's Markdown fields. */
export function toKbArticle(a: ArticleSource): KbArticle {
  return {
    id: a.id,
    title: a.title,
    symptoms: a.symptoms,
    environment: a.environment,
    cause: renderMarkdown(a.cause),
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
