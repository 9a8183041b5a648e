/**
 * Writing the binary artifact. The file is a fixed region of HEADER_BYTES holding the header
 * (JSON, padded with spaces, then a line break), written last, then the sections, each starting at
 * a multiple of 8 so a typed array can view it:
 *
 * - `index`: JSON: fields, article count, term count, posting count, forward pair count, synonyms.
 * - `terms`: the index terms, sorted, UTF-8, one per line.
 * - `postings`: per term, its posting count, then per posting the article's step from the
 *   previous one of the term times the field count plus the field, then the weight ×1000, all
 *   varints: 3.1 bytes a posting at 10,000 generated articles (4.1 with step and field apart).
 * - `forward`: per (article, field), its length in tokens and its pair count, then per pair the
 *   term id's step from the previous one times 2, plus 1 when the term occurs more than once (its
 *   count minus 2 follows then), all varints. Only `kb build --since` reads it.
 * - `articles`: per article its META then its BODY (stored-article.ts).
 * - `articles.table`: per article where its META and its BODY start in `articles`, then where the
 *   last record ends: little-endian uint32s.
 *
 * The file ends with the section table as JSON, the header's copy of it: the header's sha256 is
 * taken over every byte after the header region, that copy included, so any edit, of a section or
 * of the table, is caught. Nothing depends on time or order of arrival: the same input gives
 * the same bytes.
 */
import { createHash, type Hash } from 'node:crypto'
import { closeSync, openSync, writeSync } from 'node:fs'
import { mkdir, rename, rm } from 'node:fs/promises'
import path from 'node:path'
import { docPostingCount } from '../../core/engine/layout.js'
import { ARTIFACT_VERSION } from './version.js'
import { align8, ByteWriter } from './binary.js'
import type { EncodedArticle, ForwardIndex, WeightedIndex } from './model.js'

export const ARTIFACT_FORMAT = 'kb-search-artifact'
/** The header region's size: the header is padded to it, so it can be written after the sections. */
export const HEADER_BYTES = 4096

/** Where a section is in the file, in bytes. */
export interface ArtifactSection {
  name: string
  offset: number
  length: number
}

/** The artifact's header: the JSON at its start. */
export interface ArtifactHeader {
  format: string
  version: string
  buildId: string
  sha256: string
  articleCount: number
  /** Present when the build included drafts (a preview): `kb build --since` does not reuse its articles. */
  drafts?: true
  sections: ArtifactSection[]
}

/** The `index` section: what sizes the others, and the synonyms. */
export interface IndexSection {
  fields: string[]
  docCount: number
  terms: number
  /** Posting lists stored: one per term in a consistent index. */
  postingLists: number
  /** [article, field, weight] postings in all. */
  postings: number
  /** (term, article) pairs in all: the postings summed over fields, which the engine lays out at load. */
  docPostings: number
  /** [term, count] pairs of the forward index. */
  forwardPairs: number
  synonyms?: WeightedIndex['synonyms']
}

/** What the artifact is made of: the weighted index, the forward index, and each article encoded (by number, asked in order). */
export interface ArtifactInput<A = EncodedArticle | Promise<EncodedArticle>> {
  index: WeightedIndex
  forward: ForwardIndex
  article: (doc: number) => A
  /** The build included drafts (`--include-drafts`): said in the header. */
  drafts?: boolean
}

/** Where the encoded bytes go, in order. */
interface Sink {
  write(bytes: Uint8Array): void
}

/** Bytes flushed to the sink at a time, about. */
const CHUNK = 1 << 20

/** Writes sections one after another, hashing every byte, and keeps the section table. */
class SectionWriter {
  readonly sections: ArtifactSection[] = []
  private readonly hash: Hash = createHash('sha256')
  private pos = HEADER_BYTES
  private current: ArtifactSection | undefined

  constructor(private readonly sink: Sink) {}

  open(name: string): void {
    this.current = { name, offset: this.pos, length: 0 }
  }

  write(bytes: Uint8Array): void {
    if (bytes.length === 0) return
    this.hash.update(bytes)
    this.sink.write(bytes)
    this.pos += bytes.length
  }

  /** End the current section, padding to the next multiple of 8. */
  close(): void {
    const s = this.current!
    s.length = this.pos - s.offset
    this.sections.push(s)
    this.current = undefined
    const pad = align8(this.pos) - this.pos
    if (pad > 0) this.write(new Uint8Array(pad))
  }

  /** One whole section. */
  section(name: string, bytes: Uint8Array): void {
    this.open(name)
    this.write(bytes)
    this.close()
  }

  /** The header, after the section table is written as the file's last bytes: the checksum covers every byte after the header region. */
  header(articleCount: number, drafts = false): { header: ArtifactHeader; bytes: Buffer } {
    this.write(Buffer.from(JSON.stringify(this.sections), 'utf8'))
    const sha256 = this.hash.digest('hex')
    const header: ArtifactHeader = {
      format: ARTIFACT_FORMAT,
      version: ARTIFACT_VERSION,
      buildId: sha256.slice(0, 16),
      sha256,
      articleCount,
      ...(drafts ? { drafts: true as const } : {}),
      sections: this.sections,
    }
    const json = JSON.stringify(header)
    if (Buffer.byteLength(json) > HEADER_BYTES - 1) throw new Error(`the artifact header takes ${Buffer.byteLength(json)} bytes, more than ${HEADER_BYTES - 1}`)
    const bytes = Buffer.alloc(HEADER_BYTES, 0x20)
    bytes.write(json, 0, 'utf8')
    bytes[HEADER_BYTES - 1] = 0x0a
    return { header, bytes }
  }
}

/** The sections made from the indexes, before the articles. */
function writeIndexes(out: SectionWriter, index: WeightedIndex, forward: ForwardIndex): void {
  const { fields, docCount, terms, offsets, data } = index
  const F = fields.length
  if (forward.docCount !== docCount || forward.fields.join('\n') !== fields.join('\n') || forward.terms.length !== terms.length) {
    throw new Error('cannot write the artifact: the forward index is not the weighted index’s (articles, fields or terms differ)')
  }
  const meta: IndexSection = {
    fields,
    docCount,
    terms: terms.length,
    postingLists: offsets.length - 1,
    postings: Math.floor(data.length / 3),
    docPostings: docPostingCount(offsets, data),
    forwardPairs: Math.floor(forward.pairs.length / 2),
    ...(index.synonyms === undefined ? {} : { synonyms: index.synonyms }),
  }
  out.section('index', Buffer.from(JSON.stringify(meta), 'utf8'))
  for (const t of terms) if (t.includes('\n')) throw new Error(`cannot write the artifact: index term ${JSON.stringify(t)} holds a line break`)
  out.section('terms', Buffer.from(terms.join('\n'), 'utf8'))

  const w = new ByteWriter(CHUNK + 64)
  const flush = (force: boolean) => (force || w.length >= CHUNK) && out.write(w.take())
  out.open('postings')
  for (let t = 0; t < offsets.length - 1; t++) {
    const start = offsets[t]!
    const end = offsets[t + 1]!
    if ((end - start) % 3 !== 0 || end < start)
      throw new Error(`cannot write the artifact: the postings of index term ${JSON.stringify(terms[t])} are not triples`)
    w.varint((end - start) / 3)
    let prev = 0
    const name = JSON.stringify(terms[t])
    for (let i = start; i < end; i += 3) {
      const doc = data[i]!
      const field = data[i + 1]!
      const weight = data[i + 2]!
      if (doc < prev) throw new Error(`cannot write the artifact: the postings of index term ${name} are not in article order`)
      if (field < 0 || field >= F)
        throw new Error(`cannot write the artifact: a posting of index term ${name} names field ${field}, but the index has ${F} fields`)
      if (weight < 0) throw new Error(`cannot write the artifact: a posting of index term ${name} has weight ${weight}, below 0`)
      // The article's step from the previous one and the field in one number: one byte for most postings.
      w.varint((doc - prev) * F + field)
      w.varint(weight)
      prev = doc
    }
    flush(false)
  }
  flush(true)
  out.close()

  out.open('forward')
  const { lengths, starts, pairs } = forward
  for (let c = 0; c < docCount * F; c++) {
    w.varint(lengths[c] ?? 0)
    const from = starts[c] ?? 0
    const to = starts[c + 1] ?? from
    w.varint(to - from)
    let prev = 0
    for (let p = from; p < to; p++) {
      const term = pairs[2 * p]!
      const count = pairs[2 * p + 1]!
      if (term < prev || count < 1) throw new Error('cannot write the artifact: the forward index’s terms are not in order, or a count is 0')
      // Most terms occur once in a field: the step between term ids with a bit for "more than once", then the count only then.
      w.varint((term - prev) * 2 + (count > 1 ? 1 : 0))
      if (count > 1) w.varint(count - 2)
      prev = term
    }
    flush(false)
  }
  flush(true)
  out.close()
}

/**
 * Writes the articles section record by record, keeping the table of where each starts, then that
 * table and every article's keys: `articles.keys`, one JSON array of [id, codes] per article, what
 * a server reads of every article at load (the rest of a record is decoded when first asked).
 */
class ArticleRecords {
  private readonly table: Uint32Array
  private readonly keys: Array<[string, string[]]> = []
  private at = 0
  private doc = 0

  constructor(
    private readonly out: SectionWriter,
    count: number,
  ) {
    this.table = new Uint32Array(2 * count + 1)
    out.open('articles')
  }

  add(e: EncodedArticle): void {
    this.table[2 * this.doc] = this.at
    this.table[2 * this.doc + 1] = this.at + e.meta.length
    this.out.write(e.meta)
    this.out.write(e.body)
    this.keys.push([e.id, e.codes])
    this.at += e.meta.length + e.body.length
    if (this.at > 0xffffffff) throw new Error('cannot write the artifact: its articles take more than 4 GB')
    this.doc++
  }

  finish(): void {
    this.table[2 * this.doc] = this.at
    this.out.close()
    const le = Buffer.alloc(this.table.length * 4)
    for (let i = 0; i < this.table.length; i++) le.writeUInt32LE(this.table[i]!, 4 * i)
    this.out.section('articles.table', le)
    this.out.section('articles.keys', Buffer.from(JSON.stringify(this.keys), 'utf8'))
  }
}

/** Encode an artifact in memory (small KBs, tests); the articles are asked for synchronously. */
export function encodeArtifact(input: ArtifactInput<EncodedArticle>): { bytes: Buffer; header: ArtifactHeader } {
  const chunks: Buffer[] = []
  const out = new SectionWriter({ write: (b) => chunks.push(Buffer.from(b)) })
  writeIndexes(out, input.index, input.forward)
  const n = input.index.docCount
  const records = new ArticleRecords(out, n)
  for (let doc = 0; doc < n; doc++) records.add(input.article(doc))
  records.finish()
  const { header, bytes } = out.header(n, input.drafts)
  return { bytes: Buffer.concat([bytes, ...chunks]), header }
}

/** Write all of `bytes` at a position (or the file's current one): writeSync may write less than asked. */
function writeAll(fd: number, bytes: Buffer, position?: number): void {
  for (let done = 0; done < bytes.length;) {
    done += writeSync(fd, bytes, done, bytes.length - done, position === undefined ? null : position + done)
  }
}

/** A sink that writes to a file in chunks of about CHUNK bytes. */
class FileSink implements Sink {
  private readonly pending: Buffer[] = []
  private size = 0

  constructor(readonly fd: number) {}

  write(bytes: Uint8Array): void {
    this.pending.push(Buffer.from(bytes)) // a copy: the writer reuses its buffer
    this.size += bytes.length
    if (this.size >= CHUNK) this.flush()
  }

  flush(): void {
    if (this.size > 0) writeAll(this.fd, Buffer.concat(this.pending, this.size))
    this.pending.length = 0
    this.size = 0
  }
}

/**
 * Write an artifact to a file as a stream: the articles are asked for one at a time, in order,
 * and written on, so memory holds about a megabyte of them whatever the KB's size. Atomic (a temp
 * file, then a rename): a reader never sees half a file, and on failure the temp file is removed.
 */
export async function writeArtifactFile(file: string, input: ArtifactInput): Promise<ArtifactHeader> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true })
  const tmp = `${file}.${process.pid}.tmp`
  let fd: number | undefined
  try {
    fd = openSync(tmp, 'w')
    writeAll(fd, Buffer.alloc(HEADER_BYTES, 0x20)) // the header's place, written last
    const sink = new FileSink(fd)
    const out = new SectionWriter(sink)
    writeIndexes(out, input.index, input.forward)
    const n = input.index.docCount
    const records = new ArticleRecords(out, n)
    for (let doc = 0; doc < n; doc++) records.add(await input.article(doc))
    records.finish()
    const { header, bytes } = out.header(n, input.drafts) // writes the section table last
    sink.flush()
    writeAll(fd, bytes, 0)
    closeSync(fd)
    fd = undefined
    await rename(tmp, file)
    return header
  } catch (err) {
    if (fd !== undefined) closeSync(fd)
    await rm(tmp, { force: true }).catch(() => undefined)
    throw err
  }
}
