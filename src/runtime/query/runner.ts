/**
 * Where search and match work runs. The app asks a QueryRunner; the default runs the work on the
 * event loop in arrival order (WorkQueue); the server uses worker threads (worker-runner.ts), so
 * queries are answered off the main thread while it handles HTTP.
 */
import { ApiError, Errors } from '../../api/errors.js'
import { WorkQueue } from './queue.js'
import { QueryLimitError } from '../../core/engine/engine.js'
import type { KnowledgeBase } from '../kb.js'
import type { MatchParams } from '../../core/match/match.js'
import { search, type SearchParams } from '../../core/search/search.js'
import { type Answer, type MatchAnswer, matchAnswer, searchAnswer } from './answers.js'

/** Runs searches and matches against a given KB (the one the request took on arrival); answers come serialized. */
export interface QueryRunner {
  search(kb: KnowledgeBase, params: SearchParams): Promise<Answer>
  match(kb: KnowledgeBase, params: MatchParams, budgetMs: number): Promise<MatchAnswer>
  /** Queries waiting for their turn. */
  readonly depth: number
  /** Queries answered so far, by the thread that answered them. */
  readonly answered: { worker: number; main: number }
  close(): Promise<void>
}

/** Queries on this thread, one per event-loop turn, in arrival order. */
export class InThreadRunner implements QueryRunner {
  private readonly work = new WorkQueue()
  readonly answered = { worker: 0, main: 0 }

  get depth(): number {
    return this.work.depth
  }

  search(kb: KnowledgeBase, params: SearchParams): Promise<Answer> {
    this.answered.main++
    return this.work.run(() => {
      try {
        return searchAnswer(search(kb.artifact, params))
      } catch (err) {
        throw asApiError(err)
      }
    })
  }

  match(kb: KnowledgeBase, params: MatchParams, budgetMs: number): Promise<MatchAnswer> {
    this.answered.main++
    return this.work.run(() => matchAnswer(kb.matcher.matchRead(params, budgetMs)))
  }

  async close(): Promise<void> {}
}

/** The ApiError the API answers for an error a query raises on purpose (a query over a limit: 400); any other error as it is. */
export function asApiError(err: unknown): unknown {
  return err instanceof QueryLimitError ? Errors.queryTooComplex(err.message) : err
}

/** An error as a worker sends it: its message, and for an ApiError its status and code. */
export function errorReply(id: number, err: unknown): { id: number; error: string; coded?: { statusCode: number; code: string } } {
  const e = asApiError(err)
  const message = e instanceof Error ? e.message : String(e)
  return e instanceof ApiError ? { id, error: message, coded: { statusCode: e.statusCode, code: e.code } } : { id, error: message }
}

/** The error a worker's error reply stands for: the same ApiError when it sent one, else an Error with its message. */
export function errorFromReply(r: { error: string; coded?: { statusCode: number; code: string } }): Error {
  return r.coded ? new ApiError(r.coded.statusCode, r.coded.code, r.error) : new Error(r.error)
}
