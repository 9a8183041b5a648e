/**
 * The artifact loader thread: reads and checks one artifact file and decodes what a server needs
 * into shared memory (read-file.ts, the same code a start uses), then hands the main thread that
 * shared memory in one message (`readArtifactOffThread`) and exits.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { ArtifactError, type ArtifactPiece } from './artifact.js'
import { type ReadOptions, sharedArtifactFromFile } from './read-file.js'

async function main(): Promise<void> {
  const port = parentPort!
  const { file, read } = workerData as { file: string; read: ReadOptions }
  let piece: ArtifactPiece
  try {
    piece = { kind: 'loaded', shared: await sharedArtifactFromFile(file, read) }
  } catch (err) {
    piece = { kind: 'error', message: (err as Error).message, artifactError: err instanceof ArtifactError }
  }
  port.postMessage(piece)
  port.close()
}

void main()
