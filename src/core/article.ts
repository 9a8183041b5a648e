/**
 * The article as the artifact stores it and the API serves it (Markdown rendered), and the
 * indexed KB the core searches and matches over. Types only: the core does no I/O, and the build
 * layer (build/artifact) makes these from validated articles.
 */
import type { SearchEngine } from './engine/engine.js'

/** One Markdown field in its three forms. */
export interface RenderedText {
  markdown: string
  html: string
  text: string
}

/** A reference of an article: a URL, with a title when the author gave one. */
export interface ArticleReference {
  title?: string
  url: string
}

/** An article in the artifact: structured fields plus each Markdown field rendered three ways. */
export interface KbArticle {
  id: string
  title: string
  symptoms: string[]
  environment: string[]
  /** Null when the article states no cause (KCS allows it). */
  cause: RenderedText | null
  resolution: RenderedText
  body: RenderedText
  products: string[]
  tags: string[]
  errorCodes: string[]
  references: ArticleReference[]
  updated: string | null
  source: string
}

/** What search and matching read of a loaded KB: its articles, their codes, and the index. */
export interface IndexedKb {
  articles: KbArticle[]
  /** Per article: the codes the matcher recognizes in it. */
  codes: string[][]
  /** The index; its document numbers are positions in `articles`. */
  index: SearchEngine
}
