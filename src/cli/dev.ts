/**
 * `kb dev [--articles DIR] [--port N]`: a live preview for authors. The articles folder (drafts
 * included) is built, served on the loopback address with the hosted page, and watched: after a
 * change only the changed files are parsed and rendered again (build/artifact/incremental.ts),
 * the new KB is swapped in, and the page, told through /dev/events, reloads itself. Lint problems
 * are printed in the terminal and listed on the page. Events (the KCS loop) are off.
 */
import { type FSWatcher, watch } from 'node:fs'
import type { Command } from 'commander'
import type { FastifyInstance } from 'fastify'
import type { IncrementalBuild } from '../build/index/incremental.js'
import { ArticlesFolderError, formatProblem } from '../build/content/problems.js'
import type { DevFeed, DevStatus } from '../http/routes/web.js'
import { CliError } from './errors.js'

// Fastify, the app and the builder are loaded when `kb dev` runs, as main.ts does for the other commands.

/** Quiet time after a file event before rebuilding: an editor's save is often several events. */
const DEBOUNCE_MS = 40

/** What startDev needs. */
export interface DevOptions {
  articles: string
  /** Port on 127.0.0.1; 0 picks a free one. */
  port: number
  /** Folder of the built page; default: the package's build/public. */
  webDir?: string
  /** Where the terminal lines go; default: standard output and standard error. */
  print?: { out: (line: string) => void; err: (line: string) => void }
}

/** A running `kb dev`: its app, address, builds and a close. */
export interface DevServer {
  app: FastifyInstance
  origin: string
  /** Resolves after the next build that follows a change (for tests and the benchmark). */
  nextBuild(): Promise<IncrementalBuild>
  close(): Promise<void>
}

/** The feed the web routes follow: the status of the build served, and who listens. */
class Builds implements DevFeed {
  private status: DevStatus = { buildId: '', articles: 0, problems: [] }
  private readonly listeners = new Set<(s: DevStatus) => void>()

  current(): DevStatus {
    return this.status
  }

  subscribe(listener: (s: DevStatus) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  publish(status: DevStatus): void {
    this.status = status
    for (const l of this.listeners) l(status)
  }
}

/** Build, serve and watch an articles folder; throws CliError if the folder cannot be read. */
export async function startDev(options: DevOptions): Promise<DevServer> {
  const print = options.print ?? { out: (l: string) => process.stdout.write(`${l}\n`), err: (l: string) => process.stderr.write(`${l}\n`) }
  const [{ default: Fastify }, { appPlugin, fastifyOptions }, { IncrementalBuilder }, { openKnowledgeBase }, { loadConfig }] = await Promise.all([
    import('fastify'),
    import('../app.js'),
    import('../build/index/incremental.js'),
    import('../runtime/kb.js'),
    import('../config.js'),
  ])
  const config = loadConfig()
  // Drafts too: an author previews what is being written.
  const builder = new IncrementalBuilder(options.articles, { includeDrafts: true })
  const feed = new Builds()
  const run = async (): Promise<IncrementalBuild> => {
    try {
      return await builder.build()
    } catch (err) {
      if (err instanceof ArticlesFolderError) throw new CliError(err.message, 1, { cause: err })
      throw err
    }
  }
  const first = await run()
  // The first edit's path, once, before the author's first edit (the loaded KB warms the load step too).
  const warm = await builder.warm().catch(() => undefined)
  if (warm?.artifact) openKnowledgeBase(warm.artifact)
  const app = Fastify(fastifyOptions(config.KB_MAX_BODY_BYTES, { logger: { level: 'warn' }, forceCloseConnections: true }))
  await app.register(appPlugin, {
    ...(first.artifact ? { kb: openKnowledgeBase(first.artifact) } : {}),
    bodyLimit: config.KB_MAX_BODY_BYTES,
    matchBudgetMs: config.KB_MATCH_BUDGET_MS,
    dev: feed,
    ...(options.webDir ? { webDir: options.webDir } : {}),
  })
  let lastProblems = ''
  const report = (b: IncrementalBuild, what: string) => {
    const lines = b.problems.map(formatProblem)
    // The whole list again only when it changed: one edit should not scroll a long list past.
    if (lines.join('\n') !== lastProblems) for (const l of lines) print.err(l)
    lastProblems = lines.join('\n')
    const errors = b.problems.filter((p) => p.severity === 'error').length
    const served = b.artifact
      ? `${b.artifact.articles.length} articles, build ${b.artifact.header.buildId}`
      : 'no valid article: still serving the previous build'
    print.out(`kb dev: ${what} in ${b.timings.totalMs} ms (${b.reparsed} files parsed): ${served}; ${errors} errors, ${b.problems.length - errors} warnings`)
  }
  const publish = (b: IncrementalBuild) => {
    if (b.artifact) app.swapKb(openKnowledgeBase(b.artifact))
    const kb = app.kbState().current
    feed.publish({
      buildId: kb?.artifact.header.buildId ?? '',
      articles: kb?.artifact.articles.length ?? 0,
      problems: b.problems.map((p) => ({ line: formatProblem(p), severity: p.severity })),
    })
  }
  publish(first)
  report(first, 'built')
  await app.listen({ port: options.port, host: '127.0.0.1' })
  const address = app.server.address()
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : options.port}`

  // One build at a time; events during a build ask for one more after it.
  let timer: NodeJS.Timeout | undefined
  let building = false
  let again = false
  let waiting: Array<(b: IncrementalBuild) => void> = []
  const rebuild = async () => {
    if (building) {
      again = true
      return
    }
    building = true
    try {
      do {
        again = false
        const b = await run()
        publish(b)
        report(b, 'rebuilt')
        const w = waiting
        waiting = []
        for (const resolve of w) resolve(b)
      } while (again)
    } catch (err) {
      print.err(`kb dev: rebuild failed: ${(err as Error).message}; still serving the previous build`)
    } finally {
      building = false
    }
  }
  const watcher: FSWatcher = watch(options.articles, { recursive: true }, () => {
    clearTimeout(timer)
    timer = setTimeout(() => void rebuild(), DEBOUNCE_MS)
  })
  watcher.on('error', (err) => print.err(`kb dev: watching ${options.articles} failed: ${err.message}`))
  print.out(`kb dev: serving ${origin}/ from ${options.articles}, watching for changes (Ctrl-C to stop)`)
  return {
    app,
    origin,
    nextBuild: () => new Promise((resolve) => waiting.push(resolve)),
    close: async () => {
      watcher.close()
      clearTimeout(timer)
      await app.close()
    },
  }
}

/** Register `kb dev`; `int` parses a bounded whole-number option. */
export function registerDevCommand(program: Command, defaultArticles: string, int: (name: string, min: number, max: number) => (v: string) => number): void {
  program
    .command('dev')
    .description('preview the articles while writing them: build, serve on 127.0.0.1, rebuild on each change; the page reloads itself and lists lint problems')
    .option('-a, --articles <dir>', 'articles folder', defaultArticles)
    .option('-p, --port <n>', 'port on 127.0.0.1 (default: $PORT or 3000)', int('port', 0, 65535))
    .action(async (o: { articles: string; port?: number }) => {
      const { loadConfig } = await import('../config.js')
      const dev = await startDev({ articles: o.articles, port: o.port ?? loadConfig().PORT })
      const stop = () => void dev.close().then(() => process.exit(0))
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
    })
}
