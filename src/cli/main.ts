#!/usr/bin/env -S node --expose-gc --no-allocation-site-pretenuring --no-memory-reducer
/**
 * The `kb` command line: build, lint, serve, search, match, eval, import, draft, report, new, schema, dev.
 * Human-readable output by default; `--json` for scripts. Exit codes: 0 ok, 1 failure
 * (content errors, unloadable index, bad input), 2 usage error. Every failure is one line on
 * stderr (content problems one line each); `--debug` adds the stack trace. The first line starts
 * node with the server's V8 flags (NODE_FLAGS in src/runtime/memory.ts; a test keeps them equal).
 */
import { access, stat } from 'node:fs/promises'
import path from 'node:path'
import { Command, InvalidArgumentError } from 'commander'
import { DEFAULT_INDEX, requestedIndex } from '../config-basics.js'
import { ContentError, formatProblem, NoArticlesError, type Problem } from '../build/content/problems.js'
import { registerImportCommand } from '../build/import/command.js'
import { registerDraftCommand } from './draft.js'
import { registerReportCommand } from './report.js'
import { registerNewCommand } from './new.js'
import { registerSchemaCommand } from './schema.js'
import { registerLintCommand } from './lint.js'
import { registerDevCommand } from './dev.js'
import { CliError, debugDetail, errorLine, systemReason } from './errors.js'
import { packageVersion } from '../runtime/version.js'

// Each command loads what it needs when it runs: `kb serve` starts without the Markdown renderer,
// YAML parser and importer, which only `build`, `lint` and `import` use (`kb --help`: 1.03 -> 0.77 s).

const DEFAULT_ARTICLES = 'articles'

const int = (name: string, min: number, max: number) => (v: string) => {
  const n = Number(v)
  if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`${name} must be a whole number from ${min} to ${max}`)
  return n
}

function printProblems(problems: Problem[]): void {
  for (const p of problems) process.stderr.write(`${formatProblem(p)}\n`)
}

/**
 * Refuse an --out that cannot be the artifact, before a build: the write's rename would fail
 * after the whole build, and leave its temporary file behind.
 */
async function checkOut(out: string): Promise<void> {
  if (out.trim() === '') throw new CliError('--out must name a file', 2)
  const info = await stat(out).catch(() => undefined)
  if (info?.isDirectory()) {
    throw new CliError(`cannot write ${out}: it is a folder; name the artifact file, such as ${path.join(out, 'kb-index.bin')}`)
  }
}

/** Build the artifact (drafts too with `includeDrafts`; reusing what `since` holds); prints problems and returns false when articles have errors. */
async function build(articles: string, out: string, json: boolean, includeDrafts = false, since?: string): Promise<boolean> {
  await checkOut(out)
  const { buildFolderToFile, ArtifactWriteError } = await import('../build/index/build.js')
  try {
    const t0 = performance.now()
    const built = await buildFolderToFile(articles, out, { includeDrafts, since }).catch((err: unknown) => {
      if (!(err instanceof ArtifactWriteError)) throw err
      throw new CliError(`cannot write ${out}: ${systemReason(err.cause) ?? (err.cause as Error).message}`, 1, { cause: err })
    })
    const seconds = ((performance.now() - t0) / 1000).toFixed(1)
    const { counts } = built
    if (json) {
      const fields = { ok: true, out, articles: built.ids.length, bytes: built.bytes, buildId: built.buildId, seconds: Number(seconds), ...counts }
      process.stdout.write(`${JSON.stringify({ ...fields, ...(built.fullBuild ? { fullBuild: built.fullBuild } : {}), problems: built.problems })}\n`)
    } else {
      printProblems(built.problems)
      if (built.fullBuild) process.stderr.write(`Full build: ${built.fullBuild}\n`)
      const reused = since && !built.fullBuild ? ` (${counts.reused} unchanged articles reused, ${counts.read} files read)` : ''
      process.stdout.write(`Built ${out}: ${built.ids.length} articles, ${built.bytes} bytes, build ${built.buildId}, in ${seconds} s${reused}\n`)
    }
    return true
  } catch (err) {
    if (err instanceof NoArticlesError) {
      if (!json) printProblems(err.problems)
      throw new CliError(`${err.message}; nothing was written`, 1, { cause: err })
    }
    if (!(err instanceof ContentError)) throw err
    if (json) process.stdout.write(`${JSON.stringify({ ok: false, problems: err.problems })}\n`)
    else {
      printProblems(err.problems)
      process.stderr.write(`Build failed: ${err.message}; nothing was written.\n`)
    }
    return false
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const c of process.stdin) chunks.push(c as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

const program = new Command()
  .name('kb')
  .description('Knowledge-base search for troubleshooting articles')
  .version(packageVersion(), '-V, --version', 'print the version of kb-search')
  .option('--debug', 'print the stack trace of a failure after its one-line message')
  .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2))

registerLintCommand(program, DEFAULT_ARTICLES)

program
  .command('build')
  .description('validate, render and index the articles into one artifact')
  .option('-a, --articles <dir>', 'articles folder', DEFAULT_ARTICLES)
  .option('-o, --out <file>', 'artifact to write', DEFAULT_INDEX)
  .option('--include-drafts', 'build the drafts (status: draft) too, to preview them')
  .option('--since <artifact>', 'reuse the unchanged articles of a previous artifact (same path and content hash): only changed and added files are read')
  .option('--json', 'machine-readable output')
  .action(async (o: { articles: string; out: string; includeDrafts?: boolean; since?: string; json?: boolean }) => {
    process.exitCode = (await build(o.articles, o.out, o.json === true, o.includeDrafts === true, o.since)) ? 0 : 1
  })

program
  .command('serve')
  .description('serve the API from an artifact (env: KB_INDEX, PORT, HOST)')
  .option('-i, --index <file>', 'artifact to serve (default: $KB_INDEX or dist/kb-index.bin)')
  .option('-p, --port <n>', 'port (default: $PORT or 3000)', int('port', 0, 65535))
  .option('-H, --host <h>', 'address to listen on (default: $HOST or 127.0.0.1)')
  .option('--build-if-missing', 'build the artifact from --articles first if it does not exist')
  .option('-a, --articles <dir>', 'articles folder for --build-if-missing and --include-drafts', DEFAULT_ARTICLES)
  .option('--include-drafts', 'build --articles with its drafts (status: draft) into a temporary artifact and serve that: a preview')
  .action(async (o: { index?: string; port?: number; host?: string; buildIfMissing?: boolean; includeDrafts?: boolean; articles: string }) => {
    // An artifact that is there is read from the start: its loader thread starts before the
    // configuration's schema and the server's modules (Fastify, the routes) load, and the two
    // overlap. Loaded on demand: other commands need neither.
    const { startLoadingIndex } = await import('../runtime/kb.js')
    const early = o.includeDrafts || o.buildIfMissing ? undefined : requestedIndex(o.index)
    const earlyLoading = early === undefined ? undefined : startLoadingIndex(early)
    const { loadConfig } = await import('../config.js')
    const env = loadConfig()
    const config = { ...env, KB_INDEX: o.index ?? env.KB_INDEX, PORT: o.port ?? env.PORT, HOST: o.host ?? env.HOST }
    if (o.includeDrafts) {
      // Drafts are never in a published artifact: the preview is built apart, and KB_INDEX is left alone.
      const { mkdtemp } = await import('node:fs/promises')
      const { rmSync } = await import('node:fs')
      const { tmpdir } = await import('node:os')
      const preview = await mkdtemp(path.join(tmpdir(), 'kb-drafts-'))
      // The preview is this process's alone: gone when it ends (a drained SIGTERM, an error, a normal exit).
      process.on('exit', () => rmSync(preview, { recursive: true, force: true }))
      config.KB_INDEX = path.join(preview, 'kb-index.bin')
      if (!(await build(o.articles, config.KB_INDEX, false, true))) process.exit(1)
    } else if (o.buildIfMissing) {
      const exists = await access(config.KB_INDEX).then(
        () => true,
        () => false,
      )
      if (!exists && !(await build(o.articles, config.KB_INDEX, false))) process.exit(1)
    }
    // requestedIndex reads KB_INDEX as loadConfig does, so the early load is the one to serve.
    const loading = earlyLoading && early === config.KB_INDEX ? earlyLoading : startLoadingIndex(config.KB_INDEX)
    const { startServer } = await import('../server.js')
    await startServer(config, loading)
  })

program
  .command('search')
  .description('search the KB from the command line')
  .argument('<query...>', 'query words; Lunr syntax works')
  .option('-i, --index <file>', 'artifact', DEFAULT_INDEX)
  .option('-n, --limit <n>', 'results', int('limit', 1, 50), 10)
  .option('--product <name>', 'only this product')
  .option('--tag <name>', 'only this tag')
  .option('--json', 'machine-readable output')
  .action(async (words: string[], o: { index: string; limit: number; product?: string; tag?: string; json?: boolean }) => {
    const [{ loadKnowledgeBase }, { search }, { printSearch }] = await Promise.all([
      import('../runtime/kb.js'),
      import('../core/search/search.js'),
      import('./output.js'),
    ])
    const kb = await loadKnowledgeBase(o.index)
    const result = search(kb.artifact, { q: words.join(' '), limit: o.limit, offset: 0, product: o.product, tag: o.tag })
    if (o.json) process.stdout.write(`${JSON.stringify(result)}\n`)
    else printSearch(result)
  })

program
  .command('match')
  .description('match pasted text (read from stdin) to articles')
  .option('-i, --index <file>', 'artifact', DEFAULT_INDEX)
  .option('-n, --limit <n>', 'results', int('limit', 1, 20), 5)
  .option('--json', 'machine-readable output')
  .action(async (o: { index: string; limit: number; json?: boolean }) => {
    const text = await readStdin()
    if (text.trim() === '') {
      process.stderr.write('kb match: nothing on standard input; pipe the error text in, e.g. kb match < error.log\n')
      process.exit(1)
    }
    const [{ loadKnowledgeBase }, { printMatch }] = await Promise.all([import('../runtime/kb.js'), import('./output.js')])
    const kb = await loadKnowledgeBase(o.index)
    const result = kb.matcher.match({ text, limit: o.limit })
    if (o.json) process.stdout.write(`${JSON.stringify(result)}\n`)
    else printMatch(result)
  })

program
  .command('eval')
  .description("measure matching on the KB's own labelled pastes (--pastes) or on its articles' own symptoms (--self)")
  .option('-a, --articles <dir>', 'articles folder', DEFAULT_ARTICLES)
  .option('--pastes <file>', 'labelled pastes, one JSON object a line: {"text": "...", "expect": "<article id>" or null, "kind": "..."}')
  .option('--self', "ask each article's own symptoms, each left out of the KB")
  .option('--json', 'machine-readable output')
  .action(async (o: { articles: string; pastes?: string; self?: boolean; json?: boolean }) => {
    if ((o.pastes === undefined) === (o.self !== true)) throw new CliError('give --pastes <file> or --self, one of them', 2)
    const [{ evalPastes, evalSelf }, { pastesText, selfText, roundedJson }, { PastesFileError }] = await Promise.all([
      import('../eval/owner.js'),
      import('../eval/report.js'),
      import('../eval/cases.js'),
    ])
    try {
      if (o.pastes !== undefined) {
        const pastes = o.pastes
        const r = await evalPastes({ articles: o.articles, pastes }).catch((err: unknown) => {
          if (err instanceof PastesFileError) throw new CliError(err.message, 1, { cause: err })
          const reason = (err as NodeJS.ErrnoException).path === pastes ? systemReason(err) : undefined
          throw reason ? new CliError(`cannot read ${pastes}: ${reason}`, 1, { cause: err }) : err
        })
        process.stdout.write(`${o.json ? roundedJson(r) : pastesText(r)}\n`)
      } else {
        const r = await evalSelf({ articles: o.articles })
        process.stdout.write(`${o.json ? roundedJson(r) : selfText(r)}\n`)
      }
    } catch (err) {
      // As `kb build`: every content problem on its line, then the failure.
      if (!(err instanceof ContentError)) throw err
      printProblems(err.problems)
      throw new CliError(`${err.message}; fix them (kb lint) before an eval`, 1, { cause: err })
    }
  })

registerImportCommand(program)
registerDraftCommand(program, DEFAULT_ARTICLES)
registerReportCommand(program, int)
registerNewCommand(program, DEFAULT_ARTICLES)
registerSchemaCommand(program)
registerDevCommand(program, DEFAULT_ARTICLES, int)

// A usage error is one line too, naming the command's help instead of printing it.
for (const command of [program, ...program.commands]) {
  const help = command === program ? 'kb --help' : `kb ${command.name()} --help`
  command.configureOutput({ outputError: (message, write) => write(`${message.trim()} (${help} for usage)\n`) })
}

let running = ''
program.hook('preAction', (_program, action) => {
  running = action.name()
})

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`${errorLine(running, err)}\n`)
  if (program.opts<{ debug?: boolean }>().debug) process.stderr.write(`${debugDetail(err)}\n`)
  process.exit(err instanceof CliError ? err.exitCode : 1)
})
