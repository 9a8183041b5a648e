import assert from 'node:assert/strict'
import { execFileSync, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import { buildFromFolder } from '../src/build/index/build.js'
import { writeArtifact } from '../src/build/artifact/artifact.js'
import { collectGarbage, missingNodeFlags, NODE_FLAGS } from '../src/runtime/memory.js'
import { ARTICLES, REPO } from './helpers/kb.js'
import { CLI, freePort, waitFor } from './helpers/server.js'
import { tempDir } from './helpers/temp.js'

const MEMORY = JSON.stringify(path.join(REPO, 'src', 'runtime', 'memory.ts'))

/** Run a script importing memory.ts in a node started with `flags`; its stdout. */
function runWith(flags: string[], script: string): string {
  return execFileSync(process.execPath, [...flags, '--import', 'tsx', '--input-type=module', '-e', script], { cwd: REPO, encoding: 'utf8' })
}

describe('collectGarbage', () => {
  it('with --expose-gc, frees what nothing references any more, and can run again', () => {
    const out = runWith(
      ['--expose-gc'],
      `const { collectGarbage } = await import(${MEMORY})
      let garbage = Array.from({ length: 200 }, () => Array.from({ length: 25_000 }, (_, i) => i + 0.5))
      const held = process.memoryUsage().heapUsed
      garbage = garbage.length && undefined
      const ran = collectGarbage()
      const after = process.memoryUsage().heapUsed
      console.log(JSON.stringify({ ran, freed: held - after, again: collectGarbage() }))`,
    )
    const r = JSON.parse(out) as { ran: boolean; freed: number; again: boolean }
    assert.equal(r.ran, true)
    assert.equal(r.again, true)
    assert.ok(r.freed > 20e6, `freed ${Math.round(r.freed / 1e6)} MB`)
  })

  it('without --expose-gc, does nothing and says so: no flag is switched at run time', () => {
    const out = runWith([], `const { collectGarbage } = await import(${MEMORY}); console.log(collectGarbage(), typeof globalThis.gc)`)
    assert.equal(out.trim(), 'false undefined')
  })

  it('in this process, answers whether gc() is exposed', () => {
    assert.equal(collectGarbage(), typeof (globalThis as { gc?: unknown }).gc === 'function')
  })
})

describe('NODE_FLAGS', () => {
  it('are the flags of the kb command (its first line) and of npm start / npm run kb', () => {
    const shebang = readFileSync(path.join(REPO, 'src', 'cli', 'main.ts'), 'utf8').split('\n')[0]
    assert.equal(shebang, `#!/usr/bin/env -S node ${NODE_FLAGS.join(' ')}`)
    const scripts = (JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts
    assert.equal(scripts.start, `node ${NODE_FLAGS.join(' ')} build/bundle/main.js serve --build-if-missing`)
    assert.equal(scripts.kb, `node ${NODE_FLAGS.join(' ')} build/bundle/main.js`)
  })

  it('reach the query workers: a worker runs with the process V8 flags and refuses them in its execArgv', () => {
    const script = `const { Worker } = require('node:worker_threads')
      const w = new Worker("require('node:worker_threads').parentPort.postMessage(typeof gc)", { eval: true })
      w.once('message', (m) => { console.log(m); let refused = ''
        try { new Worker('0', { eval: true, execArgv: ['--expose-gc'] }) } catch (e) { refused = e.code }
        console.log(refused); w.terminate() })`
    const out = execFileSync(process.execPath, [...NODE_FLAGS, '-e', script], { encoding: 'utf8' })
    assert.deepEqual(out.trim().split('\n'), ['function', 'ERR_WORKER_INVALID_EXEC_ARGV'])
  })

  it('missingNodeFlags names the ones a process was started without', () => {
    const exposed = typeof (globalThis as { gc?: unknown }).gc === 'function'
    assert.deepEqual(missingNodeFlags(['--no_allocation_site_pretenuring', '--no-memory-reducer']), exposed ? [] : ['--expose-gc'])
    assert.deepEqual(missingNodeFlags([]), exposed ? ['--no-allocation-site-pretenuring', '--no-memory-reducer'] : [...NODE_FLAGS])
  })
})

describe('kb serve and the flags', () => {
  /** The server's log up to 'serving', started as `command args`. */
  async function servingLog(command: string, args: string[], index: string): Promise<string> {
    const port = await freePort()
    const proc = spawn(command, [...args, 'serve', '--index', index, '--port', String(port), '--host', '127.0.0.1'], {
      env: { ...process.env, KB_EVENTS: '0', LOG_LEVEL: 'info' },
    })
    let log = ''
    proc.stdout.on('data', (d: Buffer) => (log += d.toString()))
    try {
      return await waitFor(async () => (log.includes('"msg":"serving"') ? log : undefined), 20_000)
    } finally {
      proc.kill('SIGKILL')
    }
  }

  it('runs with them when started as the kb command (its first line), and warns when node was started without them', async () => {
    const index = path.join(await tempDir('kb-flags-'), 'kb.json')
    await writeArtifact(index, (await buildFromFolder(ARTICLES)).bytes)
    const warning = /"missing":\[(.*?)\][^\n]*"msg":"node was started without these V8 flags/
    assert.doesNotMatch(await servingLog(CLI, [], index), warning)
    const plain = warning.exec(await servingLog(process.execPath, [CLI], index))
    assert.equal(plain?.[1], NODE_FLAGS.map((f) => JSON.stringify(f)).join(','))
  })
})
