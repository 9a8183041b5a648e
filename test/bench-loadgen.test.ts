/**
 * The benchmark's paced load (bench/loadgen.ts, job.rate): requests leave on schedule whatever the
 * answers, and latency runs from the scheduled time, so a server that falls behind the rate shows
 * it in its latency (a closed loop would only see each answer's own time). Against a loopback
 * server that answers after a fixed delay.
 */
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { promisify } from 'node:util'
import type { LoadJob, LoadOutcome } from '../bench/loadgen.js'

const DELAY_MS = 40

describe('bench load generator, paced (open loop)', () => {
  let server: http.Server
  let url: string
  let dir: string
  let answered = 0
  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kb-loadgen-'))
    server = http.createServer((req, res) => {
      req.resume()
      setTimeout(() => {
        answered++
        res.end('{}')
      }, DELAY_MS)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  after(async () => {
    server.close()
    await rm(dir, { recursive: true, force: true })
  })

  /** Run the load generator on a job, as the benchmark does (a process of its own). */
  async function paced(connections: number, rate: number, durationS: number): Promise<LoadOutcome> {
    const job: LoadJob = {
      url,
      connections,
      durationS,
      rate,
      requests: [
        { method: 'GET', path: '/a' },
        { method: 'POST', path: '/b', body: '{"text":"x"}' },
      ],
    }
    const file = path.join(dir, `job-${connections}-${rate}.json`)
    await writeFile(file, JSON.stringify(job))
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', path.join('bench', 'loadgen.ts'), file], { timeout: 60_000 })
    return JSON.parse(stdout.trim().split('\n').at(-1)!) as LoadOutcome
  }

  it('sends rate × duration requests, and latency near the answer time when the server keeps up', async () => {
    const before = answered
    // 4 connections at 40 ms an answer can take 100 a second: 50 a second never waits.
    const o = await paced(4, 50, 1)
    assert.equal(o.requests, 50)
    assert.equal(answered - before, 50)
    assert.equal(o.missed, 0)
    assert.equal(o.non2xx + o.errors + o.timeouts, 0)
    assert.ok(o.p50 >= DELAY_MS && o.p50 < DELAY_MS * 2.5, `p50 ${o.p50} ms`)
    assert.ok(o.histogram && o.histogram.reduce((n, [, c]) => n + c, 0) === 50)
  })

  it('counts the wait for a free connection when the server falls behind the rate', async () => {
    // One connection answers 25 a second; 50 a second are scheduled 20 ms apart, so request i
    // is answered about 40 + 20·i ms after its scheduled time: the median about half a second.
    const o = await paced(1, 50, 1)
    assert.equal(o.requests, 50)
    assert.ok(o.p50 > 300, `p50 ${o.p50} ms: a closed loop would report about ${DELAY_MS} ms`)
    assert.ok(o.max > 800 && o.max < 3000, `max ${o.max} ms`)
  })
})
