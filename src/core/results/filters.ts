/** Product and tag filters, shared by search, match and the article list. */
import type { KbArticle } from '../article.js'

/** Optional filters a client may pass. */
export interface ArticleFilter {
  product?: string
  tag?: string
}

const norm = (s: string): string => s.trim().toLowerCase()

/** True when the article carries the product and the tag asked for (case-insensitive). */
export function matchesFilter(a: KbArticle, f: ArticleFilter): boolean {
  if (f.product && !a.products.some((p) => norm(p) === norm(f.product!))) return false
  if (f.tag && !a.tags.some((t) => norm(t) === norm(f.tag!))) return false
  return true
}
