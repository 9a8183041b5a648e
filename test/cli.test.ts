import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { once } from 'node:events'
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import path from 'node:path'
import { describe, it } from 'node:test'
import { ARTIFACT_VERSION } from '../src/build/artifact/artifact.js'
import { LIMITS } from '../src/limits.js'
import { REPO } from './helpers/kb.js'
import { CLI, freePort, serve, waitFor } from './helpers/server.js'
import { tempDir } from './helpers/temp.js'

/** Run the kb CLI. */
function kb(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: REPO,
    input,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, LOG_LEVEL: 'silent' },
  })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe('kb lint / build', () => {
  it('broken articles: one line each, non-zero exit, nothing written', async () => {
    const dir = await tempDir('kb-cli-')
    const out = path.join(dir, 'kb.json')
    const lint = kb(['lint', '--articles', 'test/fixtures/broken-kb'])
    assert.equal(lint.code, 1)
    assert.deepEqual(lint.stderr.trim().split('\n'), [
      'test/fixtures/broken-kb/bad-yaml.md:3 yaml: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
      'test/fixtures/broken-kb/no-symptoms.md:1 symptoms: required field is missing; it must be a non-empty list of strings',
    ])
    assert.match(lint.stdout, /FAILED: 1 valid articles, 2 errors, 0 warnings/)
    const build = kb(['build', '--articles', 'test/fixtures/broken-kb', '--out', out])
    assert.equal(build.code, 1)
    assert.equal(build.stderr.trim().split('\n').length, 3)
    assert.match(build.stderr, /Build failed: 2 errors in articles; nothing was written\./)
    await assert.rejects(stat(out))
    const json = kb(['lint', '--articles', 'test/fixtures/broken-kb', '--json'])
    assert.equal(JSON.parse(json.stdout).problems.length, 2)
  })

  it('builds byte-identical artifacts twice, and another KB builds and serves with the same commands', async () => {
    const dir = await tempDir('kb-cli-')
    const a = path.join(dir, 'a.json')
    const b = path.join(dir, 'b.json')
    assert.equal(kb(['build', '--out', a]).code, 0)
    assert.equal(kb(['build', '--out', b]).code, 0)
    assert.ok((await readFile(a)).equals(await readFile(b)))

    const other = path.join(dir, 'other.json')
    const built = kb(['build', '--articles', 'test/fixtures/other-kb', '--out', other, '--json'])
    assert.equal(built.code, 0, built.stderr)
    assert.equal(JSON.parse(built.stdout).articles, 2)
    const found = kb(['search', 'ENOTFOUND', '--index', other, '--json'])
    assert.equal(JSON.parse(found.stdout).results[0].id, 'dns-nxdomain')
    const matched = kb(['match', '--index', other, '--json'], '2024-01-01 ERROR write failed: ENOSPC: no space left on device, write\n')
    assert.equal(JSON.parse(matched.stdout).results[0].id, 'disk-full')

    const server = await serve(other, 'silent')
    try {
      const health = await waitFor(async () => (await fetch(`http://127.0.0.1:${server.port}/healthz`)).json() as Promise<{ articles: number }>)
      assert.equal(health.articles, 2)
      const res = await fetch(`http://127.0.0.1:${server.port}/api/search?q=NXDOMAIN`)
      assert.equal(((await res.json()) as { results: Array<{ id: string }> }).results[0]?.id, 'dns-nxdomain')
    } finally {
      server.proc.kill('SIGTERM')
      await server.exited
    }
  })
})

describe('kb serve / search / match', () => {
  it('refuses to serve a corrupt artifact, saying how to rebuild', async () => {
    const dir = await tempDir('kb-cli-')
    const bad = path.join(dir, 'bad.json')
    await writeFile(bad, '{"format":"kb-search-artifact","version":"0.0"}\n{}')
    const r = kb(['serve', '--index', bad, '--port', '0'])
    assert.equal(r.code, 1)
    assert.equal(
      r.stderr.trim(),
      `Cannot load index artifact ${bad}: it has format version 0.0, this server reads version ${ARTIFACT_VERSION}. Rebuild it with: npm run kb -- build --out ${bad}`,
    )
  })

  it('search and match print readable results; match reads stdin', async () => {
    const dir = await tempDir('kb-cli-')
    const out = path.join(dir, 'kb.json')
    assert.equal(kb(['build', '--out', out]).code, 0)
    const s = kb(['search', 'Connections_Refused', '--index', out])
    assert.match(s.stdout, /^\d+ results\n\n1\. IIS 6 .*\[iis6-connections-refused-nonpaged-pool\]/)
    const m = kb(['match', '--index', out], 'Sm_AgentApi_Init Failed')
    assert.match(m.stdout, /1\. SiteMinder .*\[siteminder-iis-agent-sm-agentapi-init-failed-stale-connections\]  confidence/)
    assert.match(m.stdout, /← Sm_AgentApi_Init Failed/)
    const empty = kb(['match', '--index', out], '   ')
    assert.equal(empty.code, 1)
    assert.match(empty.stderr, /nothing on standard input/)
    const usage = kb(['search'])
    assert.equal(usage.code, 2)
  })
})

describe('every failure is one line, exit 1 (failure) or 2 (usage), no stack unless --debug (issue 14)', () => {
  const tmp = () => tempDir('kb-cli-')
  const oneLine = (r: { stderr: string }, line: string) => assert.deepEqual(r.stderr.split('\n'), [line, ''])
  const article = (id: string, extra: string[] = [], body = 'Body\n') =>
    ['---', `id: ${id}`, 'title: T', 'symptoms: [s]', 'environment: [e]', 'cause: c', 'resolution: r', ...extra, '---', body].join('\n')
  const list = (levels: number) => Array.from({ length: levels }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n')

  it('deeply nested Markdown: lint and build fail with the file, line and field, at once', async () => {
    // Before: lint said OK; build overflowed the stack (a 9-line RangeError), the list after 29.5 s.
    const dir = await tmp()
    await writeFile(path.join(dir, 'quotes.md'), article('quotes', [], `${'>'.repeat(3000)} deep\n`))
    await writeFile(path.join(dir, 'cause.md'), article('cause', [], 'Body\n').replace('cause: c', `cause: "${'>'.repeat(5000)} x"`))
    await writeFile(path.join(dir, 'list.md'), article('list', [], `${list(800)}\n`))
    await writeFile(path.join(dir, 'images.md'), article('images', [], `${'!['.repeat(5000)}x${'](u)'.repeat(5000)}\n`))
    const tooDeep = `Markdown is nested more than ${LIMITS.markdownNesting} levels deep (block quotes and list items); flatten it`
    const crowded = `Markdown has more than ${LIMITS.markdownInlineOpeners} link brackets and emphasis marks ("[", "*", "_", "~") between blank lines; break it up with blank lines`
    const lines = [
      `${dir}/cause.md:6 cause: ${tooDeep}`,
      `${dir}/images.md:9 body: ${crowded}`,
      `${dir}/list.md:41 body: ${tooDeep}`,
      `${dir}/quotes.md:9 body: ${tooDeep}`,
    ]
    const started = Date.now()
    const lint = kb(['lint', '--articles', dir])
    assert.equal(lint.code, 1)
    assert.deepEqual(lint.stderr.trim().split('\n'), lines)
    const out = path.join(dir, 'kb.json')
    const build = kb(['build', '--articles', dir, '--out', out])
    assert.equal(build.code, 1)
    assert.deepEqual(build.stderr.trim().split('\n'), [...lines, 'Build failed: 4 errors in articles; nothing was written.'])
    assert.ok(Date.now() - started < 15_000, `lint and build took ${Date.now() - started} ms`)
    await assert.rejects(stat(out))
  })

  it("an id of the limit's length builds and is served; a longer one fails lint with its line", async () => {
    const dir = await tmp()
    const longest = 'ab-'.repeat(LIMITS.articleIdChars).slice(0, LIMITS.articleIdChars).replace(/-$/, 'c')
    assert.equal(longest.length, LIMITS.articleIdChars)
    await writeFile(path.join(dir, 'longest.md'), article(longest))
    const out = path.join(dir, 'kb.json')
    assert.equal(kb(['build', '--articles', dir, '--out', out]).code, 0)
    const server = await serve(out, 'silent')
    try {
      const res = await waitFor(() => fetch(`http://127.0.0.1:${server.port}/api/articles/${longest}`))
      assert.equal(res.status, 200)
      assert.equal(((await res.json()) as { id: string }).id, longest)
    } finally {
      server.proc.kill('SIGTERM')
      await server.exited
    }
    await writeFile(path.join(dir, 'too-long.md'), article(`${longest}c`))
    const lint = kb(['lint', '--articles', dir])
    assert.equal(lint.code, 1)
    oneLine(lint, `${dir}/too-long.md:2 id: must be at most ${LIMITS.articleIdChars} characters long, got ${LIMITS.articleIdChars + 1}`)
  })

  it('an articles folder that is missing or a file', async () => {
    oneLine(kb(['lint', '--articles', '/nonexistent']), 'kb lint: cannot read articles folder /nonexistent: it does not exist')
    const file = path.join(await tmp(), 'one.md')
    await writeFile(file, article('one'))
    const r = kb(['build', '--articles', file, '--out', path.join(path.dirname(file), 'kb.json')])
    assert.equal(r.code, 1)
    oneLine(r, `kb build: cannot read articles folder ${file}: it is not a folder`)
  })

  it('an --out that cannot be written, is a folder, or is empty; no temporary file is left behind', async () => {
    const dir = await tmp()
    const proc = kb(['build', '--articles', 'test/fixtures/other-kb', '--out', '/proc/x.json'])
    assert.equal(proc.code, 1)
    oneLine(proc, 'kb build: cannot write /proc/x.json: no such file or folder (ENOENT)')
    const folder = path.join(dir, 'sub')
    await mkdir(folder)
    const isDir = kb(['build', '--articles', 'test/fixtures/other-kb', '--out', folder])
    assert.equal(isDir.code, 1)
    oneLine(isDir, `kb build: cannot write ${folder}: it is a folder; name the artifact file, such as ${path.join(folder, 'kb-index.bin')}`)
    const empty = kb(['build', '--articles', 'test/fixtures/other-kb', '--out', ''])
    assert.equal(empty.code, 2)
    oneLine(empty, 'kb build: --out must name a file')
    assert.deepEqual(await readdir(dir), ['sub'])
    assert.deepEqual(await readdir(folder), [])
    assert.deepEqual(
      (await readdir(REPO)).filter((f) => f.endsWith('.tmp')),
      [],
    )
  })

  it('kb serve on a port in use or an address not on this machine', async () => {
    const dir = await tmp()
    const index = path.join(dir, 'kb.json')
    assert.equal(kb(['build', '--articles', 'test/fixtures/other-kb', '--out', index]).code, 0)
    const port = await freePort()
    const taken = createServer().listen(port, '127.0.0.1')
    await once(taken, 'listening')
    try {
      const inUse = kb(['serve', '--index', index, '--port', String(port), '--host', '127.0.0.1'])
      assert.equal(inUse.code, 1)
      oneLine(inUse, `kb serve: cannot listen on 127.0.0.1:${port}: the address is already in use (EADDRINUSE)`)
    } finally {
      taken.close()
    }
    const away = kb(['serve', '--index', index, '--port', String(port), '--host', '203.0.113.5'])
    assert.equal(away.code, 1)
    oneLine(away, `kb serve: cannot listen on 203.0.113.5:${port}: the address is not on this machine (EADDRNOTAVAIL)`)
  })

  it('--debug adds the stack trace; a usage error is one line too', () => {
    const debug = kb(['lint', '--articles', '/nonexistent', '--debug'])
    assert.equal(debug.code, 1)
    assert.match(debug.stderr, /^kb lint: cannot read articles folder \/nonexistent: it does not exist\n.*\n\s+at /)
    const usage = kb(['search'])
    assert.equal(usage.code, 2)
    oneLine(usage, "error: missing required argument 'query' (kb search --help for usage)")
  })

  it('kb build and kb lint of a folder with no articles fail and say so', async () => {
    const dir = await tmp()
    await writeFile(path.join(dir, 'README.md'), '# Notes\n')
    const out = path.join(dir, 'kb.json')
    const build = kb(['build', '--articles', dir, '--out', out])
    assert.equal(build.code, 1)
    assert.deepEqual(build.stderr.split('\n'), [
      `${dir}/README.md:1 file: warning: skipped: a README is not an article`,
      `kb build: no articles in ${dir}; nothing was written`,
      '',
    ])
    await assert.rejects(stat(out))
    const lint = kb(['lint', '--articles', dir])
    assert.equal(lint.code, 1)
    assert.match(lint.stderr, new RegExp(`\nkb lint: no articles in ${dir}\n$`))
  })
})
