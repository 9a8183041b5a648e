/**
 * Opening a checked artifact (read.ts) in a thread: its terms and each article's META decoded,
 * the engine made over the shared arrays, the bodies left compressed in the shared store until an
 * article's text is read (stored-article.ts). The loader, the main thread and every query worker
 * open the same SharedArtifact; nothing but these small decodings is done twice.
 */
import { setImmediate as nextTurn } from 'node:timers/promises'
import type { IndexedKb, KbArticle } from '../../core/article.js'
import { SearchEngine } from '../../core/engine/engine.js'
import { Inconsistency } from './artifact-error.js'
import { decodeTable, decodeTerms, type SharedArtifact } from './read.js'
import { ArticleBodies, decodeMeta, StoredArticle } from './stored-article.js'
import type { ArtifactHeader } from './write.js'

/** A loaded artifact, ready to answer queries. */
export interface LoadedArtifact extends IndexedKb {
  header: ArtifactHeader
  /** Size of the artifact file. */
  bytes: number
  byId: Map<string, KbArticle>
  /** Per article (same order): the sha256 of its file, as built (empty when the build did not give one). */
  hashes: string[]
  /** The compressed bodies, decoded on demand (their `decodes` count is for tests). */
  bodies: ArticleBodies
  /** What another thread needs to open the same artifact, without a copy. */
  shared: SharedArtifact
}

/** Articles whose META is decoded in one turn of the event loop, when opening without blocking: about 5 ms. */
const ARTICLES_PER_TURN = 2_000

/** Open a checked artifact, yielding between batches of articles (a server's main thread waits a turn there). Throws Inconsistency. */
function* opening(s: SharedArtifact): Generator<void, LoadedArtifact> {
  const { index, layout } = s
  const store = new Uint8Array(s.store)
  const view = ([at, length]: [number, number]) => store.subarray(at, at + length)
  const records = view(layout.articles)
  const table = decodeTable(view(layout.table), index.docCount, records.length)
  const bodies = new ArticleBodies(records, table)
  const n = index.docCount
  const articles: KbArticle[] = new Array<KbArticle>(n)
  const codes: string[][] = new Array<string[]>(n)
  const hashes: string[] = new Array<string>(n)
  const byId = new Map<string, KbArticle>()
  for (let doc = 0; doc < n; doc++) {
    if (doc > 0 && doc % ARTICLES_PER_TURN === 0) yield
    let meta
    try {
      meta = decodeMeta(records.subarray(table[2 * doc], table[2 * doc + 1]))
    } catch (err) {
      throw new Inconsistency(`article ${doc}'s record cannot be read (${(err as Error).message})`)
    }
    const a = new StoredArticle(meta.article, bodies, doc)
    if (byId.has(a.id)) throw new Inconsistency(`article id "${a.id}" appears twice`)
    byId.set(a.id, a)
    articles[doc] = a
    codes[doc] = meta.codes
    hashes[doc] = meta.hash
  }
  yield
  const terms = decodeTerms(view(layout.terms), index.terms)
  const engine = new SearchEngine({ ...s.engine, fields: [...index.fields], docCount: n, terms, synonyms: index.synonyms })
  return { header: s.header, bytes: s.bytes, articles, byId, codes, hashes, index: engine, bodies, shared: s }
}

/** Open a checked artifact in one go (a worker thread, a build, a test). Throws Inconsistency. */
export function openArtifact(s: SharedArtifact): LoadedArtifact {
  const steps = opening(s)
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
  }
}

/** Open a checked artifact on a thread that is serving: the articles are decoded a batch per turn of the event loop. Rejects with Inconsistency. */
export async function openArtifactInTurns(s: SharedArtifact): Promise<LoadedArtifact> {
  const steps = opening(s)
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
    await nextTurn()
  }
}
