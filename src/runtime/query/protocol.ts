/** Messages between the main thread and the query worker. */
import type { BuildStore, SharedArtifact } from '../../build/artifact/artifact.js'
import type { MatchParams } from '../../core/match/match.js'
import type { SearchParams } from '../../core/search/search.js'

/**
 * A loaded KB as the worker receives it: the artifact's shared memory (the index arrays, the terms,
 * the article records with their bodies compressed), which the worker opens itself: nothing is copied.
 */
export type SharedKb = SharedArtifact

/**
 * Builds a worker keeps: the current one and the one before it, for requests that arrived before a
 * swap. The main thread tracks which builds each worker holds by the same number.
 */
export const KEPT_BUILDS = 2

/**
 * The store of a build being loaded, before its postings are decoded and its checksum is checked:
 * a worker opens its articles meanwhile, and uses them only when the build's `load` comes.
 */
export type StoredKb = BuildStore

export type WorkerRequest =
  | { id: number; type: 'store'; stored: StoredKb }
  | { id: number; type: 'load'; kb: SharedKb }
  | { id: number; type: 'search'; buildId: string; params: SearchParams }
  | { id: number; type: 'match'; buildId: string; params: MatchParams; budgetMs: number }

/**
 * ok with the result; missing when the worker does not hold that build; error with a message, and
 * for an error the API answers on purpose (an ApiError: a query over a limit) its status and code,
 * so that the main thread raises the same ApiError (an Error does not cross threads with its
 * class). `died` is made by the main thread, never sent: the worker exited while running the query.
 */
export type WorkerReply =
  | { id: number; ok: true; result?: unknown }
  | { id: number; missing: true }
  | { id: number; error: string; coded?: { statusCode: number; code: string } }
  | { id: number; died: true }
