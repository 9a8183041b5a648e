/**
 * Collecting a folder of articles for the artifact, as a stream: files are listed, then handled in
 * batches on build threads (batch.ts: read, parse, validate, render, analyze, encode), and the main
 * thread keeps only what the index needs: the terms and the forward pairs (forward.ts), each
 * article's id, and its encoded bytes in a spill file (spill.ts). Whole-KB checks run once every
 * file is in: duplicate ids (in path order), synonyms.yml. Articles are put in id order, so the
 * same folder gives the same index whatever the threads' timing.
 *
 * With a previous build (`kb build --since`), a file whose path and content hash are those of one
 * of its articles is not read again: that article's encoded bytes and forward entries are reused.
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { Synonyms, type SynonymSource } from '../../core/analysis/synonyms.js'
import { duplicateIdProblem, type LoadOptions, listArticleFiles } from '../content/load.js'
import { ContentError, NoArticlesError, type Problem, sortProblems } from '../content/problems.js'
import { loadSynonyms } from '../content/synonyms.js'
import type { EncodedArticle, ForwardIndex } from '../artifact/model.js'
import { batchFields, batchTerms } from './batch.js'
import { ForwardCollector } from './forward.js'
import { Spill } from './spill.js'
import { defaultThreads, runBatches } from './threads.js'

/** Files per batch: enough that a batch's message costs little beside its work (about 0.2-0.4 s of rendering), few enough to keep threads even at the end. */
export const BATCH_FILES = 32

/** What a previous build left that can be reused: per article (forward index order) its path in the folder, its file's hash and its encoded bytes. */
export interface Reusable {
  forward: ForwardIndex
  articles: ReadonlyArray<{ id: string; source: string; hash: string; encoded: EncodedArticle }>
}

/** How to collect: drafts or not, how many build threads (default: defaultThreads), what to reuse. */
export interface CollectOptions extends LoadOptions {
  threads?: number
  reuse?: Reusable
}

/** A collected KB, ready to weigh and write: its articles in id order, read back one at a time. */
export interface CollectedKb {
  /** Every problem, sorted (warnings only: errors throw). */
  problems: Problem[]
  synonyms: SynonymSource
  forward: ForwardIndex
  /** Article ids, in the index's order. */
  ids: string[]
  /** The encoded article at a position of the index's order. */
  article(doc: number): Promise<EncodedArticle>
  /** Files read (parsed, and rendered unless a draft or invalid) and articles reused from the previous build. */
  counts: { files: number; read: number; reused: number }
  /** Remove the spill file. */
  close(): Promise<void>
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** A file that parsed: its position in path order, its path and its article's id. */
interface Identity {
  file: number
  rel: string
  id: string
}

/**
 * Collect a folder (see the module comment); throws ContentError with every problem when any is
 * an error, NoArticlesError when nothing is left to build, ArticlesFolderError when the folder
 * cannot be listed.
 */
export async function collectFolder(dir: string, options: CollectOptions = {}): Promise<CollectedKb> {
  const files = await listArticleFiles(dir)
  const display = dir.split(path.sep).join('/')
  const synonyms = await loadSynonyms(dir, display)
  const problems: Problem[] = [...synonyms.problems]
  const position = new Map<string, number>()
  const candidates: string[] = []
  for (const [i, rel] of files.entries()) {
    if (/^readme\.md$/i.test(path.posix.basename(rel))) {
      problems.push({ file: path.posix.join(display, rel), line: 1, field: 'file', message: 'skipped: a README is not an article', severity: 'warning' })
      continue
    }
    position.set(rel, i)
    candidates.push(rel)
  }

  const collector = new ForwardCollector()
  const identities: Identity[] = []
  /** Per arrival number: its id, and where its bytes are (a spill slot, or -1 - its position in the reused articles). */
  const arrivals: Array<{ id: string; at: number }> = []
  const spill = await Spill.create()
  try {
    const toRead = options.reuse ? await reuseUnchanged(dir, candidates, options.reuse, collector, arrivals, identities, position) : candidates
    const reused = arrivals.length
    const batches: string[][] = []
    for (let i = 0; i < toRead.length; i += BATCH_FILES) batches.push(toRead.slice(i, i + BATCH_FILES))
    const context = {
      dir,
      display,
      synonyms: Synonyms.from(synonyms.synonyms),
      synonymSource: synonyms.synonyms,
      includeDrafts: options.includeDrafts === true,
    }
    const threads = options.threads ?? defaultThreads(toRead.length)
    await runBatches(batches, context, threads, async (_batch, result) => {
      const terms = batchTerms(result)
      const numbers = new Uint32Array(terms.length)
      for (let t = 0; t < terms.length; t++) numbers[t] = collector.term(terms[t]!)
      for (const outcome of result.files) {
        problems.push(...outcome.problems)
        if (outcome.id !== undefined) identities.push({ file: position.get(outcome.rel)!, rel: outcome.rel, id: outcome.id })
      }
      const slots = await spill.appendAll(result.articles)
      for (let i = 0; i < result.articles.length; i++) {
        collector.addPacked(batchFields(result, i), (local) => numbers[local]!)
        arrivals.push({ id: result.articles[i]!.id, at: slots[i]! })
      }
    })

    // Ids are checked across drafts too: a draft must not take the id of a published article.
    identities.sort((a, b) => a.file - b.file)
    const first = new Map<string, Identity>()
    for (const who of identities) {
      const prior = first.get(who.id)
      if (prior) problems.push(duplicateIdProblem({ id: who.id, source: who.rel }, { source: prior.rel }, display))
      else first.set(who.id, who)
    }
    const sorted = sortProblems(problems)
    if (sorted.some((p) => p.severity === 'error')) throw new ContentError(sorted)
    if (arrivals.length === 0) throw new NoArticlesError(dir, sorted)

    const order = arrivals.map((_a, i) => i).sort((x, y) => cmp(arrivals[x]!.id, arrivals[y]!.id))
    const forward = collector.finish(order)
    const reuse = options.reuse
    return {
      problems: sorted,
      synonyms: synonyms.synonyms,
      forward,
      ids: order.map((i) => arrivals[i]!.id),
      article: async (doc) => {
        const at = arrivals[order[doc]!]!.at
        return at >= 0 ? spill.read(at) : reuse!.articles[-1 - at]!.encoded
      },
      counts: { files: candidates.length, read: toRead.length, reused },
      close: () => spill.close(),
    }
  } catch (err) {
    await spill.close()
    throw err
  }
}

/** Files read at once to hash them: enough to keep the disk busy, few enough to bound what is held. */
const HASH_CONCURRENCY = 64

/**
 * Hash every candidate file; those whose path and hash are an article of the previous build are
 * taken from it (forward entries, bytes, identity); returns the others, to read, in path order.
 */
async function reuseUnchanged(
  dir: string,
  candidates: string[],
  reuse: Reusable,
  collector: ForwardCollector,
  arrivals: Array<{ id: string; at: number }>,
  identities: Identity[],
  position: Map<string, number>,
): Promise<string[]> {
  const previous = new Map<string, number>()
  reuse.articles.forEach((a, i) => previous.set(a.source, i))
  const hashes = new Array<string>(candidates.length)
  for (let i = 0; i < candidates.length; i += HASH_CONCURRENCY) {
    const slice = candidates.slice(i, i + HASH_CONCURRENCY)
    const read = await Promise.all(slice.map((rel) => readFile(path.join(dir, rel))))
    read.forEach((bytes, k) => (hashes[i + k] = createHash('sha256').update(bytes).digest('hex')))
  }
  const fields = reuse.forward.fields.length
  // A previous term's number here, given when an unchanged article first uses it (-1: not yet).
  const mapped = new Int32Array(reuse.forward.terms.length).fill(-1)
  const termOf = (t: number): number => (mapped[t]! >= 0 ? mapped[t]! : (mapped[t] = collector.term(reuse.forward.terms[t]!)))
  const toRead: string[] = []
  for (const [i, rel] of candidates.entries()) {
    const doc = previous.get(rel)
    const before = doc === undefined ? undefined : reuse.articles[doc]!
    if (!before || before.hash !== hashes[i]) {
      toRead.push(rel)
      continue
    }
    const { lengths, starts, pairs } = reuse.forward
    const first = starts[doc! * fields]!
    const ends = starts.slice(doc! * fields + 1, (doc! + 1) * fields + 1).map((e) => e - first)
    collector.addPacked(
      { lengths: lengths.subarray(doc! * fields, (doc! + 1) * fields), ends, pairs: pairs.subarray(2 * first, 2 * starts[(doc! + 1) * fields]!) },
      termOf,
    )
    arrivals.push({ id: before.id, at: -1 - doc! })
    identities.push({ file: position.get(rel)!, rel, id: before.id })
  }
  return toRead
}
