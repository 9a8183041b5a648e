/**
 * The artifact loader thread: reads and checks one artifact file and decodes what a server needs
 * into shared memory (read-file.ts, the same code a start uses), then hands the main thread that
 * shared memory (`readArtifactOffThread`): the store of articles once read, the decoded index
 * after; then it exits.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { ArtifactError, type ArtifactPiece } from './artifact.js'
import { type ReadOptions, type ReadStore, sharedArtifactFromFile } from './read-file.js'

async function main(): Promise<void> {
  const port = parentPort!
  const { file, read } = workerData as { file: string; read: ReadOptions }
  let piece: ArtifactPiece
  try {
    // The store first: the main thread opens the articles while this thread decodes the postings.
    const onStore = (store: ReadStore) => port.postMessage({ kind: 'store', store } satisfies ArtifactPiece)
    piece = { kind: 'loaded', shared: await sharedArtifactFromFile(file, { ...read, onStore }) }
  } catch (err) {
    piece = { kind: 'error', message: (err as Error).message, artifactError: err instanceof ArtifactError }
  }
  port.postMessage(piece)
  port.close()
}

void main()
