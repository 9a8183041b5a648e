import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, it } from 'node:test'
import { ARTIFACT_VERSION } from '../src/indexing/artifact.js'
import { REPO } from './helpers/kb.js'
import { CLI, serve, waitFor } from './helpers/server.js'

const FIX = path.join(REPO, 'test', 'fixtures')


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
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kb-cli-'))
    const out = path.join(dir, 'kb.json')
    const lint = kb(['lint', '--articles', 'test/fixtures/broken-kb'])
    assert.equal(lint.code, 1)
    assert.deepEqual(lint.stderr.trim().split('\n'), [
      'test/fixtures/broken-kb/bad-yaml.md:3 yaml: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
      "test/fixtures/broken-kb/no-symptoms.md:1 symptoms: required field is missing; it must be a non-empty list of strings",
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
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kb-cli-'))
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
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kb-cli-'))
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
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kb-cli-'))
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
