/**
 * The events store: the database opened and migrated in the background (a server answers before
 * it is ready, its events waiting in the writer's bounded buffer), the writer, and the daily
 * retention. One per process; replicas share a database through DATABASE_URL.
 */
import { type EventDb, type EventDbOptions, openEventDb } from './db.js'
import { migrate } from './migrations.js'
import type { KbEvent } from './types.js'
import { type DropReason, EventWriter } from './writer.js'

/** Options of the store. */
export interface EventStoreOptions extends EventDbOptions {
  replica: string
  /** Days an event is kept; older ones are deleted daily. */
  retentionDays: number
  capacity?: number
  batchSize?: number
  flushMs?: number
  onDrop?: (reason: DropReason, count: number) => void
  onWritten?: (count: number) => void
  warn?: (message: string) => void
  info?: (message: string) => void
}

const DAY_MS = 24 * 60 * 60 * 1000

/** The events database and its writer. */
export class EventStore {
  private db: EventDb | undefined
  private failure: Error | undefined
  private readonly writer: EventWriter
  private retention: NodeJS.Timeout | undefined
  /** Settles when the database is open and migrated (or has failed to). */
  readonly ready: Promise<void>

  constructor(private readonly options: EventStoreOptions) {
    this.writer = new EventWriter(() => this.db, {
      capacity: options.capacity ?? 10_000,
      batchSize: options.batchSize ?? 500,
      flushMs: options.flushMs ?? 1000,
      replica: options.replica,
      onDrop: options.onDrop,
      onWritten: options.onWritten,
      warn: options.warn,
    })
    this.ready = this.open()
  }

  private async open(): Promise<void> {
    try {
      const db = await openEventDb(this.options)
      const { from, to } = await migrate(db)
      if (from !== to) this.options.info?.(`events database (${db.kind}) migrated from schema ${from} to ${to}`)
      this.db = db
      await this.applyRetention()
      this.retention = setInterval(() => void this.applyRetention(), DAY_MS)
      this.retention.unref()
      await this.writer.flush()
    } catch (err) {
      this.failure = err as Error
      this.options.warn?.(`events are off: the events database could not be opened (${(err as Error).message})`)
      throw err
    }
  }

  /** Queue an event (never blocks, never throws). */
  record(event: KbEvent): void {
    if (this.failure) {
      this.options.onDrop?.('db_unavailable', 1)
      return
    }
    this.writer.record(event)
  }

  /** The open database, for insights; undefined until it is ready. */
  database(): EventDb | undefined {
    return this.db
  }

  /** Why the store is not usable, if it is not. */
  get error(): Error | undefined {
    return this.failure
  }

  /** Write what is buffered now (tests). */
  flush(): Promise<void> {
    return this.writer.flush()
  }

  /** Delete events older than the retention period. */
  async applyRetention(now = new Date()): Promise<number> {
    return this.deleteBefore(new Date(now.getTime() - this.options.retentionDays * DAY_MS))
  }

  /** Delete every event before `before`; the count deleted. */
  async deleteBefore(before: Date): Promise<number> {
    const db = this.db
    if (!db) return 0
    let deleted = 0
    for (const table of ['kb_queries', 'kb_opens', 'kb_feedback', 'kb_uses']) {
      const { rows } = await db.query<{ n: number }>(`WITH d AS (DELETE FROM ${table} WHERE at < $1 RETURNING 1) SELECT count(*)::int AS n FROM d`, [before])
      deleted += rows[0]?.n ?? 0
    }
    return deleted
  }

  /** Write what is left (within `timeoutMs`) and close the database. */
  async close(timeoutMs = 2000): Promise<void> {
    if (this.retention) clearInterval(this.retention)
    await this.ready.catch(() => undefined)
    await this.writer.close(timeoutMs)
    await this.db?.close().catch(() => undefined)
  }
}
