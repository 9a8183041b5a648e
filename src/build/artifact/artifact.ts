/**
 * The index artifact: one file, two lines. Line 1 is a small JSON header (format, version,
 * build id, payload digest); line 2 is the payload (articles and the compact Lunr index, engine.ts).
 * The header is read and checked before the large payload is parsed, and the digest catches
 * a truncated or edited file. Nothing time- or order-dependent goes in, so the same articles
 * give byte-identical artifacts.
 */
import { createHash } from 'node:crypto'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import type { SynonymSource } from '../../core/analysis/synonyms.js'
import { splitText } from '../../core/analysis/tokenize.js'
import type { IndexedKb, KbArticle } from '../../core/article.js'
import { FIELD_NAMES } from '../../core/fields.js'
import { type CompactIndex, type EngineParts, SearchEngine } from '../../core/engine/engine.js'
import { LIMITS } from '../../limits.js'
import { ARTIFACT_VERSION } from './version.js'

export const ARTIFACT_FORMAT = 'kb-search-artifact'
/** The artifact's version covers its layout and every computation it stores (version.ts). */
export { ARTIFACT_VERSION, ARTIFACT_VERSIONS } from './version.js'

/** The artifact's first line. */
export interface ArtifactHeader {
  format: string
  version: string
  buildId: string
  sha256: string
  articleCount: number
}

/** What the artifact stores besides its header. */
export interface ArtifactPayload {
  articles: KbArticle[]
  index: CompactIndex
  /** Per article (same order): the codes the matcher recognizes in it (match/profile.ts). */
  codes: string[][]
}

/** A loaded artifact, ready to answer queries. */
export interface LoadedArtifact extends IndexedKb {
  header: ArtifactHeader
  /** Size of the artifact file. */
  bytes: number
  byId: Map<string, KbArticle>
}

/** Raised when an artifact cannot be used; its message says how to rebuild. */
export class ArtifactError extends Error {
  constructor(file: string, problem: string) {
    super(`Cannot load index artifact ${file}: ${problem}. Rebuild it with: npm run kb -- build --out ${file}`)
    this.name = 'ArtifactError'
  }
}

/** Serialize an artifact to its exact bytes. */
export function serializeArtifact(payload: ArtifactPayload): string {
  const body = JSON.stringify(payload)
  const sha256 = createHash('sha256').update(body).digest('hex')
  const header: ArtifactHeader = {
    format: ARTIFACT_FORMAT,
    version: ARTIFACT_VERSION,
    buildId: sha256.slice(0, 16),
    sha256,
    articleCount: payload.articles.length,
  }
  return `${JSON.stringify(header)}\n${body}\n`
}

/**
 * Write an artifact atomically (temp file, then rename), so a reader never sees half a file; on
 * failure (a full disk, a folder in the way) the temp file is removed before the error goes on.
 */
export async function writeArtifact(file: string, bytes: string): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true })
  const tmp = `${file}.${process.pid}.tmp`
  try {
    await writeFile(tmp, bytes)
    await rename(tmp, file)
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => undefined)
    throw err
  }
}

/** Read and check an artifact file; throws ArtifactError with a rebuild hint on any problem. */
export async function readArtifact(file: string): Promise<LoadedArtifact> {
  let raw: Buffer
  try {
    raw = await readFile(file)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    throw new ArtifactError(file, code === 'ENOENT' ? 'the file does not exist' : `the file cannot be read (${code})`)
  }
  return parseArtifactBytes(raw, file)
}

/** One message of the artifact loader thread (artifact-worker.ts) to the main thread. */
export type ArtifactPiece =
  | { kind: 'start'; header: ArtifactHeader; bytes: number; engine: EngineParts }
  | { kind: 'terms'; items: string[] }
  | { kind: 'articles'; items: KbArticle[]; codes: string[][] }
  | { kind: 'end' }
  | { kind: 'error'; message: string; artifactError: boolean }

const LOADER = new URL(`./artifact-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url)

/**
 * `readArtifact` in a thread of its own, for a server that is answering requests meanwhile: on
 * the main thread, reading, checking and parsing a 32 MB artifact (3,000 generated articles)
 * blocked it for 1.3 s. The index arrays arrive in shared memory, and the rest (terms, articles)
 * in pieces of a few milliseconds each, every piece received in a turn of the event loop of its
 * own. What is left on the main thread is building the term map (engine.ts) and the matcher.
 * Rejects with the loader's message (an ArtifactError's, with its rebuild hint) on any problem.
 */
export function readArtifactOffThread(file: string): Promise<LoadedArtifact> {
  return new Promise((resolve, reject) => {
    // From source (tests), the thread registers the TypeScript loader first.
    const worker = LOADER.pathname.endsWith('.ts')
      ? new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(LOADER.href)}) })`, {
          eval: true,
          name: 'kb-artifact-loader',
          workerData: { file },
        })
      : new Worker(LOADER, { name: 'kb-artifact-loader', workerData: { file } })
    let start: Extract<ArtifactPiece, { kind: 'start' }> | undefined
    const terms: string[] = []
    const articles: KbArticle[] = []
    const codes: string[][] = []
    let received = false
    let settled = false
    const settle = (err: Error | undefined, artifact?: LoadedArtifact) => {
      if (settled) return
      settled = true
      void worker.terminate()
      if (err) reject(err)
      else resolve(artifact!)
    }
    worker.on('message', (piece: ArtifactPiece) => {
      if (piece.kind === 'error') return settle(piece.artifactError ? new RelayedArtifactError(piece.message) : new Error(piece.message))
      if (piece.kind === 'start') start = piece
      else if (piece.kind === 'terms') for (const t of piece.items) terms.push(t)
      else if (piece.kind === 'articles') {
        for (const a of piece.items) articles.push(a)
        for (const c of piece.codes) codes.push(c)
      } else if (piece.kind === 'end') {
        received = true // the thread exits now: that is no longer a failure
        if (!start) return settle(new Error(`the artifact loader thread sent no index for ${file}`))
        // Its own turn of the event loop: the term map takes tens of milliseconds at thousands of articles.
        const { header, bytes, engine } = start
        setImmediate(() => {
          try {
            settle(undefined, loadedArtifact(header, bytes, articles, codes, new SearchEngine({ ...engine, terms })))
          } catch (err) {
            settle(new ArtifactError(file, `it is corrupt (${(err as Error).message})`))
          }
        })
        return
      }
      worker.postMessage('next')
    })
    worker.on('error', (err) => settle(new Error(`the artifact loader thread failed loading ${file}: ${err.message}`)))
    worker.on('exit', (code) => received || settle(new Error(`the artifact loader thread exited (code ${code}) before loading ${file}`)))
  })
}

/** An ArtifactError raised in the loader thread, rebuilt on this side with its message. */
class RelayedArtifactError extends ArtifactError {
  constructor(message: string) {
    super('', '')
    this.message = message
  }
}

/** The loaded form of a checked artifact. */
function loadedArtifact(header: ArtifactHeader, bytes: number, articles: KbArticle[], codes: string[][], index: SearchEngine): LoadedArtifact {
  return { header, bytes, articles, byId: new Map(articles.map((a) => [a.id, a])), codes, index }
}

/** Check and load an artifact from its text (`bytes`: its size, when the caller already knows it). */
export function parseArtifact(raw: string, file: string, bytes = Buffer.byteLength(raw)): LoadedArtifact {
  return { ...parseArtifactBytes(Buffer.from(raw, 'utf8'), file), bytes }
}

/** Check and load an artifact from its bytes: the checksum is taken over the bytes, before any decoding. */
function parseArtifactBytes(raw: Buffer, file: string): LoadedArtifact {
  const bytes = raw.length
  const newline = raw.indexOf(0x0a)
  let header: ArtifactHeader
  try {
    header = JSON.parse(raw.subarray(0, newline < 0 ? raw.length : newline).toString('utf8')) as ArtifactHeader
  } catch {
    throw new ArtifactError(file, 'it is not a KB index artifact (the header is not JSON)')
  }
  if (header?.format !== ARTIFACT_FORMAT) {
    throw new ArtifactError(file, 'it is not a KB index artifact (unknown format)')
  }
  if (header.version !== ARTIFACT_VERSION) {
    throw new ArtifactError(file, `it has format version ${header.version}, this server reads version ${ARTIFACT_VERSION}`)
  }
  const end = raw.length > newline + 1 && raw[raw.length - 1] === 0x0a ? raw.length - 1 : raw.length
  const body = raw.subarray(newline + 1, end)
  const digest = createHash('sha256').update(body).digest('hex')
  if (digest !== header.sha256) {
    throw new ArtifactError(file, 'it is corrupt (its checksum does not match; truncated or edited?)')
  }
  let payload: ArtifactPayload
  try {
    payload = JSON.parse(body.toString('utf8')) as ArtifactPayload
  } catch (err) {
    throw new ArtifactError(file, `it is corrupt (${(err as Error).message})`)
  }
  // A checksum only says the bytes are the ones written: a build (or a hand) that wrote a broken
  // index gives a file that loads and answers every search with nothing.
  const problem = inconsistency(payload)
  if (problem) throw new ArtifactError(file, `its index is inconsistent (${problem})`)
  let index: SearchEngine
  try {
    index = new SearchEngine(payload.index)
  } catch (err) {
    throw new ArtifactError(file, `it is corrupt (${(err as Error).message})`)
  }
  return loadedArtifact(header, bytes, payload.articles, payload.codes, index)
}

/**
 * What is wrong with a payload's shape and its index's internal consistency, or undefined: the
 * articles, codes and index agree on the article count; the fields are this server's; the terms
 * are sorted and unique and each has postings; every posting is an [article, field, weight]
 * triple with the article and field in range and a whole-number weight, in (article, field)
 * order; every article is in some posting (each has a title). The engine derives its offsets from
 * the posting lists' lengths, so in-range triples give monotone, in-range offsets. One pass over
 * the postings: about 30 ms for 10,000 articles, in the loading thread.
 */
export function inconsistency(p: ArtifactPayload): string | undefined {
  if (!Array.isArray(p?.articles) || !Array.isArray(p.codes) || typeof p.index !== 'object' || p.index === null) {
    return 'articles, codes or index missing'
  }
  const n = p.articles.length
  const ids = new Set<string>()
  for (const a of p.articles) {
    if (typeof a?.id !== 'string') return 'an article has no id'
    if (ids.has(a.id)) return `article id "${a.id}" appears twice`
    ids.add(a.id)
  }
  if (p.codes.length !== n) return `the artifact holds codes for ${p.codes.length} articles, and ${n} articles`
  const { fields, docCount, terms, postings } = p.index
  if (docCount !== n) return `the index counts ${docCount} articles, the artifact holds ${n}`
  if (!Array.isArray(fields) || fields.join('\n') !== FIELD_NAMES.join('\n')) {
    return `the index has fields ${Array.isArray(fields) ? fields.join(', ') : 'missing'}; this server indexes ${FIELD_NAMES.join(', ')}`
  }
  if (!Array.isArray(terms) || !Array.isArray(postings)) return 'the index has no terms or no postings'
  if (postings.length !== terms.length) return `the index has ${terms.length} terms but postings for ${postings.length}`
  const F = fields.length
  const seen = new Uint8Array(n)
  for (let t = 0; t < terms.length; t++) {
    const term = terms[t]
    if (typeof term !== 'string') return `index term ${t} is not a string`
    if (t > 0 && !(term > terms[t - 1]!))
      return `index term ${t} (${JSON.stringify(term)}) does not sort after index term ${t - 1} (${JSON.stringify(terms[t - 1])})`
    const q = postings[t]
    const name = JSON.stringify(term)
    if (!Array.isArray(q) || q.length === 0) return `index term ${name} has no postings`
    if (q.length % 3 !== 0) return `the postings of index term ${name} hold ${q.length} numbers, not [article, field, weight] triples`
    for (let i = 0; i < q.length; i += 3) {
      const doc = q[i]!
      const field = q[i + 1]!
      const weight = q[i + 2]!
      if (!Number.isInteger(doc) || doc < 0 || doc >= n) return `a posting of index term ${name} names article ${doc}, but there are ${n} articles`
      if (!Number.isInteger(field) || field < 0 || field >= F) return `a posting of index term ${name} names field ${field}, but the index has ${F} fields`
      if (!Number.isInteger(weight) || Math.abs(weight) > 0x7fffffff) return `a posting of index term ${name} has weight ${weight}, not a whole number`
      if (i > 0 && (doc < q[i - 3]! || (doc === q[i - 3]! && field <= q[i - 2]!))) return `the postings of index term ${name} are not in article, field order`
      seen[doc] = 1
    }
  }
  const lost = seen.indexOf(0)
  if (lost >= 0) return `article ${lost} (${JSON.stringify(p.articles[lost]!.id)}) is in no posting; the index lost it`
  return p.index.synonyms === undefined ? undefined : synonymsInconsistency(p.index.synonyms)
}

/** What is wrong with the stored synonyms' shape, or undefined; within the limits lint holds a synonyms.yml to, as a query reads them. */
function synonymsInconsistency(s: SynonymSource): string | undefined {
  const isTerm = (t: unknown): boolean => typeof t === 'string' && t.trim() !== '' && splitText(t).length <= LIMITS.synonymTermWords
  const isTerms = (l: unknown, least: number): boolean => Array.isArray(l) && l.length >= least && l.length <= LIMITS.synonymGroupTerms && l.every(isTerm)
  if (typeof s !== 'object' || s === null || typeof s.builtin !== 'boolean' || !Array.isArray(s.groups) || !Array.isArray(s.oneWay))
    return 'its synonyms are not stored as built'
  if (s.groups.length + s.oneWay.length > LIMITS.synonymGroups)
    return `it has ${s.groups.length + s.oneWay.length} synonym groups and rules, at most ${LIMITS.synonymGroups}`
  if (!s.groups.every((g) => isTerms(g, 2))) return 'a synonym group is not a list of 2 or more terms'
  if (!s.oneWay.every((r) => isTerms(r?.from, 1) && isTerm(r.to))) return 'a one-way synonym is not {from: terms, to: term}'
  return undefined
}
