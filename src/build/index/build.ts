/**
 * Building the artifact: articles -> rendered, analyzed, encoded (build threads) -> forward index
 * -> Lunr's weights (build/index/weigh.ts) -> artifact. `buildFolderToFile` is `kb build`: a
 * stream whose memory does not grow with the KB's text, optionally reusing a previous artifact's
 * unchanged articles (`--since`); `buildFromFolder` is the same into memory; `buildArtifact` the
 * same from articles already loaded (eval, self-check, tests).
 */
import { stat } from 'node:fs/promises'
import path from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { BUILTIN_ONLY, Synonyms, type SynonymSource } from '../../core/analysis/synonyms.js'
import type { KbArticle } from '../../core/article.js'
import { articleCodes } from '../../core/match/profile.js'
import type { LoadOptions } from '../content/load.js'
import type { Problem } from '../content/problems.js'
import type { ArticleSource } from '../content/schema.js'
import { loadSynonyms } from '../content/synonyms.js'
import { analyzeArticle } from './analyze.js'
import { collectFolder, type CollectOptions, type CollectedKb, type Reusable } from './collect.js'
import { forwardOf } from './forward.js'
import { weigh } from './weigh.js'
import { toKbArticle } from '../artifact/article.js'
import { ARTIFACT_VERSION, ArtifactError, encodeArticle, encodeArtifact, parseArtifact, readBuildState, writeArtifactFile } from '../artifact/artifact.js'
import type { EncodedArticle, WeightedIndex } from '../artifact/model.js'

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * Render and index validated articles (in id order, so the output is deterministic) with the KB's
 * synonyms (default: the built-in list only), returning the artifact's bytes. No file was read, so
 * the articles carry no content hash, and `kb build --since` cannot reuse them.
 */
export function buildArtifact(sources: ArticleSource[], synonyms: SynonymSource = BUILTIN_ONLY): { bytes: Buffer; articles: KbArticle[] } {
  const articles = [...sources].sort((a, b) => cmp(a.id, b.id)).map(toKbArticle)
  const table = Synonyms.from(synonyms)
  const forward = forwardOf(articles.map((a) => analyzeArticle(a, table)))
  const index = weigh(forward, synonyms)
  const article = (doc: number) => encodeArticle({ article: articles[doc]!, codes: articleCodes(articles[doc]!), hash: '' })
  return { bytes: encodeArtifact({ index, forward, article }).bytes, articles }
}

/** What a build of a folder did: its problems (warnings), its articles, and how much of it was read. */
export interface FolderBuild {
  problems: Problem[]
  /** Article ids, in the artifact's order. */
  ids: string[]
  counts: CollectedKb['counts']
}

/** Weigh a collected KB and hand it to `write`; the spill file is removed whatever happens. */
async function finish<T>(kb: CollectedKb, write: (index: WeightedIndex) => Promise<T>): Promise<T> {
  try {
    return await write(weigh(kb.forward, kb.synonyms))
  } finally {
    await kb.close()
  }
}

/**
 * Load, validate and build a folder of articles into memory (drafts only with `includeDrafts`);
 * throws ContentError listing every problem, and NoArticlesError when the folder has no article
 * (an empty KB is a mistake, not a build).
 */
export async function buildFromFolder(
  dir: string,
  options: LoadOptions & Pick<CollectOptions, 'threads'> = {},
): Promise<FolderBuild & { bytes: Buffer; articles: KbArticle[] }> {
  const kb = await collectFolder(dir, options)
  const bytes = await finish(kb, async (index) => {
    const encoded: EncodedArticle[] = []
    for (let doc = 0; doc < index.docCount; doc++) encoded.push(await kb.article(doc))
    return encodeArtifact({ index, forward: kb.forward, article: (doc) => encoded[doc]!, drafts: options.includeDrafts === true }).bytes
  })
  return { bytes, articles: parseArtifact(bytes, 'memory').articles, problems: kb.problems, ids: kb.ids, counts: kb.counts }
}

/** A failure to write the artifact file (its cause: the system's error), told apart from a failure to build. */
export class ArtifactWriteError extends Error {
  constructor(file: string, cause: unknown) {
    super(`cannot write ${file}`, { cause })
    this.name = 'ArtifactWriteError'
  }
}

/** What `kb build` is given: drafts or not, build threads, and the previous artifact to reuse (`--since`). */
export interface FileBuildOptions extends LoadOptions, Pick<CollectOptions, 'threads'> {
  since?: string
}

/**
 * `kb build`: build a folder into the artifact file `out` (written atomically), as a stream (see
 * the module comment); with `since`, reusing that artifact's unchanged articles, or building in
 * full when it cannot be reused (`fullBuild` says why). Throws as buildFromFolder, and
 * ArtifactWriteError when the file cannot be written.
 */
export async function buildFolderToFile(
  dir: string,
  out: string,
  options: FileBuildOptions = {},
): Promise<FolderBuild & { buildId: string; bytes: number; fullBuild?: string }> {
  const previous = options.since === undefined ? undefined : await reusable(dir, options.since, options)
  const kb = await collectFolder(dir, { ...options, ...(previous?.reuse ? { reuse: previous.reuse } : {}) })
  const header = await finish(kb, (index) =>
    writeArtifactFile(out, { index, forward: kb.forward, article: kb.article, drafts: options.includeDrafts === true }).catch((err: unknown) => {
      throw new ArtifactWriteError(out, err)
    }),
  )
  return {
    problems: kb.problems,
    ids: kb.ids,
    counts: kb.counts,
    buildId: header.buildId,
    bytes: (await stat(out)).size,
    ...(previous?.reason ? { fullBuild: previous.reason } : {}),
  }
}

/** What a previous artifact offers a build of `dir`, or why the build is a full one. */
async function reusable(dir: string, since: string, options: LoadOptions): Promise<{ reuse?: Reusable; reason?: string }> {
  // A preview's artifact holds drafts, and nothing in it says which articles were drafts.
  if (options.includeDrafts) return { reason: 'a build with drafts (--include-drafts) is always a full build' }
  let state: Awaited<ReturnType<typeof readBuildState>>
  try {
    state = await readBuildState(since)
  } catch (err) {
    if (!(err instanceof ArtifactError)) throw err
    return { reason: `${err.message.replace(/\. Rebuild it with: .*$/s, '')}` }
  }
  // Its articles may include drafts, and nothing in it says which were.
  if (state.header.drafts) return { reason: `${since} was built with drafts (--include-drafts)` }
  if (state.header.version !== ARTIFACT_VERSION)
    return { reason: `${since} was built by artifact version ${state.header.version}, this is ${ARTIFACT_VERSION}` }
  const synonyms = await loadSynonyms(dir, dir.split(path.sep).join('/'))
  // Every term depends on the synonyms: another synonyms.yml means analyzing every article again.
  if (!isDeepStrictEqual(state.synonyms ?? BUILTIN_ONLY, synonyms.synonyms)) return { reason: `synonyms.yml is not the one ${since} was built with` }
  if (state.articles.length > 0 && state.articles.every((a) => a.hash === ''))
    return { reason: `${since} records no content hashes (built from articles in memory)` }
  return { reuse: { forward: state.forward, articles: state.articles } }
}
