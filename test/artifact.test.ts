import assert from 'node:assert/strict'
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, it } from 'node:test'
import {
  ArtifactError,
  type ArtifactPayload,
  ARTIFACT_VERSION,
  ARTIFACT_VERSIONS,
  parseArtifact,
  readArtifact,
  readArtifactOffThread,
  serializeArtifact,
  writeArtifact,
} from '../src/build/artifact/artifact.js'
import { buildFromFolder } from '../src/build/artifact/build.js'
import { loadArticles } from '../src/build/content/load.js'
import { buildArtifact } from '../src/build/artifact/build.js'

const ARTICLES = path.join(import.meta.dirname, '..', 'articles')

/** Take one article out of every posting list (and the terms only it held), leaving it in the articles. */
function dropArticle(p: ArtifactPayload, doc: number): void {
  const kept = p.index.postings.map((q) => q.filter((_, i) => q[i - (i % 3)] !== doc))
  p.index.terms = p.index.terms.filter((_, t) => kept[t]!.length > 0)
  p.index.postings = kept.filter((q) => q.length > 0)
}

describe('artifact', () => {
  it('the same articles give byte-identical artifacts, whatever order they are read in', async () => {
    const a = await buildFromFolder(ARTICLES)
    const b = await buildFromFolder(ARTICLES)
    assert.equal(a.bytes, b.bytes)
    const { articles, synonyms } = await loadArticles(ARTICLES)
    assert.equal(buildArtifact([...articles].reverse(), synonyms).bytes, a.bytes)
  })

  it('round-trips through a file and answers queries', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kb-art-'))
    const file = path.join(dir, 'kb.json')
    const { bytes } = await buildFromFolder(ARTICLES)
    await writeArtifact(file, bytes)
    const kb = await readArtifact(file)
    assert.equal(kb.header.version, ARTIFACT_VERSION)
    assert.equal(kb.articles.length, kb.header.articleCount)
    assert.equal(kb.articles[kb.index.search('Connections_Refused').hits[0]!.doc]?.id, 'iis6-connections-refused-nonpaged-pool')
  })

  it('a failed write leaves no temp file behind (the rename meets a folder in the way)', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kb-art-'))
    const file = path.join(dir, 'kb.json')
    await mkdir(path.join(file, 'inside'), { recursive: true })
    await assert.rejects(writeArtifact(file, 'x'), (err: NodeJS.ErrnoException) => err.code === 'EISDIR' || err.code === 'ENOTEMPTY' || err.code === 'EEXIST')
    assert.deepEqual(await readdir(dir), ['kb.json'])
  })

  it('refuses a missing, foreign, old or corrupt artifact with a message that says how to rebuild', async () => {
    const { bytes } = await buildFromFolder(ARTICLES)
    const rebuild = /Rebuild it with: npm run kb -- build --out f\.json$/
    const header = JSON.parse(bytes.slice(0, bytes.indexOf('\n'))) as Record<string, unknown>
    const body = bytes.slice(bytes.indexOf('\n'))
    const cases: Array<[string, string, RegExp]> = [
      ['not json', 'hello', /^Cannot load index artifact f\.json: it is not a KB index artifact \(the header is not JSON\)/],
      ['foreign json', '{"a":1}\n{}', /it is not a KB index artifact \(unknown format\)/],
      ['old version', JSON.stringify({ ...header, version: '0.1' }) + body, /it has format version 0\.1, this server reads version /],
      ['built before code versions', JSON.stringify({ ...header, version: '3.1' }) + body, /it has format version 3\.1, this server reads version /],
      [
        'stale codes',
        JSON.stringify({ ...header, version: Object.values({ ...ARTIFACT_VERSIONS, codes: ARTIFACT_VERSIONS.codes - 1 }).join('.') }) + body,
        /it has format version [\d.]+, this server reads version /,
      ],
      ['truncated', bytes.slice(0, bytes.length - 100), /it is corrupt \(its checksum does not match; truncated or edited\?\)/],
      ['edited', bytes.replace('Connections_Refused', 'Connections_Accepted'), /it is corrupt/],
    ]
    for (const [name, raw, message] of cases) {
      assert.throws(
        () => parseArtifact(raw, 'f.json'),
        (err: Error) => {
          assert.ok(err instanceof ArtifactError, name)
          assert.match(err.message, message, name)
          assert.match(err.message, rebuild, name)
          return true
        },
      )
    }
    await assert.rejects(readArtifact('/nonexistent/kb.json'), /Cannot load index artifact \/nonexistent\/kb\.json: the file does not exist\. Rebuild it with/)
  })

  it('refuses an artifact whose checksum is right but whose index is not consistent, saying what is wrong', async () => {
    const { bytes } = await buildFromFolder(ARTICLES)
    const original = JSON.parse(bytes.slice(bytes.indexOf('\n') + 1)) as ArtifactPayload
    const terms = original.index.terms
    const n = original.articles.length
    const multi = original.index.postings.findIndex((q) => q.length >= 6)
    // Each case edits a fresh copy of the payload and serializes it again, so the checksum matches.
    const cases: Array<[string, (p: ArtifactPayload) => void, string]> = [
      ['postings cut short', (p) => (p.index.postings = p.index.postings.slice(0, 100)), `the index has ${terms.length} terms but postings for 100`],
      ['every posting list emptied', (p) => (p.index.postings = p.index.postings.map(() => [])), `index term "${terms[0]}" has no postings`],
      [
        'a posting list cut mid-triple',
        (p) => p.index.postings[3]!.pop(),
        `the postings of index term "${terms[3]}" hold ${original.index.postings[3]!.length - 1} numbers, not [article, field, weight] triples`,
      ],
      [
        'an article out of range',
        (p) => (p.index.postings[2]![0] = n),
        `a posting of index term "${terms[2]}" names article ${n}, but there are ${n} articles`,
      ],
      ['a field out of range', (p) => (p.index.postings[2]![1] = 8), `a posting of index term "${terms[2]}" names field 8, but the index has 8 fields`],
      [
        'a weight that is not a whole number',
        (p) => (p.index.postings[2]![2] = 1.5),
        `a posting of index term "${terms[2]}" has weight 1.5, not a whole number`,
      ],
      [
        'postings out of order',
        (p) => p.index.postings[multi]!.unshift(...p.index.postings[multi]!.splice(3, 3)),
        `the postings of index term "${terms[multi]}" are not in article, field order`,
      ],
      [
        'terms out of order',
        (p) => ([p.index.terms[0], p.index.terms[1]] = [terms[1]!, terms[0]!]),
        `index term 1 ("${terms[0]}") does not sort after index term 0 ("${terms[1]}")`,
      ],
      ['an article in no posting', (p) => dropArticle(p, n - 1), `article ${n - 1} ("${original.articles[n - 1]!.id}") is in no posting; the index lost it`],
      ["a document count that is not the articles'", (p) => (p.index.docCount = n + 1), `the index counts ${n + 1} articles, the artifact holds ${n}`],
      ['codes for fewer articles', (p) => p.codes.pop(), `the artifact holds codes for ${n - 1} articles, and ${n} articles`],
      [
        'other fields',
        (p) => p.index.fields.reverse(),
        `the index has fields ${[...original.index.fields].reverse().join(', ')}; this server indexes ${original.index.fields.join(', ')}`,
      ],
      ['an id twice', (p) => (p.articles[1] = { ...p.articles[1]!, id: p.articles[0]!.id }), `article id "${original.articles[0]!.id}" appears twice`],
    ]
    for (const [name, edit, problem] of cases) {
      const payload = structuredClone(original)
      edit(payload)
      assert.throws(
        () => parseArtifact(serializeArtifact(payload), 'f.json'),
        (err: Error) => {
          assert.ok(err instanceof ArtifactError, name)
          assert.equal(
            err.message,
            `Cannot load index artifact f.json: its index is inconsistent (${problem}). Rebuild it with: npm run kb -- build --out f.json`,
            name,
          )
          return true
        },
        name,
      )
    }
    assert.equal(parseArtifact(serializeArtifact(structuredClone(original)), 'f.json').articles.length, n, 'the untouched payload loads')
  })

  it('loads the same off the main thread, and refuses what the main thread refuses with the same message', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kb-art-'))
    const file = path.join(dir, 'kb.json')
    const { bytes } = await buildFromFolder(ARTICLES)
    await writeArtifact(file, bytes)
    const here = await readArtifact(file)
    const there = await readArtifactOffThread(file)
    assert.deepEqual(there.header, here.header)
    assert.equal(there.bytes, here.bytes)
    assert.deepEqual(there.articles, here.articles)
    assert.deepEqual(there.codes, here.codes)
    assert.deepEqual(there.index.search('Connections_Refused').hits, here.index.search('Connections_Refused').hits)
    const cut = JSON.parse(bytes.slice(bytes.indexOf('\n') + 1)) as ArtifactPayload
    cut.index.postings = cut.index.postings.slice(0, 100)
    await writeArtifact(file, serializeArtifact(cut))
    for (const f of [file, path.join(dir, 'missing.json')]) {
      const expected = await readArtifact(f).then(
        () => 'loaded',
        (err: Error) => err.message,
      )
      await assert.rejects(readArtifactOffThread(f), (err: Error) => {
        assert.ok(err instanceof ArtifactError)
        assert.equal(err.message, expected)
        return true
      })
    }
  })

  it('holds no timestamps: rebuilding after touching files changes nothing', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kb-touch-'))
    const src = path.join(ARTICLES, 'iis6-connections-refused-nonpaged-pool.md')
    await writeFile(path.join(dir, 'one.md'), await readFile(src, 'utf8'))
    const first = (await buildFromFolder(dir)).bytes
    await new Promise((r) => setTimeout(r, 20))
    await writeFile(path.join(dir, 'one.md'), await readFile(src, 'utf8'))
    assert.equal((await buildFromFolder(dir)).bytes, first)
  })
})
