/**
 * The streaming build (build/index/collect.ts): files in batches on build threads, the main thread
 * keeping terms, forward pairs and a spill file. The artifact does not depend on the threads or
 * their timing, every problem is reported as loadArticles (kb lint) reports it, and a folder with
 * nothing to build says so.
 */
import assert from 'node:assert/strict'
import { readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { artifactPayload } from '../src/build/artifact/artifact.js'
import { buildArtifact, buildFromFolder } from '../src/build/index/build.js'
import { loadArticles } from '../src/build/content/load.js'
import { ContentError, NoArticlesError } from '../src/build/content/problems.js'
import { bundledCopies } from './helpers/kb.js'

const FIRST = 'httpsys-503-queuefull-request-queue'

describe('streaming build', () => {
  let dir: string
  before(async () => {
    // More files than two batches, so that both threads work and a duplicate can be batches apart.
    dir = await bundledCopies(90)
  })
  after(() => rm(dir, { recursive: true, force: true }))

  it('gives the same artifact on two build threads, on this thread, and from loaded articles', async () => {
    const threaded = await buildFromFolder(dir, { threads: 2 })
    const here = await buildFromFolder(dir, { threads: 0 })
    assert.ok(threaded.bytes.equals(here.bytes))
    assert.equal(threaded.ids.length, 90)
    assert.deepEqual(threaded.ids, [...threaded.ids].sort())
    assert.deepEqual(threaded.counts, { files: 90, read: 90, reused: 0 })
    const { articles, synonyms } = await loadArticles(dir)
    // From loaded articles there is no file to hash: the same artifact but for the hashes.
    assert.deepEqual(artifactPayload(buildArtifact(articles, synonyms).bytes), artifactPayload(here.bytes))
  })

  it('reports every problem as kb lint does: per file, duplicates across batches, a README, drafts, synonyms.yml', async () => {
    const broken = await bundledCopies(70)
    try {
      const first = await readFile(path.join(broken, `${FIRST}.md`), 'utf8')
      await writeFile(path.join(broken, 'README.md'), '# not an article\n')
      await writeFile(path.join(broken, 'zz-duplicate.md'), first)
      await writeFile(path.join(broken, 'zz-draft.md'), first.replace(/^id: .*$/m, 'id: zz-draft\nstatus: draft'))
      await writeFile(path.join(broken, 'mm-bad-yaml.md'), '---\ntitle: [1, 2\n---\nbody\n')
      await writeFile(path.join(broken, 'mm-no-symptoms.md'), first.replace(/^id: .*$/m, 'id: mm-no-symptoms').replace(/^symptoms:/m, 'symptomz:'))
      await writeFile(path.join(broken, 'synonyms.yml'), '- [db]\n- {one-way: {from: [x]}}\n')
      const lint = await loadArticles(broken, broken)
      assert.ok(lint.problems.some((p) => p.message.startsWith('duplicate id')))
      await assert.rejects(buildFromFolder(broken, { threads: 2 }), (err: unknown) => {
        assert.ok(err instanceof ContentError)
        assert.deepEqual(err.problems, lint.problems)
        return true
      })
    } finally {
      await rm(broken, { recursive: true, force: true })
    }
  })

  it('a folder of drafts and a README only has nothing to build', async () => {
    const drafts = await bundledCopies(3)
    try {
      for (const f of ['iis-500-19-0x8007000d-invalid-config.md', FIRST + '.md', 'iis-503-app-pool-rapid-fail-protection.md']) {
        const file = path.join(drafts, f)
        await writeFile(file, (await readFile(file, 'utf8')).replace(/^title:/m, 'status: draft\ntitle:'))
      }
      await writeFile(path.join(drafts, 'README.md'), '# drafts\n')
      await assert.rejects(buildFromFolder(drafts, { threads: 2 }), (err: unknown) => {
        assert.ok(err instanceof NoArticlesError)
        assert.equal(err.problems.filter((p) => p.field === 'status').length, 3)
        assert.ok(err.problems.some((p) => p.message === 'skipped: a README is not an article'))
        return true
      })
      assert.equal((await buildFromFolder(drafts, { threads: 0, includeDrafts: true })).ids.length, 3)
    } finally {
      await rm(drafts, { recursive: true, force: true })
    }
  })
})
