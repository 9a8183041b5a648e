/**
 * Reading the binary artifact (write.ts has the layout): the header is checked first (format,
 * version, the section table), then the checksum over every byte after it, before anything is
 * decoded. Then the postings are decoded into the engine's typed arrays in shared memory, checked
 * as they are read, and the sections every thread reads (terms, article records and their table)
 * are copied into one SharedArrayBuffer: a SharedArtifact, which crosses to other threads without
 * a copy. Each thread opens it itself (open.ts): terms and article META decoded, bodies left
 * compressed until read.
 */
import { createHash } from 'node:crypto'
import { splitText } from '../../core/analysis/tokenize.js'
import type { SynonymSource } from '../../core/analysis/synonyms.js'
import { PartsBuilder, type PartsArrays } from '../../core/engine/layout.js'
import { FIELD_NAMES } from '../../core/fields.js'
import { LIMITS } from '../../limits.js'
import { ArtifactError, Inconsistency } from './artifact-error.js'
import { align8, ByteReader, ShortRead } from './binary.js'
import type { ForwardIndex } from './model.js'
import { decodeMeta } from './stored-article.js'
import { ARTIFACT_FORMAT, type ArtifactHeader, type ArtifactSection, HEADER_BYTES, type IndexSection } from './write.js'
import { ARTIFACT_VERSION } from './version.js'

/** The sections every thread reads, in one SharedArrayBuffer: where each is, in bytes. */
export interface StoreLayout {
  terms: [number, number]
  articles: [number, number]
  table: [number, number]
  keys: [number, number]
}

/** Where the store's sections go: each at a multiple of 8. */
export function storeLayout(terms: number, articles: number, table: number, keys: number): StoreLayout {
  const articlesAt = align8(terms)
  const tableAt = articlesAt + align8(articles)
  const keysAt = tableAt + align8(table)
  return { terms: [0, terms], articles: [articlesAt, articles], table: [tableAt, table], keys: [keysAt, keys] }
}

/** The store's size for a layout (at least 8 bytes). */
export function storeSize(layout: StoreLayout): number {
  return Math.max(8, layout.keys[0] + layout.keys[1])
}

/** A checked artifact as it crosses threads: shared memory and a few small values, no text to copy. */
export interface SharedArtifact {
  header: ArtifactHeader
  /** Size of the artifact file. */
  bytes: number
  index: IndexSection
  store: SharedArrayBuffer
  layout: StoreLayout
  /** The engine's arrays, in shared memory (its terms are in the store). */
  engine: PartsArrays
}

/** A checked artifact's bytes, split into its sections. */
export interface CheckedArtifact {
  header: ArtifactHeader
  /** Size of the file. */
  bytes: number
  index: IndexSection
  section: (name: string) => Uint8Array
  /** The store, when the sections it holds were read into it already (read-file.ts). */
  store?: { buffer: SharedArrayBuffer; layout: StoreLayout }
}

/** The message of a file whose checksum does not match. */
export const corrupt = (file: string) => new ArtifactError(file, 'it is corrupt (its checksum does not match; truncated or edited?)')

/** The header at the start of an artifact's first bytes: format and version checked, a section table present; throws ArtifactError. */
export function headerOf(head: Uint8Array, file: string): ArtifactHeader {
  const newline = head.indexOf(0x0a)
  let header: ArtifactHeader
  try {
    header = JSON.parse(Buffer.from(head.buffer, head.byteOffset, newline < 0 ? head.length : newline).toString('utf8')) as ArtifactHeader
  } catch {
    throw new ArtifactError(file, 'it is not a KB index artifact (the header is not JSON)')
  }
  if (header?.format !== ARTIFACT_FORMAT) throw new ArtifactError(file, 'it is not a KB index artifact (unknown format)')
  if (header.version !== ARTIFACT_VERSION) {
    throw new ArtifactError(file, `it has format version ${header.version}, this server reads version ${ARTIFACT_VERSION}`)
  }
  if (!Array.isArray(header.sections) || typeof header.sha256 !== 'string') throw corrupt(file)
  return header
}

/** Read and check an artifact's header: format, version, and its section table, which the file's last bytes repeat; throws ArtifactError. */
export function readHeader(raw: Uint8Array, file: string): ArtifactHeader {
  const header = headerOf(raw.subarray(0, Math.min(raw.length, HEADER_BYTES)), file)
  const table = Buffer.from(JSON.stringify(header.sections), 'utf8')
  if (raw.length - table.length < HEADER_BYTES || !table.equals(raw.subarray(raw.length - table.length))) throw corrupt(file)
  return header
}

/** True when the bytes after the header region have the header's sha256. */
export function checksumMatches(raw: Uint8Array, header: ArtifactHeader): boolean {
  return createHash('sha256').update(raw.subarray(HEADER_BYTES)).digest('hex') === header.sha256
}

/** Where each section is, checked to lie within the file's sections area (after the header, before the table's copy), 8-byte aligned; throws ArtifactError. */
export function sectionTable(header: ArtifactHeader, size: number, file: string): Map<string, ArtifactSection> {
  const end = size - Buffer.byteLength(JSON.stringify(header.sections))
  const byName = new Map<string, ArtifactSection>()
  for (const s of header.sections) {
    const fits = Number.isSafeInteger(s?.offset) && Number.isSafeInteger(s.length) && s.offset >= HEADER_BYTES && s.length >= 0 && s.offset + s.length <= end
    if (!fits || s.offset % 8 !== 0) throw new ArtifactError(file, `it is corrupt (section ${JSON.stringify(s?.name)} is not within the file)`)
    byName.set(s.name, s)
  }
  return byName
}

/** The sections of an artifact whose header is checked, and its index section, checked; throws ArtifactError. */
function sectionsOf(raw: Uint8Array, header: ArtifactHeader, file: string): CheckedArtifact {
  const byName = sectionTable(header, raw.length, file)
  return withIndex(header, raw.length, file, (name) => {
    const s = byName.get(name)
    return s && raw.subarray(s.offset, s.offset + s.length)
  })
}

/** A checked artifact from its sections (undefined: the file has none of that name): the index section read and checked; throws ArtifactError. */
export function withIndex(
  header: ArtifactHeader,
  bytes: number,
  file: string,
  find: (name: string) => Uint8Array | undefined,
  store?: CheckedArtifact['store'],
): CheckedArtifact {
  const section = (name: string): Uint8Array => {
    const s = find(name)
    if (!s) throw new ArtifactError(file, `it is corrupt (it has no ${name} section)`)
    return s
  }
  let index: IndexSection
  try {
    const bytes = section('index')
    index = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8')) as IndexSection
  } catch (err) {
    if (err instanceof ArtifactError) throw err
    throw new ArtifactError(file, `it is corrupt (its index section is not JSON: ${(err as Error).message})`)
  }
  const problem = indexSectionInconsistency(index, header)
  if (problem) throw new ArtifactError(file, `its index is inconsistent (${problem})`)
  return { header, bytes, index, section, ...(store ? { store } : {}) }
}

/** Check an artifact's header, section table and checksum, and its index section's shape; throws ArtifactError. */
export function checkArtifact(raw: Uint8Array, file: string): CheckedArtifact {
  const header = readHeader(raw, file)
  if (!checksumMatches(raw, header)) throw corrupt(file)
  return sectionsOf(raw, header, file)
}

/** What is wrong with the index section's shape, or undefined. */
function indexSectionInconsistency(x: IndexSection, header: ArtifactHeader): string | undefined {
  if (typeof x !== 'object' || x === null) return 'its index section is not an object'
  const counts = [x.docCount, x.terms, x.postingLists, x.postings, x.docPostings, x.forwardPairs]
  if (!counts.every((n) => Number.isSafeInteger(n) && n >= 0)) return 'its index section does not give its sizes'
  if (x.docCount !== header.articleCount) return `the index counts ${x.docCount} articles, the artifact holds ${header.articleCount}`
  if (!Array.isArray(x.fields) || x.fields.join('\n') !== FIELD_NAMES.join('\n')) {
    return `the index has fields ${Array.isArray(x.fields) ? x.fields.join(', ') : 'missing'}; this server indexes ${FIELD_NAMES.join(', ')}`
  }
  if (x.postingLists !== x.terms) return `the index has ${x.terms} terms but postings for ${x.postingLists}`
  return x.synonyms === undefined ? undefined : synonymsInconsistency(x.synonyms)
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

/** The terms of a terms section (one per line). */
export function decodeTerms(bytes: Uint8Array, count: number): string[] {
  return count === 0 ? [] : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8').split('\n')
}

/** What is wrong with the term list, or undefined: as many as the index counts, sorted and unique. */
function termsInconsistency(terms: string[], count: number): string | undefined {
  if (terms.length !== count) return `the index counts ${count} terms, its term list holds ${terms.length}`
  for (let t = 1; t < terms.length; t++) {
    if (!(terms[t]! > terms[t - 1]!))
      return `index term ${t} (${JSON.stringify(terms[t])}) does not sort after index term ${t - 1} (${JSON.stringify(terms[t - 1])})`
  }
  return undefined
}

/**
 * Decode the postings into the engine's arrays in shared memory (PartsBuilder: its statistics in
 * the same pass), checking them as they are read: every term has postings; every posting names an
 * article in range, with a weight that fits, in (article, field) order (the field is in range by
 * construction); the counts are the index section's. Returns an article in no posting, or -1.
 */
function decodePostings(bytes: Uint8Array, x: IndexSection, terms: string[]): { arrays: PartsArrays; lost: number } {
  const n = x.docCount
  const F = x.fields.length
  const parts = new PartsBuilder(F, x.terms, x.postings, x.docPostings)
  const seen = new Uint8Array(n)
  const r = new ByteReader(bytes, 0, bytes.length)
  const more = () =>
    new Inconsistency(`the postings hold more than the ${x.postings} the index counts, or more than its ${x.docPostings} (term, article) pairs`)
  let t = 0
  const name = () => JSON.stringify(terms[t])
  try {
    for (; t < x.terms; t++) {
      parts.nextTerm()
      const count = r.varint()
      if (count === 0) throw new Inconsistency(`index term ${name()} has no postings`)
      let doc = 0
      let field = -1
      for (let i = 0; i < count; i++) {
        const step = r.varint()
        const weight = r.varint()
        const delta = Math.floor(step / F)
        const f = step - delta * F
        doc += delta
        if (doc >= n) throw new Inconsistency(`a posting of index term ${name()} names article ${doc}, but there are ${n} articles`)
        if (weight > 0x7fffffff) throw new Inconsistency(`a posting of index term ${name()} has weight ${weight}, out of range`)
        if (i > 0 && delta === 0 && f <= field) throw new Inconsistency(`the postings of index term ${name()} are not in article, field order`)
        if (!parts.add(doc, f, weight)) throw more()
        field = f
        seen[doc] = 1
      }
    }
  } catch (err) {
    if (err instanceof ShortRead) throw new Inconsistency(`the postings section ${err.message} in the postings of index term ${name()}`)
    throw err
  }
  if (!r.done) throw new Inconsistency(`the postings section holds ${r.end - r.at} bytes after the last term's postings`)
  let arrays: PartsArrays
  try {
    arrays = parts.finish()
  } catch (err) {
    throw new Inconsistency(`the index counts other sizes: ${(err as Error).message}`)
  }
  return { arrays, lost: seen.indexOf(0) }
}

/** The article table (little-endian uint32s) as an array; what is wrong with it, thrown (Inconsistency). */
export function decodeTable(bytes: Uint8Array, n: number, recordsLength: number): Uint32Array {
  if (bytes.length !== 4 * (2 * n + 1)) throw new Inconsistency(`the article table holds ${Math.floor(bytes.length / 4)} entries for ${n} articles`)
  const table = new Uint32Array(2 * n + 1)
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length)
  for (let i = 0; i < table.length; i++) {
    table[i] = view.getUint32(4 * i, true)
    if (i > 0 && table[i]! < table[i - 1]!) throw new Inconsistency(`the article table is not in order at entry ${i}`)
  }
  if (table[0] !== 0 || table[2 * n] !== recordsLength) throw new Inconsistency('the article table does not cover the article records')
  return table
}

/** Decode what a server needs of a checked artifact into shared memory; throws ArtifactError. */
export function decodeShared(checked: CheckedArtifact, file: string): SharedArtifact {
  return finishShared(checked, file, decodeIndex(checked, file))
}

/** A checked artifact's terms and postings, decoded: the engine's arrays, and an article in no posting (or -1). */
export interface DecodedIndex {
  arrays: PartsArrays
  lost: number
}

/** The first half of decodeShared, which needs only the index, terms and postings sections; throws ArtifactError. */
export function decodeIndex(checked: CheckedArtifact, file: string): DecodedIndex {
  try {
    const terms = decodeTerms(checked.section('terms'), checked.index.terms)
    const problem = termsInconsistency(terms, checked.index.terms)
    if (problem) throw new Inconsistency(problem)
    return decodePostings(checked.section('postings'), checked.index, terms)
  } catch (err) {
    throw asArtifactError(err, file)
  }
}

/** The second half of decodeShared: the article table and records checked against the postings, and the store; throws ArtifactError. */
export function finishShared(checked: CheckedArtifact, file: string, { arrays, lost }: DecodedIndex): SharedArtifact {
  const { header, index, section } = checked
  try {
    const termBytes = section('terms')
    const records = section('articles')
    const tableBytes = section('articles.table')
    const table = decodeTable(tableBytes, index.docCount, records.length)
    const keyBytes = section('articles.keys')
    if (lost >= 0) {
      const id = JSON.stringify(decodeMeta(records.subarray(table[2 * lost], table[2 * lost + 1])).article.id)
      throw new Inconsistency(`article ${lost} (${id}) is in no posting; the index lost it`)
    }
    if (checked.store) return { header, bytes: checked.bytes, index, store: checked.store.buffer, layout: checked.store.layout, engine: arrays }
    // The store: terms, records, table, keys, each at a multiple of 8.
    const layout = storeLayout(termBytes.length, records.length, tableBytes.length, keyBytes.length)
    const store = new SharedArrayBuffer(storeSize(layout))
    const bytes = new Uint8Array(store)
    bytes.set(termBytes, layout.terms[0])
    bytes.set(records, layout.articles[0])
    bytes.set(tableBytes, layout.table[0])
    bytes.set(keyBytes, layout.keys[0])
    return { header, bytes: checked.bytes, index, store, layout, engine: arrays }
  } catch (err) {
    throw asArtifactError(err, file)
  }
}

/**
 * Check an artifact's bytes and decode what a server needs, into shared memory: the postings as
 * the engine's arrays, and the terms, article records and their table copied into one store.
 * Throws ArtifactError (with its rebuild hint) on any problem.
 */
export function sharedArtifact(raw: Uint8Array, file: string): SharedArtifact {
  return decodeShared(checkArtifact(raw, file), file)
}

/** An error met decoding a checked artifact, as the ArtifactError to raise. */
export function asArtifactError(err: unknown, file: string): ArtifactError {
  if (err instanceof ArtifactError) return err
  if (err instanceof Inconsistency) return new ArtifactError(file, `its index is inconsistent (${err.message})`)
  return new ArtifactError(file, `it is corrupt (${(err as Error).message})`)
}

/** The forward index of a checked artifact (for `kb build --since`); throws Inconsistency when it does not decode. */
export function decodeForward(bytes: Uint8Array, x: IndexSection, terms: string[]): ForwardIndex {
  const F = x.fields.length
  const cells = x.docCount * F
  const lengths = new Uint32Array(cells)
  const starts = new Uint32Array(cells + 1)
  const pairs = new Uint32Array(2 * x.forwardPairs)
  const r = new ByteReader(bytes, 0, bytes.length)
  let p = 0
  try {
    for (let c = 0; c < cells; c++) {
      lengths[c] = r.varint()
      starts[c] = p
      const count = r.varint()
      if (p + count > x.forwardPairs) throw new Inconsistency(`the forward index holds more than the ${x.forwardPairs} pairs the index counts`)
      let term = 0
      for (let i = 0; i < count; i++) {
        const step = r.varint()
        term += Math.floor(step / 2)
        if (term >= terms.length) throw new Inconsistency(`the forward index names term ${term}, but there are ${terms.length}`)
        pairs[2 * p] = term
        pairs[2 * p + 1] = step % 2 === 1 ? r.varint() + 2 : 1
        p++
      }
    }
  } catch (err) {
    if (err instanceof ShortRead) throw new Inconsistency(`the forward section ${err.message}`)
    throw err
  }
  starts[cells] = p
  if (!r.done || p !== x.forwardPairs) throw new Inconsistency(`the forward section does not hold the ${x.forwardPairs} pairs the index counts`)
  return { fields: [...x.fields], docCount: x.docCount, terms, lengths, starts, pairs }
}
