/**
 * A build thread (threads.ts starts one per core): it takes batches of article files and answers
 * each with processBatch's result, its arrays transferred. Bundled as build/bundle/build-worker.js.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { Synonyms, type SynonymSource } from '../../core/analysis/synonyms.js'
import { type BatchContext, processBatch, transferList } from './batch.js'
import { onParentMessage } from '../../threads.js'

/** What the main thread gives a build thread at its start. */
export interface BuildThreadData {
  dir: string
  display: string
  synonyms: SynonymSource
  includeDrafts: boolean
}

/** A batch to process, and the answer: its result or the reason it failed. */
export type BuildThreadRequest = { batch: number; rels: string[] }
export type BuildThreadReply = { batch: number; result: ReturnType<typeof processBatch> } | { batch: number; error: string }

const data = workerData as BuildThreadData
const context: BatchContext = { dir: data.dir, display: data.display, synonyms: Synonyms.from(data.synonyms), includeDrafts: data.includeDrafts }

onParentMessage(({ batch, rels }: BuildThreadRequest) => {
  let reply: BuildThreadReply
  try {
    const result = processBatch(rels, context)
    parentPort!.postMessage({ batch, result } satisfies BuildThreadReply, transferList(result))
    return
  } catch (err) {
    reply = { batch, error: err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err) }
  }
  parentPort!.postMessage(reply)
})
