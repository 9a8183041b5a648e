/** The gap grouping eval's figures (src/eval/grouping.ts), on groupings small enough to count by hand. */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { groupingFigures } from '../src/eval/grouping.js'

const q = (group: string, problem: string) => ({ group, problem })

describe('pairwise grouping figures', () => {
  it('counts pairs put together that are one problem, and pairs of one problem put together', () => {
    // g1: a a b (pairs: aa, ab, ab: 1 of 3 right); g2: a (none); g3: c c (1 of 1).
    const f = groupingFigures([q('g1', 'a'), q('g1', 'a'), q('g1', 'b'), q('g2', 'a'), q('g3', 'c'), q('g3', 'c')])
    assert.equal(f.questions, 6)
    assert.equal(f.problems, 3)
    assert.equal(f.groups, 3)
    assert.deepEqual([f.pairsTogether, f.pairsRight, f.pairsOfAProblem], [4, 2, 4])
    assert.equal(f.precision, 2 / 4)
    // pairs of one problem: a has 3 questions (3 pairs), c 2 (1 pair): 2 of 4 together.
    assert.equal(f.recall, 2 / 4)
    assert.equal(f.f1, 0.5)
    assert.deepEqual(f.mixed, [
      {
        group: 'g1',
        problems: [
          ['a', 2],
          ['b', 1],
        ],
      },
    ])
  })

  it('has no precision without a pair put together, and no recall without two questions of one problem', () => {
    const f = groupingFigures([q('g1', 'a'), q('g2', 'b')])
    assert.equal(f.precision, null)
    assert.equal(f.recall, null)
    assert.equal(f.f1, null)
    assert.deepEqual(f.mixed, [])
  })

  it('one group of everything: recall 1, precision the share of pairs that are one problem', () => {
    const f = groupingFigures([q('g', 'a'), q('g', 'a'), q('g', 'b'), q('g', 'b')])
    assert.equal(f.recall, 1)
    assert.equal(f.precision, 2 / 6)
    assert.equal(f.mixed.length, 1)
  })
})
