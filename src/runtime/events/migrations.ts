/**
 * The events schema, as numbered migrations applied in order at start, the same SQL on PGlite and
 * on PostgreSQL. A database whose schema is newer than this server knows is refused: an older
 * replica must not write rows a newer one reads differently.
 */
import type { EventDb } from './db.js'

/** One schema change. Never edit one that has shipped: add the next. */
export interface Migration {
  version: number
  name: string
  sql: string
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'queries, opens, feedback and uses',
    sql: `
      CREATE TABLE kb_queries (
        id uuid PRIMARY KEY,
        at timestamptz NOT NULL,
        kind text NOT NULL CHECK (kind IN ('search', 'match')),
        text text NOT NULL,
        raw text,
        result_ids text[] NOT NULL,
        confidences real[],
        no_confident_match boolean NOT NULL,
        partial boolean NOT NULL,
        codes text[] NOT NULL DEFAULT '{}',
        build_id text NOT NULL,
        replica text NOT NULL
      );
      CREATE INDEX kb_queries_at ON kb_queries (at);
      CREATE TABLE kb_opens (
        id uuid PRIMARY KEY,
        at timestamptz NOT NULL,
        query_id uuid,
        article_id text NOT NULL,
        position integer,
        source text NOT NULL
      );
      CREATE INDEX kb_opens_at ON kb_opens (at);
      CREATE TABLE kb_feedback (
        id uuid PRIMARY KEY,
        at timestamptz NOT NULL,
        query_id uuid NOT NULL,
        article_id text NOT NULL,
        verdict text NOT NULL CHECK (verdict IN ('solved', 'not-related', 'related-but-not-solved')),
        comment text
      );
      CREATE INDEX kb_feedback_at ON kb_feedback (at);
      CREATE TABLE kb_uses (
        id uuid PRIMARY KEY,
        at timestamptz NOT NULL,
        article_id text NOT NULL,
        ticket text NOT NULL
      );
      CREATE INDEX kb_uses_at ON kb_uses (at);
    `,
  },
  {
    version: 2,
    name: 'feedback and opens by question, for the insights',
    // The gaps read a question's verdicts (rejected, solved) by its id, for thousands of questions.
    sql: `
      CREATE INDEX kb_feedback_query ON kb_feedback (query_id);
      CREATE INDEX kb_opens_query ON kb_opens (query_id);
    `,
  },
  {
    version: 3,
    name: 'identical questions as one row with a count; opens and feedback by question row',
    // A row now stands for n identical questions asked from at to last_at (events/questions.ts), and
    // an answer's queryId names its row by its first 24 hex digits (events/record.ts). Rows written
    // before stand for one question each, and their queryIds were their ids.
    sql: `
      ALTER TABLE kb_queries ADD COLUMN n integer NOT NULL DEFAULT 1 CHECK (n > 0);
      ALTER TABLE kb_queries ADD COLUMN last_at timestamptz;
      UPDATE kb_queries SET last_at = at;
      ALTER TABLE kb_queries ALTER COLUMN last_at SET NOT NULL;
      ALTER TABLE kb_opens ADD COLUMN question_id uuid;
      ALTER TABLE kb_feedback ADD COLUMN question_id uuid;
      UPDATE kb_opens SET question_id = query_id;
      UPDATE kb_feedback SET question_id = query_id;
      DROP INDEX kb_feedback_query;
      DROP INDEX kb_opens_query;
      CREATE INDEX kb_feedback_question ON kb_feedback (question_id);
      CREATE INDEX kb_opens_question ON kb_opens (question_id);
    `,
  },
]

/** The schema version this server writes and reads. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version

/** Thrown when the database's schema is newer than this server's. */
export class SchemaTooNewError extends Error {
  constructor(found: number) {
    super(
      `the events database has schema version ${found}, newer than this server's ${SCHEMA_VERSION}: run a server at least as new, or point KB_DATA_DIR / DATABASE_URL at another database`,
    )
    this.name = 'SchemaTooNewError'
  }
}

/** Apply the migrations the database lacks, in one transaction under an advisory lock (replicas may start together). */
export async function migrate(db: EventDb): Promise<{ from: number; to: number }> {
  return db.transaction(async (tx) => {
    // The lock is held to the end of the transaction: a second replica waits, then finds the work done.
    await tx.query('SELECT pg_advisory_xact_lock(7240416)')
    await tx.query('CREATE TABLE IF NOT EXISTS kb_schema (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)')
    const { rows } = await tx.query<{ v: number | null }>('SELECT max(version) AS v FROM kb_schema')
    const from = rows[0]?.v ?? 0
    if (from > SCHEMA_VERSION) throw new SchemaTooNewError(from)
    for (const m of MIGRATIONS) {
      if (m.version <= from) continue
      for (const statement of m.sql
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean))
        await tx.query(statement)
      await tx.query('INSERT INTO kb_schema (version, name, applied_at) VALUES ($1, $2, now())', [m.version, m.name])
    }
    return { from, to: SCHEMA_VERSION }
  })
}
