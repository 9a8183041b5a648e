import assert from 'node:assert/strict'
import { it } from 'node:test'
import { collectGarbage } from '../src/runtime/memory.js'

it('collectGarbage frees what nothing references any more, and can run again', () => {
  let garbage: number[][] | undefined = Array.from({ length: 200 }, () => Array.from({ length: 25_000 }, (_, i) => i + 0.5))
  const held = process.memoryUsage().heapUsed
  assert.equal(garbage.length, 200)
  garbage = undefined
  assert.equal(collectGarbage(), true)
  const after = process.memoryUsage().heapUsed
  assert.ok(held - after > 20e6, `heap ${Math.round(held / 1e6)} MB -> ${Math.round(after / 1e6)} MB`)
  collectGarbage()
})
