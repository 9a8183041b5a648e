/**
 * The insights API as the dashboard sees it (`/api/insights/*`, behind the admin token), typed
 * from the server's response schemas. Same origin only: the token never leaves the KB's own page.
 */
import type { Static } from 'typebox'
import type { ArticlesInsightsResponse, DraftResponse, GapsResponse, SearchesInsightsResponse } from '../../../src/api/schemas.js'
import { fetchJson } from './api.js'

export type Gaps = Static<typeof GapsResponse>
export type Gap = Gaps['gaps'][number]
export type ArticleFigures = Static<typeof ArticlesInsightsResponse>
export type ArticleRow = ArticleFigures['articles'][number]
export type Searches = Static<typeof SearchesInsightsResponse>
export type Day = Searches['daily'][number]
export type Draft = Static<typeof DraftResponse>

/** A client holding the admin token for one window (`since`: 7d, 30d, a date). */
export class InsightsClient {
  constructor(
    readonly token: string,
    readonly base = '',
  ) {}

  gaps(since: string, signal?: AbortSignal): Promise<Gaps> {
    return this.get<Gaps>('/api/insights/gaps', since, signal)
  }

  articles(since: string, signal?: AbortSignal): Promise<ArticleFigures> {
    return this.get<ArticleFigures>('/api/insights/articles', since, signal)
  }

  searches(since: string, signal?: AbortSignal): Promise<Searches> {
    return this.get<Searches>('/api/insights/searches', since, signal)
  }

  draft(gapId: string, since: string, signal?: AbortSignal): Promise<Draft> {
    return this.get<Draft>(`/api/insights/gaps/${encodeURIComponent(gapId)}/draft`, since, signal)
  }

  private get<T>(path: string, since: string, signal?: AbortSignal): Promise<T> {
    return fetchJson<T>(`${this.base}${path}?${new URLSearchParams({ since })}`, { headers: { authorization: `Bearer ${this.token}` }, signal })
  }
}
