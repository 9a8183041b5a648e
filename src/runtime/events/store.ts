/**
 * The events store: the database opened and migrated in the background (a server answers before
 * it is ready, its events waiting in the writer's bounded buffer), the writer, and the daily
 * retention. One per process; replicas share a database through DATABASE_URL.
 */
import { type EventDb, EventDbInUseError, type EventDbOptions, openEventDb } from './db.js'
import { DAY_MS } from '../../core/insights/since.js'
import { migrate, SchemaTooNewError } from './migrations.js'
import { newQueryId, type QuestionAsked } from './record.js'
import type { KbEvent } from './types.js'
import { type DropReason, EventWriter } from './writer.js'

/** Options of the store. */
export interface EventStoreOptions extends EventDbOptions {
  replica: string
  /** Open the database only once this settles (a server opens it once it listens: starting PGlite competes with loading the index). */
  openAfter?: Promise<unknown>
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

/** Pauses between attempts to open the database: the first, and the longest. */
const OPEN_RETRY_FIRST_MS = 500
const OPEN_RETRY_MAX_MS = 30_000
/** Rows deleted by one statement of a retention run or a DELETE of events. */
const DELETE_BATCH = 5000

/** The events database and its writer. */
export class EventStore {
  private db: EventDb | undefined
  private failure: Error | undefined
  private readonly writer: EventWriter
  private retention: NodeJS.Timeout | undefined
  /** Ends the pause between two attempts to open (close). */
  private wake: (() => void) | undefined
  private closing = false
  /** Settles when close() is called. */
  private readonly closed: Promise<void>
  private markClosed: () => void = () => undefined
  /** Settles when the database is open and migrated (or has failed to). */
  readonly ready: Promise<void>

  constructor(private readonly options: EventStoreOptions) {
    this.closed = new Promise<void>((resolve) => (this.markClosed = resolve))
    this.writer = new EventWriter(() => this.db, {
      capacity: options.capacity ?? 10_000,
      batchSize: options.batchSize ?? 500,
      flushMs: options.flushMs ?? 5000,
      replica: options.replica,
      onDrop: options.onDrop,
      onWritten: options.onWritten,
      warn: options.warn,
    })
    this.ready = this.open()
  }

  /**
   * Open and migrate the database, again and again with a growing pause while it cannot be reached
   * (replicas started together, PostgreSQL restarting): a replica that gave up at start would
   * record nothing until restarted. A folder another process holds, or a schema newer than this
   * server's, is a setting to fix, not a wait: those end the attempts.
   */
  private async open(): Promise<void> {
    if (this.options.openAfter) await Promise.race([this.options.openAfter.catch(() => undefined), this.closed])
    for (let attempt = 0, pauseMs = OPEN_RETRY_FIRST_MS; ; attempt++, pauseMs = Math.min(OPEN_RETRY_MAX_MS, pauseMs * 2)) {
      if (this.closing) throw new Error('the events store was closed before its database opened')
      try {
        const db = await openEventDb(this.options)
        try {
          const { from, to } = await migrate(db)
          if (from !== to) this.options.info?.(`events database (${db.kind}) migrated from schema ${from} to ${to}`)
        } catch (err) {
          await db.close().catch(() => undefined)
          throw err
        }
        this.db = db
        if (attempt > 0) this.options.info?.(`events database (${db.kind}) opened after ${attempt + 1} attempts; events are recorded again`)
        this.failure = undefined
        // A retention run that fails (a long DELETE past a statement timeout) is logged and tried
        // again the next day; it is not a database that failed to open.
        await this.retentionTick()
        this.retention = setInterval(() => void this.retentionTick(), DAY_MS)
        this.retention.unref()
        await this.writer.flush()
        return
      } catch (err) {
        if (this.db) {
          // Opened, then failed: not kept half-open (a second PGlite on the same folder at the next attempt).
          if (this.retention) clearInterval(this.retention)
          await this.db.close().catch(() => undefined)
          this.db = undefined
        }
        this.failure = err as Error
        const permanent = err instanceof EventDbInUseError || err instanceof SchemaTooNewError
        if (permanent || attempt === 0)
          this.options.warn?.(
            `events are off: the events database could not be opened (${(err as Error).message})${permanent ? '' : '; trying again, with a growing pause'}`,
          )
        if (permanent) throw err
        await new Promise<void>((resolve) => {
          this.wake = resolve
          // Not unref'd: a caller awaiting `ready` is waiting for this; close() ends the pause.
          setTimeout(resolve, pauseMs)
        })
      }
    }
  }

  /** Queue an event (never blocks, never throws); false when it was dropped (counted). */
  record(event: KbEvent): boolean {
    if (this.failure) {
      this.options.onDrop?.('db_unavailable', 1)
      return false
    }
    return this.writer.record(event)
  }

  /** Queue a question answered; returns the answer's queryId (never blocks, never throws). */
  recordQuestion(q: QuestionAsked): string {
    if (this.failure) {
      this.options.onDrop?.('db_unavailable', 1)
      return newQueryId()
    }
    return this.writer.recordQuestion(q)
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

  /**
   * Delete events older than the retention period, then refresh the query planner's statistics:
   * PGlite has no autovacuum to do it, and the insights' joins were measured 2.5 times faster with
   * them at 300,000 questions.
   */
  async applyRetention(now = new Date()): Promise<number> {
    const deleted = await this.deleteBefore(new Date(now.getTime() - this.options.retentionDays * DAY_MS))
    await this.db?.query('ANALYZE kb_queries, kb_opens, kb_feedback, kb_uses')
    return deleted
  }

  /**
   * The daily retention run: a database that is down or slow at that moment is said in the log,
   * and tried again the next day; never a rejection nobody handles (it would stop the process).
   */
  async retentionTick(now = new Date()): Promise<void> {
    try {
      await this.applyRetention(now)
    } catch (err) {
      this.options.warn?.(`events retention could not run (${(err as Error).message}); it runs again in a day`)
    }
  }

  /**
   * Delete every event before `before`; the count deleted. In batches of DELETE_BATCH rows: after a
   * long outage or a shorter retention, one DELETE of every old row could outlast PostgreSQL's
   * statement timeout every day, and it holds PGlite (and the writer) for as long as it runs.
   */
  async deleteBefore(before: Date): Promise<number> {
    const db = this.db
    if (!db) return 0
    let deleted = 0
    for (const table of ['kb_queries', 'kb_opens', 'kb_feedback', 'kb_uses']) {
      // Ends: every batch but the last deletes DELETE_BATCH rows of a table that only shrinks below `before`.
      for (let n = DELETE_BATCH; n === DELETE_BATCH; deleted += n) {
        const { rows } = await db.query<{ n: number }>(
          `WITH d AS (DELETE FROM ${table} WHERE id IN (SELECT id FROM ${table} WHERE at < $1 LIMIT ${DELETE_BATCH}) RETURNING 1) SELECT count(*)::int AS n FROM d`,
          [before],
        )
        n = rows[0]?.n ?? 0
      }
    }
    return deleted
  }

  /** Write what is left (within `timeoutMs`) and close the database. */
  async close(timeoutMs = 2000): Promise<void> {
    this.closing = true
    this.markClosed()
    if (this.retention) clearInterval(this.retention)
    // A store still trying to open gives up now rather than after its pause.
    this.wake?.()
    await this.ready.catch(() => undefined)
    await this.writer.close(timeoutMs)
    await this.db?.close().catch(() => undefined)
  }
}
