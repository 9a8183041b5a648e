import assert from 'node:assert/strict'
import { mkdir, readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, it } from 'node:test'
import {
  ArtifactError,
  ARTIFACT_VERSION,
  ARTIFACT_VERSIONS,
  artifactPayload,
  encodeArticle,
  encodeArtifact,
  parseArtifact,
  readArtifact,
  readArtifactOffThread,
  readBuildState,
  serializeArtifact,
  type StoredArticle,
  writeArtifact,
  writeArtifactFile,
} from '../src/build/artifact/artifact.js'
import { buildArtifact } from '../src/build/index/build.js'
import { emptyForward } from '../src/build/artifact/compat.js'
import type { ArticleEntry, ForwardIndex, WeightedIndex } from '../src/build/artifact/model.js'
import { HEADER_BYTES } from '../src/build/artifact/write.js'
import { loadArticles } from '../src/build/content/load.js'
import type { KbArticle } from '../src/core/article.js'
import { FIELD_NAMES } from '../src/core/fields.js'
import { search } from '../src/core/search/search.js'
import { handMadeArticle, plainText } from './helpers/kb.js'
import { tempDir } from './helpers/temp.js'

const ARTICLES = path.join(import.meta.dirname, '..', 'articles')
const tmp = () => tempDir('kb-art-')
const F = FIELD_NAMES.length

/** The bundled KB's artifact, built in memory. */
async function bundled(): Promise<Buffer> {
  const { articles, synonyms } = await loadArticles(ARTICLES)
  return Buffer.from(buildArtifact(articles, synonyms).bytes)
}

const text = plainText

/** Three hand-made articles: unicode, no cause, references with and without a title, no update date. */
const ENTRIES: ArticleEntry[] = [
  {
    article: {
      id: 'a-first',
      title: 'Ünïcödé 错误 — “quoted” 🚀',
      symptoms: ['Error 0x80070005', 'ça ne marche pas'],
      environment: ['Windows Server 2019'],
      cause: text('A cause with `code` and émojis 🙂'),
      resolution: text('Do this.\n\nThen that.'),
      body: text('Body ' + 'long text '.repeat(300)),
      products: ['IIS'],
      tags: ['iis', 'ünï'],
      errorCodes: ['0x80070005'],
      references: [{ title: 'Doc', url: 'https://example.com/a' }, { url: 'https://example.com/b' }],
      updated: '2024-01-02',
      source: 'a-first.md',
    },
    codes: ['0x80070005', 'http 500'],
    hash: 'ab'.repeat(32),
  },
  {
    article: handMadeArticle('b-second', { title: 'No cause', source: 'sub/b-second.md' }),
    codes: [],
    hash: '',
  },
  {
    article: {
      id: 'c-third',
      title: 'Third',
      symptoms: ['x'],
      environment: [],
      cause: text('c'),
      resolution: text('r'),
      body: text('b'),
      products: [],
      tags: [],
      errorCodes: [],
      references: [],
      updated: null,
      source: 'c-third.md',
    },
    codes: ['x1'],
    hash: 'cd'.repeat(32),
  },
]

/** A consistent weighted index over the hand-made articles (term -> [article, field, weight] triples), and its forward index. */
function handIndex(): { index: WeightedIndex; forward: ForwardIndex } {
  const postings: Record<string, number[]> = {
    '0x80070005': [0, 0, 1200, 0, 7, 800],
    cause: [0, 4, 5, 2, 4, 300],
    title: [1, 0, 2000, 2, 0, 1000],
    ünïcödé: [0, 0, 3000],
    错误: [0, 0, 2500],
  }
  const terms = Object.keys(postings).sort()
  const offsets = new Uint32Array(terms.length + 1)
  terms.forEach((t, i) => (offsets[i + 1] = offsets[i]! + postings[t]!.length))
  const data = Int32Array.from(terms.flatMap((t) => postings[t]!))
  const index: WeightedIndex = {
    fields: [...FIELD_NAMES],
    docCount: 3,
    terms,
    offsets,
    data,
    synonyms: { builtin: true, groups: [['db', 'database']], oneWay: [] },
  }
  // Forward: article 0's title holds terms 0 (twice) and 3 (5 times); article 2's cause term 1.
  const lengths = new Uint32Array(3 * F)
  lengths[0] = 3
  lengths[2 * F + 4] = 1
  const starts = new Uint32Array(3 * F + 1)
  const pairs = Uint32Array.from([0, 2, 3, 5, 1, 1])
  for (let c = 1; c <= 3 * F; c++) starts[c] = c <= 2 * F + 4 ? 2 : 3
  return { index, forward: { fields: [...FIELD_NAMES], docCount: 3, terms, lengths, starts, pairs } }
}

function handArtifact(edit?: (index: WeightedIndex) => void, entries = ENTRIES): Buffer {
  const { index, forward } = handIndex()
  edit?.(index)
  return encodeArtifact({ index, forward: edit ? emptyForward(index) : forward, article: (doc) => encodeArticle(entries[doc]!) }).bytes
}

describe('artifact: the binary format', () => {
  it('round-trips every field: unicode, no cause (null), references with and without a title, codes, hashes, synonyms', () => {
    const kb = parseArtifact(handArtifact(), 'f.kb')
    assert.equal(kb.header.version, ARTIFACT_VERSION)
    assert.equal(kb.header.articleCount, 3)
    assert.deepEqual(
      kb.articles.map((a) => (a as StoredArticle).toJSON()),
      ENTRIES.map((e) => e.article),
    )
    assert.deepEqual(JSON.parse(JSON.stringify(kb.articles)), ENTRIES.map((e) => e.article) as unknown as KbArticle[], 'JSON answers see every field')
    assert.equal(kb.articles[1]!.cause, null)
    assert.deepEqual(kb.codes, [ENTRIES[0]!.codes, [], ['x1']])
    assert.deepEqual(
      kb.articles.map((a) => (a as StoredArticle).hash),
      [ENTRIES[0]!.hash, '', ENTRIES[2]!.hash],
    )
    assert.equal(kb.byId.get('c-third'), kb.articles[2])
    assert.deepEqual(kb.index.synonyms.source, handIndex().index.synonyms)
    assert.deepEqual([kb.index.docFreq('错误'), kb.index.docFreq('title'), kb.index.docFreq('absent')], [1, 2, 0])
    const hits = (term: string) =>
      kb.index.evaluate([{ term, fields: FIELD_NAMES.map((_, i) => i), boost: 1, usePipeline: false, wildcard: 0, editDistance: 0, presence: 1 }]).hits
    assert.deepEqual(
      hits('title').map((h) => h.doc),
      [1, 2],
    )
    assert.deepEqual(
      hits('错误').map((h) => h.doc),
      [0],
    )
  })

  it('keeps the weighted index exactly: the engine arrays are the written ones', () => {
    const { index } = handIndex()
    const parts = parseArtifact(handArtifact(), 'f.kb').index.parts()
    assert.deepEqual(parts.terms, index.terms)
    assert.deepEqual(Array.from(parts.offsets), Array.from(index.offsets))
    assert.deepEqual(Array.from(parts.data), Array.from(index.data))
    assert.ok(parts.data.buffer instanceof SharedArrayBuffer && parts.docData.buffer instanceof SharedArrayBuffer)
  })

  it('gives the build state back: the forward index, synonyms, and each article encoded as written', async () => {
    const file = path.join(await tmp(), 'kb.bin')
    const { index, forward } = handIndex()
    const encoded = ENTRIES.map(encodeArticle)
    await writeArtifactFile(file, { index, forward, article: async (doc) => encoded[doc]! })
    const state = await readBuildState(file)
    assert.deepEqual(state.synonyms, index.synonyms)
    assert.deepEqual(state.forward.terms, forward.terms)
    for (const k of ['lengths', 'starts', 'pairs'] as const) assert.deepEqual(Array.from(state.forward[k]), Array.from(forward[k]), k)
    assert.deepEqual(
      state.articles.map((a) => [a.id, a.source, a.hash]),
      ENTRIES.map((e) => [e.article.id, e.article.source, e.hash]),
    )
    state.articles.forEach((a, i) => {
      assert.deepEqual(Buffer.from(a.encoded.meta), Buffer.from(encoded[i]!.meta))
      assert.deepEqual(Buffer.from(a.encoded.body), Buffer.from(encoded[i]!.body))
    })
    // Copying the encoded articles as they are gives the same file.
    const again = encodeArtifact({ index, forward: state.forward, article: (doc) => state.articles[doc]!.encoded }).bytes
    assert.deepEqual(again, await readFile(file))
  })

  it('is deterministic: the same input gives the same bytes, in memory and streamed to a file', async () => {
    const a = handArtifact()
    assert.deepEqual(handArtifact(), a)
    const file = path.join(await tmp(), 'kb.bin')
    const { index, forward } = handIndex()
    const header = await writeArtifactFile(file, { index, forward, article: (doc) => Promise.resolve(encodeArticle(ENTRIES[doc]!)) })
    assert.deepEqual(await readFile(file), a)
    assert.equal(header.buildId, header.sha256.slice(0, 16))
    // The header is JSON at the start of its fixed region; sections start at multiples of 8.
    assert.equal(a[HEADER_BYTES - 1], 0x0a)
    for (const s of header.sections) assert.equal(s.offset % 8, 0, s.name)
  })

  it('the same articles give byte-identical artifacts, whatever order they are read in', async () => {
    const { articles, synonyms } = await loadArticles(ARTICLES)
    const a = Buffer.from(buildArtifact(articles, synonyms).bytes)
    assert.deepEqual(Buffer.from(buildArtifact([...articles].reverse(), synonyms).bytes), a)
  })

  it('round-trips the bundled KB through a file and answers queries', async () => {
    const file = path.join(await tmp(), 'kb.bin')
    await writeArtifact(file, await bundled())
    const kb = await readArtifact(file)
    assert.equal(kb.articles.length, kb.header.articleCount)
    assert.equal(kb.articles[kb.index.search('Connections_Refused').hits[0]!.doc]?.id, 'iis6-connections-refused-nonpaged-pool')
  })

  it('a failed write leaves no temp file behind (the rename meets a folder in the way)', async () => {
    const dir = await tmp()
    const file = path.join(dir, 'kb.bin')
    await mkdir(path.join(file, 'inside'), { recursive: true })
    const moved = (err: NodeJS.ErrnoException) => err.code === 'EISDIR' || err.code === 'ENOTEMPTY' || err.code === 'EEXIST'
    await assert.rejects(writeArtifact(file, 'x'), moved)
    const { index, forward } = handIndex()
    await assert.rejects(writeArtifactFile(file, { index, forward, article: (doc) => encodeArticle(ENTRIES[doc]!) }), moved)
    await assert.rejects(
      writeArtifactFile(path.join(dir, 'other.bin'), { index, forward, article: () => Promise.reject(new Error('no such article')) }),
      /no such article/,
    )
    assert.deepEqual(await readdir(dir), ['kb.bin'])
  })
})

describe('artifact: refused, with a message that says how to rebuild', () => {
  const rebuild = /Rebuild it with: npm run kb -- build --out f\.kb$/

  function refused(raw: Uint8Array | string, message: RegExp | string, name: string): void {
    assert.throws(
      () => parseArtifact(typeof raw === 'string' ? Buffer.from(raw) : raw, 'f.kb'),
      (err: Error) => {
        assert.ok(err instanceof ArtifactError, `${name}: ${err.stack}`)
        if (typeof message === 'string')
          assert.equal(err.message, `Cannot load index artifact f.kb: ${message}. Rebuild it with: npm run kb -- build --out f.kb`, name)
        else assert.match(err.message, message, name)
        assert.match(err.message, rebuild, name)
        return true
      },
      name,
    )
  }

  it('a missing, foreign, old, truncated or edited file', async () => {
    const bytes = handArtifact()
    const newline = bytes.indexOf(0x0a)
    const header = JSON.parse(bytes.subarray(0, newline).toString()) as Record<string, unknown>
    const withHeader = (h: object) => {
      const out = Buffer.from(bytes)
      out.fill(0x20, 0, HEADER_BYTES - 1)
      out.write(JSON.stringify(h), 0)
      return out
    }
    const flipped = (at: number) => {
      const out = Buffer.from(bytes)
      out[at]! ^= 0x01
      return out
    }
    const sections = header.sections as Array<{ name: string; offset: number; length: number }>
    const body = sections.find((s) => s.name === 'articles')!
    const cases: Array<[string, Uint8Array | string, RegExp]> = [
      ['not json', 'hello', /^Cannot load index artifact f\.kb: it is not a KB index artifact \(the header is not JSON\)/],
      ['foreign json', '{"a":1}\n{}', /it is not a KB index artifact \(unknown format\)/],
      [
        'the JSON artifact of before',
        `${JSON.stringify({ ...header, version: '5.1.9.1.3', sections: undefined })}\n{"articles":[]}\n`,
        /it has format version 5\.1\.9\.1\.3, this server reads version /,
      ],
      ['old version', withHeader({ ...header, version: '0.1' }), /it has format version 0\.1, this server reads version /],
      [
        'stale codes',
        withHeader({ ...header, version: Object.values({ ...ARTIFACT_VERSIONS, codes: ARTIFACT_VERSIONS.codes - 1 }).join('.') }),
        /it has format version [\d.]+, this server reads version /,
      ],
      ['truncated', bytes.subarray(0, bytes.length - 100), /it is corrupt \(its checksum does not match; truncated or edited\?\)/],
      ['truncated inside the header', bytes.subarray(0, 1000), /it is (corrupt|not a KB index artifact)/],
      ['a byte flipped in an article body', flipped(body.offset + body.length - 3), /it is corrupt \(its checksum does not match; truncated or edited\?\)/],
      ['a byte flipped in the postings', flipped(sections.find((s) => s.name === 'postings')!.offset + 1), /it is corrupt \(its checksum/],
      [
        'the section table edited',
        withHeader({ ...header, sections: sections.map((s) => (s.name === 'terms' ? { ...s, length: s.length - 1 } : s)) }),
        /it is corrupt \(its checksum/,
      ],
    ]
    const file = path.join(await tmp(), 'f.kb')
    for (const [name, raw, message] of cases) {
      refused(raw, message, name)
      // Read from a file, section by section (read-file.ts): the same refusal.
      await writeArtifact(file, raw)
      await assert.rejects(readArtifact(file), (err: Error) => {
        assert.ok(err instanceof ArtifactError, name)
        assert.match(err.message.replaceAll(file, 'f.kb'), message, name)
        return true
      })
    }
    await assert.rejects(readArtifact('/nonexistent/kb.bin'), /Cannot load index artifact \/nonexistent\/kb\.bin: the file does not exist\. Rebuild it with/)
    await assert.rejects(readBuildState('/nonexistent/kb.bin'), /Cannot load index artifact \/nonexistent\/kb\.bin: the file does not exist\. Rebuild it with/)
  })

  it('a checksummed file whose index is not consistent, saying what is wrong', () => {
    const { index } = handIndex()
    const terms = index.terms
    const at = (term: string) => index.offsets[terms.indexOf(term)]!
    const problem = 'its index is inconsistent'
    const cases: Array<[string, (x: WeightedIndex) => void, string]> = [
      ['postings for fewer terms', (x) => (x.offsets = x.offsets.slice(0, 3)), `the index has 5 terms but postings for 2`],
      ['a term with no postings', (x) => (x.offsets[1] = x.offsets[0]!), `index term ${JSON.stringify(terms[0])} has no postings`],
      ['an article out of range', (x) => (x.data[at('ünïcödé')] = 3), `a posting of index term "ünïcödé" names article 3, but there are 3 articles`],
      [
        'postings out of field order',
        (x) => {
          const i = at('0x80070005')
          ;[x.data[i + 1], x.data[i + 4]] = [x.data[i + 4]!, x.data[i + 1]!]
        },
        `the postings of index term "0x80070005" are not in article, field order`,
      ],
      [
        'terms out of order',
        (x) => ([x.terms[0], x.terms[1]] = [terms[1]!, terms[0]!]),
        `index term 1 (${JSON.stringify(terms[0])}) does not sort after index term 0 (${JSON.stringify(terms[1])})`,
      ],
      [
        'an article in no posting',
        (x) => {
          // Article 1 is only in "title": give its posting to article 2's field 1 instead.
          const i = at('title')
          x.data.set([2, 0, 1000, 2, 1, 2000], i)
        },
        `article 1 ("b-second") is in no posting; the index lost it`,
      ],
      [
        'other fields',
        (x) => x.fields.reverse(),
        `the index has fields ${[...FIELD_NAMES].reverse().join(', ')}; this server indexes ${FIELD_NAMES.join(', ')}`,
      ],
      ['synonyms not as built', (x) => (x.synonyms = { builtin: true, groups: [['alone']], oneWay: [] }), 'a synonym group is not a list of 2 or more terms'],
    ]
    for (const [name, edit, message] of cases) {
      refused(
        handArtifact((x) => {
          x.terms = [...x.terms]
          x.fields = [...x.fields]
          x.offsets = Uint32Array.from(x.offsets)
          x.data = Int32Array.from(x.data)
          edit(x)
        }),
        `${problem} (${message})`,
        name,
      )
    }
    const twice = [ENTRIES[0]!, { ...ENTRIES[1]!, article: { ...ENTRIES[1]!.article, id: 'a-first' } }, ENTRIES[2]!]
    refused(
      handArtifact((x) => x, twice),
      `${problem} (article id "a-first" appears twice)`,
      'an id twice',
    )
    assert.equal(
      parseArtifact(
        handArtifact((x) => x),
        'f.kb',
      ).articles.length,
      3,
      'the untouched index loads',
    )
    // An article's META is decoded when first read: a record its writer got wrong loads, and is reported when read.
    const hand = handIndex()
    const wrong = [Buffer.from('not json'), encodeArticle(ENTRIES[1]!).meta]
    const bad = parseArtifact(
      encodeArtifact({ ...hand, article: (doc) => ({ ...encodeArticle(ENTRIES[doc]!), ...(doc > 0 ? { meta: wrong[doc - 1]! } : {}) }) }).bytes,
      'f.kb',
    )
    assert.equal(bad.articles[0]!.title, ENTRIES[0]!.article.title)
    assert.equal(bad.articles[1]!.id, ENTRIES[1]!.article.id, 'the id comes from the keys')
    assert.throws(() => bad.articles[1]!.title, /^ArticleRecordError: article 1's record in the artifact cannot be read \(Unexpected token/)
    assert.throws(() => bad.articles[2]!.symptoms, /article 2's record in the artifact cannot be read \(it is the record of "b-second", not "c-third"\)/)
    // What cannot be written is refused when writing: a build's bug, not a file to refuse later.
    assert.throws(() => handArtifact((x) => (x.data[at('title') + 3] = 0)), /the postings of index term "title" are not in article order/)
    assert.throws(() => handArtifact((x) => (x.offsets[1]! -= 1)), /are not triples/)
    assert.throws(
      () => handArtifact((x) => (x.data[at('ünïcödé') + 1] = F)),
      new RegExp(`a posting of index term "ünïcödé" names field ${F}, but the index has ${F} fields`),
    )
    assert.throws(() => handArtifact((x) => (x.data[at('ünïcödé') + 2] = -1)), /a posting of index term "ünïcödé" has weight -1, below 0/)
  })
})

describe('artifact: loading', () => {
  it('decodes bodies lazily: none at load, none for a search of the engine, only the hits shown for a search answer', async () => {
    const kb = parseArtifact(await bundled(), 'memory')
    assert.equal(kb.bodies.decodes, 0, 'loading decodes no body')
    assert.ok(kb.index.search('connection refused').hits.length > 3)
    assert.equal(kb.bodies.decodes, 0, 'the engine reads no body')
    const answer = search(kb, { q: 'connection refused', limit: 3, offset: 0 })
    assert.equal(answer.results.length, 3)
    assert.ok(kb.bodies.decodes >= 1 && kb.bodies.decodes <= 3, `decoded ${kb.bodies.decodes} bodies for 3 hits`)
    const before = kb.bodies.decodes
    search(kb, { q: 'connection refused', limit: 3, offset: 0 })
    assert.equal(kb.bodies.decodes, before, 'decoded bodies are kept a while')
  })

  it('loads the same off the main thread, and refuses what the main thread refuses with the same message', async () => {
    const dir = await tmp()
    const file = path.join(dir, 'kb.bin')
    const bytes = await bundled()
    await writeArtifact(file, bytes)
    const here = await readArtifact(file)
    // checksumHere: this thread reads the article sections and takes the checksum, the loader the postings.
    for (const options of [{}, { checksumHere: true }]) {
      const there = await readArtifactOffThread(file, options)
      assert.deepEqual(there.header, here.header)
      assert.equal(there.bytes, here.bytes)
      assert.deepEqual(JSON.parse(JSON.stringify(there.articles)), JSON.parse(JSON.stringify(here.articles)))
      assert.deepEqual(there.codes, here.codes)
      assert.deepEqual(there.index.search('Connections_Refused').hits, here.index.search('Connections_Refused').hits)
    }
    const payload = artifactPayload(bytes)
    payload.index.terms = [...payload.index.terms].reverse() // checksummed, not consistent
    await writeArtifact(path.join(dir, 'inconsistent.bin'), serializeArtifact(payload))
    const edited = Buffer.from(bytes)
    edited[edited.length - 100] = edited[edited.length - 100]! ^ 1 // in the last section (the article keys), which this thread reads with checksumHere
    await writeArtifact(path.join(dir, 'edited.bin'), edited)
    await writeArtifact(path.join(dir, 'truncated.bin'), bytes.subarray(0, bytes.length - 5000))
    for (const name of ['inconsistent.bin', 'edited.bin', 'truncated.bin', 'missing.bin']) {
      const f = path.join(dir, name)
      const expected = await readArtifact(f).then(
        () => 'loaded',
        (err: Error) => err.message,
      )
      assert.notEqual(expected, 'loaded')
      for (const options of [{}, { checksumHere: true }]) {
        await assert.rejects(readArtifactOffThread(f, options), (err: Error) => {
          assert.ok(err instanceof ArtifactError, `${name} ${JSON.stringify(options)}: ${err.message}`)
          assert.equal(err.message, expected, `${name} ${JSON.stringify(options)}`)
          return true
        })
      }
    }
  })
})
