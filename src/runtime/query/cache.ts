/**
 * Search answers kept by build and query. A build is immutable, so an answer never goes stale: it
 * is only dropped to stay within the size bound (least recently used first), and a new build
 * simply has other keys. A support portal asks the same few searches again and again (popular
 * problems, type-ahead, several agents on the same incident); those are then answered without
 * running the query. Identical searches that arrive while the first is running wait for it
 * instead of running again. Matches are not cached: pasted logs carry timestamps and ids, so two
 * pastes are rarely the same text.
 */
import { LRUCache } from 'lru-cache'
import type { KnowledgeBase } from '../kb.js'
import type { SearchParams } from '../../core/search/search.js'
import type { Answer } from './answers.js'

/** How a search was answered: from the cache, by the query it joined, or by running it. */
export type CacheOutcome = 'hit' | 'miss' | 'bypass'

/** The cache key: the build and every parameter that changes the answer (filters compare case-insensitively). */
export function searchKey(buildId: string, p: SearchParams): string {
  const norm = (s: string | undefined) => s?.trim().toLowerCase() ?? ''
  return JSON.stringify([buildId, p.q, p.limit, p.offset, norm(p.product), norm(p.tag)])
}

/** Search answers by (build, query), bounded in bytes. */
export class SearchCache {
  private readonly answers: LRUCache<string, Answer> | undefined
  private readonly running = new Map<string, Promise<Answer>>()
  /** Searches by outcome so far (for /metrics). */
  readonly counts: Record<CacheOutcome, number> = { hit: 0, miss: 0, bypass: 0 }

  /** maxBytes: the answers' total size (UTF-16, as held); 0 turns the cache off. */
  constructor(maxBytes: number) {
    this.answers =
      maxBytes > 0
        ? new LRUCache<string, Answer>({ maxSize: maxBytes, sizeCalculation: (a, key) => 2 * (a.json.length + key.length + a.resultIds.join('').length) + 64 })
        : undefined
  }

  /** Answers held, and their size in bytes. */
  get size(): { entries: number; bytes: number } {
    return { entries: this.answers?.size ?? 0, bytes: this.answers?.calculatedSize ?? 0 }
  }

  /**
   * The answer of a search: kept, or being made, or made now by `run` (and kept). `fresh` (the
   * client sent `Cache-Control: no-cache`) runs the search whatever is kept, and keeps the new answer.
   */
  async answer(kb: KnowledgeBase, params: SearchParams, fresh: boolean, run: () => Promise<Answer>): Promise<{ answer: Answer; outcome: CacheOutcome }> {
    if (!this.answers) return { answer: await run(), outcome: 'miss' }
    const key = searchKey(kb.artifact.header.buildId, params)
    if (!fresh) {
      // Looked up before any await, so identical searches arriving together find the first one running.
      const running = this.running.get(key)
      const kept = this.answers.get(key) ?? (running && (await running))
      if (kept) {
        this.counts.hit++
        return { answer: kept, outcome: 'hit' }
      }
    }
    this.counts[fresh ? 'bypass' : 'miss']++
    const pending = run()
    if (!fresh) this.running.set(key, pending)
    try {
      const answer = await pending
      this.answers.set(key, answer)
      return { answer, outcome: fresh ? 'bypass' : 'miss' }
    } finally {
      if (this.running.get(key) === pending) this.running.delete(key)
    }
  }
}
