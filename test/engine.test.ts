import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import lunr from 'lunr'
import { configureBuilder } from '../src/core/analysis/pipeline.js'
import { loadArticles } from '../src/build/content/load.js'
import type { KbArticle } from '../src/core/article.js'
import { toKbArticle } from '../src/build/artifact/article.js'
import { type CompactIndex, SearchEngine, compactFromBuilder } from '../src/core/engine/engine.js'
import { FIELDS, FIELD_NAMES } from '../src/core/fields.js'
import { analyzeText } from '../src/core/analysis/terms.js'
import { ARTICLES } from './helpers/kb.js'

function builder(articles: KbArticle[]): lunr.Builder {
  const b = new lunr.Builder()
  configureBuilder(b)
  b.ref('id')
  for (const f of FIELDS) b.field(f.name, { boost: f.boost, extractor: (doc: object) => f.extract(doc as KbArticle) })
  for (const a of articles) b.add(a)
  return b
}

/** Lunr's TokenSet, which @types/lunr does not declare: what the engine's expansion is checked against. */
function lunrTokenSet() {
  return (
    lunr as unknown as {
      TokenSet: {
        fromArray(t: string[]): { intersect(o: unknown): { toArray(): string[] } }
        fromFuzzyString(t: string, d: number): unknown
        fromString(t: string): unknown
      }
    }
  ).TokenSet
}

describe('SearchEngine: Lunr semantics and scores over the compact index', () => {
  let articles: KbArticle[]
  let reference: lunr.Index
  let engine: SearchEngine
  let compact: CompactIndex
  before(async () => {
    articles = (await loadArticles(ARTICLES)).articles.sort((a, b) => (a.id < b.id ? -1 : 1)).map(toKbArticle)
    reference = builder(articles).build()
    compact = JSON.parse(
      JSON.stringify(
        compactFromBuilder(
          builder(articles),
          FIELD_NAMES,
          articles.map((a) => a.id),
        ),
      ),
    )
    engine = new SearchEngine(compact)
  })

  const queries = [
    'Connections_Refused',
    'connection refused',
    'Sm_AgentApi_Init Failed',
    'title:siteminder',
    '+siteminder -llawp',
    '+tls +certificate',
    'timeout~1',
    'conn*',
    'sm_*',
    'co*ion',
    'handshak~1',
    'certficate~2',
    'pool^5 nonpaged',
    '-iis',
    'errorCodes:0x8007000d',
    '+nosuchterm iis',
  ]
  for (const q of queries) {
    it(q, () => {
      const want = reference.search(q).map((r): [string, string] => [r.ref, r.score.toFixed(9)])
      const got = engine.search(q).hits.map((h): [string, string] => [articles[h.doc]!.id, h.score.toFixed(9)])
      assert.deepEqual(new Set(got.map(([id]) => id)), new Set(want.map(([id]) => id)))
      const score = new Map(want)
      for (const [id, s] of got) assert.equal(s, score.get(id!), `${q}: score of ${id}`)
    })
  }

  it('reports the index terms each hit matched, and term statistics', () => {
    const result = engine.search('Sm_AgentApi_Init Failed')
    assert.ok(result.terms(result.hits[0]!.doc).includes('sm_agentapi_init'))
    const want = reference.search('Sm_AgentApi_Init Failed')[0]!
    assert.deepEqual(result.terms(result.hits[0]!.doc), Object.keys(want.matchData.metadata).sort())
    assert.ok(engine.has('connections_refused'))
    assert.equal(engine.docFreq('nosuchterm'), 0)
    assert.ok(engine.docFreq('iis') > 3)
    assert.ok(engine.fuzzy('sitemindr', 1).includes('sitemind'))
  })

  it('selects the top k without sorting everything, with the same order, total and filter', () => {
    for (const q of ['connection refused', 'iis', '-iis', 'timeout~1']) {
      const all = engine.search(q)
      for (const k of [1, 3, 10]) {
        const top = engine.search(q, { topK: k })
        assert.equal(top.total, all.hits.length, q)
        assert.deepEqual(top.hits, all.hits.slice(0, k), `${q} top ${k}`)
      }
      const even = engine.search(q, { topK: 5, accept: (doc) => doc % 2 === 0 })
      assert.deepEqual(even.hits, all.hits.filter((h) => h.doc % 2 === 0).slice(0, 5), `${q} filtered`)
      assert.equal(even.total, all.hits.filter((h) => h.doc % 2 === 0).length)
    }
  })

  it('max-score pruning (exactTotal: false) returns the same top k as the full evaluation', () => {
    // Seeded pseudo-random optional queries of 2-12 index terms with uneven boosts, some in one field only.
    let seed = 7
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    const vocabulary = [...new Set(articles.flatMap((a) => analyzeText(`${a.title} ${a.symptoms.join(' ')} ${a.cause?.text ?? ''}`)))].filter((t) =>
      engine.has(t),
    )
    const all = FIELD_NAMES.map((_, i) => i)
    let pruned = 0
    for (let n = 0; n < 300; n++) {
      const clauses = Array.from({ length: 2 + Math.floor(next() * 11) }, () => ({
        term: vocabulary[Math.floor(next() * vocabulary.length)]!,
        fields: next() < 0.2 ? [Math.floor(next() * all.length)] : all,
        boost: 0.1 + next() * 5,
        usePipeline: false,
        wildcard: 0,
        editDistance: 0,
        presence: lunr.Query.presence.OPTIONAL,
      }))
      const k = 1 + Math.floor(next() * 5)
      // No topK: every posting of every term is scored (the reference).
      const full = engine.evaluate(clauses)
      const exact = { total: full.total, hits: full.hits.slice(0, k) }
      const fast = engine.evaluate(clauses, { topK: k, exactTotal: false })
      assert.deepEqual(fast.hits, exact.hits, JSON.stringify({ k, terms: clauses.map((c) => c.term) }))
      // The matched terms of a hit, read from the pruned scoring's term masks, are the full path's.
      for (const h of fast.hits) assert.deepEqual(fast.terms(h.doc), full.terms(h.doc))
      assert.ok(fast.total <= exact.total)
      if (fast.total < exact.total) pruned++
      // Pruned, with the exact count from bitsets (or the full path when a clause names one field).
      const counted = engine.evaluate(clauses, { topK: k })
      assert.deepEqual(counted.hits, exact.hits)
      assert.equal(counted.total, exact.total)
      const even = engine.evaluate(clauses, { topK: k, exactTotal: false, accept: (doc) => doc % 2 === 0 })
      assert.deepEqual(even.hits, full.hits.filter((h) => h.doc % 2 === 0).slice(0, k))
    }
    assert.ok(pruned > 30, `pruning took effect in ${pruned} of 300 queries`)
  })

  it("one edit away and trailing wildcards give what Lunr's TokenSet gives", () => {
    const all = lunrTokenSet()
    const set = all.fromArray(compact.terms)
    let seed = 11
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    const letters = 'abcdefghijklmnopqrstuvwxyz0_.'
    let wordsChecked = 0
    for (let n = 0; n < 200; n++) {
      const t = compact.terms[Math.floor(next() * compact.terms.length)]!
      const i = Math.floor(next() * (t.length + 1))
      const c = letters[Math.floor(next() * letters.length)]!
      // A term with one random edit (insert, delete, substitute, swap), or the term itself.
      const typo = [
        t,
        t.slice(0, i) + c + t.slice(i),
        t.slice(0, i) + t.slice(i + 1),
        t.slice(0, i) + c + t.slice(i + 1),
        t.slice(0, i) + t.slice(i + 1, i + 2) + t.slice(i, i + 1) + t.slice(i + 2),
      ][n % 5]!
      if (typo === '') continue
      assert.deepEqual(engine.fuzzy(typo, 1).sort(), set.intersect(all.fromFuzzyString(typo, 1)).toArray().sort(), `fuzzy ${typo}`)
      if (/^\p{L}+$/u.test(typo)) {
        // A word's corrections: the letters-only terms among its one-edit neighbours.
        const words = engine.fuzzy(typo, 1).filter((w) => /^\p{L}+$/u.test(w))
        assert.deepEqual(engine.wordsOneEditAway(typo).sort(), words.sort(), `word ${typo}`)
        wordsChecked++
      }
      const prefix = t.slice(0, 1 + (n % 4))
      assert.deepEqual(
        (engine as unknown as { withPrefix(p: string): string[] }).withPrefix(prefix),
        set
          .intersect(all.fromString(`${prefix}*`))
          .toArray()
          .sort(),
        `prefix ${prefix}`,
      )
    }
    assert.ok(wordsChecked > 50, `${wordsChecked} words checked`)
  })

  it("fuzzy terms within two edits and wildcards anywhere give what Lunr's TokenSet gives, found by a bounded walk", () => {
    const all = lunrTokenSet()
    const set = all.fromArray(compact.terms)
    let seed = 7
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    const letters = 'abcdefghijklmnopqrstuvwxyz0_.*'
    const edit = (t: string) => {
      const i = Math.floor(next() * (t.length + 1))
      const c = letters[Math.floor(next() * letters.length)]!
      return [
        t.slice(0, i) + c + t.slice(i),
        t.slice(0, i) + t.slice(i + 1),
        t.slice(0, i) + c + t.slice(i + 1),
        t.slice(0, i) + t.slice(i + 1, i + 2) + t.slice(i, i + 1) + t.slice(i + 2),
      ][Math.floor(next() * 4)]!
    }
    let found = 0
    for (let n = 0; n < 150; n++) {
      const t = compact.terms[Math.floor(next() * compact.terms.length)]!
      // Two random edits (a `*` among the letters: one any character, as in Lunr's fuzzy strings).
      const typo = edit(edit(t))
      if (typo === '') continue
      for (const d of [1, 2]) {
        const got = engine.fuzzy(typo, d)
        assert.deepEqual(got, set.intersect(all.fromFuzzyString(typo, d)).toArray().sort(), `${typo}~${d}`)
        found += got.length
      }
      // Wildcards anywhere: leading, inner, several.
      const i = Math.floor(next() * t.length)
      for (const pattern of [`*${t.slice(i)}`, `${t.slice(0, i)}*${t.slice(i + 1)}`, `*${t.slice(1, 3)}*`, `${t.slice(0, 1)}*${t.slice(-1)}`]) {
        const got = (engine as unknown as { expand(t: string, c: object, b: object): string[] }).expand(
          pattern,
          { editDistance: 0 },
          { terms: Infinity, steps: Infinity, cut: false },
        )
        assert.deepEqual(got, set.intersect(all.fromString(pattern)).toArray().sort(), pattern)
      }
    }
    assert.ok(found > 300, `${found} terms found`)
  })

  it('throws Lunr QueryParseError on invalid syntax', () => {
    assert.throws(() => engine.search('title:'), lunr.QueryParseError)
    assert.throws(() => engine.search('nosuchfield:x'), lunr.QueryParseError)
  })
})
