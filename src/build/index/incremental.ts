/**
 * Building a folder again and again as its articles change (`kb dev`): each file is parsed,
 * validated, rendered, analyzed (its fields' terms after the index pipeline) and its codes
 * computed only when its content changed. Lunr's weights depend on the whole KB, so the index is
 * weighed again each time from the kept term counts, by the build's one indexer
 * (build/index/weigh.ts: the same postings as Lunr's builder, tested). Measured at 1,000
 * generated articles on a loaded 2-core machine: analyzing every article again took 7-10 s of a
 * rebuild; Lunr's builder given the kept terms, 2-4 s; weighing the kept counts, 0.4-1.0 s.
 * The artifact is made in memory from each article's encoded bytes (kept per file) and opened
 * as a server opens one.
 */
import { createHash } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import type { KbArticle } from '../../core/article.js'
import { Synonyms } from '../../core/analysis/synonyms.js'
import { articleCodes } from '../../core/match/profile.js'
import { type LoadOptions, listArticleFiles, parseArticle } from '../content/load.js'
import { type Problem, sortProblems } from '../content/problems.js'
import type { ArticleSource } from '../content/schema.js'
import { loadSynonyms } from '../content/synonyms.js'
import { encodeArticle, encodeArtifact, type LoadedArtifact, parseArtifact } from '../artifact/artifact.js'
import { toKbArticle } from '../artifact/article.js'
import { analyzeArticle, type FieldTerms } from './analyze.js'
import { forwardOf } from './forward.js'
import { weigh } from './weigh.js'
import type { ArticleEntry, EncodedArticle } from '../artifact/model.js'

/** What is kept of one file, valid while its content hash is the same. */
interface CachedFile {
  hash: string
  /** Size and modification time when last read. */
  stamp?: string
  problems: Problem[]
  source?: ArticleSource
  rendered?: KbArticle
  codes?: string[]
  /** The article encoded for the artifact, once asked for. */
  encoded?: EncodedArticle
  /** Per field of FIELDS, what the index pipeline made of it (its terms' counts, its length), with the synonyms of `analyzedWith`. */
  terms?: FieldTerms[]
  analyzedWith?: string
}

/** One build of the folder: the artifact (absent when no article is valid), every problem, and what it cost. */
export interface IncrementalBuild {
  artifact?: LoadedArtifact
  problems: Problem[]
  /** Files parsed and rendered again in this build (changed or added). */
  reparsed: number
  /** Milliseconds: listing the files and reading the changed ones, parsing, rendering and analyzing the changed ones, the index, loading it. */
  timings: { scanMs: number; parseMs: number; indexMs: number; loadMs: number; totalMs: number }
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** Builds a folder of articles, keeping each file's parsed and rendered form by path and content hash. */
export class IncrementalBuilder {
  private readonly cache = new Map<string, CachedFile>()

  /** `dir`: the articles folder; `options`: as `kb build` (drafts only with includeDrafts). */
  constructor(
    private readonly dir: string,
    private readonly options: LoadOptions = {},
  ) {}

  /** Build the folder as it is now; throws only if the folder cannot be listed (ArticlesFolderError). */
  async build(): Promise<IncrementalBuild> {
    const t0 = performance.now()
    const files = await listArticleFiles(this.dir)
    // A file whose size and modification time are those seen last is not read again (reading and hashing 1,000 articles took 150-500 ms).
    const texts = await Promise.all(files.map((rel) => this.read(rel)))
    const t1 = performance.now()
    const display = this.dir.split(path.sep).join('/')
    const seen = new Set<string>()
    const problems: Problem[] = []
    const sources: Array<{ source: ArticleSource; entry: CachedFile }> = []
    let reparsed = 0
    for (const [i, rel] of files.entries()) {
      const read = texts[i]
      // Deleted between the listing and the read: the next build (the watcher saw it go) drops it.
      if (read === undefined) continue
      seen.add(rel)
      const file = path.posix.join(display, rel)
      if (/^readme\.md$/i.test(path.posix.basename(rel))) {
        problems.push({ file, line: 1, field: 'file', message: 'skipped: a README is not an article', severity: 'warning' })
        continue
      }
      let entry = this.cache.get(rel)
      if (read.text !== undefined) {
        const hash = createHash('sha256').update(read.text).digest('hex')
        if (entry?.hash !== hash) {
          entry = parseFile(read.text, rel, file, hash)
          reparsed++
        }
        this.cache.set(rel, (entry = { ...entry, stamp: read.stamp }))
      }
      if (!entry) continue
      problems.push(...entry.problems)
      if (entry.source) sources.push({ source: entry.source, entry })
    }
    for (const rel of this.cache.keys()) if (!seen.has(rel)) this.cache.delete(rel)
    const synonyms = await loadSynonyms(this.dir, display)
    problems.push(...synonyms.problems)
    const kept = this.keep(sources, display, problems)
    const synonymsKey = JSON.stringify(synonyms.synonyms)
    const table = Synonyms.from(synonyms.synonyms)
    for (const e of kept) {
      if (e.analyzedWith === synonymsKey) continue
      e.terms = analyzeArticle(e.rendered!, table)
      e.analyzedWith = synonymsKey
    }
    const t2 = performance.now()
    if (kept.length === 0) {
      return { problems: sortProblems(problems), reparsed, timings: timings(t0, t1, t2, t2, t2) }
    }
    const forward = forwardOf(kept.map((e) => e.terms!))
    const index = weigh(forward, synonyms.synonyms)
    const t3 = performance.now()
    // Encoded once per change of its file; the artifact is made in memory and opened as a server opens one.
    const bytes = encodeArtifact({ index, forward, article: (doc) => (kept[doc]!.encoded ??= encodeArticle(entryOf(kept[doc]!))) }).bytes
    const artifact = parseArtifact(bytes, 'kb dev')
    const t4 = performance.now()
    return { artifact, problems: sortProblems(problems), reparsed, timings: timings(t0, t1, t2, t3, t4) }
  }

  /** A file's size and modification time, and its text unless they are those of the cached file; undefined if it is gone. */
  /**
   * Run the path of an edit once, right after the first build: one file read, parsed, analyzed and
   * indexed again as if it had changed (the result is not used). The author's first edit then runs
   * compiled code: cold, it took 1.2 s at 1,000 articles against 0.5-0.6 s for later ones.
   */
  async warm(): Promise<IncrementalBuild> {
    const [rel, entry] = this.cache.entries().next().value ?? []
    if (rel !== undefined && entry) this.cache.set(rel, { ...entry, hash: '', stamp: undefined, analyzedWith: undefined })
    return this.build()
  }

  private async read(rel: string): Promise<{ stamp: string; text?: string } | undefined> {
    const file = path.join(this.dir, rel)
    const info = await stat(file).catch(() => undefined)
    if (!info) return undefined
    const stamp = `${info.size}:${info.mtimeMs}`
    if (this.cache.get(rel)?.stamp === stamp) return { stamp }
    const text = await readFile(file, 'utf8').catch(() => undefined)
    return text === undefined ? undefined : { stamp, text }
  }

  /** The articles to build, in id order as `kb build`: a duplicate id after the first (in path order) is an error and left out, drafts only if asked. */
  private keep(sources: Array<{ source: ArticleSource; entry: CachedFile }>, display: string, problems: Problem[]): CachedFile[] {
    const first = new Map<string, ArticleSource>()
    const kept: CachedFile[] = []
    for (const { source, entry } of sources) {
      const prior = first.get(source.id)
      if (prior) {
        const message = `duplicate id "${source.id}", already used by ${path.posix.join(display, prior.source)}`
        problems.push({ file: path.posix.join(display, source.source), line: 1, field: 'id', message, severity: 'error' })
        continue
      }
      first.set(source.id, source)
      if (this.options.includeDrafts || source.status !== 'draft') kept.push(entry)
    }
    return kept.sort((a, b) => cmp(a.source!.id, b.source!.id))
  }
}

/** What the artifact stores of a kept file. */
function entryOf(e: CachedFile): ArticleEntry {
  return { article: e.rendered!, codes: e.codes!, hash: e.hash }
}

/** Parse, validate and render one file; an article with errors is kept as its problems only. */
function parseFile(text: string, rel: string, display: string, hash: string): CachedFile {
  const { article, problems } = parseArticle(text, rel, display)
  if (!article) return { hash, problems }
  const rendered = toKbArticle(article)
  return { hash, problems, source: article, rendered, codes: articleCodes(rendered) }
}

function timings(t0: number, t1: number, t2: number, t3: number, t4: number): IncrementalBuild['timings'] {
  const ms = (a: number, b: number) => Math.round(b - a)
  return { scanMs: ms(t0, t1), parseMs: ms(t1, t2), indexMs: ms(t2, t3), loadMs: ms(t3, t4), totalMs: ms(t0, t4) }
}
