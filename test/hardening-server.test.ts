/**
 * Issue 14, the server process: shutdown has a deadline and turns readiness false before the
 * listener closes; a reload is loaded off the main thread and refuses an inconsistent index.
 */
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { connect } from 'node:net'
import path from 'node:path'
import { describe, it } from 'node:test'
import { type ArtifactPayload, artifactPayload, serializeArtifact, writeArtifact } from '../src/build/artifact/artifact.js'
import { buildFromFolder } from '../src/build/index/build.js'
import { ARTICLES } from './helpers/kb.js'
import { CLI, type ServerProcess, serve, waitFor } from './helpers/server.js'
import { tempDir } from './helpers/temp.js'

/** The bundled KB's artifact written to a fresh folder; returns the file. */
async function artifactFile(bytes?: Uint8Array): Promise<string> {
  const file = path.join(await tempDir('kb-hard-'), 'kb.json')
  await writeArtifact(file, bytes ?? (await buildFromFolder(ARTICLES)).bytes)
  return file
}

/** The bundled KB's payload. */
async function payload(): Promise<ArtifactPayload> {
  const { bytes } = await buildFromFolder(ARTICLES)
  return artifactPayload(Buffer.from(bytes))
}

/** The payload repeated `copies` times (ids suffixed, postings shifted): a large, consistent artifact. */
function repeated(p: ArtifactPayload, copies: number): Buffer {
  const n = p.articles.length
  const articles = Array.from({ length: copies }, (_, c) => p.articles.map((a) => ({ ...a, id: `${a.id}-${c}` }))).flat()
  const postings = p.index.postings.map((q) => {
    const out: number[] = []
    for (let c = 0; c < copies; c++) for (let i = 0; i < q.length; i += 3) out.push(q[i]! + c * n, q[i + 1]!, q[i + 2]!)
    return out
  })
  const codes = Array.from({ length: copies }, () => p.codes).flat()
  return serializeArtifact({ articles, codes, index: { ...p.index, docCount: n * copies, postings } })
}

async function ready(server: ServerProcess): Promise<void> {
  await waitFor(async () => ((await fetch(`http://127.0.0.1:${server.port}/readyz`)).ok ? true : undefined))
}

/** A request the server has received and is still reading: its body is announced, a tenth of it sent. */
function slowRequest(port: number): () => void {
  const socket = connect(port, '127.0.0.1')
  socket.on('error', () => {})
  socket.write(`POST /api/match HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"text": "`)
  return () => socket.destroy()
}

describe('shutdown', () => {
  it('has a deadline: a request that does not finish is cut off and the process exits with code 1', async () => {
    const server = await serve(await artifactFile(), 'info', { KB_SHUTDOWN_TIMEOUT_MS: '1500', KB_SHUTDOWN_DELAY_MS: '200', KB_QUERY_WORKERS: '1' })
    try {
      await ready(server)
      const release = slowRequest(server.port)
      await waitFor(async () => (/"url":"\/api\/match"[^\n]*"msg":"incoming request"/.test(server.log()) ? true : undefined))
      const signalled = Date.now()
      server.proc.kill('SIGTERM')
      const code = await Promise.race([server.exited, new Promise((r) => setTimeout(() => r('still running'), 1500 + 2000))])
      release()
      assert.equal(code, 1, 'exits non-zero once the deadline has passed')
      assert.ok(Date.now() - signalled >= 1400, `not before the deadline (${Date.now() - signalled} ms)`)
      assert.match(server.log(), /"deadlineMs":1500,"connections":1,"msg":"shutdown deadline passed; exiting with requests still open"/)
    } finally {
      server.proc.kill('SIGKILL')
    }
  })

  it('turns readiness false first and keeps serving for KB_SHUTDOWN_DELAY_MS, then closes cleanly', async () => {
    const server = await serve(await artifactFile(), 'info', { KB_SHUTDOWN_DELAY_MS: '1500', KB_QUERY_WORKERS: '1' })
    try {
      await ready(server)
      server.proc.kill('SIGTERM')
      await waitFor(async () => (server.log().includes('draining, then closing') ? true : undefined))
      const readyz = await fetch(`http://127.0.0.1:${server.port}/readyz`)
      assert.equal(readyz.status, 503)
      assert.equal(((await readyz.json()) as { ready: boolean }).ready, false)
      const search = await fetch(`http://127.0.0.1:${server.port}/api/search?q=iis`)
      assert.equal(search.status, 200, 'requests are still answered while the load balancer catches up')
      assert.equal(search.headers.get('connection'), 'close', 'and their connections are not kept')
      assert.equal(await server.exited, 0)
    } finally {
      server.proc.kill('SIGKILL')
    }
  })

  it('refuses a delay as long as the deadline', () => {
    const r = spawnSync(process.execPath, [CLI, 'serve', '--index', 'nonexistent.json'], {
      env: { ...process.env, KB_SHUTDOWN_TIMEOUT_MS: '1000', KB_SHUTDOWN_DELAY_MS: '1000' },
      encoding: 'utf8',
    })
    assert.equal(r.status, 1)
    assert.equal(r.stderr.trim(), 'Invalid configuration: KB_SHUTDOWN_DELAY_MS (1000) must be less than KB_SHUTDOWN_TIMEOUT_MS (1000), which it is part of')
  })
})

describe('reload', () => {
  it('refuses an artifact whose index is inconsistent, keeps serving the previous one, and a start with it fails in one line', async () => {
    const good = await payload()
    const cut = structuredClone(good)
    cut.index.postings = cut.index.postings.slice(0, 100) // postings cut short, the checksum made to match
    const file = await artifactFile(serializeArtifact(good))
    const server = await serve(file, 'info', { KB_QUERY_WORKERS: '1' })
    const problem = `its index is inconsistent (the index has ${good.index.terms.length} terms but postings for 100)`
    try {
      await ready(server)
      await writeArtifact(file, serializeArtifact(cut))
      server.proc.kill('SIGHUP')
      await waitFor(async () => (server.log().includes('index reload refused') ? true : undefined))
      assert.ok(server.log().includes(`"reason":"Cannot load index artifact ${file}: ${problem}. Rebuild it with:`), server.log())
      const res = (await (await fetch(`http://127.0.0.1:${server.port}/api/search?q=Connections_Refused`)).json()) as { total: number }
      assert.ok(res.total > 0, 'the previous index still answers')
    } finally {
      server.proc.kill('SIGKILL')
    }
    const start = spawnSync(process.execPath, [CLI, 'serve', '--index', file, '--port', '0'], { encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'warn' } })
    assert.equal(start.status, 1)
    assert.equal(start.stderr.trim(), `Cannot load index artifact ${file}: ${problem}. Rebuild it with: npm run kb -- build --out ${file}`)
  })

  it('a start with an edited artifact fails on its checksum, taken on the main thread while the loader decodes', async () => {
    const bytes = Buffer.from(serializeArtifact(await payload()))
    // A byte of the postings changed: decoding may run into it too, but the checksum is what is reported.
    bytes[Math.floor(bytes.length / 2)]! ^= 0xff
    const file = await artifactFile(bytes)
    const start = spawnSync(process.execPath, [CLI, 'serve', '--index', file, '--port', '0'], { encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'warn' } })
    assert.equal(start.status, 1)
    assert.equal(
      start.stderr.trim(),
      `Cannot load index artifact ${file}: it is corrupt (its checksum does not match; truncated or edited?). Rebuild it with: npm run kb -- build --out ${file}`,
    )
  })

  it('loads off the main thread: /healthz keeps answering while a large artifact is reloaded', async (t) => {
    const big = repeated(await payload(), 100) // about 30 MB, as the issue's
    const file = await artifactFile(big)
    const server = await serve(file, 'info', { KB_QUERY_WORKERS: '1' })
    try {
      await ready(server)
      const reloads = 3
      let worst = 0
      let done = false
      const poll = (async () => {
        while (!done) {
          const t = performance.now()
          await (await fetch(`http://127.0.0.1:${server.port}/healthz`)).json()
          worst = Math.max(worst, performance.now() - t)
          await new Promise((r) => setTimeout(r, 5))
        }
      })()
      for (let i = 1; i <= reloads; i++) {
        server.proc.kill('SIGHUP')
        await waitFor(async () => ((server.log().match(/"msg":"index reloaded"/g)?.length ?? 0) >= i ? true : undefined), 30_000)
      }
      done = true
      await poll
      // Loading this artifact on the main thread stalled /healthz for 2.4 s (measured before the loader thread).
      t.diagnostic(`worst /healthz latency during ${reloads} reloads: ${worst.toFixed(0)} ms`)
      assert.ok(worst < 400, `worst /healthz latency during ${reloads} reloads: ${worst.toFixed(0)} ms`)
    } finally {
      server.proc.kill('SIGKILL')
    }
  })
})
