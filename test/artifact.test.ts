import assert from 'node:assert/strict'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, it } from 'node:test'
import { ArtifactError, ARTIFACT_VERSION, parseArtifact, readArtifact, writeArtifact } from '../src/indexing/artifact.js'
import { buildFromFolder } from '../src/indexing/build.js'
import { loadArticles } from '../src/content/load.js'
import { buildArtifact } from '../src/indexing/build.js'

const ARTICLES = path.join(import.meta.dirname, '..', 'articles')

describe('artifact', () => {
  it('the same articles give byte-identical artifacts, whatever order they are read in', async () => {
    const a = await buildFromFolder(ARTICLES)
    const b = await buildFromFolder(ARTICLES)
    assert.equal(a.bytes, b.bytes)
    const { articles } = await loadArticles(ARTICLES)
    assert.equal(buildArtifact([...articles].reverse()).bytes, a.bytes)
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

  it('refuses a missing, foreign, old or corrupt artifact with a message that says how to rebuild', async () => {
    const { bytes } = await buildFromFolder(ARTICLES)
    const rebuild = /Rebuild it with: npm run kb -- build --out f\.json$/
    const header = JSON.parse(bytes.slice(0, bytes.indexOf('\n'))) as Record<string, unknown>
    const body = bytes.slice(bytes.indexOf('\n'))
    const cases: Array<[string, string, RegExp]> = [
      ['not json', 'hello', /^Cannot load index artifact f\.json: it is not a KB index artifact \(the header is not JSON\)/],
      ['foreign json', '{"a":1}\n{}', /it is not a KB index artifact \(unknown format\)/],
      ['old version', JSON.stringify({ ...header, version: '0.1' }) + body, /it has format version 0\.1, this server reads version /],
      ['truncated', bytes.slice(0, bytes.length - 100), /it is corrupt \(its checksum does not match; truncated or edited\?\)/],
      ['edited', bytes.replace('Connections_Refused', 'Connections_Accepted'), /it is corrupt/],
    ]
    for (const [name, raw, message] of cases) {
      assert.throws(() => parseArtifact(raw, 'f.json'), (err: Error) => {
        assert.ok(err instanceof ArtifactError, name)
        assert.match(err.message, message, name)
        assert.match(err.message, rebuild, name)
        return true
      })
    }
    await assert.rejects(readArtifact('/nonexistent/kb.json'), /Cannot load index artifact \/nonexistent\/kb\.json: the file does not exist\. Rebuild it with/)
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
