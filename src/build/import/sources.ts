/**
 * The source files the importer reads, and the documents in each: a Markdown file is one document
 * as written; an HTML file is one document, converted to Markdown (html.ts); a JSON file is a
 * Zendesk Help Center articles API response (zendesk.ts), one document per article. Every document
 * carries its frontmatter as a YAML block at the top of its Markdown, so the rest of the importer
 * reads every source the same way.
 */
import path from 'node:path'
import { stringify } from 'yaml'
import { HtmlTooDeepError, htmlToMarkdown } from './html.js'
import { readZendeskArticles, zendeskSourcePath, type ZendeskArticle } from './zendesk.js'

/** File extensions the importer reads, lower case. */
export const SOURCE_EXTENSIONS = ['.md', '.markdown', '.html', '.htm', '.json']

/** One document of a source file: an article to convert, or a reason it is skipped. */
export interface SourceDoc {
  /** The file's path, or for an article of a JSON file `zendesk/<id>-<title slug>`. */
  sourcePath: string
  /** Markdown, frontmatter included as a YAML block; empty when skipped. */
  markdown: string
  /** The frontmatter written into `markdown`, parsed (absent for a Markdown file: its own stays in its text). */
  frontmatter?: Record<string, unknown>
  /** Where the article lives (an article's public page). */
  references?: Array<{ title?: string; url: string }>
  /** Why this document is not imported. */
  skipped?: string
}

/** Markdown with its frontmatter as a YAML block in front (none when there is no frontmatter). */
function withFrontmatter(frontmatter: Record<string, unknown>, markdown: string): string {
  if (Object.keys(frontmatter).length === 0) return markdown
  return `---\n${stringify(frontmatter, { lineWidth: 0 })}---\n\n${markdown}`
}

/** An HTML page as one document; a page nested too deep is skipped. */
function htmlDoc(sourcePath: string, html: string, extra: Record<string, unknown> = {}): SourceDoc {
  try {
    const page = htmlToMarkdown(html)
    const frontmatter = { ...page.frontmatter, ...(page.title ? { title: page.title } : {}), ...extra }
    return { sourcePath, markdown: withFrontmatter(frontmatter, page.markdown), frontmatter }
  } catch (err) {
    if (err instanceof HtmlTooDeepError) return { sourcePath, markdown: '', skipped: err.message }
    throw err
  }
}

/** One Help Center article as a document: its body converted, title, labels and date as frontmatter, its page as the reference. */
function zendeskDoc(article: ZendeskArticle): SourceDoc {
  const sourcePath = zendeskSourcePath(article)
  if (article.draft) return { sourcePath, markdown: '', skipped: 'a draft: not published in the Help Center' }
  const frontmatter: Record<string, unknown> = { title: article.title }
  if (article.labels.length > 0) frontmatter.labels = article.labels
  if (article.updated) frontmatter.updated = article.updated
  const doc = htmlDoc(sourcePath, article.body, frontmatter)
  if (article.url) doc.references = [{ title: article.title, url: article.url }]
  return doc
}

/** The documents of a JSON file: a Zendesk articles API response's articles, else one skipped document. */
function jsonDocs(relPath: string, text: string): SourceDoc[] {
  let json: unknown
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (err) {
    return [{ sourcePath: relPath, markdown: '', skipped: `not valid JSON: ${(err as Error).message}` }]
  }
  const articles = readZendeskArticles(json)
  if (articles === undefined) return [{ sourcePath: relPath, markdown: '', skipped: 'not a Zendesk articles API response' }]
  if (articles.length === 0) return [{ sourcePath: relPath, markdown: '', skipped: 'a Zendesk articles API response with no articles' }]
  return articles.map(zendeskDoc)
}

/** The documents of one source file, by its extension (SOURCE_EXTENSIONS); pure. */
export function readSources(relPath: string, text: string): SourceDoc[] {
  const ext = path.posix.extname(relPath).toLowerCase()
  if (ext === '.md' || ext === '.markdown') return [{ sourcePath: relPath, markdown: text }]
  if (ext === '.html' || ext === '.htm') return [htmlDoc(relPath, text)]
  if (ext === '.json') return jsonDocs(relPath, text)
  return [{ sourcePath: relPath, markdown: '', skipped: `not a source file: the importer reads ${SOURCE_EXTENSIONS.join(', ')}` }]
}
