/**
 * `kb draft --gap <id> [--since 30d] [--server URL --token T] [--articles DIR] [--index FILE]`: the
 * KCS "capture" step. Writes `<articles>/<slug>.md` with `status: draft` for a knowledge gap: the
 * same Markdown as `GET /api/insights/gaps/:id/draft` (core/insights/draft.ts). The gaps come from
 * a running server's insights API (`--server`, with the admin token), or else from the events
 * database the configuration names (KB_DATA_DIR or DATABASE_URL), read directly. A PGlite folder
 * is one process's: with a server running on it, use --server. Never overwrites a file: when
 * another file has the draft's name, the draft goes to `<slug>-<gap id>.md`.
 *
 * Also the insights reader `kb report` uses: the same answers from either source.
 */
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Command } from 'commander'
import type { Config } from '../config.js'
import { draftArticle, draftMarker } from '../core/insights/draft.js'
import type { Gap } from '../core/insights/gaps.js'
import { isSinceInRange, parseMoment, SINCE_FORMS, SINCE_RANGE } from '../core/insights/since.js'
import type { ArticleFigures } from '../runtime/events/insights.js'
import { CliError, systemReason } from './errors.js'

/** Gaps as the API answers them. */
export interface GapsAnswer {
  window: { since: string; until: string }
  questions: number
  overflow: number
  /** Gaps found; `gaps` may list fewer (the largest). */
  total: number
  gaps: Gap[]
}

/** Where insights are read: a server's API or the events database. */
export interface InsightsReader {
  /** Names the source in messages. */
  readonly source: string
  /** The gaps of the window, the `limit` largest (default: as many as the API lists, 1000). */
  gaps(since: string, limit?: number): Promise<GapsAnswer>
  articles(since: string): Promise<ArticleFigures[]>
  /** A gap's draft (the API's, or made here from the database); undefined when the window has no such gap. */
  draft(id: string, since: string): Promise<Draft | undefined>
  close(): Promise<void>
}

/** A gap and its draft article, as GET /api/insights/gaps/:id/draft answers. */
export interface Draft {
  gap: Gap
  /** articles/<slug>.md */
  path: string
  markdown: string
}

/** Where the insights come from, as the command line says. */
export interface SourceOptions {
  server?: string
  token?: string
  index?: string
}

/** The reader the options name: the server's API with --server, else the configured events database. */
export async function insightsReader(o: SourceOptions): Promise<InsightsReader> {
  const { loadConfig } = await import('../config.js')
  const config = loadConfig()
  // Given but empty (an unset CI secret) is a mistake, not "read the local database".
  if (o.server !== undefined) return serverReader(o.server, o.token ?? config.KB_ADMIN_TOKEN)
  return databaseReader(config, o.index ?? config.KB_INDEX)
}

/** Read the insights API of a running server. */
function serverReader(server: string, token: string): InsightsReader {
  let base: URL
  try {
    base = new URL(server)
  } catch {
    throw new CliError(`--server must be a URL such as http://127.0.0.1:3000, got "${server}"`, 2)
  }
  if (!token) throw new CliError('--server needs the admin token: --token <token> or KB_ADMIN_TOKEN', 2)
  // Routes resolve under the base's path: a service behind a path prefix (https://host/kb/).
  if (!base.pathname.endsWith('/')) base.pathname += '/'
  const get = async <T>(route: string, since: string, limit?: number, missing?: string): Promise<T | undefined> => {
    const url = new URL(route.replace(/^\//, ''), base)
    url.searchParams.set('since', since)
    if (limit !== undefined) url.searchParams.set('limit', String(limit))
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(30_000) }).catch((err: unknown) => {
      const cause = (err as { cause?: unknown }).cause
      throw new CliError(`cannot reach ${base.origin}: ${systemReason(cause) ?? (cause as Error | undefined)?.message ?? (err as Error).message}`, 1, {
        cause: err,
      })
    })
    const body = (await res.json().catch(() => undefined)) as (T & { code?: string; message?: string }) | undefined
    if (res.status === 404 && missing !== undefined && body?.code === missing) return undefined
    if (!res.ok)
      throw new CliError(`${url.origin}${url.pathname} answered ${res.status}${body?.code ? ` ${body.code}` : ''}: ${body?.message ?? res.statusText}`)
    if (body === undefined) throw new CliError(`${url.origin}${url.pathname} answered ${res.status} without JSON`)
    return body
  }
  return {
    source: `${base.origin}${base.pathname.replace(/\/$/, '')}`,
    gaps: async (since, limit = 1000) => (await get<GapsAnswer>('/api/insights/gaps', since, limit))!,
    articles: async (since) => (await get<{ articles: ArticleFigures[] }>('/api/insights/articles', since))!.articles,
    draft: (id, since) => get<Draft>(`/api/insights/gaps/${encodeURIComponent(id)}/draft`, since, undefined, 'KB_GAP_NOT_FOUND'),
    close: async () => undefined,
  }
}

/** Read the events database directly, with the KB's articles from the artifact when there is one. */
async function databaseReader(config: Config, index: string): Promise<InsightsReader> {
  const [{ openEventDb, EventDbInUseError }, { migrate }, insights, { readArtifact }] = await Promise.all([
    import('../runtime/events/db.js'),
    import('../runtime/events/migrations.js'),
    import('../runtime/events/insights.js'),
    import('../build/artifact/artifact.js'),
  ])
  const source = config.DATABASE_URL ? 'the PostgreSQL database of DATABASE_URL' : `the events database in ${config.KB_DATA_DIR}`
  const db = await openEventDb({ dataDir: config.KB_DATA_DIR, ...(config.DATABASE_URL ? { databaseUrl: config.DATABASE_URL } : {}) }).catch((err: unknown) => {
    // Another process (a kb serve) holding the PGlite folder: its message says to use --server.
    throw new CliError(err instanceof EventDbInUseError ? err.message : `cannot open ${source}: ${(err as Error).message}`, 1, { cause: err })
  })
  try {
    // A database no server has written to yet is made empty, and one too new is refused with its message.
    await migrate(db)
  } catch (err) {
    await db.close().catch(() => undefined)
    throw new CliError(`cannot read ${source}: ${(err as Error).message}`, 1, { cause: err })
  }
  // The products of a gap's codes and the articles nobody finds come from the artifact: without it
  // a draft would lose its environment and a report say every article was found.
  const catalog = await readArtifact(index).catch(async (err: unknown) => {
    await db.close().catch(() => undefined)
    throw new CliError(
      `cannot read the KB's artifact ${index} (${systemReason(err) ?? (err as Error).message}): the products of a gap's codes and the articles nobody finds come from it; build it (kb build) or name it with --index`,
      1,
      { cause: err },
    )
  })
  const window = (since: string): Date => {
    const now = new Date()
    const at = parseMoment(since, now)
    if (!at) throw new CliError(`--since must be ${SINCE_FORMS}, got "${since}"`, 2)
    if (!isSinceInRange(at, now)) throw new CliError(`--since must be ${SINCE_RANGE}, got "${since}"`, 2)
    return at
  }
  const span = (since: Date) => ({ since: since.toISOString(), until: new Date().toISOString() })
  return {
    source,
    gaps: async (since, limit) => {
      const at = window(since)
      const { gaps, questions, overflow } = await insights.readGaps(db, at, catalog)
      return { window: span(at), questions, overflow, total: gaps.length, gaps: gaps.slice(0, limit) }
    },
    articles: (since) => insights.readArticleFigures(db, window(since), catalog),
    draft: async (id, since) => {
      const gap = (await insights.readGaps(db, window(since), catalog)).gaps.find((g) => g.id === id)
      if (!gap) return undefined
      const { slug, markdown } = draftArticle(gap)
      return { gap, path: `articles/${slug}.md`, markdown }
    },
    close: () => db.close(),
  }
}

interface DraftOptions extends SourceOptions {
  gap: string
  since: string
  articles: string
  json?: boolean
}

/** Register `kb draft`. */
export function registerDraftCommand(program: Command, defaultArticles: string): void {
  program
    .command('draft')
    .description('write a draft article (status: draft) for a knowledge gap of the insights')
    .requiredOption('--gap <id>', 'the gap id, from GET /api/insights/gaps or kb report')
    .option('--since <span>', 'the window the gap is in: 30d, 7d, 24h, a date or an ISO time (kb report prints its window start)', '30d')
    .option('--server <url>', "read a running server's insights API instead of the events database")
    .option('--token <token>', 'the admin token for --server (default: $KB_ADMIN_TOKEN)')
    .option('-i, --index <file>', 'artifact whose articles give the products of the codes read (database source; default: $KB_INDEX)')
    .option('-a, --articles <dir>', 'articles folder to write the draft in', defaultArticles)
    .option('--json', 'machine-readable output')
    .action(async (o: DraftOptions) => {
      const reader = await insightsReader(o)
      let draft: Draft | undefined
      try {
        draft = await reader.draft(o.gap, o.since)
      } finally {
        await reader.close()
      }
      if (!draft) {
        throw new CliError(
          `no gap with id "${o.gap}" since ${o.since} in ${reader.source}; kb report lists them (use the --since it prints), and an id changes when its oldest question leaves the window`,
        )
      }
      const { gap, markdown } = draft
      if (!/^articles\/[a-z0-9]+(?:-[a-z0-9]+)*\.md$/.test(draft.path))
        throw new CliError(`${reader.source} named the draft "${draft.path}", not articles/<id>.md`)
      if (!/^[a-z0-9]+$/.test(gap.id)) throw new CliError(`${reader.source} named the gap "${gap.id}", not an id of letters and digits`)
      const file = await writeDraft(o.articles, path.posix.basename(draft.path, '.md'), gap.id, markdown)
      if (o.json) process.stdout.write(`${JSON.stringify({ ok: true, file, gap })}\n`)
      else {
        process.stdout.write(
          `Wrote ${file}: a draft (status: draft) for ${gap.count} question${gap.count === 1 ? '' : 's'} like "${gap.template}". Replace its TODO(draft): lines, add the cause, then set status: published.\n`,
        )
      }
    })
}

/** Write a file that does not exist yet: false when it does. */
async function writeNew(file: string, text: string): Promise<boolean> {
  return writeFile(file, text, { flag: 'wx' }).then(
    () => true,
    (err: unknown) => {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false
      throw new CliError(`cannot write ${file}: ${systemReason(err) ?? (err as Error).message}`, 1, { cause: err })
    },
  )
}

/**
 * Write a draft to `<dir>/<slug>.md`, or to `<slug>-<gap id>.md` when another file has that name
 * (two gaps whose templates give one slug); never over a file, and never a second draft of one
 * gap (a file opening with its draftMarker): the author is told to edit that one. Returns the file.
 */
async function writeDraft(dir: string, slug: string, id: string, markdown: string): Promise<string> {
  const file = path.join(dir, `${slug}.md`)
  if (await writeNew(file, markdown)) return file
  const own = path.join(dir, `${slug}-${id.slice(0, 12)}.md`)
  const ours = (await readFile(file, 'utf8').catch(() => '')).includes(draftMarker(id))
  if (!ours && (await writeNew(own, markdown))) return own
  throw new CliError(`cannot write ${ours ? file : own}: it exists already; edit that draft, or move it away first`, 1)
}
