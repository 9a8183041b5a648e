/**
 * The artifact loader thread: reads, checks and parses one artifact file (artifact.ts, the same
 * code a start uses) and builds its index arrays in shared memory, then hands the result to the
 * main thread a piece at a time, each piece when asked for the next (`readArtifactOffThread`).
 * The file's bytes and its JSON text never leave this thread, which exits when done, so they go
 * with it.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { ArtifactError, type ArtifactPiece, readArtifact } from './artifact.js'

/** Articles per piece: about 0.7 MB and 5 ms to receive on the main thread (generated KB, 7 KB an article). */
const ARTICLES_PER_PIECE = 100
/** Index terms per piece. */
const TERMS_PER_PIECE = 20_000

async function main(): Promise<void> {
  const port = parentPort!
  const { file } = workerData as { file: string }
  const queue: ArtifactPiece[] = []
  try {
    const a = await readArtifact(file)
    const engine = a.index.parts()
    queue.push({ kind: 'start', header: a.header, bytes: a.bytes, engine: { ...engine, terms: [] } })
    for (let i = 0; i < engine.terms.length; i += TERMS_PER_PIECE) queue.push({ kind: 'terms', items: engine.terms.slice(i, i + TERMS_PER_PIECE) })
    for (let i = 0; i < a.articles.length; i += ARTICLES_PER_PIECE) {
      queue.push({ kind: 'articles', items: a.articles.slice(i, i + ARTICLES_PER_PIECE), codes: a.codes.slice(i, i + ARTICLES_PER_PIECE) })
    }
    queue.push({ kind: 'end' })
  } catch (err) {
    queue.push({ kind: 'error', message: (err as Error).message, artifactError: err instanceof ArtifactError })
  }
  // One piece per request: the main thread receives each in a turn of its own, between requests.
  let next = 0
  const send = () => {
    const piece = queue[next]
    queue[next++] = undefined as unknown as ArtifactPiece // sent: this thread no longer needs it
    port.postMessage(piece)
    if (piece?.kind === 'end' || piece?.kind === 'error') port.close()
  }
  port.on('message', send)
  send()
}

void main()
