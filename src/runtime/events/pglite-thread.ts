/**
 * The thread PGlite runs in. PGlite is PostgreSQL compiled to WebAssembly and runs on the thread
 * that calls it: on the server's main thread a batch of 500 events held the event loop for
 * 30-45 ms, and search p99 at 10,000 articles went from 17 ms to 217 ms with events on. Here it
 * blocks nobody. One statement at a time, in the order received (PGlite has one session, so a
 * transaction's BEGIN ... COMMIT arrive as separate messages and db.ts keeps others out meanwhile).
 * It runs at a lower CPU priority than the threads that answer (runInBackground): on a machine
 * whose cores are all busy, a batch of events waits for answers, not the other way round; if it
 * waits too long the writer's bounded buffer fills and new events are counted as dropped.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { parentPort, workerData } from 'node:worker_threads'
import { runInBackground } from '../../threads.js'
import type { PgliteReply, PgliteRequest, PgliteThreadData } from './pglite-protocol.js'

/** PGlite's buffer cache (PostgreSQL's shared_buffers). */
const SHARED_BUFFERS = '32MB'

async function main(): Promise<void> {
  const port = parentPort!
  const { dataDir } = workerData as PgliteThreadData
  runInBackground()
  const { PGlite } = await import('@electric-sql/pglite')
  // PGlite's own start parameters, with a smaller buffer cache (its default, 128 MB, is sized for
  // a database; this one is written in batches and read by a few aggregate queries).
  const open = () => PGlite.create(dataDir, { startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${SHARED_BUFFERS}`] })
  let db: InstanceType<typeof PGlite>
  try {
    const fresh = !dataDir.startsWith('memory://') && !existsSync(path.join(dataDir, 'PG_VERSION'))
    db = await open()
    // Creating the database (PostgreSQL's initdb) left about 750 MB of WebAssembly memory behind,
    // against 130 MB for opening an existing one: open it again, and let the first go.
    if (fresh) {
      await db.close()
      db = await open()
    }
  } catch (err) {
    port.postMessage({ id: 0, error: (err as Error).message } satisfies PgliteReply)
    return
  }
  port.postMessage({ id: 0, rows: [] } satisfies PgliteReply)
  let queue = Promise.resolve()
  port.on('message', (m: PgliteRequest) => {
    queue = queue.then(async () => {
      try {
        if (m.op === 'close') {
          await db.close()
          port.postMessage({ id: m.id, rows: [] } satisfies PgliteReply)
          port.close()
          return
        }
        const { rows } = await db.query(m.sql, m.params)
        port.postMessage({ id: m.id, rows } satisfies PgliteReply)
      } catch (err) {
        port.postMessage({ id: m.id, error: (err as Error).message } satisfies PgliteReply)
      }
    })
  })
}

void main()
