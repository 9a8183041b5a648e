/** Messages between db.ts and the PGlite thread (pglite-thread.ts). */

/** A statement to run, or the request to close the database. */
export type PgliteRequest = { id: number; op: 'query'; sql: string; params: unknown[] } | { id: number; op: 'close' }

/** A statement's rows, or its error's message. Id 0 answers the opening of the database. */
export type PgliteReply = { id: number; rows: unknown[]; error?: undefined } | { id: number; error: string; rows?: undefined }

/** What the thread is started with: the data folder (or `memory://`). */
export interface PgliteThreadData {
  dataDir: string
}
