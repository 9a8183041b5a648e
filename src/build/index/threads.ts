/**
 * Running batches of article files on build threads (node:worker_threads, one per core, at most
 * two): parsing, rendering and analyzing are the build's CPU work, and each article is
 * independent. node:worker_threads rather than a pool library: the pool needed is a queue of
 * batches and two threads, and a thread started from source must register the TypeScript loader
 * first, as the project's other threads do (src/threads.ts). Each thread is sent at
 * most two batches at a time, so what waits for the main thread stays bounded whatever the KB's size.
 */
import { existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import type { Worker } from 'node:worker_threads'
import { startThread, stopThread, threadEntry } from '../../threads.js'
import { type BatchContext, type BatchResult, processBatch } from './batch.js'
import type { BuildThreadData, BuildThreadReply, BuildThreadRequest } from './build-worker.js'

const ENTRY = threadEntry('build-worker', import.meta.url)

/** Batches in flight per thread: one being processed, one waiting, so a thread never waits for the main thread. */
const IN_FLIGHT = 2

/** Below this many files the threads' start costs more than they save (each loads the renderer: about 0.2 s bundled, 1 s from source). */
export const THREADS_FROM_FILES = 200

/** How many build threads to use for `files` files: none for a small KB, else one per core, at most two. */
export function defaultThreads(files: number): number {
  if (files < THREADS_FROM_FILES) return 0
  // A bundle made before the build thread was added has no entry for it: the build then runs on this thread.
  if (!existsSync(fileURLToPath(ENTRY))) return 0
  return Math.min(2, availableParallelism())
}

/**
 * Run every batch, on `threads` build threads (0: on this thread, one batch after the other),
 * handing each result to `onResult` as it comes (in any order; each call finishes before the next
 * starts). Rejects with the first failure, the threads stopped.
 */
export async function runBatches(
  batches: readonly string[][],
  context: BatchContext & { synonymSource: BuildThreadData['synonyms'] },
  threads: number,
  onResult: (batch: number, result: BatchResult) => void | Promise<void>,
): Promise<void> {
  if (threads <= 0) {
    for (const [i, rels] of batches.entries()) await onResult(i, processBatch(rels, context))
    return
  }
  const data: BuildThreadData = { dir: context.dir, display: context.display, synonyms: context.synonymSource, includeDrafts: context.includeDrafts }
  const workers: Worker[] = []
  try {
    await new Promise<void>((resolve, reject) => {
      let next = 0
      let done = 0
      let failed = false
      // Results are handled one after the other (onResult may write to a file), in arrival order.
      let handling = Promise.resolve()
      const fail = (err: Error): void => {
        if (failed) return
        failed = true
        reject(err)
      }
      const send = (w: Worker): void => {
        if (failed || next >= batches.length) return
        const batch = next++
        w.postMessage({ batch, rels: batches[batch]! } satisfies BuildThreadRequest)
      }
      const count = Math.min(threads, batches.length)
      if (count === 0) return resolve()
      for (let i = 0; i < count; i++) {
        const w = start(data, i)
        workers.push(w)
        w.on('message', (reply: BuildThreadReply) => {
          if ('error' in reply) return fail(new Error(`build thread failed on a batch: ${reply.error}`))
          handling = handling
            .then(() => (failed ? undefined : onResult(reply.batch, reply.result)))
            .then(() => {
              if (++done === batches.length) resolve()
              else send(w)
            })
            .catch((err: unknown) => fail(err as Error))
        })
        w.on('error', (err) => fail(new Error(`build thread failed: ${err.message}`, { cause: err })))
        w.on('exit', (code) => {
          if (done < batches.length) fail(new Error(`build thread stopped (exit code ${code}) before the build was done`))
        })
        for (let k = 0; k < IN_FLIGHT; k++) send(w)
      }
    })
  } finally {
    await Promise.all(workers.map((w) => stopThread(w)))
  }
}

/**
 * A build thread's young generation, in MB (V8 makes it three semi-spaces: 64 MB each here, 16 MB
 * by default). Parsing Markdown allocates a great many objects that die within the article; with
 * the default, the scavenger ran so often that it took about a tenth of a build thread's time.
 */
const YOUNG_GENERATION_MB = 192

/** Start a build thread (src/threads.ts: from source, it registers the TypeScript loader first). */
function start(data: BuildThreadData, i: number): Worker {
  return startThread(ENTRY, { name: `kb-build-${i}`, workerData: data, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } })
}
