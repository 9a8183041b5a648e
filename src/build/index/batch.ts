/**
 * One batch of article files, as a build thread handles it: each file read, hashed, parsed and
 * validated; each article to build rendered, its codes computed, analyzed (its fields' terms) and
 * encoded for the artifact. What goes back to the main thread is flat: the encoded articles' bytes
 * and the batch's terms and [term, count] pairs in typed arrays, which are transferred, not copied.
 * Only each file's problems and identity (id, draft) are small objects.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Synonyms } from '../../core/analysis/synonyms.js'
import { FIELD_NAMES } from '../../core/fields.js'
import { articleCodes } from '../../core/match/profile.js'
import { parseArticle } from '../content/load.js'
import type { Problem } from '../content/problems.js'
import { toKbArticle } from '../artifact/article.js'
import type { EncodedArticle } from '../artifact/model.js'
import { analyzeArticle } from './analyze.js'
import { encodeArticle } from '../artifact/stored-article.js'

const FIELD_COUNT = FIELD_NAMES.length

/** What a batch needs besides its files: the folder, how problems name it, the KB's synonyms, whether drafts are built. */
export interface BatchContext {
  dir: string
  /** The folder as problems name it (`/` separators). */
  display: string
  synonyms: Synonyms
  includeDrafts: boolean
}

/** One file of a batch: its problems, and when it parsed, its article's id, and its position among the batch's built articles. */
export interface FileOutcome {
  rel: string
  /** sha256 (hex) of the file's bytes. */
  hash: string
  problems: Problem[]
  id?: string
  draft?: boolean
  /** Position among the batch's built articles (absent: not built, as a draft or a file with errors). */
  built?: number
}

/** A batch's outcome: per file, then the built articles' encoded bytes and their forward entries in the batch's own term numbers. */
export interface BatchResult {
  files: FileOutcome[]
  articles: EncodedArticle[]
  /** The batch's terms, UTF-8, one per line (a term never holds a line break: the tokenizer splits on white space). */
  terms: Uint8Array
  /** Per built article and field: its length in terms. */
  lengths: Uint32Array
  /** Per built article and field: where its pairs end in `pairs`, counted in pairs from the batch's start. */
  ends: Uint32Array
  /** [term, count] pairs, terms numbered by line of `terms`. */
  pairs: Uint32Array
}

/** Read, check, render, analyze and encode a batch of files (paths relative to `context.dir`, none a README). */
export function processBatch(rels: readonly string[], context: BatchContext): BatchResult {
  const files: FileOutcome[] = []
  const articles: EncodedArticle[] = []
  const numbers = new Map<string, number>()
  const lengths: number[] = []
  const ends: number[] = []
  const pairs: number[] = []
  for (const rel of rels) {
    const bytes = readFileSync(path.join(context.dir, rel))
    const hash = createHash('sha256').update(bytes).digest('hex')
    const { article, problems } = parseArticle(bytes.toString('utf8'), rel, path.posix.join(context.display, rel))
    const outcome: FileOutcome = { rel, hash, problems }
    files.push(outcome)
    if (!article) continue
    outcome.id = article.id
    outcome.draft = article.status === 'draft'
    // A draft is not built (unless asked): not worth rendering. (A file with an error has no article.)
    if (outcome.draft && !context.includeDrafts) continue
    const rendered = toKbArticle(article)
    const codes = articleCodes(rendered)
    outcome.built = articles.length
    articles.push(encodeArticle({ article: rendered, codes, hash }))
    for (const field of analyzeArticle(rendered, context.synonyms)) {
      lengths.push(field.length)
      for (const [word, count] of field.counts) {
        let n = numbers.get(word)
        if (n === undefined) numbers.set(word, (n = numbers.size))
        pairs.push(n, count)
      }
      ends.push(pairs.length / 2)
    }
  }
  return {
    files,
    articles,
    terms: new TextEncoder().encode([...numbers.keys()].join('\n')),
    lengths: Uint32Array.from(lengths),
    ends: Uint32Array.from(ends),
    pairs: Uint32Array.from(pairs),
  }
}

/**
 * The buffers of a batch's result to transfer rather than copy to the main thread: those a view
 * holds whole. A view into a larger buffer (a slice of Node's Buffer pool) is copied with the
 * message instead: transferring would take the rest of that buffer away from its other users.
 */
export function transferList(result: BatchResult): ArrayBuffer[] {
  const list = new Set<ArrayBuffer>()
  const add = (view: ArrayBufferView): void => {
    if (view.byteOffset === 0 && view.byteLength === view.buffer.byteLength && view.buffer instanceof ArrayBuffer) list.add(view.buffer)
  }
  for (const view of [result.terms, result.lengths, result.ends, result.pairs]) add(view)
  for (const a of result.articles) {
    add(a.meta)
    add(a.body)
  }
  return [...list]
}

/** A batch's terms, by their batch number. */
export function batchTerms(result: BatchResult): string[] {
  return result.terms.length === 0 ? [] : new TextDecoder().decode(result.terms).split('\n')
}

/** The forward entries of a batch's built article `i`, with its pairs' ends counted from its own start. */
export function batchFields(result: BatchResult, i: number): { lengths: Uint32Array; ends: Uint32Array; pairs: Uint32Array } {
  const first = i === 0 ? 0 : result.ends[i * FIELD_COUNT - 1]!
  const last = result.ends[(i + 1) * FIELD_COUNT - 1]!
  const ends = result.ends.slice(i * FIELD_COUNT, (i + 1) * FIELD_COUNT).map((e) => e - first)
  return { lengths: result.lengths.subarray(i * FIELD_COUNT, (i + 1) * FIELD_COUNT), ends, pairs: result.pairs.subarray(2 * first, 2 * last) }
}
