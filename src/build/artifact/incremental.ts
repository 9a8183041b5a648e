/**
 * Building a folder again and again as its articles change (`kb dev`): each file is parsed,
 * validated, rendered, analyzed (its fields' terms after the index pipeline) and its codes
 * computed only when its content changed. Lunr's weights depend on the whole KB, so the index is
 * made again each time, from the kept term counts, with Lunr's formulas: the same postings as
 * `buildIndex` (a test checks). Measured at 1,000 generated articles on a loaded 2-core machine:
 * analyzing every article again took 7-10 s of a rebuild; Lunr's builder given the kept terms, 2-4 s.
 * The result is loaded as it is, without the artifact's bytes: its build id is a digest of the
 * built files' digests and the synonyms, not of an artifact.
 */
import { createHash } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import lunr from 'lunr'
import type { KbArticle } from '../../core/article.js'
import { configureBuilder } from '../../core/analysis/pipeline.js'
import { Synonyms } from '../../core/analysis/synonyms.js'
import { type CompactIndex, SearchEngine } from '../../core/engine/engine.js'
import { FIELDS, FIELD_NAMES } from '../../core/fields.js'
import { articleCodes } from '../../core/match/profile.js'
import { type LoadOptions, listArticleFiles, parseArticle } from '../content/load.js'
import { type Problem, sortProblems } from '../content/problems.js'
import type { ArticleSource } from '../content/schema.js'
import { loadSynonyms } from '../content/synonyms.js'
import { ARTIFACT_FORMAT, ARTIFACT_VERSION, type LoadedArtifact } from './artifact.js'
import { toKbArticle } from './article.js'

/** What is kept of one file, valid while its content hash is the same. */
interface CachedFile {
  hash: string
  /** Size and modification time when last read. */
  stamp?: string
  problems: Problem[]
  source?: ArticleSource
  rendered?: KbArticle
  codes?: string[]
  /** Per field of FIELDS, what the index pipeline made of it (its terms' counts, its length), with the synonyms of `analyzedWith`. */
  terms?: Array<{ length: number; tf: Map<string, number> }>
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
        const hash = createHash('sha256').update(read.text).digest('base64url')
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
    const analyzer = new lunr.Builder()
    configureBuilder(analyzer, Synonyms.from(synonyms.synonyms))
    for (const e of kept) if (e.analyzedWith !== synonymsKey) analyze(e, analyzer, synonymsKey)
    const t2 = performance.now()
    if (kept.length === 0) {
      return { problems: sortProblems(problems), reparsed, timings: timings(t0, t1, t2, t2, t2) }
    }
    const articles = kept.map((e) => e.rendered!)
    const index = { ...indexFromTerms(kept), synonyms: synonyms.synonyms }
    const t3 = performance.now()
    const digest = createHash('sha256').update(synonymsKey)
    for (const e of kept) digest.update(e.hash)
    const sha256 = digest.digest('hex')
    const header = { format: ARTIFACT_FORMAT, version: ARTIFACT_VERSION, buildId: sha256.slice(0, 16), sha256, articleCount: articles.length }
    const codes = kept.map((e) => e.codes!)
    const artifact: LoadedArtifact = { header, bytes: 0, articles, byId: new Map(articles.map((a) => [a.id, a])), codes, index: new SearchEngine(index) }
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

/** Parse, validate and render one file; an article with errors is kept as its problems only. */
function parseFile(text: string, rel: string, display: string, hash: string): CachedFile {
  const { article, problems } = parseArticle(text, rel, display)
  if (!article) return { hash, problems }
  const rendered = toKbArticle(article)
  return { hash, problems, source: article, rendered, codes: articleCodes(rendered) }
}

/** Keep what the index pipeline makes of each field of an article: its terms' counts and its length (as Lunr's builder does in `add`). */
function analyze(entry: CachedFile, analyzer: lunr.Builder, synonymsKey: string): void {
  const a = entry.rendered!
  // Lunr's types leave out the tokenizer's metadata argument, which the builder passes (and kbTokenizer reads).
  const tokenize = analyzer.tokenizer as unknown as (text: unknown, metadata: object) => lunr.Token[]
  entry.terms = FIELDS.map((f) => {
    const terms = analyzer.pipeline.run(tokenize(f.extract(a), { fields: [f.name] }))
    const tf = new Map<string, number>()
    for (const t of terms) tf.set(String(t), (tf.get(String(t)) ?? 0) + 1)
    return { length: terms.length, tf }
  })
  entry.analyzedWith = synonymsKey
}

/** Lunr's BM25 parameters (its builder's defaults, which buildIndex keeps). */
const K1 = 1.2
const B = 0.75

/**
 * The index of the kept articles (in id order) from their kept terms, computed as Lunr's builder
 * and compactFromBuilder do (createFieldVectors: BM25 with Lunr's idf, which counts a term once per
 * field it is in, rounded to 3 decimals), without its objects per posting: going through Lunr's
 * builder took twice as long, mostly in garbage collection.
 */
function indexFromTerms(kept: CachedFile[]): CompactIndex {
  const n = kept.length
  const average = FIELDS.map((_f, i) => kept.reduce((sum, e) => sum + e.terms![i]!.length, 0) / n)
  // How many (article, field) pairs hold each term: Lunr's idf counts those.
  const pairs = new Map<string, number>()
  for (const e of kept) for (const field of e.terms!) for (const term of field.tf.keys()) pairs.set(term, (pairs.get(term) ?? 0) + 1)
  const idf = new Map<string, number>()
  for (const [term, d] of pairs) idf.set(term, Math.log(1 + Math.abs((n - d + 0.5) / (d + 0.5))))
  const postings = new Map<string, number[]>()
  kept.forEach((e, doc) => {
    e.terms!.forEach(({ length, tf }, field) => {
      const boost = FIELDS[field]!.boost || 1
      for (const [term, count] of tf) {
        let score = (idf.get(term)! * ((K1 + 1) * count)) / (K1 * (1 - B + B * (length / average[field]!)) + count)
        score *= boost
        const weight = Math.round((Math.round(score * 1000) / 1000) * 1000)
        let list = postings.get(term)
        if (!list) postings.set(term, (list = []))
        list.push(doc, field, weight)
      }
    })
  })
  // Articles in order, then fields in order: each term's postings are sorted as compactFromBuilder sorts them.
  const terms = [...postings.keys()].sort()
  return { fields: [...FIELD_NAMES], docCount: n, terms, postings: terms.map((t) => postings.get(t)!) }
}

function timings(t0: number, t1: number, t2: number, t3: number, t4: number): IncrementalBuild['timings'] {
  const ms = (a: number, b: number) => Math.round(b - a)
  return { scanMs: ms(t0, t1), parseMs: ms(t1, t2), indexMs: ms(t2, t3), loadMs: ms(t3, t4), totalMs: ms(t0, t4) }
}
