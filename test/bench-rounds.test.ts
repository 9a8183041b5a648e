/**
 * The benchmark's pooling of load rounds (bench/rounds.ts): latency buckets, pooled percentiles,
 * and the interval of a change between two servers from resampling pairs of rounds.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { mulberry32 } from '../bench/prng.js'
import { bucketMs, bucketOf, histogramOf, pairedChange, pooled, pooledQuantile, type Round } from '../bench/rounds.js'

/** n latencies drawn from a log-normal around `medianMs` (seeded). */
function latencies(n: number, medianMs: number, seed: number): number[] {
  const next = mulberry32(seed)
  return Array.from({ length: n }, () => {
    const z = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next())
    return medianMs * Math.exp(0.5 * z)
  })
}

/** The exact nearest-rank quantile, to check the bucketed one against. */
function exactQuantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.ceil(q * s.length) - 1]!
}

const round = (xs: number[], durationS: number, cpuTotalUs?: number): Round => ({
  hist: histogramOf(xs),
  requests: xs.length,
  durationS,
  ...(cpuTotalUs !== undefined ? { cpuTotalUs } : {}),
})

describe('latency buckets', () => {
  it('a latency falls in a bucket whose upper bound is at most 1% above it', () => {
    for (const ms of [0.0123, 0.5, 1, 2.999, 8, 123.4, 30_000]) {
      const up = bucketMs(bucketOf(ms))
      assert.ok(up >= ms * (1 - 1e-9), `${ms} -> ${up}`)
      assert.ok(up <= ms * 1.0101, `${ms} -> ${up}`)
    }
  })

  it('pooled percentiles are within 1% of the exact ones over the same samples', () => {
    const a = latencies(20_000, 3, 1)
    const b = latencies(20_000, 5, 2)
    for (const q of [0.5, 0.9, 0.99]) {
      const exact = exactQuantile([...a, ...b], q)
      const got = pooledQuantile([histogramOf(a), histogramOf(b)], q)
      assert.ok(got >= exact * (1 - 1e-9) && got <= exact * 1.0101, `q ${q}: ${got} vs ${exact}`)
    }
    assert.ok(Number.isNaN(pooledQuantile([], 0.99)))
  })

  it('req/s and CPU per answer pool over the total, not as a mean of the rounds', () => {
    const rs = [round(new Array(100).fill(1), 1, 1000), round(new Array(300).fill(1), 2, 9000)]
    assert.equal(pooled(rs, 'rps'), 400 / 3)
    assert.equal(pooled(rs, 'cpuUs'), 10_000 / 400)
    assert.ok(Number.isNaN(pooled([round([1], 1)], 'cpuUs')))
  })
})

describe('change between two servers over paired rounds', () => {
  it('finds a 20% slower server, its interval around it and clear of 0', () => {
    const base: Round[] = []
    const slower: Round[] = []
    // Each pair shares the machine's speed of its moment, which moves a lot between rounds.
    for (let i = 0; i < 12; i++) {
      const mood = 1 + (i % 4) * 0.4
      base.push(round(latencies(5000, 2 * mood, 100 + i), 3))
      slower.push(round(latencies(5000, 2.4 * mood, 200 + i), 3))
    }
    const c = pairedChange(base, slower, 'p99')
    assert.ok(Math.abs(c.change - 0.2) < 0.05, `change ${c.change}`)
    assert.ok(c.lo! > 0.05 && c.lo! <= c.change && c.change <= c.hi!, JSON.stringify(c))
  })

  it('between two rounds of the same server, the interval holds 0', () => {
    const a: Round[] = []
    const b: Round[] = []
    for (let i = 0; i < 12; i++) {
      const mood = 1 + (i % 3) * 0.5
      a.push(round(latencies(5000, 2 * mood, 300 + i), 3))
      b.push(round(latencies(5000, 2 * mood, 400 + i), 3))
    }
    const c = pairedChange(a, b, 'p99')
    assert.ok(c.lo! <= 0 && c.hi! >= 0, JSON.stringify(c))
    assert.deepEqual(pairedChange(a, b, 'p99'), c, 'seeded: the same rounds give the same interval')
  })

  it('with fewer than 4 pairs: the change, no interval', () => {
    const c = pairedChange([round([1, 2], 1)], [round([2, 4], 1)], 'p99')
    assert.equal(c.lo, undefined)
    assert.ok(Math.abs(c.change - 1) < 0.02)
  })
})
