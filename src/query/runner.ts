/**
 * Where search and match work runs. The app asks a QueryRunner; the default runs the work on the
 * event loop in arrival order (WorkQueue); the server uses a worker thread (worker-runner.ts) so
 * the second core answers queries while the main thread handles HTTP.
 */
import { WorkQueue } from '../http/queue.js'
import type { KnowledgeBase } from '../kb.js'
import type { MatchParams } from '../match/match.js'
import { search, type SearchParams } from '../search/search.js'
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
    return this.work.run(() => searchAnswer(search(kb.artifact, params)))
  }

  match(kb: KnowledgeBase, params: MatchParams, budgetMs: number): Promise<MatchAnswer> {
    this.answered.main++
    return this.work.run(() => matchAnswer(kb.matcher.match(params, budgetMs)))
  }

  async close(): Promise<void> {}
}
