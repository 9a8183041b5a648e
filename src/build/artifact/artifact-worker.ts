/**
 * The artifact loader thread: reads and checks one artifact file and decodes what a server needs
 * into shared memory (read-file.ts, the same code a start uses), then hands the main thread that
 * shared memory (`readArtifactOffThread`): the store of articles once read, the decoded index
 * after; then it exits. Given a store by the main thread, it reads only the index, terms and
 * postings, and the main thread fills the store meanwhile.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { ArtifactError, type ArtifactPiece, type StoreFilled } from './artifact.js'
import { type ReadOptions, type ReadStore, sharedArtifactFromFile } from './read-file.js'
import type { StoreLayout } from './read.js'

async function main(): Promise<void> {
  const port = parentPort!
  const { file, read, store } = workerData as { file: string; read: ReadOptions; store?: { store: SharedArrayBuffer; layout: StoreLayout } }
  let piece: ArtifactPiece
  try {
    let options: ReadOptions
    if (store) {
      // The main thread reads the article sections into the store it gave while this thread reads and decodes the postings.
      const filled = new Promise<void>((resolve, reject) =>
        port.once('message', (m: StoreFilled) => (m.kind === 'store-filled' ? resolve() : reject(new Error('the store was not filled')))),
      )
      options = { ...read, given: { ...store, filled } }
    } else {
      // The store first: the main thread opens the articles while this thread decodes the postings.
      options = { ...read, onStore: (s: ReadStore) => port.postMessage({ kind: 'store', store: s } satisfies ArtifactPiece) }
    }
    piece = { kind: 'loaded', shared: await sharedArtifactFromFile(file, options) }
  } catch (err) {
    piece = { kind: 'error', message: (err as Error).message, artifactError: err instanceof ArtifactError }
  }
  port.postMessage(piece)
  port.close()
}

void main()
