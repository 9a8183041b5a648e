/**
 * An article as the binary artifact stores it: its META (every field but the rendered ones, its
 * codes, its file's hash) as a small JSON array, decoded at load; its BODY (cause, resolution and
 * body, each as Markdown, HTML and text) compressed with brotli, decoded only when one of them is
 * read. A search answer shows ten snippets, an article page one article: most bodies of a large KB
 * are never read by a process, and the compressed bytes are shared by every thread.
 */
import { constants, brotliCompressSync, brotliDecompressSync } from 'node:zlib'
import type { ArticleReference, KbArticle, RenderedText } from '../../core/article.js'
import type { ArticleEntry, EncodedArticle } from './model.js'

/**
 * Brotli's quality for bodies: 5 compresses a generated article's 6 KB of rendered text about as
 * well as 9-11 (all three forms repeat the same words) at a small part of their time.
 */
const BODY_QUALITY = 5

/** An article's stored META, positionally: id, title, symptoms, environment, products, tags, errorCodes, references, updated, source, codes, hash. */
type MetaRecord = [string, string, string[], string[], string[], string[], string[], ArticleReference[], string | null, string, string[], string]

/** A rendered field as stored: [markdown, html, text]. */
type StoredText = [string, string, string]

/** The decoded META of one article. */
export interface ArticleMeta {
  article: Omit<KbArticle, 'cause' | 'resolution' | 'body'>
  codes: string[]
  hash: string
}

/** An article's rendered fields, decoded. */
export interface ArticleTexts {
  cause: RenderedText | null
  resolution: RenderedText
  body: RenderedText
}

/** Encode an article for the artifact: its META as JSON, its rendered fields compressed. Pure; runs in build threads. */
export function encodeArticle(e: ArticleEntry): EncodedArticle {
  const a = e.article
  const meta: MetaRecord = [a.id, a.title, a.symptoms, a.environment, a.products, a.tags, a.errorCodes, a.references, a.updated, a.source, e.codes, e.hash]
  const stored = (t: RenderedText): StoredText => [t.markdown, t.html, t.text]
  const texts = Buffer.from(JSON.stringify([a.cause && stored(a.cause), stored(a.resolution), stored(a.body)]), 'utf8')
  const body = brotliCompressSync(texts, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: BODY_QUALITY,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: texts.length,
    },
  })
  return { id: a.id, codes: e.codes, meta: Buffer.from(JSON.stringify(meta), 'utf8'), body: new Uint8Array(body.buffer, body.byteOffset, body.length) }
}

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string')

/** Decode an article's META; throws an Error saying what is wrong when it is not one. */
export function decodeMeta(bytes: Uint8Array): ArticleMeta {
  const m = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8')) as MetaRecord
  if (!Array.isArray(m) || m.length !== 12) throw new Error('it is not an article record')
  const [id, title, symptoms, environment, products, tags, errorCodes, references, updated, source, codes, hash] = m
  if (typeof id !== 'string' || typeof title !== 'string' || typeof source !== 'string' || typeof hash !== 'string')
    throw new Error('it has no id, title or source')
  if (![symptoms, environment, products, tags, errorCodes, codes].every(isStrings) || !Array.isArray(references))
    throw new Error('its lists are not lists of text')
  return { article: { id, title, symptoms, environment, products, tags, errorCodes, references, updated, source }, codes, hash }
}

/** Decode an article's rendered fields from its compressed BODY. */
export function decodeTexts(bytes: Uint8Array): ArticleTexts {
  const [cause, resolution, body] = JSON.parse(brotliDecompressSync(bytes).toString('utf8')) as [StoredText | null, StoredText, StoredText]
  const text = ([markdown, html, text]: StoredText): RenderedText => ({ markdown, html, text })
  return { cause: cause && text(cause), resolution: text(resolution), body: text(body) }
}

/**
 * The compressed bodies of a loaded artifact, decoded on demand. The last `keep` decoded are kept
 * (a search page reads the same hits' texts several times: snippet, then answer), so a process
 * holds a bounded number of decoded bodies whatever the KB's size.
 */
export class ArticleBodies {
  /** Bodies decoded so far (tests check that a search decodes only its hits'). */
  decodes = 0
  private readonly kept = new Map<number, ArticleTexts>()

  /**
   * @param bytes the article records (each META then BODY)
   * @param table per article [META start, BODY start], then the end of the last record
   */
  constructor(
    private readonly bytes: Uint8Array,
    private readonly table: Uint32Array,
    private readonly keep = 256,
  ) {}

  /** The rendered fields of article `doc`. */
  get(doc: number): ArticleTexts {
    let t = this.kept.get(doc)
    if (t) {
      this.kept.delete(doc) // most recently used last
    } else {
      t = decodeTexts(this.bytes.subarray(this.table[2 * doc + 1]!, this.table[2 * doc + 2]!))
      this.decodes++
      if (this.kept.size >= this.keep) this.kept.delete(this.kept.keys().next().value!)
    }
    this.kept.set(doc, t)
    return t
  }
}

/**
 * A loaded article: its id at once, its other META fields decoded from its record when one is first
 * read (then kept), its rendered fields read from the compressed bodies when asked. A server's
 * threads each load every article, and most are never read: at 100,000 articles, decoding every
 * META at load was most of a thread's heap and a large part of its start. `toJSON` gives the plain
 * article, so JSON answers see every field; a spread (`{ ...a }`) sees none of the getters: use
 * `toJSON()` for a copy.
 */
export class StoredArticle implements KbArticle {
  readonly id: string
  #meta: ArticleMeta | undefined
  readonly #records: ArticleRecordsView
  readonly #doc: number

  constructor(id: string, records: ArticleRecordsView, doc: number) {
    this.id = id
    this.#records = records
    this.#doc = doc
  }

  /** The decoded META; a record that does not decode, or names another article, throws ArticleRecordError. */
  private get meta(): ArticleMeta {
    if (this.#meta) return this.#meta
    let meta: ArticleMeta
    try {
      meta = this.#records.meta(this.#doc)
    } catch (err) {
      throw new ArticleRecordError(this.#doc, (err as Error).message)
    }
    if (meta.article.id !== this.id)
      throw new ArticleRecordError(this.#doc, `it is the record of ${JSON.stringify(meta.article.id)}, not ${JSON.stringify(this.id)}`)
    return (this.#meta = meta)
  }

  get title(): string {
    return this.meta.article.title
  }

  get symptoms(): string[] {
    return this.meta.article.symptoms
  }

  get environment(): string[] {
    return this.meta.article.environment
  }

  get products(): string[] {
    return this.meta.article.products
  }

  get tags(): string[] {
    return this.meta.article.tags
  }

  get errorCodes(): string[] {
    return this.meta.article.errorCodes
  }

  get references(): ArticleReference[] {
    return this.meta.article.references
  }

  get updated(): string | null {
    return this.meta.article.updated
  }

  get source(): string {
    return this.meta.article.source
  }

  /** The sha256 of the article's file, as built (empty when the build did not give one). */
  get hash(): string {
    return this.meta.hash
  }

  get cause(): RenderedText | null {
    return this.#records.bodies.get(this.#doc).cause
  }

  get resolution(): RenderedText {
    return this.#records.bodies.get(this.#doc).resolution
  }

  get body(): RenderedText {
    return this.#records.bodies.get(this.#doc).body
  }

  /** The plain article, fields in the order the API and the old artifact had them. */
  toJSON(): KbArticle {
    const { cause, resolution, body } = this.#records.bodies.get(this.#doc)
    const a = this.meta.article
    return {
      id: this.id,
      title: a.title,
      symptoms: a.symptoms,
      environment: a.environment,
      cause,
      resolution,
      body,
      products: a.products,
      tags: a.tags,
      errorCodes: a.errorCodes,
      references: a.references,
      updated: a.updated,
      source: a.source,
    }
  }
}

/** The article records of a loaded artifact: each one's META decoded when asked, and the bodies. */
export class ArticleRecordsView {
  readonly bodies: ArticleBodies

  /**
   * @param bytes the article records (each META then BODY)
   * @param table per article [META start, BODY start], then the end of the last record
   */
  constructor(
    private readonly bytes: Uint8Array,
    private readonly table: Uint32Array,
  ) {
    this.bodies = new ArticleBodies(bytes, table)
  }

  /** Article `doc`'s decoded META; throws an Error saying what is wrong when it is not one. */
  meta(doc: number): ArticleMeta {
    return decodeMeta(this.bytes.subarray(this.table[2 * doc]!, this.table[2 * doc + 1]!))
  }
}

/** An article record that does not decode: the artifact passed its checksum, so its writer made it wrong. */
export class ArticleRecordError extends Error {
  constructor(doc: number, problem: string) {
    super(`article ${doc}'s record in the artifact cannot be read (${problem}); rebuild the artifact`)
    this.name = 'ArticleRecordError'
  }
}
