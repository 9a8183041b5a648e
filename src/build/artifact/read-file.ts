/**
 * Reading an artifact file as a server does: each section is read straight to where it is used
 * (terms, article records and their table into the shared store; the index and postings into
 * buffers that are decoded, then dropped; the forward index, which a server never reads, only
 * through the checksum, a few megabytes at a time), hashing every byte on the way. Nothing is
 * copied after reading, and the file is never whole in memory: at 100,000 generated articles
 * (361 MB) the loader held the file, then a copy of its article records, about 600 MB more.
 *
 * The checksum can be taken elsewhere (`verifyChecksum`, over the same open file): a server's start
 * hashes on its main thread, idle then, while the loader thread decodes. So can the article
 * sections be read (`planStore`, `fillStore`): a server's main thread reads them into the store
 * while the loader thread starts, and the loader reads only what it decodes.
 */
import { createHash, type Hash } from 'node:crypto'
import { close, fstat, open, read } from 'node:fs'
import { promisify } from 'node:util'
import { ArtifactError } from './artifact-error.js'
import {
  corrupt,
  decodeIndex,
  decodeShared,
  finishShared,
  headerOf,
  type SharedArtifact,
  sectionTable,
  type StoreLayout,
  storeLayout,
  storeSize,
  withIndex,
} from './read.js'
import type { ArtifactHeader } from './write.js'
import { HEADER_BYTES } from './write.js'

/** Bytes read at a time for what is only hashed. */
const SKIP_CHUNK = 4 << 20

const readAt = promisify(read)
const closeFd = promisify(close)

/** Read exactly `length` bytes at `position` into `into` (at `offset`), hashing them unless no hash is given; false when the file ends first. */
async function readHashed(fd: number, hash: Hash | undefined, into: Uint8Array, offset: number, length: number, position: number): Promise<boolean> {
  for (let done = 0; done < length;) {
    const { bytesRead } = await readAt(fd, into, offset + done, length - done, position + done)
    if (bytesRead === 0) return false
    hash?.update(into.subarray(offset + done, offset + done + bytesRead))
    done += bytesRead
  }
  return true
}

/** Open an artifact file for reading; throws ArtifactError. The caller closes it (`closeArtifactFile`). */
export async function openArtifactFile(file: string): Promise<number> {
  try {
    return await promisify(open)(file, 'r')
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    throw new ArtifactError(file, code === 'ENOENT' ? 'the file does not exist' : `the file cannot be read (${code})`)
  }
}

/** Close what openArtifactFile opened. */
export const closeArtifactFile = (fd: number): Promise<void> => closeFd(fd).catch(() => undefined)

/** The artifact's header, read from an open file; throws ArtifactError. */
async function headerAt(fd: number, file: string, size: number): Promise<ArtifactHeader> {
  const head = Buffer.alloc(Math.min(size, HEADER_BYTES))
  await readAt(fd, head, 0, head.length, 0)
  return headerOf(head, file)
}

/** Check an open artifact file's checksum (everything after the header), a few megabytes at a time; throws ArtifactError when it does not match. */
export async function verifyChecksum(fd: number, file: string): Promise<void> {
  const size = (await promisify(fstat)(fd)).size
  const header = await headerAt(fd, file, size)
  const hash = createHash('sha256')
  const chunk = Buffer.allocUnsafe(SKIP_CHUNK)
  for (let at = HEADER_BYTES; at < size; at += SKIP_CHUNK) {
    if (!(await readHashed(fd, hash, chunk, 0, Math.min(SKIP_CHUNK, size - at), at))) throw corrupt(file)
  }
  if (hash.digest('hex') !== header.sha256) throw corrupt(file)
}

/**
 * An open artifact file's header and section table, checked: the file ends with the table (a
 * truncated or edited file does not), and every section is within it. Throws ArtifactError.
 */
async function sectionsAt(fd: number, file: string) {
  const size = (await promisify(fstat)(fd)).size
  const header = await headerAt(fd, file, size)
  const table = Buffer.from(JSON.stringify(header.sections), 'utf8')
  const tableAt = size - table.length
  if (tableAt < HEADER_BYTES) throw corrupt(file)
  const tail = Buffer.alloc(table.length)
  const { bytesRead } = await readAt(fd, tail, 0, tail.length, tableAt)
  if (bytesRead !== tail.length || !tail.equals(table)) throw corrupt(file)
  return { size, header, table, tableAt, tail, byName: sectionTable(header, size, file) }
}

/** How sharedArtifactFromFile reads. */
export interface ReadOptions {
  /** An open file to read (openArtifactFile; left open): a file replaced meanwhile is not read halfway from each. */
  fd?: number
  /** False: the checksum is checked elsewhere (verifyChecksum), and what is only hashed is not read. Default true. */
  checksum?: boolean
  /** Called with the store (terms, article records and table) once every section is read, before the postings are decoded. */
  onStore?: (store: ReadStore) => void
  /**
   * A store whose article sections another thread reads (fillStore): only the index, terms and
   * postings are read here, and they are decoded once `filled` resolves. Needs `checksum: false`.
   */
  given?: GivenStore
}

/** A store another thread fills with the article sections (planStore, fillStore), and when it has. */
export interface GivenStore {
  store: SharedArrayBuffer
  layout: StoreLayout
  filled: Promise<void>
}

/** The sections that go into the store as they are (the terms too, which the loader reads and decodes itself). */
const ARTICLE_SECTIONS = ['articles', 'articles.table', 'articles.keys'] as const

/** A store planned from an artifact's header, before any section is read: its layout, and where each article section is in the file. */
export interface PlannedStore {
  store: SharedArrayBuffer
  layout: StoreLayout
  /** The article sections and the index section, where they are in the file. */
  sections: Map<string, { offset: number; length: number }>
  header: ArtifactHeader
  size: number
}

/** The store's layout for an artifact's sections (by name). */
function layoutOf(byName: ReadonlyMap<string, { length: number }>): StoreLayout {
  const length = (name: string) => byName.get(name)?.length ?? 0
  return storeLayout(length('terms'), length('articles'), length('articles.table'), length('articles.keys'))
}

/** Where each section the store holds goes in it, by section name. */
function storeViews(store: SharedArrayBuffer, layout: StoreLayout): Map<string, Uint8Array> {
  return new Map([
    ['terms', new Uint8Array(store, layout.terms[0], layout.terms[1])],
    ['articles', new Uint8Array(store, layout.articles[0], layout.articles[1])],
    ['articles.table', new Uint8Array(store, layout.table[0], layout.table[1])],
    ['articles.keys', new Uint8Array(store, layout.keys[0], layout.keys[1])],
  ])
}

/**
 * Plan the store of an open artifact file from its header (checked, as a load checks it): its
 * layout, and the shared memory for it, empty. The article count comes with fillStore. Throws ArtifactError.
 */
export async function planStore(fd: number, file: string): Promise<PlannedStore> {
  const { size, header, byName } = await sectionsAt(fd, file)
  const layout = layoutOf(byName)
  const sections = new Map([...byName].filter(([name]) => name === 'index' || (ARTICLE_SECTIONS as readonly string[]).includes(name)))
  return { store: new SharedArrayBuffer(storeSize(layout)), layout, sections, header, size }
}

/**
 * Read the article sections of a planned store into it, and the index section for the article
 * count (checked). The checksum is not taken: the caller takes it over the same file (verifyChecksum)
 * before the store is used. Throws ArtifactError.
 */
export async function fillStore(fd: number, file: string, plan: PlannedStore): Promise<ReadStore> {
  const views = storeViews(plan.store, plan.layout)
  const index = plan.sections.get('index')
  if (index) views.set('index', Buffer.allocUnsafe(index.length)) // none: withIndex says so
  await Promise.all(
    [...plan.sections].map(async ([name, s]) => {
      if (!(await readHashed(fd, undefined, views.get(name)!, 0, s.length, s.offset))) throw corrupt(file)
    }),
  )
  const checked = withIndex(plan.header, plan.size, file, (name) => views.get(name))
  return { store: plan.store, layout: plan.layout, docCount: checked.index.docCount }
}

/** The store of an artifact being read, before its index is decoded: enough to open its articles (open.ts openArticlesInTurns). */
export interface ReadStore {
  store: SharedArrayBuffer
  layout: StoreLayout
  docCount: number
}

/** Check an artifact file and decode what a server needs into shared memory (read.ts), reading each section once; throws ArtifactError. */
export async function sharedArtifactFromFile(file: string, options: ReadOptions = {}): Promise<SharedArtifact> {
  const fd = options.fd ?? (await openArtifactFile(file))
  const checksum = options.checksum ?? true
  try {
    const { size, header, table, tableAt, tail, byName } = await sectionsAt(fd, file)
    const sections = [...header.sections].sort((a, b) => a.offset - b.offset)
    for (let i = 1; i < sections.length; i++) {
      if (sections[i]!.offset < sections[i - 1]!.offset + sections[i - 1]!.length) throw new ArtifactError(file, 'it is corrupt (its sections overlap)')
    }
    const length = (name: string) => byName.get(name)?.length ?? 0
    const given = options.given
    if (given && checksum) throw new Error('a store filled elsewhere is read without the checksum (it is taken elsewhere)')
    const layout = layoutOf(byName)
    if (given && JSON.stringify(given.layout) !== JSON.stringify(layout)) throw corrupt(file)
    const store = given?.store ?? new SharedArrayBuffer(storeSize(layout))
    const targets = storeViews(store, layout)
    targets.set('index', Buffer.allocUnsafe(length('index')))
    targets.set('postings', Buffer.allocUnsafe(length('postings')))
    const hash = checksum ? createHash('sha256') : undefined
    const scratch = hash ? Buffer.allocUnsafe(SKIP_CHUNK) : Buffer.alloc(0)
    const skip = async (from: number, to: number) => {
      if (!hash) return to <= size // nothing to hash: not read
      for (let at = from; at < to; at += SKIP_CHUNK) if (!(await readHashed(fd, hash, scratch, 0, Math.min(SKIP_CHUNK, to - at), at))) return false
      return true
    }
    let at = HEADER_BYTES
    let complete = true
    for (const s of sections) {
      // A given store's article sections are read by the thread that gave it.
      const elsewhere = given !== undefined && (ARTICLE_SECTIONS as readonly string[]).includes(s.name)
      const into = byName.get(s.name) === s && !elsewhere ? targets.get(s.name) : undefined
      complete &&= await skip(at, s.offset)
      complete &&= into ? await readHashed(fd, hash, into, 0, s.length, s.offset) : await skip(s.offset, s.offset + s.length)
      at = s.offset + s.length
    }
    complete &&= await skip(at, tableAt)
    complete &&= await readHashed(fd, hash, tail, 0, table.length, tableAt)
    if (!complete || !tail.equals(table) || (hash && hash.digest('hex') !== header.sha256)) throw corrupt(file)
    const found = (name: string) => (byName.has(name) ? targets.get(name) : undefined)
    const checked = withIndex(header, size, file, found, { buffer: store, layout })
    if (given) {
      // The postings first: the article sections being read elsewhere are needed only to check them against the postings.
      const decoded = decodeIndex(checked, file)
      await given.filled
      return finishShared(checked, file, decoded)
    }
    options.onStore?.({ store, layout, docCount: checked.index.docCount })
    return decodeShared(checked, file)
  } finally {
    if (options.fd === undefined) await closeArtifactFile(fd)
  }
}
