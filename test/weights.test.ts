/**
 * The indexer (build/index: analyze, forward, weigh) gives exactly Lunr's weights: the same terms
 * and postings as Lunr's own builder (lunr.Builder configured as the index is, then
 * compactFromBuilder: the reference, kept here), and the same search scores as lunr.Index. Shown
 * over the bundled KB, 1,000 generated articles and hand-made edge cases. Lunr's builder runs out
 * of memory at about 54,000 documents (lunr#306), so the equivalence is shown on what it can hold.
 */
import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import lunr from 'lunr'
import { writeKb } from '../bench/generate.js'
import { configureBuilder } from '../src/core/analysis/pipeline.js'
import { BUILTIN_ONLY, NO_SYNONYMS, Synonyms, type SynonymSource } from '../src/core/analysis/synonyms.js'
import type { KbArticle } from '../src/core/article.js'
import { type CompactIndex, SearchEngine, compactFromBuilder } from '../src/core/engine/engine.js'
import { FIELDS, FIELD_NAMES } from '../src/core/fields.js'
import { loadArticles } from '../src/build/content/load.js'
import { toKbArticle } from '../src/build/artifact/article.js'
import { analyzeArticle } from '../src/build/index/analyze.js'
import { ForwardCollector, forwardOf } from '../src/build/index/forward.js'
import { compactOf, weigh } from '../src/build/index/weigh.js'
import { ARTICLES, handMadeArticle, plainText } from './helpers/kb.js'

/** Lunr's builder with every article added, configured as the index is (tokenizer, pipeline, synonyms, fields and boosts). */
function lunrBuilder(articles: readonly KbArticle[], synonyms: SynonymSource): lunr.Builder {
  const builder = new lunr.Builder()
  configureBuilder(builder, Synonyms.from(synonyms))
  builder.ref('id')
  for (const f of FIELDS) builder.field(f.name, { boost: f.boost, extractor: (doc: object) => f.extract(doc as KbArticle) })
  for (const a of articles) builder.add(a)
  return builder
}

/** The reference: Lunr's builder's weights, kept as the artifact kept them before the indexer. */
function reference(articles: readonly KbArticle[], synonyms: SynonymSource): CompactIndex {
  const index = compactFromBuilder(
    lunrBuilder(articles, synonyms),
    FIELD_NAMES,
    articles.map((a) => a.id),
  )
  return { ...index, synonyms }
}

/** The indexer's weights, in the same form. */
function indexer(articles: readonly KbArticle[], synonyms: SynonymSource): CompactIndex {
  const table = Synonyms.from(synonyms)
  return compactOf(weigh(forwardOf(articles.map((a) => analyzeArticle(a, table))), synonyms))
}

/** Both indexes equal, term by term (a difference names its term, not a megabyte of arrays). */
function assertSameIndex(got: CompactIndex, want: CompactIndex): void {
  assert.equal(got.docCount, want.docCount)
  assert.deepEqual(got.fields, want.fields)
  assert.equal(got.terms.length, want.terms.length, 'term count')
  for (let t = 0; t < want.terms.length; t++) {
    assert.equal(got.terms[t], want.terms[t], `term ${t}`)
    assert.deepEqual(got.postings[t], want.postings[t], `postings of ${want.terms[t]}`)
  }
  assert.deepEqual(got.synonyms, want.synonyms)
}

/** Scores of queries: the engine over the indexer's weights against lunr.Index over the same articles (as engine.test does). */
function assertSameScores(articles: readonly KbArticle[], synonyms: SynonymSource, queries: readonly string[]): void {
  const lunrIndex = lunrBuilder(articles, synonyms).build()
  const engine = new SearchEngine(indexer(articles, synonyms))
  for (const q of queries) {
    const want = lunrIndex.search(q).map((r): [string, string] => [r.ref, r.score.toFixed(9)])
    const got = engine.search(q).hits.map((h): [string, string] => [articles[h.doc]!.id, h.score.toFixed(9)])
    assert.deepEqual(new Set(got.map(([id]) => id)), new Set(want.map(([id]) => id)), `${q}: the articles found`)
    const score = new Map(want)
    for (const [id, s] of got) assert.equal(s, score.get(id), `${q}: score of ${id}`)
  }
}

const byId = (a: KbArticle, b: KbArticle): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

const text = plainText
const article = handMadeArticle

describe('weigh: Lunr builder weights without the builder', () => {
  it('the bundled KB, with its synonyms: the same terms and postings, the same scores', async () => {
    const { articles, synonyms } = await loadArticles(ARTICLES)
    const kb = articles.map(toKbArticle).sort(byId)
    assertSameIndex(indexer(kb, synonyms), reference(kb, synonyms))
    assertSameScores(kb, synonyms, [
      'Connections_Refused',
      'connection refused',
      'Sm_AgentApi_Init Failed',
      'title:siteminder',
      '+tls +certificate',
      'timeout~1',
      'conn*',
      'pool^5 nonpaged',
      'errorCodes:0x8007000d',
      'db login',
    ])
  })

  it('hand-made edge cases: empty fields, a term in several fields, unicode, identifiers, synonyms, object keys', () => {
    const synonyms: SynonymSource = {
      builtin: true,
      groups: [
        ['application pool', 'apppool', 'app pool'],
        ['sign in', 'log in', 'login'],
      ],
      oneWay: [],
    }
    const kb = [
      article('empty'),
      article('only-title', { title: 'Timeout' }),
      article('everywhere', {
        title: 'Timeout timeout TIMEOUT',
        symptoms: ['timeout after 30 s', 'Timeouts everywhere'],
        environment: ['timeout'],
        products: ['Timeout Server'],
        tags: ['timeout'],
        errorCodes: ['ERROR_TIMEOUT', '0x800705B4'],
        cause: text('The **timeout** is too short.'),
        resolution: text('Raise the timeout.'),
        body: text('timeout timeout timeout timeout timeout'),
      }),
      article('unicode', {
        title: 'Überprüfung schlägt fehl: Zertifikat ungültig',
        symptoms: ['証明書の検証に失敗しました', 'Ошибка сертификата', 'échec — «certificat» ✗ 🔒', 'ﺧﻄﺄ في الشهادة'],
        body: text('naïve café façade résumé ǅ ﬁle'),
      }),
      article('identifiers', {
        title: 'System.Web.HttpException in w3wp.exe',
        symptoms: [
          'Sm_AgentApi_Init Failed',
          'C:\\inetpub\\logs\\LogFiles\\W3SVC1',
          '7_Connections_Refused',
          'HTTP 500.19 0x8007000d',
          'net::ERR_CERT_DATE_INVALID',
        ],
        errorCodes: ['0x8007000d', '500.19'],
      }),
      article('synonyms', {
        title: 'The app pool stops; log in fails',
        symptoms: ['apppool recycled', 'cannot login to the application pool', 'db is down', 'log in to the db'],
        body: text('sign in, log in, login: the same. App Pool, apppool.'),
      }),
      article('object-keys', { title: 'constructor __proto__ toString hasOwnProperty valueOf prototype', body: text('__proto__ constructor') }),
      article('punctuation', { title: '... --- !!! ???', symptoms: ['"quoted" (parens) [brackets] {braces}', '—', ''], tags: ['', ' '] }),
    ].sort(byId)
    for (const table of [synonyms, BUILTIN_ONLY, NO_SYNONYMS]) assertSameIndex(indexer(kb, table), reference(kb, table))
    assertSameScores(kb, synonyms, [
      'timeout',
      'title:timeout',
      'application pool',
      'login',
      'zertifikat',
      '証明書の検証に失敗しました',
      'constructor',
      '__proto__',
      'sm_agentapi_init',
    ])
  })

  it('articles arriving in any order, and left out, give the index of the articles kept, in their order', () => {
    const table = Synonyms.from()
    const kb = [
      article('a', { title: 'alpha shared', body: text('only in a') }),
      article('b', { title: 'beta shared', symptoms: ['gone with b'] }),
      article('c', { title: 'gamma shared' }),
    ]
    const collector = new ForwardCollector()
    // Arrival: c, b, a; b is then left out (a duplicate, or a deleted file): its terms go with it.
    for (const i of [2, 1, 0]) collector.addAnalyzed(analyzeArticle(kb[i]!, table))
    const forward = collector.finish([2, 0])
    assert.deepEqual(forward, forwardOf([kb[0]!, kb[2]!].map((a) => analyzeArticle(a, table))))
    assert.ok(!forward.terms.includes('beta'))
    assertSameIndex(compactOf(weigh(forward, BUILTIN_ONLY)), reference([kb[0]!, kb[2]!], BUILTIN_ONLY))
  })
})

describe('weigh over 1,000 generated articles', () => {
  let dir: string
  let kb: KbArticle[]
  let synonyms: SynonymSource
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'kb-weights-'))
    writeKb(dir, 1000)
    const loaded = await loadArticles(dir)
    kb = loaded.articles.map(toKbArticle).sort(byId)
    synonyms = loaded.synonyms
  })
  after(() => rm(dir, { recursive: true, force: true }))

  it('the same terms and postings as Lunr builder, and the same scores as lunr.Index', () => {
    assert.equal(kb.length, 1000)
    assertSameIndex(indexer(kb, synonyms), reference(kb, synonyms))
    const ids = kb.slice(0, 5).map((a) => a.title)
    assertSameScores(kb, synonyms, [...ids, 'timeout', 'connection refused', 'title:error', 'http 503', '0x80070005', 'certificate expired', 'fail*'])
  })
})
