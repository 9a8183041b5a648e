/**
 * `kb build --since <previous artifact>`: only changed and added files are read, deleted ones go,
 * unchanged articles' bytes and forward entries are reused, and the artifact is byte-identical to
 * a full build of the same folder. Whole-KB checks still run; another synonyms.yml, a preview with
 * drafts, or a previous artifact that cannot be read means a full build, and says why.
 */
import assert from 'node:assert/strict'
import { mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { buildFolderToFile } from '../src/build/index/build.js'
import { ContentError } from '../src/build/content/problems.js'
import { bundledCopies } from './helpers/kb.js'

const IIS6 = 'iis6-connections-refused-nonpaged-pool'

describe('kb build --since', () => {
  let dir: string
  let out: string
  before(async () => {
    dir = await bundledCopies(60)
    out = await mkdtemp(path.join(tmpdir(), 'kb-since-'))
  })
  after(async () => {
    await rm(dir, { recursive: true, force: true })
    await rm(out, { recursive: true, force: true })
  })

  const file = (name: string) => path.join(out, name)

  it('reads only what changed and writes the bytes a full build writes', async () => {
    const first = await buildFolderToFile(dir, file('first.kb'))
    assert.deepEqual(first.counts, { files: 60, read: 60, reused: 0 })
    const unchanged = await buildFolderToFile(dir, file('unchanged.kb'), { since: file('first.kb') })
    assert.equal(unchanged.fullBuild, undefined)
    assert.deepEqual(unchanged.counts, { files: 60, read: 0, reused: 60 })
    assert.ok((await readFile(file('unchanged.kb'))).equals(await readFile(file('first.kb'))))

    // One article changed (a new word, so a new term), one added, one deleted (with the terms only it held).
    const text = await readFile(path.join(dir, `${IIS6}.md`), 'utf8')
    await writeFile(path.join(dir, `${IIS6}.md`), text.replace(/^title: .*$/m, 'title: IIS 6 refuses connections, zanzibarian pool exhaustion'))
    await writeFile(path.join(dir, 'zz-added.md'), text.replace(/^id: .*$/m, 'id: zz-added').replace(/^title: .*$/m, 'title: An added article about quokkas'))
    await unlink(path.join(dir, 'httpsys-503-queuefull-request-queue.md'))

    const since = await buildFolderToFile(dir, file('since.kb'), { since: file('first.kb') })
    const full = await buildFolderToFile(dir, file('full.kb'))
    assert.equal(since.fullBuild, undefined)
    assert.deepEqual(since.counts, { files: 60, read: 2, reused: 58 })
    assert.deepEqual(since.ids, full.ids)
    assert.notEqual(since.buildId, first.buildId)
    assert.ok((await readFile(file('since.kb'))).equals(await readFile(file('full.kb'))), 'byte-identical to a full build')

    // Writing over the previous artifact itself, as CI does.
    await writeFile(path.join(dir, 'zz-added.md'), text.replace(/^id: .*$/m, 'id: zz-added').replace(/^title: .*$/m, 'title: Quokkas, again'))
    const again = await buildFolderToFile(dir, file('since.kb'), { since: file('since.kb') })
    assert.deepEqual(again.counts, { files: 60, read: 1, reused: 59 })
    await buildFolderToFile(dir, file('full.kb'))
    assert.ok((await readFile(file('since.kb'))).equals(await readFile(file('full.kb'))))
  })

  it('checks ids across changed and unchanged files', async () => {
    const text = await readFile(path.join(dir, `${IIS6}.md`), 'utf8')
    await buildFolderToFile(dir, file('base.kb'))
    await writeFile(path.join(dir, 'aa-copy.md'), text)
    try {
      await assert.rejects(buildFolderToFile(dir, file('dup.kb'), { since: file('base.kb') }), (err: unknown) => {
        assert.ok(err instanceof ContentError)
        assert.deepEqual(
          err.problems.filter((p) => p.severity === 'error').map((p) => `${path.basename(p.file)} ${p.message}`),
          [`${IIS6}.md duplicate id "${IIS6}", already used by ${dir}/aa-copy.md`],
        )
        return true
      })
    } finally {
      await unlink(path.join(dir, 'aa-copy.md'))
    }
  })

  it('builds in full, and says why, when the previous artifact cannot be reused', async () => {
    await buildFolderToFile(dir, file('base.kb'))
    const missing = await buildFolderToFile(dir, file('x.kb'), { since: file('nope.kb') })
    assert.match(missing.fullBuild ?? '', /nope\.kb: the file does not exist$/)
    assert.equal(missing.counts.read, 60)
    const drafts = await buildFolderToFile(dir, file('x.kb'), { since: file('base.kb'), includeDrafts: true })
    assert.match(drafts.fullBuild ?? '', /--include-drafts/)
    // A preview (built with drafts) is not reused by a build without them: its drafts would pass for published articles.
    const fromPreview = await buildFolderToFile(dir, file('y.kb'), { since: file('x.kb') })
    assert.equal(fromPreview.fullBuild, `${file('x.kb')} was built with drafts (--include-drafts)`)
    assert.equal(fromPreview.counts.read, 60)
    const synonyms = path.join(dir, 'synonyms.yml')
    const before = await readFile(synonyms, 'utf8')
    await writeFile(synonyms, `${before}\n- [quokka, short-tailed scrub wallaby]\n`)
    try {
      const other = await buildFolderToFile(dir, file('syn.kb'), { since: file('base.kb') })
      assert.match(other.fullBuild ?? '', /synonyms\.yml/)
      assert.equal(other.counts.read, 60)
    } finally {
      await writeFile(synonyms, before)
    }
  })
})
