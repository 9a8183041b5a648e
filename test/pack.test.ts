/**
 * The package as a KB team gets it: `npm pack` this project, install the tarball into a temporary
 * KB repository that holds only `articles/` (3 of the bundled articles), and run `npx kb lint`,
 * `build`, `search`, `match` and `serve` there, as its CI and its authors would. Nothing from this
 * working tree is on the way but the tarball: the repository has its own node_modules, and the
 * server finds its page and widget inside the installed package.
 *
 * Packed with --ignore-scripts: prepack would run the whole build again (TypeScript and both bundles,
 * about 20 s), and npm test has just built the bundles and the page (build:web, build:server), as
 * the other tests of the bundled CLI need; run alone, this file packs whatever build/ holds, so
 * build first (`npm run -s build:web && npm run -s build:server`). It does not build itself: npm test
 * runs test files side by side, and a rebuild here would rewrite the bundle under the others. The
 * install needs the npm registry (or npm's cache: --prefer-offline); about 50 s the first time on
 * this machine, a few seconds after.
 */
import assert from 'node:assert/strict'
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { REPO } from './helpers/kb.js'
import { freePort, waitFor } from './helpers/server.js'

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx'

/** Run a command to its end, bounded in time; its output, and a failure with both streams. */
function run(cmd: string, args: string[], cwd: string, options: { input?: string; timeout?: number; env?: Record<string, string> } = {}) {
  const r = spawnSync(cmd, args, {
    cwd,
    input: options.input,
    encoding: 'utf8',
    timeout: options.timeout ?? 60_000,
    env: { ...process.env, KB_EVENTS: '0', LOG_LEVEL: 'silent', npm_config_update_notifier: 'false', ...options.env },
  })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, error: r.error }
}

describe('the packed package, installed in a KB repository with only articles/', { timeout: 420_000 }, () => {
  let tmp: string
  let repo: string
  let version: string
  let server: ChildProcess | undefined

  before(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'kb-pack-'))
    version = (JSON.parse(await readFile(path.join(REPO, 'package.json'), 'utf8')) as { version: string }).version
    const packed = run(NPM, ['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], REPO, { timeout: 120_000 })
    assert.equal(packed.code, 0, packed.stderr)
    const [{ filename, files }] = JSON.parse(packed.stdout) as [{ filename: string; files: Array<{ path: string }> }]
    const shipped = files.map((f) => f.path)
    for (const f of [
      'build/bundle/main.js',
      'build/bundle/worker.js',
      'build/bundle/artifact-worker.js',
      'build/public/index.html',
      'build/public/widget.js',
    ]) {
      assert.ok(shipped.includes(f), `${f} is not in the package`)
    }
    assert.ok(!shipped.some((f) => f.startsWith('src/') && f.endsWith('.ts')), 'TypeScript sources are in the package')

    repo = path.join(tmp, 'my-kb')
    await mkdir(path.join(repo, 'articles'), { recursive: true })
    const articles = (await readdir(path.join(REPO, 'articles'))).filter((f) => f.endsWith('.md')).sort()
    for (const f of articles.slice(0, 3)) await copyFile(path.join(REPO, 'articles', f), path.join(repo, 'articles', f))
    await writeFile(path.join(repo, 'package.json'), `${JSON.stringify({ name: 'my-kb', private: true }, null, 2)}\n`)
    const installed = run(NPM, ['install', path.join(tmp, filename), '--no-audit', '--no-fund', '--prefer-offline'], repo, { timeout: 300_000 })
    assert.equal(installed.code, 0, `${installed.stderr}${installed.error ? ` ${installed.error.message}` : ''}`)
  })

  after(async () => {
    // The server was started in its own process group (npx, then node): end that group, then wait for it.
    if (server?.pid !== undefined && server.exitCode === null) {
      const exited = new Promise((r) => server!.once('exit', r))
      process.kill(-server.pid, 'SIGTERM')
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))])
    }
    await rm(tmp, { recursive: true, force: true })
  })

  it('kb --version is the package version', () => {
    const r = run(NPX, ['kb', '--version'], repo)
    assert.equal(r.code, 0, r.stderr)
    assert.equal(r.stdout, `${version}\n`)
  })

  it('npx kb lint and npx kb build work on the articles', async () => {
    const lint = run(NPX, ['kb', 'lint'], repo)
    assert.equal(lint.code, 0, lint.stderr)
    assert.match(lint.stdout, /^OK: 3 valid articles, 0 errors/)
    const build = run(NPX, ['kb', 'build'], repo)
    assert.equal(build.code, 0, build.stderr)
    assert.match(build.stdout, /^Built dist\/kb-index\.bin: 3 articles/)
    assert.ok((await stat(path.join(repo, 'dist', 'kb-index.bin'))).size > 1000)
  })

  it('npx kb search and npx kb match answer from the artifact', () => {
    const search = run(NPX, ['kb', 'search', 'connections refused', '--json'], repo)
    assert.equal(search.code, 0, search.stderr)
    assert.ok((JSON.parse(search.stdout) as { results: unknown[] }).results.length > 0)
    const match = run(NPX, ['kb', 'match', '--json'], repo, { input: 'HTTP Error 503. The service is unavailable.\n' })
    assert.equal(match.code, 0, match.stderr)
    assert.ok(Array.isArray((JSON.parse(match.stdout) as { results: unknown[] }).results))
  })

  it('npx kb serve answers /healthz with the version, a search, the schema and the page', async () => {
    const port = await freePort()
    server = spawn(NPX, ['kb', 'serve', '--port', String(port), '--host', '127.0.0.1'], {
      cwd: repo,
      detached: true,
      stdio: 'ignore',
      env: { ...process.env, KB_EVENTS: '0', LOG_LEVEL: 'silent', npm_config_update_notifier: 'false' },
    })
    const base = `http://127.0.0.1:${port}`
    const health = await waitFor(async () => {
      const res = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(2000) })
      const body = (await res.json()) as { ready: boolean; version: string; articles: number }
      return body.ready ? body : undefined
    }, 60_000)
    assert.equal(health.version, version)
    assert.equal(health.articles, 3)
    const search = (await (await fetch(`${base}/api/search?q=connections`)).json()) as { results: unknown[] }
    assert.ok(search.results.length > 0)
    const schema = (await (await fetch(`${base}/schema/article.json`)).json()) as { properties: Record<string, unknown> }
    assert.ok(schema.properties.symptoms)
    const page = await fetch(`${base}/`)
    assert.equal(page.status, 200)
    assert.match(await page.text(), /<html/i)
  })
})
