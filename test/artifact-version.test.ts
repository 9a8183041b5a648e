/**
 * The artifact's version covers every computation it stores: for a fixture KB, a digest of each
 * stored part is recorded with the versions it depends on (test/fixtures/artifact-version.json).
 * A part that changes while those versions stay fails here, naming the version to bump: an
 * artifact built by the old code would otherwise load, and answer, with stale data.
 * To record new digests after a bump: KB_UPDATE_DIGESTS=1 node --import tsx --test test/artifact-version.test.ts
 */
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { describe, it } from 'node:test'
import { buildFromFolder } from '../src/build/index/build.js'
import { type ArtifactPayload, ARTIFACT_VERSION, artifactPayload } from '../src/build/artifact/artifact.js'
import { type ArtifactComponent, ARTIFACT_VERSIONS } from '../src/build/artifact/version.js'

const FIXTURE_KB = 'test/fixtures/version-kb'
const RECORD = 'test/fixtures/artifact-version.json'
const UPDATE = 'KB_UPDATE_DIGESTS=1 node --import tsx --test test/artifact-version.test.ts'

/** One stored part: what it is, the versions it depends on (its own last), where its own version is. */
interface Part {
  name: string
  dependsOn: ArtifactComponent[]
  bump: string
  of: (p: ArtifactPayload) => unknown
}

/** The parts in dependency order: a change to one usually changes those after it. */
const PARTS: Part[] = [
  {
    name: 'layout',
    dependsOn: ['layout'],
    bump: 'ARTIFACT_VERSIONS.layout in src/build/artifact/version.ts',
    of: (p) => ({ payload: Object.keys(p), article: Object.keys(p.articles[0]!), index: Object.keys(p.index) }),
  },
  { name: 'rendered articles', dependsOn: ['render'], bump: 'ARTIFACT_VERSIONS.render in src/build/artifact/version.ts', of: (p) => p.articles },
  { name: 'index terms', dependsOn: ['render', 'analysis'], bump: 'ANALYSIS_VERSION in src/core/analysis/pipeline.ts', of: (p) => p.index.terms },
  {
    name: 'index weights',
    dependsOn: ['render', 'analysis', 'index'],
    bump: 'ARTIFACT_VERSIONS.index in src/build/artifact/version.ts',
    of: (p) => ({ fields: p.index.fields, docCount: p.index.docCount, postings: p.index.postings }),
  },
  {
    name: 'index synonyms',
    dependsOn: ['analysis'],
    bump: 'ANALYSIS_VERSION in src/core/analysis/pipeline.ts',
    of: (p) => p.index.synonyms,
  },
  { name: 'match codes', dependsOn: ['codes'], bump: 'CODES_VERSION in src/core/match/signals.ts', of: (p) => p.codes },
]

type Recorded = Record<string, { versions: Partial<Record<ArtifactComponent, number>>; sha256: string }>

const sha256 = (v: unknown): string => createHash('sha256').update(JSON.stringify(v)).digest('hex')
const versionsOf = (part: Part) => Object.fromEntries(part.dependsOn.map((c) => [c, ARTIFACT_VERSIONS[c]]))
const show = (v: object): string =>
  Object.entries(v)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ')

/** What is wrong with the recorded digests for this build, first stale part first; empty when all agree. */
function staleParts(payload: ArtifactPayload, recorded: Recorded): string[] {
  const problems: string[] = []
  for (const part of PARTS) {
    const rec = recorded[part.name]
    const versions = versionsOf(part)
    const digest = sha256(part.of(payload))
    if (!rec || JSON.stringify(rec.versions) !== JSON.stringify(versions)) {
      problems.push(`the ${part.name}: versions ${rec ? show(rec.versions) : '(none recorded)'} are now ${show(versions)}; record the new digest: ${UPDATE}`)
    } else if (rec.sha256 !== digest) {
      problems.push(
        `the stored ${part.name} of ${FIXTURE_KB} changed while ${show(versions)} stayed: an artifact built before would load with stale ${part.name}. ` +
          `Bump ${part.bump}, then record the new digest: ${UPDATE}`,
      )
    }
  }
  return problems
}

describe('artifact version: every stored computation is versioned', () => {
  it('the header version is the components in order', () => {
    assert.equal(
      ARTIFACT_VERSION,
      `${ARTIFACT_VERSIONS.layout}.${ARTIFACT_VERSIONS.render}.${ARTIFACT_VERSIONS.analysis}.${ARTIFACT_VERSIONS.index}.${ARTIFACT_VERSIONS.codes}`,
    )
  })

  it('no stored part of the fixture KB changed without a version bump', async () => {
    const { bytes } = await buildFromFolder(FIXTURE_KB)
    const payload = artifactPayload(Buffer.from(bytes))
    if (process.env.KB_UPDATE_DIGESTS === '1') {
      const out = Object.fromEntries(PARTS.map((p) => [p.name, { versions: versionsOf(p), sha256: sha256(p.of(payload)) }]))
      await writeFile(RECORD, `${JSON.stringify(out, null, 2)}\n`)
      return
    }
    const recorded = JSON.parse(await readFile(RECORD, 'utf8')) as Recorded
    const problems = staleParts(payload, recorded)
    // The first is the one to fix: the parts after it depend on it, and may follow from it.
    assert.equal(
      problems.length,
      0,
      `${problems[0]}${problems.length > 1 ? `\n(then check again: ${problems.length - 1} more part(s) differ, maybe following from this one)` : ''}`,
    )
  })
})
