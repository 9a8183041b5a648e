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
import { decodeTable, decodeTerms, type SharedArtifact, type StoreLayout } from './read.js'
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

/** The articles of an artifact, opened from its store: each one's META decoded, its body left compressed. */
export interface OpenedArticles {
  articles: KbArticle[]
  byId: Map<string, KbArticle>
  codes: string[][]
  hashes: string[]
  bodies: ArticleBodies
}

/** Open the articles in an artifact's store, yielding between batches (a server's main thread waits a turn there). Throws Inconsistency. */
function* openingArticles(store: SharedArrayBuffer, layout: StoreLayout, n: number): Generator<void, OpenedArticles> {
  const bytes = new Uint8Array(store)
  const records = bytes.subarray(layout.articles[0], layout.articles[0] + layout.articles[1])
  const table = decodeTable(bytes.subarray(layout.table[0], layout.table[0] + layout.table[1]), n, records.length)
  const bodies = new ArticleBodies(records, table)
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
  return { articles, byId, codes, hashes, bodies }
}

/** The loaded artifact from its opened articles and its decoded index: the terms decoded, the engine made. */
export function withEngine(s: SharedArtifact, opened: OpenedArticles): LoadedArtifact {
  const { index, layout } = s
  const terms = decodeTerms(new Uint8Array(s.store, layout.terms[0], layout.terms[1]), index.terms)
  const engine = new SearchEngine({ ...s.engine, fields: [...index.fields], docCount: index.docCount, terms, synonyms: index.synonyms })
  return { header: s.header, bytes: s.bytes, ...opened, index: engine, shared: s }
}

/** Open a checked artifact, yielding between batches of articles. Throws Inconsistency. */
function* opening(s: SharedArtifact): Generator<void, LoadedArtifact> {
  const opened = yield* openingArticles(s.store, s.layout, s.index.docCount)
  yield
  return withEngine(s, opened)
}

/** Run a generator to its end, a turn of the event loop between steps. */
async function inTurns<T>(steps: Generator<void, T>): Promise<T> {
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
    await nextTurn()
  }
}

/**
 * Open the articles in an artifact's store before its index is decoded (the loader thread hands
 * the store over first, and decodes the postings meanwhile), a batch per turn. Rejects with Inconsistency.
 */
export function openArticlesInTurns(store: SharedArrayBuffer, layout: StoreLayout, docCount: number): Promise<OpenedArticles> {
  return inTurns(openingArticles(store, layout, docCount))
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
export function openArtifactInTurns(s: SharedArtifact): Promise<LoadedArtifact> {
  return inTurns(opening(s))
}
