import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { once } from 'node:events'
import type { Worker } from 'node:worker_threads'
import { BACKGROUND_NICE_STEP, startThread, stopThread } from '../src/threads.js'
import { niceOf } from './helpers/nice.js'

const ENTRY = new URL('./helpers/stoppable-thread.ts', import.meta.url)

async function started(): Promise<Worker> {
  const w = startThread(ENTRY)
  await once(w, 'online')
  return w
}

describe('stopping a thread', () => {
  it('lets it finish the message it is handling, then it exits by itself (code 0)', async () => {
    const w = await started()
    const replies: unknown[] = []
    w.on('message', (m) => replies.push(m))
    const exit = once(w, 'exit')
    w.postMessage({ busy: 300 })
    await new Promise((r) => setTimeout(r, 50)) // it is inside the busy message now
    await stopThread(w)
    assert.deepEqual(replies, ['done'], 'the message it was handling was answered before it exited')
    assert.deepEqual(await exit, [0])
    assert.equal(w.threadId, -1)
  })

  it('terminates a thread that does not come back to its messages within the grace time', async () => {
    const w = await started()
    w.postMessage({ hang: true })
    const t0 = Date.now()
    await stopThread(w, 200)
    assert.equal(w.threadId, -1)
    assert.ok(Date.now() - t0 >= 190, 'it was given the grace time first')
  })

  it('stops a thread decompressing brotli, again and again, without aborting the process (Node 20 zlib: see src/threads.ts)', async () => {
    // terminate() at the same points aborted a process like this one within 8 to 71 rounds.
    for (let round = 0; round < 15; round++) {
      const w = await started()
      const decoding = once(w, 'message')
      w.postMessage({ decode: true })
      await decoding
      await new Promise((r) => setTimeout(r, round % 5))
      await stopThread(w)
      assert.equal(w.threadId, -1)
    }
  })

  it('is a no-op on a thread that has already exited', async () => {
    const w = await started()
    await stopThread(w)
    await stopThread(w)
    assert.equal(w.threadId, -1)
  })
})

describe('a thread run in the background', { skip: process.platform !== 'linux' && 'per-thread priority is Linux only' }, () => {
  it('runs at a lower priority than its process, which keeps its own', async () => {
    const w = await started()
    try {
      const mainNice = niceOf(process.pid)
      w.postMessage({ background: true })
      const [got] = (await once(w, 'message')) as [{ tid: number; nice: number }]
      const expected = Math.min(19, mainNice + BACKGROUND_NICE_STEP)
      assert.notEqual(got.tid, process.pid, 'the thread has an id of its own')
      assert.equal(got.nice, expected)
      assert.equal(niceOf(got.tid), expected, 'the kernel reports the thread at the lower priority')
      assert.equal(niceOf(process.pid), mainNice, 'the main thread (the answers) keeps its priority')
    } finally {
      await stopThread(w)
    }
  })
})
