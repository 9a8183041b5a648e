/**
 * The KB API as seen from a browser: typed from the server's own response schemas, so the widget
 * and the page stop compiling when the API changes shape. Every failure becomes a `KbError` whose
 * message can be shown to a person.
 */
import type { Static } from 'typebox'
import type { ArticleResponse, FeedbackBody, MatchResponse, OpenBody, SearchResponse } from '../../../src/api/schemas.js'

export type SearchResult = Static<typeof SearchResponse>
export type MatchResult = Static<typeof MatchResponse>
export type Article = Static<typeof ArticleResponse>
export type SearchHit = SearchResult['results'][number]
export type MatchHit = MatchResult['results'][number]

export type Mode = 'search' | 'match'
export type Open = OpenBody
export type Feedback = FeedbackBody
export type Verdict = FeedbackBody['verdict']

export class KbError extends Error {
  constructor(
    message: string,
    readonly status = 0,
    readonly code = 'KB_NETWORK',
  ) {
    super(message)
  }
}

export interface Filters {
  limit: number
  product?: string | undefined
}

/** A client for one API base URL (`https://kb.example.com`, or '' for the page's own origin). */
export class KbClient {
  constructor(readonly base: string) {}

  search(q: string, f: Filters, signal?: AbortSignal): Promise<SearchResult> {
    const p = new URLSearchParams({ q, limit: String(f.limit) })
    if (f.product) p.set('product', f.product)
    return this.request<SearchResult>(`/api/search?${p}`, { signal })
  }

  match(text: string, f: Filters, signal?: AbortSignal): Promise<MatchResult> {
    const body: Record<string, unknown> = { text, limit: f.limit }
    if (f.product) body.product = f.product
    return this.request<MatchResult>('/api/match', { ...postJson(body), signal })
  }

  article(id: string, signal?: AbortSignal): Promise<Article> {
    return this.request<Article>(`/api/articles/${encodeURIComponent(id)}`, { signal })
  }

  /** Report that a result was opened; `keepalive`, so it is sent even when the page is left. */
  async open(e: Open): Promise<void> {
    await this.request('/api/events/open', { ...postJson(e), keepalive: true })
  }

  /** Send the visitor's answer to "Did this solve it?". */
  async feedback(f: Feedback): Promise<void> {
    await this.request('/api/feedback', postJson(f))
  }

  /** The hosted page's link to an article. */
  articleUrl(id: string): string {
    return `${this.base}/articles/${encodeURIComponent(id)}`
  }

  private request<T>(path: string, init: RequestInit): Promise<T> {
    return fetchJson<T>(this.base + path, init)
  }
}

const postJson = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })

/** Fetch a JSON answer (never with cookies); any failure becomes a `KbError` a person can read. */
export async function fetchJson<T>(url: string, init: RequestInit): Promise<T> {
  let res: Response
  try {
    res = await fetch(url, { ...init, credentials: 'omit', mode: 'cors' })
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err
    throw new KbError("Can't reach the knowledge base. Check the connection and try again.")
  }
  const json = (await res.json().catch(() => undefined)) as { message?: unknown; code?: unknown } | undefined
  if (!res.ok) {
    const message = typeof json?.message === 'string' ? json.message : `The knowledge base answered ${res.status}.`
    throw new KbError(message, res.status, typeof json?.code === 'string' ? json.code : 'KB_HTTP')
  }
  if (json === undefined) throw new KbError('The knowledge base sent an unreadable answer.', res.status, 'KB_BAD_RESPONSE')
  return json as T
}

/** True for an error raised by aborting a request that a newer one replaced. */
export const isAbort = (err: unknown): boolean => (err as Error | undefined)?.name === 'AbortError'
