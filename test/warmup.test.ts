import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { readEveryArticle, WARMUP, warmUp, warmupSteps } from '../src/runtime/query/warmup.js'
import { bundledCopies, kbFrom } from './helpers/kb.js'

describe('warm-up of a loaded KB', () => {
  it('makes a search and a match from each sampled article', async () => {
    const kb = await kbFrom()
    const steps = warmupSteps(kb)
    assert.equal(steps.length, 2 * Math.min(WARMUP.articles, kb.artifact.articles.length))
    for (const step of steps) step(kb) // none throws on the bundled KB
  })

  it('runs every step when given time, and stops as soon as the build is no longer wanted', async () => {
    const kb = await kbFrom()
    const all = await warmUp(kb, () => true, 60_000)
    assert.equal(all.steps, warmupSteps(kb).length)
    let asked = 0
    const stopped = await warmUp(kb, () => ++asked <= 3, 60_000)
    assert.equal(stopped.steps, 3)
  })

  it('stops when out of time', async () => {
    const kb = await kbFrom()
    const r = await warmUp(kb, () => true, 0)
    assert.ok(r.steps <= 1, `${r.steps} steps in ${r.ms} ms`)
  })

  it('decodes every article of a build in batches, other work running between them, and stops when the build is no longer wanted', async () => {
    const kb = await kbFrom(await bundledCopies(300))
    const n = kb.artifact.articles.length
    assert.ok(n > 250, `${n} articles: more than one batch`)
    let between = 0
    const tick = setInterval(() => between++, 0)
    const all = await readEveryArticle(kb, () => true)
    clearInterval(tick)
    assert.equal(all.articles, n)
    assert.ok(between > 0, 'a timer ran between two batches')
    const stopped = await readEveryArticle(kb, () => false)
    assert.equal(stopped.articles, 0)
  })

  it('lets other work run between two steps', async () => {
    const kb = await kbFrom()
    let between = 0
    const warming = warmUp(kb, () => true, 60_000)
    const tick = setInterval(() => between++, 0)
    await warming
    clearInterval(tick)
    assert.ok(between > 0, 'a timer ran while warming')
  })
})
