/**
 * Reading what the Zendesk Help Center articles API returns, saved as a file: a page of the list
 * (`GET /api/v2/help_center/articles.json`: `{"articles": [...], "next_page": ...}`, or with cursor
 * pagination `{"articles": [...], "meta": {...}, "links": {...}}`), one article
 * (`{"article": {...}}`), or a plain array of article objects. Field names are the API's (`id`,
 * `html_url`, `title`, `body` in HTML, `label_names`, `section_id`, `locale`, `updated_at`,
 * `draft`); sources.ts turns each article into a source document.
 */

/** One Help Center article, as the importer reads it. */
export interface ZendeskArticle {
  id: string
  title: string
  /** The article's HTML body. */
  body: string
  /** The public page (`html_url`), when it is an http(s) URL. */
  url?: string
  labels: string[]
  /** `updated_at` (else `edited_at`, `created_at`), as written. */
  updated?: string
  locale?: string
  sectionId?: string
  draft: boolean
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const text = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined

/** True for an object shaped like an API article: an id, a title (or name) and a body. */
function isArticle(v: unknown): v is Record<string, unknown> {
  return isObject(v) && text(v.id) !== undefined && (text(v.title) ?? text(v.name)) !== undefined && typeof v.body === 'string'
}

/** One API article object as a ZendeskArticle. */
function readArticle(a: Record<string, unknown>): ZendeskArticle {
  const url = text(a.html_url)
  const labels = Array.isArray(a.label_names) ? a.label_names.filter((l): l is string => typeof l === 'string' && l.trim() !== '').map((l) => l.trim()) : []
  const article: ZendeskArticle = { id: text(a.id)!, title: (text(a.title) ?? text(a.name))!.trim(), body: a.body as string, labels, draft: a.draft === true }
  if (url && /^https?:\/\//i.test(url)) article.url = url
  const updated = text(a.updated_at) ?? text(a.edited_at) ?? text(a.created_at)
  if (updated) article.updated = updated
  const locale = text(a.locale)
  if (locale) article.locale = locale
  const section = text(a.section_id)
  if (section) article.sectionId = section
  return article
}

/** The articles of a parsed API response, or undefined when it is not one (no article in it has an id, a title and a body). */
export function readZendeskArticles(json: unknown): ZendeskArticle[] | undefined {
  const list = Array.isArray(json)
    ? json
    : isObject(json)
      ? Array.isArray(json.articles)
        ? json.articles
        : isObject(json.article)
          ? [json.article]
          : undefined
      : undefined
  if (list === undefined) return undefined
  // An empty page of a list is still a response: it has no articles.
  if (list.length === 0) return Array.isArray(json) ? undefined : []
  const articles = list.filter(isArticle)
  return articles.length > 0 ? articles.map(readArticle) : undefined
}

/** The source path of an article: `zendesk/<id>-<title slug>`, the title's letters and digits joined by "-". */
export function zendeskSourcePath(article: ZendeskArticle): string {
  const slug = article.title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  const id = article.id.replace(/[^A-Za-z0-9]+/g, '-')
  return `zendesk/${slug ? `${id}-${slug}` : id}`
}
