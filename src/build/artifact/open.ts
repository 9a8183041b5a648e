/**
 * Opening a checked artifact (read.ts) in a thread: its terms and every article's id and codes
 * decoded, the engine made over the shared arrays; each article's other META fields are decoded
 * when first read and its bodies left compressed in the shared store until its text is read
 * (stored-article.ts). The loader, the main thread and every query worker open the same
 * SharedArtifact; nothing but these small decodings is done twice.
 */
import { setImmediate as nextTurn } from 'node:timers/promises'
import type { IndexedKb, KbArticle } from '../../core/article.js'
import { SearchEngine } from '../../core/engine/engine.js'
import { Inconsistency } from './artifact-error.js'
import { decodeTable, decodeTerms, type SharedArtifact, type StoreLayout } from './read.js'
import { type ArticleBodies, ArticleRecordsView, StoredArticle } from './stored-article.js'
import type { ArtifactHeader } from './write.js'

/** A loaded artifact, ready to answer queries. */
export interface LoadedArtifact extends IndexedKb {
  header: ArtifactHeader
  /** Size of the artifact file. */
  bytes: number
  byId: Map<string, KbArticle>
  /** The compressed bodies, decoded on demand (their `decodes` count is for tests). */
  bodies: ArticleBodies
  /** What another thread needs to open the same artifact, without a copy. */
  shared: SharedArtifact
}

/** Articles opened in one turn of the event loop, when opening without blocking (an object and a map entry each). */
const ARTICLES_PER_TURN = 10_000

/** The articles of an artifact, opened from its store: each one's id and codes decoded, its other fields and body left in the store until read. */
export interface OpenedArticles {
  articles: KbArticle[]
  byId: Map<string, KbArticle>
  codes: string[][]
  bodies: ArticleBodies
}

/** Open the articles in an artifact's store, yielding between batches (a server's main thread waits a turn there). Throws Inconsistency. */
function* openingArticles(store: SharedArrayBuffer, layout: StoreLayout, n: number): Generator<void, OpenedArticles> {
  const bytes = new Uint8Array(store)
  const records = bytes.subarray(layout.articles[0], layout.articles[0] + layout.articles[1])
  const table = decodeTable(bytes.subarray(layout.table[0], layout.table[0] + layout.table[1]), n, records.length)
  const view = new ArticleRecordsView(records, table)
  const keys = decodeKeys(bytes.subarray(layout.keys[0], layout.keys[0] + layout.keys[1]), n)
  yield
  const articles: KbArticle[] = new Array<KbArticle>(n)
  const codes: string[][] = new Array<string[]>(n)
  const byId = new Map<string, KbArticle>()
  for (let doc = 0; doc < n; doc++) {
    if (doc > 0 && doc % ARTICLES_PER_TURN === 0) yield
    const [id, articleCodes] = keys[doc]!
    const a = new StoredArticle(id, view, doc)
    if (byId.has(id)) throw new Inconsistency(`article id "${id}" appears twice`)
    byId.set(id, a)
    articles[doc] = a
    codes[doc] = articleCodes
  }
  return { articles, byId, codes, bodies: view.bodies }
}

/** The `articles.keys` section: per article its id and codes, checked; throws Inconsistency. */
function decodeKeys(bytes: Uint8Array, n: number): Array<[string, string[]]> {
  let keys: unknown
  try {
    keys = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8'))
  } catch (err) {
    throw new Inconsistency(`its article keys are not JSON (${(err as Error).message})`)
  }
  if (!Array.isArray(keys) || keys.length !== n) throw new Inconsistency(`its article keys are not a list of ${n} articles`)
  keys.forEach((k: unknown, doc) => {
    const ok = Array.isArray(k) && k.length === 2 && typeof k[0] === 'string' && k[0] !== '' && Array.isArray(k[1]) && k[1].every((c) => typeof c === 'string')
    if (!ok) throw new Inconsistency(`article ${doc}'s keys are not [id, codes]`)
  })
  return keys as Array<[string, string[]]>
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
  return toEnd(opening(s))
}

/** Open the articles in a store in one go (a query worker, while the postings are still being decoded: withEngine follows). Throws Inconsistency. */
export function openArticles(store: SharedArrayBuffer, layout: StoreLayout, docCount: number): OpenedArticles {
  return toEnd(openingArticles(store, layout, docCount))
}

/** Run a generator to its end without yielding to the event loop. */
function toEnd<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
  }
}

/** Open a checked artifact on a thread that is serving: the articles are decoded a batch per turn of the event loop. Rejects with Inconsistency. */
export function openArtifactInTurns(s: SharedArtifact): Promise<LoadedArtifact> {
  return inTurns(opening(s))
}
