/**
 * The events database: one small interface over the two stores the service runs on, so the same
 * SQL and the same migrations serve both. By default an embedded PostgreSQL (PGlite, WebAssembly,
 * data under KB_DATA_DIR); with DATABASE_URL, a real PostgreSQL server shared by every replica.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Worker } from 'node:worker_threads'
import { startThread, threadEntry } from '../../threads.js'
import type { PgliteReply, PgliteRequest, PgliteThreadData } from './pglite-protocol.js'

/** Rows of one statement. */
export interface Rows<T> {
  rows: T[]
}

/** What the events code needs of a database. */
export interface EventDb {
  /** `'pglite'` or `'postgres'`, for logs and /healthz. */
  readonly kind: 'pglite' | 'postgres'
  /** One parameterized statement ($1, $2, ...). */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Rows<T>>
  /** Statements run together in one transaction: all or none. */
  transaction<T>(fn: (tx: Pick<EventDb, 'query'>) => Promise<T>): Promise<T>
  close(): Promise<void>
}

/** Where the events go: a PGlite folder (or memory) by default, a PostgreSQL URL when set. */
export interface EventDbOptions {
  /** PGlite data folder; `memory://` keeps everything in memory (tests). */
  dataDir: string
  /** A PostgreSQL connection string; when set, `dataDir` is not used. */
  databaseUrl?: string
  /** Milliseconds a statement may take on PostgreSQL before it is cancelled. */
  statementTimeoutMs?: number
}

/** Open the events database (PGlite or PostgreSQL); the schema is not touched (see migrations.ts). */
export async function openEventDb(options: EventDbOptions): Promise<EventDb> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.statementTimeoutMs ?? 5000) : openPglite(options.dataDir)
}

/** Thrown when another live process has the PGlite folder open: two writers would damage it. */
export class EventDbInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `the events database in ${dataDir} is open in process ${pid}: one process per folder (replicas share a PostgreSQL through DATABASE_URL; read a running server's insights with --server)`,
    )
    this.name = 'EventDbInUseError'
  }
}

/** True when a process with this id runs (signal 0 checks without signalling). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Claim a PGlite folder for this process: PGlite does not stop a second process opening it. A lock
 * file holds the owner's pid; one left by a process that is gone (a crash) is taken over.
 */
async function claim(dataDir: string): Promise<() => Promise<void>> {
  const lock = path.join(dataDir, 'kb-events.lock')
  const owner = Number.parseInt(await readFile(lock, 'utf8').catch(() => ''), 10)
  if (Number.isInteger(owner) && owner !== process.pid && alive(owner)) throw new EventDbInUseError(dataDir, owner)
  await writeFile(lock, `${process.pid}\n`)
  return () => rm(lock, { force: true })
}

async function openPglite(dataDir: string): Promise<EventDb> {
  const inMemory = dataDir.startsWith('memory://')
  if (!inMemory) await mkdir(dataDir, { recursive: true })
  const release = inMemory ? async () => undefined : await claim(dataDir)
  const thread = await PgliteThread.open(dataDir).catch(async (err: unknown) => {
    await release()
    throw err
  })
  return {
    kind: 'pglite',
    query: <T>(sql: string, params: unknown[] = []) => thread.exclusive(() => thread.query<T>(sql, params)),
    transaction: (fn) =>
      thread.exclusive(async () => {
        await thread.query('BEGIN')
        try {
          const out = await fn({ query: (sql, params = []) => thread.query(sql, params) })
          await thread.query('COMMIT')
          return out
        } catch (err) {
          await thread.query('ROLLBACK').catch(() => undefined)
          throw err
        }
      }),
    close: async () => {
      await thread.exclusive(() => thread.close())
      await release()
    },
  }
}

/** PGlite in its own thread (pglite-thread.ts), one statement at a time. */
class PgliteThread {
  private readonly pending = new Map<number, (r: PgliteReply) => void>()
  private next = 1
  /** The end of the last exclusive piece of work: a transaction's statements are not interleaved with others'. */
  private turn: Promise<unknown> = Promise.resolve()
  /** Why the thread can answer no more, once it cannot. */
  private failure: string | undefined

  private constructor(private readonly worker: Worker) {
    worker.on('message', (r: PgliteReply) => {
      const resolve = this.pending.get(r.id)
      this.pending.delete(r.id)
      // Idle, the thread does not keep the process alive; waiting for an answer, it does.
      if (this.pending.size === 0) worker.unref()
      resolve?.(r)
    })
    const fail = (message: string) => {
      this.failure ??= message
      for (const resolve of this.pending.values()) resolve({ id: 0, error: message })
      this.pending.clear()
    }
    worker.on('error', (err) => fail(`the events database thread failed: ${err.message}`))
    worker.on('exit', () => fail('the events database thread has stopped'))
  }

  /** Start the thread and open the database in it; rejects with PGlite's message. */
  static async open(dataDir: string): Promise<PgliteThread> {
    const data: PgliteThreadData = { dataDir }
    const worker = startThread(threadEntry('pglite-thread', import.meta.url), { name: 'kb-events-db', workerData: data })
    const thread = new PgliteThread(worker)
    const opened = await thread.send({ id: 0, op: 'query', sql: '', params: [] }, false)
    if (opened.error !== undefined) {
      await worker.terminate()
      throw new Error(opened.error)
    }
    return thread
  }

  /** Run `work` after every exclusive piece before it has finished. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const out = this.turn.then(work)
    this.turn = out.catch(() => undefined)
    return out
  }

  async query<T>(sql: string, params: unknown[] = []): Promise<Rows<T>> {
    const r = await this.send({ id: this.next++, op: 'query', sql, params })
    if (r.error !== undefined) throw new Error(r.error)
    return { rows: r.rows as T[] }
  }

  async close(): Promise<void> {
    await this.send({ id: this.next++, op: 'close' })
    await this.worker.terminate()
  }

  /** Send a request (or, with `post` false, only wait for the answer to id 0, the opening). */
  private send(m: PgliteRequest, post = true): Promise<PgliteReply> {
    if (this.failure !== undefined) return Promise.resolve({ id: m.id, error: this.failure })
    return new Promise((resolve) => {
      this.pending.set(m.id, resolve)
      this.worker.ref()
      if (post) this.worker.postMessage(m)
    })
  }
}

async function openPostgres(url: string, statementTimeoutMs: number): Promise<EventDb> {
  const { default: pg } = await import('pg')
  // A few connections: events are written in batches by one writer, insights are read rarely.
  const pool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: 3000, statement_timeout: statementTimeoutMs, idleTimeoutMillis: 10_000 })
  // An idle client losing its connection (the server restarted) must not crash the process.
  pool.on('error', () => undefined)
  return {
    kind: 'postgres',
    query: async <T>(sql: string, params: unknown[] = []) => ({ rows: (await pool.query(sql, params)).rows as T[] }),
    transaction: async (fn) => {
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        const out = await fn({ query: async <T>(sql: string, params: unknown[] = []) => ({ rows: (await client.query(sql, params)).rows as T[] }) })
        await client.query('COMMIT')
        return out
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined)
        throw err
      } finally {
        client.release()
      }
    },
    close: () => pool.end(),
  }
}
