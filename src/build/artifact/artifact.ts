/**
 * The index artifact: one binary file (write.ts has its layout), a JSON header region then
 * sections. The header is read and checked before anything else, a checksum over the rest catches
 * a truncated or edited file, and nothing time- or order-dependent goes in, so the same input
 * gives byte-identical artifacts. Loading decodes the postings into typed arrays in shared memory
 * (read.ts) and each article's META; the rendered text stays compressed until read (open.ts).
 * This module is the artifact's API: reading (here, or off the main thread), writing, and the
 * build state `kb build --since` starts from.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { startThread, threadEntry } from '../../threads.js'
import { ArtifactError, Inconsistency } from './artifact-error.js'
import { type LoadedArtifact, openArticlesInTurns, openArtifact, openArtifactInTurns, type OpenedArticles, withEngine } from './open.js'
import { asArtifactError, type SharedArtifact, sharedArtifact } from './read.js'
import {
  closeArtifactFile,
  fillStore,
  openArtifactFile,
  type PlannedStore,
  planStore,
  type ReadOptions,
  type ReadStore,
  sharedArtifactFromFile,
  verifyChecksum,
} from './read-file.js'

export { ArtifactError } from './artifact-error.js'
export { type ArtifactInput, type ArtifactHeader, type ArtifactSection, ARTIFACT_FORMAT, encodeArtifact, writeArtifactFile } from './write.js'
export { encodeArticle, StoredArticle } from './stored-article.js'
export type { LoadedArtifact } from './open.js'
export type { SharedArtifact } from './read.js'
export { readBuildState, type BuildState } from './build-state.js'
export { type ArtifactPayload, artifactPayload, serializeArtifact } from './compat.js'
/** The artifact's version covers its layout and every computation it stores (version.ts). */
export { ARTIFACT_VERSION, ARTIFACT_VERSIONS } from './version.js'

/**
 * Write an artifact's bytes atomically (temp file, then rename), so a reader never sees half a
 * file; on failure (a full disk, a folder in the way) the temp file is removed before the error goes on.
 */
export async function writeArtifact(file: string, bytes: Uint8Array | string): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true })
  const tmp = `${file}.${process.pid}.tmp`
  try {
    await writeFile(tmp, bytes)
    await rename(tmp, file)
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => undefined)
    throw err
  }
}

/** Read and check an artifact file; throws ArtifactError with a rebuild hint on any problem. */
export async function readArtifact(file: string): Promise<LoadedArtifact> {
  const shared = await sharedArtifactFromFile(file)
  try {
    return openArtifact(shared)
  } catch (err) {
    throw asArtifactError(err, file)
  }
}

/** Check and load an artifact from its bytes: the checksum is taken over the bytes, before any decoding. Throws ArtifactError. */
export function parseArtifact(raw: Uint8Array, file: string): LoadedArtifact {
  const shared = sharedArtifact(raw, file)
  try {
    return openArtifact(shared)
  } catch (err) {
    throw asArtifactError(err, file)
  }
}

/** One message of the artifact loader thread (artifact-worker.ts) to the main thread. */
export type ArtifactPiece =
  { kind: 'store'; store: ReadStore } | { kind: 'loaded'; shared: SharedArtifact } | { kind: 'error'; message: string; artifactError: boolean }

/** The store of a build being loaded, its article sections read but not yet checked: enough to open its articles (open.ts openArticles). */
export interface BuildStore extends ReadStore {
  buildId: string
}

/** The main thread's word to the loader on the store it gave: filled, or not (then the load stops). */
export type StoreFilled = { kind: 'store-filled' } | { kind: 'store-failed' }

const LOADER = threadEntry('artifact-worker', import.meta.url)

/**
 * `readArtifact` for a server that is answering requests meanwhile: the file is read, checked and
 * its postings decoded into shared memory in a thread of its own, which hands over the shared
 * memory (no copy) and exits with the file's bytes. What is left on the main thread is decoding
 * each article's META, a batch per turn of the event loop (from the store the loader hands over
 * before it decodes the postings, so the two overlap), and the term map (engine.ts).
 * Rejects with the loader's message (an ArtifactError's, with its rebuild hint) on any problem.
 * With `checksumHere` (a server's start, whose main thread has nothing else to do), this thread
 * reads the article sections into the store itself, while the loader thread starts, then takes
 * the checksum over the same open file while the loader decodes; `onChecked` gets the shared
 * memory as soon as it can be trusted (a server's query workers open it from there).
 */
export async function readArtifactOffThread(file: string, options: OffThreadOptions = {}): Promise<LoadedArtifact> {
  if (!options.checksumHere) return loadInThread(file, {}, undefined, options.onChecked)
  // Both threads read the one open file: a file replaced meanwhile is never half one, half the other.
  const fd = await openArtifactFile(file)
  let filling: Promise<unknown> = Promise.resolve()
  let checked: Promise<void> = Promise.resolve()
  try {
    // This thread reads the article sections into the store while the loader thread starts, then
    // reads and decodes the postings: the loader's path to a checked index is the start's longest.
    const plan = await planStore(fd, file)
    const filled = fillStore(fd, file, plan)
    filling = filled.catch(() => undefined)
    // The checksum after the store: both read the same file, and the store is what the loader waits for.
    checked = filled.then(() => verifyChecksum(fd, file))
    checked.catch(() => undefined) // awaited in loadInThread, and before the file is closed
    return await loadInThread(file, { fd, checksum: false }, checked, options.onChecked, { plan, filled, onStored: options.onStored })
  } finally {
    await filling
    await checked.catch(() => undefined)
    await closeArtifactFile(fd)
  }
}

/** How readArtifactOffThread loads. */
export interface OffThreadOptions {
  /** Take the checksum on this thread, over the same open file, while the loader thread decodes. */
  checksumHere?: boolean
  /**
   * Called with the loader's shared memory once it is checked (its checksum matched, its postings
   * decoded), before this thread opens it: other threads can open it meanwhile.
   */
  onChecked?: (shared: SharedArtifact) => void
  /**
   * With `checksumHere`: called with the store once this thread has read the article sections into
   * it, before the checksum is taken or the postings decoded (other threads may open the articles
   * meanwhile, to use once `onChecked` says the build can be trusted).
   */
  onStored?: (store: ReadStore, buildId: string) => void
}

/** The loader thread's half of readArtifactOffThread; the articles are opened here once `checked` (the checksum taken here) settles. */
function loadInThread(
  file: string,
  read: ReadOptions,
  checked?: Promise<void>,
  onChecked?: (shared: SharedArtifact) => void,
  given?: { plan: PlannedStore; filled: Promise<ReadStore>; onStored?: OffThreadOptions['onStored'] },
): Promise<LoadedArtifact> {
  return new Promise((resolve, reject) => {
    const store = given && { store: given.plan.store, layout: given.plan.layout }
    const worker = startThread(LOADER, { name: 'kb-artifact-loader', workerData: { file, read, store } })
    let received = false
    let settled = false
    const settle = (err: Error | undefined, artifact?: LoadedArtifact) => {
      if (settled) return
      settled = true
      void worker.terminate()
      if (err) reject(err)
      else resolve(artifact!)
    }
    let opened: Promise<OpenedArticles> | undefined
    if (given) {
      // The articles are opened here once this thread has read them; the loader is told, as it waits for them to decode.
      given.filled.then(
        (s) => {
          worker.postMessage({ kind: 'store-filled' } satisfies StoreFilled)
          given.onStored?.(s, given.plan.header.buildId)
          opened = openArticlesInTurns(s.store, s.layout, s.docCount)
          opened.catch(() => undefined) // awaited below
        },
        (err: Error) => {
          worker.postMessage({ kind: 'store-failed' } satisfies StoreFilled)
          settle(err)
        },
      )
    }
    worker.on('message', (piece: ArtifactPiece) => {
      if (piece.kind === 'store') {
        // Opened on this thread while the loader decodes the postings; used once the checksum matched.
        opened = openArticlesInTurns(piece.store.store, piece.store.layout, piece.store.docCount)
        opened.catch(() => undefined) // awaited below
        return
      }
      received = true // the thread exits now: that is no longer a failure
      if (piece.kind === 'error') {
        const err = piece.artifactError ? new RelayedArtifactError(piece.message) : new Error(piece.message)
        // A checksum that does not match says more than what decoding the changed bytes ran into.
        return void Promise.resolve(checked).then(
          () => settle(err),
          (checksumErr: Error) => settle(checksumErr),
        )
      }
      Promise.resolve(checked)
        .then(async () => {
          if (onChecked) {
            onChecked(piece.shared)
            await nextTurn() // whoever onChecked wakes hands the memory on before this thread opens it
          }
          return opened ? withEngine(piece.shared, await opened) : openArtifactInTurns(piece.shared)
        })
        .then(
          (a) => settle(undefined, a),
          (err: unknown) =>
            settle(
              err instanceof ArtifactError
                ? err
                : err instanceof Inconsistency
                  ? asArtifactError(err, file)
                  : new ArtifactError(file, `it is corrupt (${(err as Error).message})`),
            ),
        )
    })
    worker.on('error', (err) => settle(new Error(`the artifact loader thread failed loading ${file}: ${err.message}`)))
    worker.on('exit', (code) => received || settle(new Error(`the artifact loader thread exited (code ${code}) before loading ${file}`)))
  })
}

/** An ArtifactError raised in the loader thread, rebuilt on this side with its message. */
class RelayedArtifactError extends ArtifactError {
  constructor(message: string) {
    super('', '')
    this.message = message
  }
}
